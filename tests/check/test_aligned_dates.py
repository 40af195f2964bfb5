"""Read through the parse: a date, a figure and a measure each belong to the predicate that holds them."""

from watchfloor.check import check_text
from watchfloor.store import Store

DEBT = ("In 2020 external debt reached about $3.163bn on 1 October, up $275m from $2.888bn at the start of the "
        "year, mainly because of a $189.5m IMF loan in {month}.")


def _kinds(report, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.quote for f in report.findings if f.kind == kind]


def test_a_thing_the_summary_dates_otherwise_is_misdated(demo_db: Store) -> None:
    """The loan the store dates to May is put in March, though the sentence's own date (1 October) fits."""
    wrong = check_text(demo_db, DEBT.format(month="March"), "debt")
    assert [q for q in _kinds(wrong, "wrong_date") if "March" in q], wrong.findings
    right = check_text(demo_db, DEBT.format(month="May"), "debt")
    assert _kinds(right, "wrong_date") == []


def test_a_figure_written_to_two_decimals_is_not_the_stores_other_value(demo_db: Store) -> None:
    text = "In September 2017 Tajikistan sold its first Eurobond, $500m over ten years at a yield of {}."
    assert _kinds(check_text(demo_db, text.format("7.25%"), "bond"), "wrong_number") == ["7.25%"]
    assert _kinds(check_text(demo_db, text.format("7.125%"), "bond"), "wrong_number") == []


def test_a_date_a_state_has_held_since_is_no_error_alone(demo_db: Store) -> None:
    """'Under construction since 2017' bounds when the work began; the store's 2016 river closure is one step of
    it. The disagreement is said, as a warning that gives the reason, not raised as an error."""
    text = ("The Rogun dam on the Vakhsh River has been under construction since 2017 and is projected to be fully "
            "operational in 2033.")
    report = check_text(demo_db, text, "rogun")
    assert [f.quote for f in report.errors] == []


def test_a_figure_reached_the_other_way_is_a_change_told_backwards(demo_db: Store) -> None:
    """The store's remittances 'jumped … to $5.3bn' in 2022; a report that has them falling to the same figure tells
    the change the wrong way round, although no number follows the word of falling."""
    text = ("Tajikistan's economy.\n\nRemittances {} in 2022, to $5.3bn, against the forecasts made after Russia "
            "invaded Ukraine.")
    wrong = check_text(demo_db, text.format("fell sharply"), "remittances")
    assert [f.severity for f in wrong.findings if f.kind == "contradicted" and "$5.3bn" in f.quote] == ["error"]
    right = check_text(demo_db, text.format("rose sharply"), "remittances")
    assert _kinds(right, "contradicted") == []
