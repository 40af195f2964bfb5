"""What changed since a previous brief (its Markdown or JSON) or since a date: the same answer three ways."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.brief.conftest import TODAY
from watchfloor.analyse.timeline import Period
from watchfloor.brief import Brief, write_brief
from watchfloor.brief.changes import MAX_NEW
from watchfloor.brief.previous import from_file, to_dict
from watchfloor.dates import parse_iso
from watchfloor.errors import ConfigError, InputError
from watchfloor.store import Store

CUTOFF = date(2025, 6, 30)
ROWS = [
    # the front's likelihood is the plan's proposition, judged (the tenth review): at 30 June 2025 the border's
    # attacks signpost was not met and Dushanbe's own count silent, two bands below 'likely'; now only the count is
    ("Judgment: The Afghan border", "unlikely, low confidence", "roughly even chance, moderate confidence"),
    # the threat persists abroad and at the border: at 30 June 2025 no jihadist attack on the border was recorded
    ("Judgment: Jihadist violence abroad", "roughly even chance, high confidence", "likely, high confidence"),
    # still dependent on Russia: at 30 June 2025 a signpost it rests on lowered it; now its deployments hold
    # their level, which a claim that dependence holds fits (the eleventh review: a plateau is no lowering)
    ("Judgment: Dependence on Russia", "likely, moderate confidence", "very likely, moderate confidence"),
    ("Signpost: Attacks by armed groups on Tajikistan's border from Afghan territory, more than the year before",
     "not met", "met"),
    ("Signpost: Dushanbe's security talks with the Taliban", "not met", "met"),
    ("Signpost: Jihadist attacks on Tajikistan from Afghan territory", "not met", "met"),
    ("Signpost: Chinese loans, projects, trade and cooperation agreements", "met", "not met"),
    ("Signpost: Beijing's calls on its nationals to leave the border area", "not met", "met"),
]


@pytest.fixture(scope="module")
def old(_facts_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A brief written mid-2025 (evidence to 30 June 2025), saved as .md and .json; returns the .md."""
    folder = tmp_path_factory.mktemp("old")
    with Store.open(_facts_template, read_only=True) as store:
        b = write_brief(store, "TJK", Period(None, parse_iso("2025-06")), today=date(2025, 7, 15),
                        self_check=False, figures=False)
    (folder / "old.md").write_text(b.markdown, encoding="utf-8")
    (folder / "old.json").write_text(json.dumps(to_dict(b)), encoding="utf-8")
    return folder / "old.md"


def since(store: Store, earlier: object, self_check: bool = False) -> Brief:
    return write_brief(store, "TJK", today=TODAY, self_check=self_check, figures=False, since=earlier)  # type: ignore[arg-type]


def test_markdown_json_and_date_agree(facts_db: Store, old: Path) -> None:
    briefs = [since(facts_db, from_file(old)), since(facts_db, from_file(old.with_suffix(".json"))),
              since(facts_db, CUTOFF)]
    for b in briefs:
        assert b.contents.changes is not None
        assert [r.cells for r in b.contents.changes.table.rows] == ROWS
    assert briefs[0].contents.changes.heading == \
        "What Changed Since the Brief of 15 July 2025 (Evidence to 30 June 2025)"  # type: ignore[union-attr]
    assert briefs[2].contents.changes.heading == "What Changed Since 30 June 2025"  # type: ignore[union-attr]


def test_new_events_are_those_dated_after_the_earlier_cutoff(facts_db: Store, old: Path) -> None:
    b = since(facts_db, from_file(old))
    new = [f for f in b.evidence.period if f.date.end > CUTOFF]  # a year-only 2025 event too: the old brief lacked it
    assert len(new) == 13 and {f.date.precision for f in new} == {"day", "month", "year"}
    events = b.contents.changes.events  # type: ignore[union-attr]
    assert events[0].text == ("13 events are new since the brief of 15 July 2025 (evidence to 30 June 2025); the "
                              "eight latest follow")
    assert set(events[0].events) == {f.id for f in new}
    assert [s.events[0] for s in events[1:]] == [f.id for f in new[-MAX_NEW:]]
    assert any(s.text.startswith("On 26 November 2025, a grenade-carrying drone") for s in events)


def test_json_counts_an_event_learned_after_the_earlier_brief(facts_db: Store, old: Path, tmp_path: Path) -> None:
    data = json.loads(old.with_suffix(".json").read_text(encoding="utf-8"))
    crocus = "fact-372dbc340cf3d9ad"
    data["events"].remove(crocus)
    path = tmp_path / "without-crocus.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    events = since(facts_db, from_file(path)).contents.changes.events  # type: ignore[union-attr]
    assert events[0].text.startswith("14 events are new since") and crocus in events[0].events


def test_markdown_section_sits_after_the_summary_and_is_self_checked(facts_db: Store, old: Path) -> None:
    b = since(facts_db, from_file(old), self_check=True)
    md = b.markdown
    assert md.index("\n## Bottom Line\n") < md.index("\n## What Changed Since the Brief of 15 July 2025") \
        < md.index("\n## Key Judgments\n")
    assert "| Signpost: Chinese loans, projects, trade and cooperation agreements | met | not met | [" in md
    assert b.check is not None and b.check.errors == [] and b.dropped == []


def test_nothing_changed_says_so(facts_db: Store, tmp_path: Path) -> None:
    now = since(facts_db, None)
    path = tmp_path / "now.md"
    path.write_text(now.markdown, encoding="utf-8")
    changes = since(facts_db, from_file(path)).contents.changes
    assert changes is not None and changes.events == []
    assert [r.cells for r in changes.table.rows] == [("No new event; no judgment or signpost changed", "–", "–")]


def test_bad_earlier_readings_are_refused(facts_db: Store, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n\nNothing here.\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="notes.md: not a brief"):
        from_file(tmp_path / "notes.md")
    with pytest.raises(InputError, match="broken.json: not a brief's JSON"):
        from_file(tmp_path / "broken.json")
    with pytest.raises(InputError, match="missing.md: no such file"):
        from_file(tmp_path / "missing.md")
    with pytest.raises(ConfigError, match="not before the evidence cut-off 2025-12-31"):
        since(facts_db, date(2026, 1, 1))


def test_cli_since_brief_and_changed_since(cli, facts_db_path: Path, old: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.md"
    res = cli("--db", facts_db_path, "brief", "tj", "--since-brief", old, "-o", out)
    assert res.code == 0, res.err
    assert "## What Changed Since the Brief of 15 July 2025" in out.read_text(encoding="utf-8")
    res = cli("--db", facts_db_path, "brief", "tj", "--changed-since", "2025-06-30", "--format", "json", "-o",
              tmp_path / "new.json")
    assert res.code == 0, res.err
    data = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    from watchfloor.analyse.watchplan import bundled_plan

    indicators = sum(len(q.indicators) for q in bundled_plan("TJK").questions)  # the plan's, however many it has
    assert data["cutoff"] == "2025-12-31" and len(data["signposts"]) == indicators and data["record"] is None
    assert {"question", "short", "answer", "likelihood", "confidence"} == set(data["judgments"][0])
    res = cli("--db", facts_db_path, "brief", "tj", "--since-brief", old, "--changed-since", "2025")
    assert res.code == 2 and "both given" in res.err
    res = cli("--db", facts_db_path, "brief", "tj", "--since-brief", tmp_path / "nope.md")
    assert res.code == 2 and "nope.md: no such file" in res.err and "Traceback" not in res.err
