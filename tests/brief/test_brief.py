"""The brief: shape, citations, judgments, determinism and the golden file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.brief.conftest import SHORT, TODAY
from watchfloor.analyse.timeline import Period
from watchfloor.brief import Brief, write_brief
from watchfloor.brief.judgments import TERMS
from watchfloor.dates import parse_iso
from watchfloor.errors import NotFound
from watchfloor.extract.sentences import split_sentences
from watchfloor.store import Store

GOLDEN = Path(__file__).parent / "golden" / "tajikistan-facts-2026-01-15.md"
MARKERS = re.compile(r"\[(\d+(?:, \d+)*)\]\.$")
BODY_SECTIONS = ("Executive Summary", "Key Judgments", "Analysis", "Outlook: Indicators to Watch")


def body_sentences(md: str) -> list[str]:
    """Sentences under the body headings, as the checker's splitter cuts them."""
    out, current = [], None
    for s in split_sentences(md):
        if s.heading:
            line_start = md.rfind("\n", 0, s.start) + 1
            if md[line_start:s.start] == "## ":
                current = s.text if s.text in BODY_SECTIONS else None
            continue
        if current:
            out.append(s.text)
    return out


def source_numbers(md: str) -> list[int]:
    sources = md.split("\n## Sources\n", 1)[1]
    return [int(n) for n in re.findall(r"^\[(\d+)\] ", sources, re.M)]


def test_shape_in_order(brief: Brief) -> None:
    md = brief.markdown
    heads = re.findall(r"^## (.+)$", md, re.M)
    assert heads == ["Executive Summary", "Key Judgments", "Analysis", "Timeline", "Figures",
                     "Outlook: Indicators to Watch", "Sources"]
    assert md.startswith("# Tajikistan: Terrorism, Russia, China and the United States, 2024–2025\n")
    assert "**Date of writing:** 15 January 2026" in md
    assert "**Period covered:** January 2024 to December 2025" in md
    summary = md.split("## Executive Summary\n", 1)[1].split("\n## ", 1)[0]
    assert 3 <= len(split_sentences(summary.strip())) <= 5


def test_every_body_sentence_is_cited_and_resolves(brief: Brief) -> None:
    md = brief.markdown
    sentences = body_sentences(md)
    assert len(sentences) >= 15
    numbers = set(source_numbers(md))
    cited: set[int] = set()
    for s in sentences:
        m = MARKERS.search(s)
        assert m, f"uncited sentence: {s!r}"
        nums = {int(n) for n in m.group(1).split(", ")}
        assert nums <= numbers, f"dangling reference in {s!r}"
        cited |= nums
    for row in re.findall(r"^\| [^|]+ \| .+ \| (\[[\d, ]+\]) \|$", md, re.M):
        cited |= {int(n) for n in row.strip("[]").split(", ")}
    assert cited == numbers, "every source is cited and every citation resolves"
    assert source_numbers(md) == list(range(1, len(numbers) + 1))


def test_sources_lines_follow_the_house_format(brief: Brief) -> None:
    sources = brief.markdown.split("\n## Sources\n", 1)[1].strip().split("\n\n")
    pattern = re.compile(r"^\[\d+\] [^,]+, “[^”]+”, (n\.d\.|\d{4}-\d{2}-\d{2}), https?://\S+, "
                         r"reliability [A-F] \(.+\)$")
    assert sources and all(pattern.match(s) for s in sources), [s for s in sources if not pattern.match(s)][:3]


def test_topics_of_the_example_report_are_covered(brief: Brief) -> None:
    md = brief.markdown
    analysis = md.split("## Analysis\n", 1)[1].split("\n## Timeline", 1)[0]
    for heading in ("Terrorism and extremism", "Relations with the United States", "Relations with Russia",
                    "Relations with China", "Domestic politics", "Economy", "Historical background"):
        assert f"### {heading}\n" in analysis
    assert "arrested eight Tajik nationals" in analysis and "without terrorism charges" in analysis
    assert "On 22 March 2024, four Tajik gunmen attacked Crocus City Hall" in analysis
    assert "201st" in analysis and "Debt owed to China fell from $900m" in analysis
    assert "declared the state independence of Tajikistan" in analysis
    assert "Indicators to Watch" in md


