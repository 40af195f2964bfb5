"""Event date and report date kept apart: the event's date leads; a later first report is named, never guessed."""

from __future__ import annotations

from pathlib import Path

from tests.brief.conftest import TODAY
from watchfloor.analyse.timeline import Period
from watchfloor.brief import write_brief
from watchfloor.dates import parse_iso
from watchfloor.store import Store

ICE = "fact-1cda760e328364db"
CROCUS = "fact-372dbc340cf3d9ad"


def dated(path: Path, event: str, day: str | None) -> None:
    with Store.open(path) as store:
        store.con.execute("UPDATE source SET published_at = ? WHERE id IN "
                          "(SELECT source_id FROM event_source WHERE event_id = ?)", [day, event])


def annex_sentence(path: Path, start: str) -> str:
    with Store.open(path, read_only=True) as store:
        b = write_brief(store, "TJK", Period(parse_iso("2024-03"), parse_iso("2024-06")), today=TODAY,
                        self_check=False, figures=False)
    return next(s.text for s in b.sentences if s.text.startswith(start))


def test_a_later_report_is_named_after_the_event(facts_db_path: Path) -> None:
    dated(facts_db_path, ICE, "2024-06-13")
    assert annex_sentence(facts_db_path, "On 11 June 2024, ICE").endswith(
        "on immigration grounds, without terrorism charges (reported on 13 June 2024)")


def test_a_report_the_same_day_or_undated_says_nothing(facts_db_path: Path) -> None:
    dated(facts_db_path, CROCUS, "2024-03-22")
    dated(facts_db_path, ICE, None)
    assert "reported on" not in annex_sentence(facts_db_path, "On 22 March 2024, four Tajik gunmen")
    assert "reported on" not in annex_sentence(facts_db_path, "On 11 June 2024, ICE")


def test_the_self_check_accepts_the_report_date(facts_db_path: Path) -> None:
    dated(facts_db_path, ICE, "2024-06-13")
    with Store.open(facts_db_path, read_only=True) as store:
        b = write_brief(store, "TJK", Period(parse_iso("2024-06"), parse_iso("2024-06")), today=TODAY, figures=False)
    assert "(reported on 13 June 2024) [" in b.markdown and b.dropped == []
