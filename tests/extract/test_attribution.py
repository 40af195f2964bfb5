"""In-text attribution from the parse, and missing_source satisfied by it."""

from __future__ import annotations

from pathlib import Path

from watchfloor.check import check_text
from watchfloor.extract.attribution import attributions
from watchfloor.store import Store


def test_reported_speech_with_a_noun_subject_is_attribution() -> None:
    assert attributions("Five men were killed near the border, the Interior Ministry said.") == 1
    assert attributions("The Foreign Ministry said 954 citizens were held. Officials said two were freed.") == 2
    assert attributions("The report examines the implications of these dynamics. It was a bad year.") == 0
    assert attributions("We think that the regime is stable.") == 0  # a pronoun names no source


def test_counting_stops_at_enough_and_reads_a_bounded_prefix() -> None:
    text = "Officials said five were killed.\n" * 50
    assert attributions(text, enough=3) == 3
    assert attributions("x " * 20_000 + "\nOfficials said five were killed.") == 0


def test_missing_source_only_when_nothing_is_attributed(demo_db_path: Path) -> None:
    bare = "In 2024 five men were killed near the border. The attack was the deadliest in years."
    told = ("In 2024 five men were killed near the border, the Interior Ministry said. "
            "The attack was the deadliest in years.")
    with Store.open(demo_db_path, read_only=True) as store:
        assert [f.kind for f in check_text(store, bare, "bare").findings if f.kind == "missing_source"]
        assert not [f.kind for f in check_text(store, told, "told").findings if f.kind == "missing_source"]