def test_key_judgments_use_the_scale_and_keep_confidence_apart(brief: Brief) -> None:
    judgments = brief.contents.judgments
    assert 3 <= len(judgments) <= 6
    for j in judgments:
        assert j.likelihood in TERMS and j.level in ("high", "moderate", "low")
        assert j.likelihood in j.statement.text and "confidence" not in j.statement.text
        assert j.confidence.text.startswith(f"We hold this judgment with {j.level} confidence: ")
        assert not any(t in j.confidence.text for t in TERMS if t not in ("likely", "unlikely"))
        assert not re.search(r"\b(very )?(un)?likely\b", j.confidence.text)
    terror = judgments[0]
    assert terror.topic == "terrorism" and terror.likelihood == "very likely"
    assert "Tajik nationals will be named in at least one new jihadist attack" in terror.statement.text


def test_facts_are_written_with_dates_as_analysts_write_them(brief: Brief) -> None:
    md = brief.markdown
    assert "On 11 June 2024, ICE, coordinating with FBI terrorism task forces, arrested eight" in md
    assert "U.S." not in md.split("## Sources", 1)[0]
    assert re.search(r"Reported deportations and expulsions of Tajik citizens from Russia rose from about 11,000 in "
                     r"2023 to (more than )?30,000 in 2024 and more than 36,000 in 2025 \[", md)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", md.split("## Figures", 1)[0])


def test_no_sentence_is_told_twice(brief: Brief) -> None:
    texts = [s.text for sec in brief.contents.sections for s in sec.sentences()]
    assert len(texts) == len(set(texts))


def test_golden_markdown(template_brief: Brief) -> None:
    if os.environ.get("WATCHFLOOR_UPDATE_GOLDEN"):
        GOLDEN.write_text(template_brief.markdown, encoding="utf-8")
    assert template_brief.markdown == GOLDEN.read_text(encoding="utf-8"), \
        "brief changed: review it, then run with WATCHFLOOR_UPDATE_GOLDEN=1 to accept"


def test_same_store_same_brief(facts_db: Store, template_brief: Brief) -> None:
    again = write_brief(facts_db, "TJK", today=TODAY, self_check=False)
    assert again.markdown == template_brief.markdown
    assert again.html() == template_brief.html()


def test_self_checked_brief_is_reproducible(facts_db: Store) -> None:
    period = Period(parse_iso(SHORT[0]), parse_iso(SHORT[1]))
    one, two = (write_brief(facts_db, "TJK", period, today=TODAY, figures=False) for _ in range(2))
    assert one.markdown == two.markdown and len(one.sentences) >= 15


def test_period_narrows_the_brief(facts_db: Store) -> None:
    b = write_brief(facts_db, "tajikistan", Period(parse_iso("2024-06"), parse_iso("2024-06")), today=TODAY,
                    title="June 2024", self_check=False, figures=False)
    md = b.markdown
    assert md.startswith("# June 2024\n") and "**Period covered:** June 2024  \n" in md
    analysis = md.split("## Analysis\n", 1)[1].split("\n## Timeline", 1)[0]
    assert "On 11 June 2024, ICE" in analysis and "Crocus City Hall outside Moscow" not in analysis


def test_unknown_country_and_empty_period(facts_db: Store) -> None:
    with pytest.raises(NotFound, match="unknown country 'narnia'"):
        write_brief(facts_db, "narnia")
    with pytest.raises(NotFound, match="no evidence on Tajikistan"):
        write_brief(facts_db, "TJK", Period(parse_iso("1950"), parse_iso("1950")))


def test_demo_store_brief_is_fully_cited(demo_db: Store) -> None:
    b = write_brief(demo_db, "TJK", today=TODAY, self_check=False, figures=False)
    sentences = body_sentences(b.markdown)
    assert len(sentences) >= 15 and all(MARKERS.search(s) for s in sentences)


def test_progress_names_each_step_and_save_brief_writes_the_files(facts_db: Store, tmp_path: Path) -> None:
    from watchfloor.brief import save_brief

    steps: list[str] = []
    brief = write_brief(facts_db, "TJK", Period(parse_iso(SHORT[0]), parse_iso(SHORT[1])), today=TODAY,
                        figures=False, progress=steps.append)
    written = save_brief(brief, tmp_path / "tj", ("md", "html"), progress=steps.append)
    assert steps[:2] == ["Reading the evidence", "Writing the sections and judgments"]
    assert "Self-check" in steps and "Drawing the figures" not in steps  # figures=False draws none
    assert steps[-2:] == ["Writing the Markdown", "Writing the HTML"]
    assert written == [tmp_path / "tj.md", tmp_path / "tj.html"]
    assert (tmp_path / "tj.md").read_text(encoding="utf-8") == brief.markdown
