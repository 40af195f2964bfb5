"""The precision gate (check/gate.py): a weakly identified disagreement is a warning of the same kind, never an
error, and its claim is unverifiable. Sentences of our own."""

from watchfloor.check import check_text
from watchfloor.store import Store

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
