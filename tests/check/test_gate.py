"""The precision gate (check/gate.py): a weakly identified disagreement is a warning of the same kind, never an
error, and its claim is unverifiable. Sentences of our own."""

import pytest

from watchfloor.check import check_text
from watchfloor.store import Store

pytestmark = pytest.mark.usefixtures("rules_only")

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def test_relative_date_is_a_warning_not_an_error(demo_db: Store) -> None:
    text = ("On 3 January 2024 the interior ministry held a press briefing in Dushanbe. "
            "Two months later, gunmen attacked Crocus City Hall outside Moscow.")
    report = check_text(demo_db, text, "t", STYLE)
    assert not [f for f in report.errors if f.kind == "wrong_date"]


def test_measure_named_in_another_clause_is_a_warning(demo_db: Store) -> None:
    text = "Public debt came to $3.6bn at the start of 2024, with $3.2bn of that sum owed abroad."
    report = check_text(demo_db, text, "t", STYLE)
    assert not [f for f in report.errors if f.kind == "wrong_number" and f.quote == "$3.2bn"]
    doc = report.to_dict()
    assert doc["summary"]["errors"] == len(report.errors)
    assert doc["summary"]["warnings"] == len(report.warnings)


def test_strong_wrong_date_stays_an_error(demo_db: Store) -> None:
    text = "The 2022 assault on Crocus City Hall near Moscow was claimed by ISIS-K."
    report = check_text(demo_db, text, "t", STYLE)
    assert [f for f in report.errors if f.kind == "wrong_date"]


def test_counts_of_different_things_are_no_list(demo_db: Store) -> None:
    text = ("On 26 November 2025 a drone and gunfire from Afghanistan hit the Shohin SM camp in Khatlon, "
            "killing four Chinese workers and wounding one.")
    report = check_text(demo_db, text, "t", STYLE)
    assert [f.quote for f in report.errors if f.kind == "wrong_number"] == ["four Chinese workers"]


def test_day_without_its_year_is_firm_and_anchors_what_follows(demo_db: Store) -> None:
    text = ("Friday, 26 December 2025. On 26 November, a drone from Afghanistan hit the Shohin SM camp in Khatlon. "
            "Four days later, gunmen shot dead two China Road and Bridge Corporation road workers at Shodaki village.")
    report = check_text(demo_db, text, "t", STYLE)
    assert not [f for f in report.findings if f.kind == "wrong_date"]
    visit = ("Friday, 26 December 2025. On 15 October a 14-member Tajik delegation of security and foreign-ministry "
             "officials reached Kabul and met Taliban foreign minister Amir Khan Muttaqi.")
    report = check_text(demo_db, visit, "t", STYLE)
    assert [f for f in report.errors if f.kind == "wrong_date" and "15 October" in f.quote]


def test_districts_far_apart_contradict(demo_db: Store) -> None:
    text = ("On 30 November 2025 gunmen killed two road workers of China Road and Bridge Corporation near Shodaki "
            "village in Murghab district.")
    report = check_text(demo_db, text, "t", STYLE)
    assert [(f.kind, f.quote) for f in report.errors] == [("contradicted", "Murghab")]
