"""Terms of years read through the parse, whatever stands between the verb and its term."""

from __future__ import annotations

from watchfloor.extract.quantities import find_quantities
from watchfloor.extract.terms import read_terms


def _years(sentence: str) -> list[tuple[str, str | None]]:
    quants = read_terms(sentence, 0, find_quantities(sentence, 0, len(sentence), []))
    return [(q.text, q.category) for q in quants if q.unit == "years"]


def test_a_long_apposition_between_verb_and_term() -> None:
    s = ("In January 2021 a Düsseldorf court sentenced Ravsan B., a Tajik from Wuppertal who co-founded the "
         "cell, to seven years for membership in a foreign terrorist group.")
    assert _years(s) == [("seven years", "sentence_years")]


def test_time_spent_is_no_term() -> None:
    assert _years("He had lived in Turkey for five years before he was sentenced in Dushanbe.") == [
        ("five years", None)]


def test_years_fought_before_a_sentence_are_no_term() -> None:
    assert _years("He fought in Syria for two years, and a court in Khujand sentenced him in 2016.") == [
        ("two years", None)]
