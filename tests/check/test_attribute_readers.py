"""Attributes read in new ways: a swapped nationality in a list, two round figures apart, units from store keys
(sentences of our own, read against the demo store)."""

import pytest


def _found(db, text: str, kind: str) -> list[str]:
    from watchfloor.check import check_text

    return [f.quote for f in check_text(db, text, "t").findings if f.kind == kind]


@pytest.mark.usefixtures("rules_only")
def test_one_nationality_of_a_list_swapped(demo_db) -> None:
    right = ("On 31 March 2025 the Tajik, Kyrgyz and Uzbek presidents met in Khujand and signed a treaty fixing "
             "the junction point of their borders.")
    assert _found(demo_db, right, "wrong_actor") == []
    assert _found(demo_db, right.replace("Uzbek", "Kazakh"), "wrong_actor") == ["Kazakh"]


@pytest.mark.usefixtures("rules_only")
def test_two_approximate_figures_a_rounding_step_apart(demo_db) -> None:
    right = ("In August 2024 Labour Minister Gulnora Hasanzoda told TASS that Russia had expelled more than "
             "17,000 Tajik migrants in the first half of the year, more than in all of 2023, when about 11,000 "
             "were expelled.")
    assert _found(demo_db, right, "wrong_number") == []
    assert _found(demo_db, right.replace("about 11,000", "about 13,000"), "wrong_number") == ["about 13,000"]


@pytest.mark.usefixtures("rules_only")
def test_a_unit_in_a_store_key_meets_the_same_unit_in_text(demo_db) -> None:
    right = ("On 15 December 2024 Ganfeng Lithium began production at the first phase of the Goulamina mine in "
             "Bougouni region, designed for 506,000 tonnes of concentrate a year.")
    assert _found(demo_db, right, "wrong_number") == []
    assert _found(demo_db, right.replace("506,000", "560,000"), "wrong_number") == ["560,000 tonnes"]


def test_units_of_store_keys() -> None:
    from watchfloor.check.figures import parse_key

    assert (parse_key("capacity_tonnes", 506000).unit, parse_key("capacity_gw", 3.6).value) == ("tonnes", 3600.0)
    assert parse_key("capacity_gw", 3.6).unit == "mw"
    assert parse_key("people_targeted_million", 4.1).value == 4_100_000 and parse_key("killed", 5).value == 5


def test_rounding_steps() -> None:
    from watchfloor.extract.numbers import rounding_step

    assert [rounding_step(v) for v in (13000, 145, 150, 45.3, 7)] == [1000, 1, 10, 0.1, 1]


@pytest.mark.usefixtures("rules_only")
def test_a_bound_of_the_event_contradicted(demo_db) -> None:
    right = ("On 24 March 2024 Moscow's Basmanny District Court charged the four alleged Crocus gunmen with a group "
             "terrorist act and ordered them held until 22 May.")
    assert _found(demo_db, right, "wrong_date") == []
    assert _found(demo_db, right.replace("22 May", "22 June"), "wrong_date") == ["22 June"]


@pytest.mark.usefixtures("rules_only")
def test_a_count_tied_to_its_verb_by_the_parse(demo_db) -> None:
    right = ("On 31 May 2022 the Interior Ministry said five men on the wanted list since 18 May had been killed "
             "in a mountain operation near Derzud village in Rushon.")
    assert _found(demo_db, right, "wrong_number") == []
    assert _found(demo_db, right.replace("five men", "seven men"), "wrong_number") == ["seven men"]


def test_the_verb_a_count_belongs_to() -> None:
    from watchfloor.extract.counted import verb_category

    s = "Police arrested 40 people after the clash, in which two officers died."
    assert verb_category(s, s.index("40"), s.index("40") + 9) == "arrested"
    assert verb_category(s, s.index("two"), s.index("two") + 12) == "killed"


def test_a_place_of_the_event_counted_from_is_not_the_claims(demo_db) -> None:
    from watchfloor.check import api
    from watchfloor.check.attributes import located_places

    text = "Ten days after the coup in Bamako, more than 600 rebels captured Tessalit and its airstrip."
    claims = api.extract(text, api.gazetteer_for(demo_db), None, None).claims
    assert [m.text for c in claims for m in located_places(c)] == []
    plain = "Rebels who had left Bamako took the garrison in Tessalit after a long siege."
    claims = api.extract(plain, api.gazetteer_for(demo_db), None, None).claims
    assert [m.text for c in claims for m in located_places(c)] == ["Tessalit"]


def test_the_doer_of_a_verb_is_not_what_it_counts() -> None:
    from watchfloor.extract.counted import verb_category

    s = "Two suicide bombings killed about 95 people in Ankara."
    assert verb_category(s, 0, len("Two suicide bombings")) is None


def test_a_date_in_a_since_or_after_phrase_dates_that_event() -> None:
    from watchfloor.extract.bounds import dated_reference

    def other(text: str, date: str) -> bool:
        at = text.index(date)
        return dated_reference(text, at, at + len(date)) is not None

    assert other("It was the deadliest attack on Russian soil since the Beslan school siege in 2004.", "2004")
    assert other("The talks resumed after the ceasefire in May 2022.", "May 2022")
    assert not other("Gunmen attacked the Crocus City Hall in March 2024.", "March 2024")
    assert not other("He has been president since November 1994.", "November 1994")


def test_bounds_of_different_words_are_not_compared() -> None:
    from watchfloor.extract.bounds import bounded

    a = "Emomali Rahmon has ruled Tajikistan since November 1992."
    b = "He has been president since November 1994."
    assert bounded(a, a.index("November"), a.index("November") + 13) == "rule"
    assert bounded(b, b.index("November"), b.index("November") + 13) == "president"
    c = "Emomali Rahmon has been at the top since November 1992."
    assert bounded(c, c.index("November"), c.index("November") + 13) == "top"
