"""`--against REPORT`: the example report's three planted errors in the box, each with its evidence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.brief.conftest import SHORT, TODAY
from tests.conftest import EXAMPLE_REPORT
from watchfloor.analyse.timeline import Period
from watchfloor.brief import Brief, write_brief
from watchfloor.brief.integrations import available, error_spans
from watchfloor.brief.record import HEADING
from watchfloor.dates import parse_iso
from watchfloor.store import Store

pytestmark = pytest.mark.skipif(not available(), reason="the checker (watchfloor.check) is not installed")
KEY = json.loads(EXAMPLE_REPORT.with_suffix(".key.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def against(_facts_template: Path) -> Brief:
    """A short brief set against the example report: the box holds events from outside its period too."""
    from watchfloor.check import check_file

    with Store.open(_facts_template, read_only=True) as store:
        report = check_file(store, EXAMPLE_REPORT)[1]
        return write_brief(store, "TJK", Period(parse_iso(SHORT[0]), parse_iso(SHORT[1])), today=TODAY,
                           figures=False, against=report)


def box(md: str) -> str:
    return md.split(f"\n## {HEADING}\n", 1)[1].split("\n## ", 1)[0]


def sources(md: str) -> dict[int, str]:
    part = md.split("\n## Sources\n", 1)[1]
    return {int(n): line for n, line in re.findall(r"^\[(\d+)\] (.+)$", part, re.M)}


def test_the_box_lists_the_three_planted_errors_with_their_events(against: Brief) -> None:
    items = [line for line in box(against.markdown).splitlines() if re.match(r"> \d\. ", line)]
    assert len(items) == 3
    assert box(against.markdown).startswith(
        "\n> The report corrected here, “Tajikistan Under Pressure in 2024: Arrests in America, Fallout in Russia, "
        "Debt to China” (tajikistan-pressure-points-2024.txt), is a report on the same country set beside this "
        "assessment to be checked, not a part of it; checked against the same evidence, it holds three errors"), \
        "the reader is told what the report is, by its own title"
    record = against.contents.record
    assert record is not None
    for err in KEY["errors"]:
        item = next(i for i in items if re.search(r"the report says “[^”]*" + re.escape(err["quote"]), i))
        assert "fact-" not in item  # event ids are the analyst's, not the reader's
        assert any(c.event == err["event"] for x in record.corrections for c in x.evidence)
    crocus = next(i for i in items if "March 2023" in i)
    assert crocus.startswith("> 2. **Wrong date**: the report says “Moscow in March 2023”. The report dates this to "
                             "March 2023, but the evidence has it on 22 March 2024: ")
    assert re.search(r"Evidence: 22 March 2024, [Vv]last\.kz \[\d+\]\.$", crocus)


def test_every_marker_in_the_box_resolves_to_the_event_source(against: Brief, facts_db: Store) -> None:
    md = against.markdown
    listed = sources(md)
    record = against.contents.record
    assert record is not None
    shown_in_box = [c for x in record.corrections for c in x.evidence if c.event]
    assert shown_in_box
    for c in shown_in_box:
        shown_as = f"{c.when}, {c.label} " if c.label else f"{c.when} "
        event, nums = c.event, re.search(re.escape(shown_as) + r"\[([\d, ]+)\]", box(md)).group(1)
        urls = {r["url"] for r in facts_db.query("SELECT s.url FROM source s JOIN event_source es ON "
                                                 "es.source_id = s.id WHERE es.event_id = ?", [event])}
        shown = {u for n in nums.split(", ") for u in urls if u in listed[int(n)]}
        assert shown == urls, (event, nums)
    assert list(listed) == list(range(1, len(listed) + 1))


def test_the_box_is_not_self_checked_and_the_brief_stays_clean(against: Brief) -> None:
    assert "Moscow in March 2023" in against.markdown
    assert against.check is not None and error_spans(against.check) == [] and against.dropped == []


def test_html_and_pdf_show_the_box(against: Brief) -> None:
    html = against.html()
    aside = html.split('<aside class="record">', 1)[1].split("</aside>", 1)[0]
    assert aside.startswith(f"<h2>{HEADING}</h2>") and aside.count("<li>") == 3
    assert "about 60 percent of its external debt to China" in aside and 'href="#src-' in aside
    from io import BytesIO

    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(against.pdf())).pages)
    assert HEADING in text and "Moscow in March 2023" in text


def test_cli_against(cli, facts_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tj.md"
    res = cli("--db", facts_db_path, "brief", "tj", "--since", SHORT[0], "-o", out, "--against", EXAMPLE_REPORT)
    assert res.code == 0, res.err
    assert "**Wrong number**: the report says “about 60 percent of its external debt to China”" in out.read_text()
    res = cli("--db", facts_db_path, "brief", "tj", "--against", tmp_path / "missing.txt")
    assert res.code == 2 and "missing.txt" in res.err and "Traceback" not in res.err
