import pytest

from watchfloor.extract.quantities import find_quantities


def q(text: str, skip: list[tuple[int, int]] | None = None):
    return find_quantities(text, 0, len(text), skip or [])


@pytest.mark.parametrize("text,value,category,unit", [
    ("U.S. agents arrested eight Tajik nationals in raids", 8, "arrested", "count"),
    ("the attack, killing 45 people, shocked", 45, "killed", "count"),
    ("nine officers died and six were wounded", 9, "killed", "count"),
    ("all six detainees were freed", 6, "arrested", "count"),
    ("Russia deported about 13,000 Tajik citizens", 13000, "deported", "count"),
    ("deportations of Tajiks rose to about 30,000", 30000, "deported", "count"),
    ("sentenced one of them, Ravsan B., to nine years", 9, "sentence_years", "years"),
    ("a court gave him two death sentences", 2, "sentenced", "count"),
])
def test_what_a_number_counts(text: str, value: float, category: str, unit: str) -> None:
    first = q(text)[0]
    assert (first.value, first.category, first.strong, first.unit) == (value, category, True, unit)


def test_hedges_units_and_shares() -> None:
    (share,) = q("Tajikistan owed nearly 60% of its foreign debt to China")
    assert share.unit == "pct" and share.hi <= 60.6 and share.lo < 55 and share.of == "its foreign debt to china"
    (money,) = q("the plant cost $3.9bn to build")
    assert money.unit == "usd" and money.value == 3.9e9
    (over,) = q("over 30,000 were deported")
    assert over.lo == 30000 and over.hi > 40000
    (mw,) = q("a capacity of 3,780 MW")
    assert mw.unit == "mw" and mw.value == 3780


def test_what_is_not_a_count() -> None:
    text = "Russia's 201st base [3] and [3, 4] hosted drills; three of five Tajiks were deported."
    found = q(text, [(text.index("[3]"), text.index("[3]") + 3), (text.index("[3, 4]"), text.index("[3, 4]") + 6)])
    assert [(x.value, x.category) for x in found] == [(3, "deported"), (5, None)]
    (partial,) = [x for x in q("killing two Americans, a Swiss and a Dutch national") if x.value == 2]
    assert partial.category is None


def test_ages_totals_and_defendants() -> None:
    assert [(x.value, x.unit) for x in q("lowered the minimum age for president to 30")] == [(30, "age")]
    total = q("With 13 of the 17 defendants facing charges")[1]
    assert (total.value, total.category, total.strong) == (17, "defendants", True)
    tried = q("The trial of 19 people opened")[0]
    assert (tried.value, tried.category) == (19, "defendants")


def test_a_figure_after_a_passive_by_is_a_level_not_a_change() -> None:
    from watchfloor.extract.quantities import find_quantities

    def read(text: str) -> list[tuple[str, float]]:
        return [(q.text, q.value) for q in find_quantities(text, 0, len(text), [])]

    assert read("The referendum was approved by 96.5% of voters.") == [("96.5% of voters", 96.5)]
    assert read("Exports fell by about $87m.") == []
