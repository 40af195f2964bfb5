"""A brief written on a day knows nothing dated after it, whatever the store holds by now."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.brief.conftest import TODAY
from watchfloor.brief import write_brief
from watchfloor.ingest import ImportOptions, import_path
from watchfloor.store import Store

LATER = {
    "date": "2026-04-17", "event_type": "border_clash", "country": "Tajikistan", "location": "Dushanbe",
    "summary": "Border guards near Dushanbe shot dead two armed men who had crossed the river at night.",
    "actors": ["Border guards"], "numbers": {"killed": 2}, "source_url": "https://example.org/later-fact",
}


def test_a_fact_dated_after_the_day_of_writing_is_invisible(facts_db_path: Path) -> None:
    pack = facts_db_path.with_name("later.jsonl")
    pack.write_text(json.dumps(LATER) + "\n", encoding="utf-8")
    with Store.open(facts_db_path) as store:
        import_path(store, pack, ImportOptions(quiet=True))
    with Store.open(facts_db_path, read_only=True) as store:
        then = write_brief(store, "TJK", today=TODAY, self_check=False, figures=False)
        later = write_brief(store, "TJK", today=date(2026, 5, 1), self_check=False, figures=False)
    assert then.evidence.end.end <= TODAY, "the open end closes on the day of writing at the latest"
    assert not any(f.date.start > TODAY for f in then.evidence.facts), "nothing from after the day of writing"
    assert "17 April 2026" not in then.markdown and "shot dead two armed men" not in then.markdown
    assert later.evidence.end.end == date(2026, 4, 17), "written after it, the brief reads it"
    assert any("shot dead two armed men" in f.summary for f in later.evidence.period)
