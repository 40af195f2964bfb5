"""Intervals counted from a named event, read from the parse (sentences of our own)."""

import pytest

from watchfloor.extract.intervals import intervals


@pytest.mark.parametrize(("text", "span", "days", "sign", "anchor"), [
    ("Two days after the drone strike, gunmen attacked a mine.", "Two days after the drone strike", 2, 1,
     "the drone strike"),
    ("A fortnight after the bombings, the police arrested 35 people.", "A fortnight after the bombings", 14, 1,
     "the bombings"),
    ("He was detained two weeks before the attack on the concert hall, officials said.",
     "two weeks before the attack on the concert hall", 14, -1, "the attack on the concert hall"),
    ("The plant opened some sixteen months after the contract was signed.",
     "some sixteen months after the contract was signed", 487, 1, "after the contract was signed"),
    ("When the king met the envoy in Strelsau in May, two days after the minister toured the barracks, he praised "
     "the garrison.", "two days after the minister toured the barracks", 2, 1, "the minister toured the barracks"),
    ("The court banned the party, a week before the march its leader had called for in Zenda.",
     "a week before the march its leader had called for in Zenda", 7, -1, "the march its leader had called for in "
     "Zenda"),
])
def test_an_interval_and_its_anchor(text: str, span: str, days: float, sign: int, anchor: str) -> None:
    found = intervals(text)
    assert len(found) == 1
    iv = found[0]
    assert (text[iv.start:iv.end], round(iv.days), iv.sign, text[iv.anchor_start:iv.anchor_end]) == (
        span, days, sign, anchor)


def test_a_hedged_interval_is_looser() -> None:
    exact, = intervals("Three weeks after the vote, the court met.")
    rough, = intervals("About three weeks after the vote, the court met.")
    assert rough.days == exact.days == 21 and rough.slack > exact.slack


@pytest.mark.parametrize("text", [
    "Three weeks later the talks resumed.",           # counted from a date, not an event: dates.py reads it
    "The men spent two years in prison after the trial.",
    "After the attack, the borders closed for months.",
])
def test_no_interval_from_a_named_event(text: str) -> None:
    assert intervals(text) == []
