"""The brief: shape, citations, judgments, determinism and the golden file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.brief.conftest import SHORT, TODAY
from watchfloor.analyse.timeline import Period
from watchfloor.brief import Brief, write_brief
from watchfloor.brief.judgments import INSUFFICIENT, TERMS
from watchfloor.brief.layout import IN_FULL, JUDGED
from watchfloor.brief.proposition import CROSS_CHECK
from watchfloor.dates import parse_iso
from watchfloor.errors import NotFound
from watchfloor.extract.sentences import split_sentences
from watchfloor.store import Store

GOLDEN = Path(__file__).parent / "golden" / "tajikistan-facts-2026-01-15.md"
MARKERS = re.compile(r"\[(\d+(?:, \d+)*)\]\.$")
DEMO_PERIOD = Period(parse_iso("2024"), parse_iso("2025"))
"""The demo store's brief as of the end of 2025, whatever later facts the packs gain."""
BODY_SECTIONS = ("Bottom Line", "Key Judgments", "Annex: The Judgments in Full", "Annex: Competing Values",
                 "Annex: Chronology")


def body_sentences(md: str, judged: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Sentences under the body headings, as the checker's splitter cuts them (table rows are not sentences); those
    whose words are one of the `judged` texts (the analyst's own inferences, laid out without markers) left out."""
    out, current = [], None
    for s in split_sentences(md):
        if s.heading:
            line_start = md.rfind("\n", 0, s.start) + 1
            if md[line_start:s.start] == "## ":
                current = s.text if s.text in BODY_SECTIONS else None
            continue
        line_start = md.rfind("\n", 0, s.start) + 1
        if current and not md.startswith(("|", "!["), line_start):  # table rows and images are not sentences
            words = s.text.removeprefix(JUDGED).strip().removesuffix(".")
            if words not in judged:
                out.append(s.text)
    return out


def judged_texts(brief: Brief) -> set[str]:
    """The words of the sentences a brief marks as judgment, not report (`Sentence.judged`)."""
    return {s.text for s in brief.contents.sentences() if s.judged}


def section(md: str, heading: str) -> str:
    return md.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def source_numbers(md: str) -> list[int]:
    sources = md.split("\n## Sources\n", 1)[1]
    return [int(n) for n in re.findall(r"^\[(\d+)\] ", sources, re.M)]


def test_shape_in_order(brief: Brief) -> None:
    md = brief.markdown
    heads = re.findall(r"^## (.+)$", md, re.M)
    assert heads == ["Bottom Line", "Key Judgments", "Annex: The Judgments in Full", "Annex: Competing Values",
                     "Annex: Chronology", "Annex: Signpost Board and What Would Change the Call",
                     "Annex: Method and Scales", "Sources"]
    assert md.startswith("# Tajikistan: Assessment, 2024–2025\n\n**Unclassified, open sources**  \n")
    assert "**Date of writing:** 15 January 2026" in md
    assert "**Evidence cut-off:** 31 December 2025" in md
    assert "**Horizon:** from 31 December 2025 through 31 December 2027 (past the presidential election due in " \
           "2027)" in md, "the plan sets the horizon's end, and says why"
    assert "**Period covered:** January 2024 to December 2025" in md
    # the ninth review: a plain-language line per question comes first, before the table and the detail
    heading, plain, rest = section(md, "Bottom Line").strip().split("\n\n", 2)
    assert heading == "### In Plain Words (to 31 December 2027)"
    table, rest = rest.split("\n\n", 1)
    lines = plain.split("\n")
    assert len(lines) == len(brief.contents.judgments) and all(i.startswith("- **") for i in lines)
    calls = [i.split(" *Our judgment, not reported:* So what: ")[0] for i in lines]
    assert all(len(split_sentences(c)) == 1 for c in calls), "one short line per question"
    assert all(" *Our judgment, not reported:* So what: " in i for i in lines), \
        "each with one sentence on what it means, as our judgment (the tenth review)"
    assert not re.search(r"Deteriorating|Trafficking|Contained|Displaced|Hedging|Orderly|Continuity|%|ICD",
                         re.sub(r"\[[\d, ]+\]\.$", "", plain, flags=re.M)), "no jargon, no codes, no answer names"
    assert table.startswith("| Question | Call | Likelihood | Confidence |\n"), \
        "what each call would mean is its plain line's 'So what', not repeated in the table (session 14)"
    assert rest.startswith("![The calls and their likelihood ranges](tajikistan-2026-01-15-calls.svg)")
    watch = rest.split("### Three Things to Watch (to 31 December 2027)\n\n", 1)[1].split("\n\n", 1)[0].split("\n")
    assert len(watch) == 3 and all(i.startswith("- **") for i in watch)
    items = rest.split("### Three Things to Watch (to 31 December 2027)\n\n", 1)[1].split("\n\n", 1)[1].strip()
    assert items.startswith("- **Scheduled within the horizon.** In 2027, a presidential election is due")
    assert "### The Calls and Their Reasons" not in md, "the calls are the key judgments', which follow the front"


def test_the_summary_table_gives_each_judgment_at_a_glance(brief: Brief) -> None:
    from watchfloor.brief.front import term_range

    table = next(p for p in section(brief.markdown, "Bottom Line").strip().split("\n\n") if p.startswith("| Q"))
    rows = [tuple(c.strip() for c in line.strip("|").split(" | ")) for line in table.split("\n")[2:]]
    def cell(j: object) -> str:  # a split call of three answers gives the pair's range, and says so
        if j.each_cell:  # type: ignore[attr-defined]
            return j.each_cell  # type: ignore[attr-defined]
        suffix = " for the two together" if j.pair else " each" if j.answer.startswith("split:") else ""  # type: ignore[attr-defined]
        return term_range(j.likelihood) + suffix  # type: ignore[attr-defined]

    judged = [(j.short, j.label, term_range(j.judged), j.level) for j in brief.contents.judgments]
    assert [r[:4] for r in rows] == judged, "the table gives the proposition, judged (the tenth review)"
    assert rows[0][:3] == ("The Afghan border", "Violence stays high", "roughly even chance (45–55%)"), \
        "the store of this test holds no count of Dushanbe's own: its silence lowers the judged term one band"
    assert rows[2][1] == "Still dependent on Russia" and rows[2][2] in ("likely (55–80%)", "very likely (80–95%)"), \
        "very likely while both signposts it rests on read as expected, one band lower for each that does not"
    assert all(len(r) == 4 for r in rows), "no column repeating the plain lines' 'So what'"
    for row, j in zip(rows, brief.contents.judgments, strict=True):
        assert f"{row[3]} confidence" in j.confidence.text or f"confidence is {row[3]}" in j.confidence.text.lower()
    # the counting rule's calls, now the annex's cross-check
    answers = [(j.answer, cell(j)) for j in brief.contents.judgments]
    assert answers[0] == ("Deteriorating, on balance", "roughly even chance (45–55%)")
    assert answers[1][0] == "split: Contained or Displaced" and answers[1][1].endswith(" for the two together"), \
        "trials lag the arrests they follow: the prosecutions abroad weigh no more than the one jihadist border attack"
    assert answers[2] == ("Hedging, on balance", "roughly even chance (45–55%)")
    assert answers[3][0] == "Both economic and security, on balance", \
        "Beijing funds border posts as well as roads and mines (the plan's 'Both economic and security' answer)"
    assert answers[4] == ("split: Orderly handover or Continuity", "Orderly handover unlikely (20–45%); Continuity "
                          "unlikely (20–45%); Contested unlikely (20–45%)"), \
        "the heir's promotion counts for a handover as much as the regime's run elections count for continuity; the " \
        "plan asks for each outcome's own chance (the ninth review), which on so little evidence none passes even"
    assert not re.search(r"\d+\.\d%", table), "no false precision on the front"


def test_every_body_sentence_is_cited_and_resolves(brief: Brief) -> None:
    md = brief.markdown
    sentences = body_sentences(md, judged_texts(brief))
    assert len(sentences) >= 15
    numbers = set(source_numbers(md))
    cited: set[int] = set()
    judged = judged_texts(brief)
    assert judged, "the implications and the knock-ons are the analyst's judgments"
    assert all(f"{t}." in md and f"{t} [" not in md for t in judged), "a judgment carries no source markers"
    assert JUDGED in md
    for s in body_sentences(md, judged):
        m = MARKERS.search(s)
        assert m, f"uncited sentence: {s!r}"
        nums = {int(n) for n in m.group(1).split(", ")}
        assert nums <= numbers, f"dangling reference in {s!r}"
        cited |= nums
    for row in re.findall(r"^\| .+ \| (\[[\d, ]+\]) \|$", md, re.M):
        cited |= {int(n) for n in row.strip("[]").split(", ")}
    assert cited == numbers, "every source is cited and every citation resolves"
    assert source_numbers(md) == list(range(1, len(numbers) + 1))


def test_sources_lines_follow_the_house_format(brief: Brief) -> None:
    sources = brief.markdown.split("\n## Sources\n", 1)[1].strip().split("\n\n")
    pattern = re.compile(r"^\[\d+\] [^,]+, “[^”]+”, (n\.d\.|\d{4}-\d{2}-\d{2}( \(after the evidence cut-off; [^,]+\))?|"
                         r"undated; cited for [^,]+), https?://\S+, reliability [A-F] \(.+\)$")
    assert sources and all(pattern.match(s) for s in sources), [s for s in sources if not pattern.match(s)][:3]


def test_each_key_judgment_gives_its_key_signpost(brief: Brief) -> None:
    """Each key judgment gives, beside its call, the signpost that weighs most for it with its reading (until session
    13 the front's list 'The Calls and Their Reasons' restated each call with it, and the body said the call again)."""
    keys = [j.key for j in brief.contents.judgments]
    assert all(k is not None for k in keys)
    judgments = section(brief.markdown, "Key Judgments")
    assert "The main reason: attacks from Afghan territory killed Chinese workers more often (two in 2025, against " \
           "one in 2024)" in judgments
    assert "it is likely that one of two things will happen, and the signposts give no way yet to choose between " \
        "them: either the regime will hand power to the president's son" in section(brief.markdown, IN_FULL), \
        "the counting rule's call is the annex's cross-check"
    assert "The signposts: the regime took steps toward a handover (one in the seven years to 31 December 2025, " \
        "against two in the seven years before)" in judgments, \
        "the heir's promotion of 2020 falls in the president's term"


def test_key_judgments_answer_the_watch_plan(brief: Brief) -> None:
    from watchfloor.analyse.watchplan import bundled_plan

    plan = bundled_plan("TJK")
    judgments = brief.contents.judgments
    assert [j.topic for j in judgments] == [q.id for q in plan.questions]
    for j, q in zip(judgments, plan.questions, strict=True):
        assert j.likelihood in (*TERMS, INSUFFICIENT) and j.likelihood != "almost certain"
        assert j.level in ("high", "moderate", "low")
        said = "the evidence is insufficient to judge" if j.likelihood == INSUFFICIENT else j.likelihood
        assert said in j.statement.text and "confidence" not in j.statement.text
        assert j.statement.text.startswith(f"{CROSS_CHECK}from 31 December 2025 through 31 December 2027, ")
        assert j.proposition is not None and j.proposition.text.startswith(
            "From 31 December 2025 through 31 December 2027, ")
        if j is judgments[0]:  # the first says what confidence rates; the later ones vary the opening (assess.vary)
            assert j.confidence.text.startswith(f"We hold this judgment with {j.level} confidence, which rates the "
                                                "evidence, not the odds: ")
        else:
            assert re.match(rf"(Confidence is {j.level}|We hold it with {j.level} confidence|Our confidence is "
                            rf"{j.level}): ", j.confidence.text), j.confidence.text
        assert not re.search(r"\b(very )?(un)?likely\b|\bchance\b", j.confidence.text)
        if j.answer.startswith("split: ") or j.likelihood == INSUFFICIENT:
            assert j.reason is None, "an even split or no call gives no explanation the evidence fits best"
        else:
            assert j.reason is not None and j.reason.text.startswith((
                "The evidence fits this explanation best: ", "The likeliest explanation: ",
                "What best explains the evidence: ", "The reading that fits best: "))
        if j.likelihood == INSUFFICIENT or j.answer.startswith("split: ") and "on balance" not in j.answer:
            assert j.implication is None, "no call (or a tie), no 'If so'"
        else:
            assert j.implication is not None and j.implication.text.startswith("If so, ") and j.implication.judged
        assert j.assumption is not None
        if j.assumption.text.startswith("This judgment assumes that "):
            # its test is silent (or the plan names none): the assumption is stated, not said to hold
            assert "so far it holds" not in j.assumption.text
        else:
            assert j.assumption.text.startswith((  # the first judgment's wording, then its variants (assess.vary)
                "The judgment's linchpin assumption is that ", "The call rests on the assumption that ",
                "Its linchpin is that ", "It assumes above all that "))
            assert "; so far it holds" in j.assumption.text, "the plan names a signpost that tests it"
        assert j.alternative is not None and j.alternative.text.startswith("The alternative is that ")
        assert j.change is not None and j.change.text.startswith((
            "A year earlier, at 31 December 2024, the counting rule's signposts ",
            "A year earlier the counting rule gave "))
        assert j.matrix is not None and len(j.matrix.rows) == len(q.indicators), "the arithmetic is the annex's"
        assert all(sum(c in ("for", "against", "gap") for c in row.cells[2:]) == 1 for row in j.matrix.rows), \
            "a signpost is consistent (met) or inconsistent (not met) with its own answer only, or a gap"
    md = brief.markdown
    assert "### 1. Is the Afghan border becoming a front line, and what does that mean for the other questions?" in md
    assert "### 2. Is Tajik involvement in jihadist violence abroad rising, and why?" in md
    assert "| Signpost | Reading | Rising | Contained | Displaced | Sources |" in md
    border = judgments[0]
    assert [n.text.split(":")[0] for n in border.notes] == [
        "Jihadist violence abroad", "Dependence on Russia", "China on the Afghan border", "Succession"], \
        "the cross-cutting judgment says what it means for each other question"
    assert all(n.judged for n in border.notes), "knock-ons are judgments, not reports: no source markers"
    assert "pulled them back" not in " ".join(n.text for n in border.notes), \
        "a knock-on states no answer of another question (the seventh review: 'has pulled them back' beside Beijing " \
        "paying for border posts)"
    russia = judgments[2].change
    assert russia is not None and russia.text.startswith(  # the later judgments' shorter opening (assess.vary)
        "A year earlier the counting rule gave Growing (roughly even chance); they now give Hedging "
        "(roughly even chance), because Russian deployments and top-level visits were recorded no more often than the "
        "year before"), \
        "what changed and why, plainly: without the World Bank series, 2023's 48.2% was a new high"
    assert "went from" not in " ".join(j.change.text for j in judgments if j.change)
    assert judgments[2].likelihood == "roughly even chance"
    assert "there is a roughly even chance that Dushanbe will stay dependent on Russian remittances and security " \
        "while widening its ties with other partners: the evidence is mixed, but what speaks for the other answers " \
        "weighs less, since Russia's curbs on migrants are Moscow's doing" in judgments[2].statement.text, \
        "a later judgment's varied wording (assess.vary)"
    assert "| Dushanbe's summits, visits, grants and agreements with partners other than Russia (moderate " \
        "diagnosticity) | four in 2025, against three in 2024 |" in md, \
        "the Kyrgyz and the trilateral border treaties count; the Taliban delegation is no turn from Moscow"
    assert "| Russian deployments, drills, reinforcements and top-level visits, more than the year before (low " \
        "diagnosticity) | one in 2025, as in 2024 | against |" in md, "a signpost for growth measures change"
    assert "| Russian rules curbing Tajik migrants (low diagnosticity) | one in 2025, as in 2024 | – | for |" in md
    assert "| Beijing's calls on its nationals to leave the border area (moderate diagnosticity) | one in 2025, " \
        "against none recorded in 2024 |" in md, "two calls after the same week's attacks are one episode"
    jihad = judgments[1]
    assert jihad.assumption is not None and "; so far it holds, if less firmly than a year before: arrests, trials " \
        "and sentences abroad went on (four in 2025, against eight in 2024)" in jihad.assumption.text, \
        "arrests halved: the assumption holds, but the brief must not say so as if nothing moved"
    assert jihad.pair and jihad.likelihood == "likely", \
        "a tie: prosecutions abroad (moderate) against the border, the two together likely of three answers"
    assert "either the jihadist threat from Tajik networks will stay mainly abroad, where arrests and trials keep it " \
        "from new attacks, or the jihadist threat from Tajik networks will move mainly to Tajikistan's own border, " \
        "struck from Afghan territory, rather than abroad; the signposts for the two weigh the same" \
        in jihad.statement.text, \
        "two outcomes that exclude each other (the seventh review: both could happen)"
    assert "outpacing" not in jihad.statement.text, "no ratio of prosecutions to attacks"
    succession = judgments[4]
    # the plan's eighth-review succession (Orderly handover, Continuity, Contested, with the president's own moves
    # as signposts): the handover and continuity tie, the two together likely, on thin evidence
    assert succession.pair and succession.likelihood == "likely" and succession.level == "low", \
        "the heir's promotion of 2020 counts in the president's term; several signposts are silent (gaps)"
    assert "the collection is silent on three of its signposts" in succession.confidence.text
    assert any(n.text.startswith("The next test: in 2027, a presidential election is due") for n in succession.notes)
    assert "holds nothing on who the successor will be" not in " ".join(s.text for s in succession.sentences())
    assert succession.alternative is not None and \
        succession.alternative.text.startswith("The alternative is that the succession is being contested"), \
        "the proposition (the regime controls the transition) is tested against the rival the plan names for it"


def test_signposts_are_the_indicator_board(brief: Brief, facts_db: Store) -> None:
    import datetime as dt

    from watchfloor.analyse.indicators import board
    from watchfloor.analyse.watchplan import bundled_plan

    readings = board(facts_db, bundled_plan("TJK"), dt.date(2025, 12, 31)).readings
    rows = brief.contents.signposts.rows
    assert [r.cells[0] for r in rows] == [r.name for r in readings]
    assert [r.cells[3].split(",")[0] for r in rows] == [r.status for r in readings]
    md = section(brief.markdown, "Annex: Signpost Board and What Would Change the Call")
    assert "| no new attack or plot abroad" not in md and "none recorded in 2025, against three in 2024" in md, \
        "the store holds events of the kind (attacks abroad) but none with Tajiks in 2025: an absence, recorded"
    assert "the collection is silent in 2025, as in 2024" in md, "no event of the kind at all: a gap in collection"
    assert "| a new report of one would count for Contested (none since September 2023) |" in md, \
        "what would change the call; counter-terrorism detentions no longer count as unrest"
    assert "| the collection is silent in the two years to 31 December 2025, as in the two years before; the " \
        "latest it holds is of 27 October 2021 | not met, no trend (the earlier window is background) |" in md, \
        "a signpost silent in both windows names the last event of its kind, with its source"
    assert "| fewer than 2 in 2026 would weaken Contained, the current call |" in md
    assert "| ≥ 1 in 2026 would favour Rising over the current call |" in md


def test_competing_values_are_shown_with_both_sources(brief: Brief, facts_db: Store) -> None:
    competing = section(brief.markdown, "Annex: Competing Values")
    assert "the National Bank chairman disputed a World Bank estimate that remittances equalled 45.3% of GDP" \
        in competing
    russia = brief.contents.judgments[2]
    assert "competing values for remittances" in russia.confidence.text
    old = write_brief(facts_db, "TJK", Period(parse_iso("2019"), parse_iso("2019")), today=TODAY, self_check=False,
                      figures=False)
    assert re.search(r"Reports differ on remittances in 2018: 32\.2% of GDP according to [^,]+ and 31% of GDP "
                     r"according to [^\[]+\[\d+, \d+\]", old.markdown)


def test_competing_values_against_an_observation_series(demo_db: Store) -> None:
    b = write_brief(demo_db, "TJK", DEMO_PERIOD, today=TODAY, self_check=False, figures=False)
    competing = section(b.markdown, "Annex: Competing Values")
    assert re.search(r"For 2023, remittances were 48\.2% of GDP according to \S+ and 37\.84% of GDP in the World "
                     r"Bank series \[\d+, \d+\]", competing)


def test_every_sentence_stating_a_competing_value_gives_the_other(demo_db: Store) -> None:
    b = write_brief(demo_db, "TJK", DEMO_PERIOD, today=TODAY, self_check=False, figures=False)
    pairs = [("about 11,000", "up to 1,000"), ("$820m", "about $1bn"), ("47.89% of GDP", "45.3% of GDP")]
    # the key signposts' lines are the bottom line's until session 13, short: they say where the other values are
    short = [*b.contents.bottom_line, *(j.key for j in b.contents.judgments if j.key is not None)]
    bottom_ids = {id(s) for s in short}
    for one, other in pairs:
        stating = [s.text for s in b.sentences if (one in s.text or other in s.text) and id(s) not in bottom_ids]
        assert stating, f"the demo store's brief states {one}"
        annex = [s.text for s in b.contents.competing]
        for text in stating:
            if text in annex and any(one in a and other in a for a in annex):
                continue  # the annex's line on the dispute gives both; its other lines are not repeated with them
            assert one in text and other in text, f"states one of competing values only: {text}"
    bottom = " ".join(s.text for s in short)
    assert "47.89% of GDP in 2024 in the World Bank series" in bottom, "the newest point of the series"
    assert "45.3% of GDP" not in bottom and "sources differ on the figures (Annex: Competing Values)" in bottom, \
        "the bottom line says the figures are disputed and where, without every value"
    row = next(r for r in b.contents.signposts.rows if r.cells[0].startswith("Remittances"))
    assert "45.3% of GDP" not in row.cells[2] and "sources differ on the figures (Annex: Competing Values)" in \
        row.cells[2], "the board says the figure is disputed and where, so no cell runs down a page"


def test_annex_is_the_dated_chronology_by_question(brief: Brief) -> None:
    annex = section(brief.markdown, "Annex: Chronology")
    heads = re.findall(r"^### (.+)$", annex, re.M)
    assert heads[:5] == ["The Afghan border", "Jihadist violence abroad", "Dependence on Russia",
                         "China on the Afghan border", "Succession"] and heads[-1] == "Other events", \
        "a fact goes to the first question that would count it: the attacks on Chinese workers to the border's"
    assert "On 22 March 2024, four Tajik gunmen attacked Crocus City Hall" in annex
    assert "On 11 June 2024, ICE, coordinating with FBI terrorism task forces, arrested eight" in annex
    assert "U.S." not in brief.markdown.split("## Sources", 1)[0]
    text = re.sub(r"!\[[^\]]*\]\([^)]*\.svg\)", "", brief.markdown.split("## Sources", 1)[0])  # file names
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)


def test_no_sentence_is_told_twice(brief: Brief) -> None:
    texts = [s.text for sec in brief.contents.annex for s in sec.sentences()]
    assert len(texts) == len(set(texts))


def test_brief_code_names_no_country_place_or_person() -> None:
    """The brief's structure comes from the watch plan and the pack (#12): its Python names no one."""
    import json
    from importlib import resources

    base = Path(str(resources.files("watchfloor").joinpath("data", "countries")))
    names = {"Tajik", "Russia", "China", "United States", "Afghan", "Crocus", "Moscow", "Beijing", "Mali", "Bamako"}
    for ref in base.glob("*/reference.json"):
        names |= {e["name"] for e in json.loads(ref.read_text(encoding="utf-8")).get("entities", [])
                  if e.get("kind") in ("place", "person", "armed_group") and len(e["name"]) > 3}
    code = Path(str(resources.files("watchfloor").joinpath("brief")))
    found = [(p.name, n) for p in sorted(code.rglob("*.py")) for n in sorted(names)
             if re.search(rf"\b{re.escape(n)}\b", p.read_text(encoding="utf-8"))]
    assert found == []


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
    assert md.startswith("# June 2024\n") and "**Period covered:** June 2024 (the signposts' earlier windows " \
        "reach back to 1 July 2022, where the collection is background only)" in md
    assert "**Evidence cut-off:** 30 June 2024" in md and "From 30 June 2024 through 31 December 2027, " in md
    annex = section(md, "Annex: Chronology")
    assert "On 11 June 2024, ICE" in annex and "Crocus City Hall outside Moscow" not in annex


def test_unknown_country_and_empty_period(facts_db: Store) -> None:
    with pytest.raises(NotFound, match="unknown country 'narnia'"):
        write_brief(facts_db, "narnia")
    with pytest.raises(NotFound, match="no evidence on Tajikistan"):
        write_brief(facts_db, "TJK", Period(parse_iso("1950"), parse_iso("1950")))


def test_demo_store_brief_is_fully_cited(demo_db: Store) -> None:
    b = write_brief(demo_db, "TJK", today=TODAY, self_check=False, figures=False)
    sentences = body_sentences(b.markdown, judged_texts(b))
    assert len(sentences) >= 15 and all(MARKERS.search(s) for s in sentences)


def test_progress_names_each_step_and_save_brief_writes_the_files(facts_db: Store, tmp_path: Path) -> None:
    from watchfloor.brief import save_brief

    steps: list[str] = []
    brief = write_brief(facts_db, "TJK", Period(parse_iso(SHORT[0]), parse_iso(SHORT[1])), today=TODAY,
                        figures=False, progress=steps.append)
    written = save_brief(brief, tmp_path / "tj", ("md", "html"), progress=steps.append)
    assert steps[:2] == ["Reading the evidence", "Writing the judgments"]
    assert "Self-check" in steps and "Drawing the figures" not in steps  # figures=False draws none
    assert steps[-2:] == ["Writing the Markdown", "Writing the HTML"]
    assert written == [tmp_path / "tj.md", tmp_path / "tj.html"]
    assert (tmp_path / "tj.md").read_text(encoding="utf-8") == brief.markdown


def test_an_old_cut_off_is_said_on_the_cover() -> None:
    from datetime import date

    from watchfloor.brief.layout import horizon_line, stale_note

    assert stale_note(date(2026, 1, 15), date(2025, 12, 31)) == ""
    note = stale_note(date(2026, 12, 6), date(2025, 12, 31))
    assert note == ("evidence to 31 December 2025, eleven months before writing: the calls are the position then; the "
                    "horizon ends four weeks after writing, so they are nearly spent; what to check since: the first "
                    "annex, What to Check Since the Cut-off"), "one line on currency (the tenth review)"
    later = stale_note(date(2026, 12, 6), date(2026, 4, 17), date(2027, 12, 31))
    assert "nearly spent" not in later, "a horizon the plan sets past the date of writing is not spent"
    assert "about two fifths of the horizon has passed unread" in later, \
        "eight months of some twenty and a half are nearer two fifths than a third"
    assert len(later.split()) < 40
    from watchfloor.brief.layout import fraction
    assert [fraction(x) for x in (0.2, 0.26, 0.34, 0.376, 0.5, 0.66, 0.95)] == [
        "a fifth", "about a quarter", "about a third", "about two fifths", "half", "about two thirds", "most"]
    assert horizon_line(date(2026, 4, 17), date(2027, 12, 31), "", date(2026, 12, 6)) == \
        "from 17 April 2026, the cut-off (the eight months to the date of writing unread), through 31 December 2027"


def test_stale_evidence_is_never_held_with_high_confidence(demo_db: Store) -> None:
    """Recency is measured against the date of writing: the demo brief written on 6 December 2026 from evidence to
    17 April 2026 holds nothing with high confidence, and says why (the seventh review found 'high' on evidence eight
    months old, measured against the cut-off)."""
    from datetime import date

    b = write_brief(demo_db, "TJK", today=date(2026, 12, 6), self_check=False, figures=False)
    assert b.title == "Tajikistan: Baseline Assessment, Evidence to 17 April 2026"
    assert [j.level for j in b.contents.judgments] and all(j.level != "high" for j in b.contents.judgments)
    assert all("it fails the recency test" in j.confidence.text for j in b.contents.judgments)
    assert "for the evidence stops eight months before the date of writing" in b.contents.judgments[0].confidence.text
    written_then = write_brief(demo_db, "TJK", today=date(2026, 4, 20), self_check=False, figures=False)
    assert "high" in [j.level for j in written_then.contents.judgments], "the same evidence, read when it was fresh"


def test_a_dispute_that_changes_no_reading_does_not_lower_confidence(demo_db: Store) -> None:
    """Remittances in 2024: 47.89% of GDP in the World Bank series, 45.3% in a report, both above the signpost's 40:
    the sources differ on how much, not on what the signpost reads (the third blind review)."""
    b = write_brief(demo_db, "TJK", DEMO_PERIOD, today=TODAY, self_check=False, figures=False)
    russia = b.contents.judgments[2]
    assert "competing values for remittances" not in russia.confidence.text
    assert russia.confidence.text.startswith("We hold it with high confidence: it rests on 22 reports and the World "
                                             "Bank series")
    assert "no dispute over a figure that would change a signpost's reading" in russia.confidence.text, \
        "the remittance dispute changes no reading, so it does not lower confidence"
    assert russia.key is not None and "sources differ" in russia.key.text, "the dispute is still shown"


def test_an_event_on_a_weak_source_cites_the_better_reports_that_followed_it(brief: Brief) -> None:
    """The bombing of 3 January 2024 rests on a grade-D encyclopaedia in the store; the brief holds grade-B and -C
    reports of the investigation at the same place days later, and cites them first (the fourth review), without
    taking their dates for when the bombing was first reported."""
    md = brief.markdown
    sentence = next(s for s in body_sentences(md) if s.startswith("On 3 January 2024, two suicide bombings"))
    assert "(reported on" not in sentence
    marks = MARKERS.search(sentence)
    assert marks is not None
    grades = dict(re.findall(r"^\[(\d+)\] .*, reliability ([A-F]) ", md.split("\n## Sources\n", 1)[1], re.M))
    cited = [grades[n] for n in marks.group(1).split(", ")]
    assert cited[0] in "AB" and "D" in cited, cited
