"""Lay a brief out as Markdown: number the sources in reading order and fill the template."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources

from jinja2 import Environment, StrictUndefined

from watchfloor.brief.escape import md_text
from watchfloor.brief.evidence import Evidence
from watchfloor.brief.exhibits import Exhibit
from watchfloor.brief.model import Contents, Figure, Row, Sentence, Table
from watchfloor.brief.sources import Numbering, SourceEntry
from watchfloor.brief.text import number_word

FIRST_HEADING = "\n## "
"""Where the body starts, after the cover block: the first section heading, whichever it is."""
CLASSIFICATION = "Unclassified, open sources"
BOTTOM_LINE = "Bottom Line"
"""The summary's heading: with the cover block and the judgments at a glance it is the PDF's first page."""
ANNEX = "Annex: Chronology"
"""The chronology's heading."""
COMPETING = "Annex: Competing Values"
"""The competing values' heading: an annex, for every sentence of the body that states one of them already gives the
others and their sources; the list is the reference, not the argument."""
BOARD = "Annex: Signpost Board and What Would Change the Call"
"""The board's heading: its last column says what to look for since the cut-off."""
CHECKS = "Annex: What to Check Since the Cut-off"
"""The heading of the checks a brief written long after its cut-off asks of the reader: the first annex, which the
cover's note points to (until session 13 a section after the bottom line, a page of the body)."""
IN_FULL = "Annex: The Judgments in Full"
"""The annex that gives, per key judgment, what the body leaves out to stay within six pages: the caveats on the
evidence, the implication and knock-ons, the explanation, the linchpin, the unlikely case, the change since a year
earlier, the consistency matrix and the secondary figures and tables."""
PLAIN = "In Plain Words"
"""The front's first list: one short line per question, to be read aloud (the ninth review)."""
WATCH = "Three Things to Watch"
"""The front's signposts to watch, each readable before the horizon ends (its heading gives the horizon)."""
FIRST_ANNEX = "Annex: "
"""How every annex heading starts: the PDF starts the first one on a new page, after the assessment."""


@dataclass
class Layout:
    markdown: str
    sources: list[SourceEntry]
    spans: list[tuple[int, int, Sentence]]
    """Where each body sentence sits in the Markdown: (start, end, sentence)."""
    row_spans: list[tuple[int, int, Row]]
    """Where each table row sits."""
    unchecked: tuple[int, int] | None = None
    """The span the self-check leaves out: the Correcting the Record box, which quotes a report's errors."""
    index: tuple[int, int] | None = None
    """The events behind each count, an index of the store's own dates and kinds: the checker would read a signpost's
    name beside a date as a claim that the row does not make (an agreement dated to a meeting's day)."""
    method: tuple[int, int] | None = None
    """The method annex: the scales and counting rules, tables of the plan's words that claim nothing of the world
    (the checker read a rule's '≥ 20000 a year' beside a report of expulsions as a wrong actor)."""

    def checked_text(self) -> str:
        """The Markdown as the self-check reads it: the box, the index, the method annex and the figures' file names
        blanked out, every offset kept."""
        text = self.markdown
        # a figure's file name ('…-2026-12-07-deportations.svg') is no claim: the checker read its date as one
        text = re.sub(r"(?<=\]\()[^)\s]+\.svg(?=\))", lambda m: " " * len(m.group(0)), text)
        for span in (self.unchecked, self.index, self.method):
            if span is not None:
                a, b = span
                text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
        return text


JUDGED = "*Our judgment, not reported:*"
"""What precedes a run of the analyst's own inferences (implications, knock-ons), which carry no source markers."""


def render_sentence(s: Sentence, numbering: Numbering) -> str:
    """A sentence as the Markdown holds it: its words escaped (they come from the store), then its markers; an
    analyst's judgment (`Sentence.judged`) without markers, for no source reports it."""
    if s.judged:
        return f"{md_text(s.text, starts_line=True)}."
    return f"{md_text(s.text, starts_line=True)} {numbering.markers(s.sources)}."


def run(sentences: list[Sentence | None], render: Callable[[Sentence], str]) -> str:
    """Sentences in a paragraph, each run of judged ones after the words that mark it as judgment, not report."""
    out: list[str] = []
    before = False
    for s in sentences:
        if s is None:
            continue
        if s.judged and not before:
            out.append(JUDGED)
        before = s.judged
        out.append(render(s))
    return " ".join(out)


def _env() -> Environment:
    return Environment(keep_trailing_newline=True, undefined=StrictUndefined, autoescape=False)


def template(name: str) -> str:
    return resources.files("watchfloor.brief").joinpath("templates", name).read_text(encoding="utf-8")


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_cell(text: str) -> str:
    """Store text as a Markdown table cell: escaped, on one line, its pipes kept from splitting the row."""
    return cell(md_text(text))


def render_row(row: Row, numbering: Numbering) -> str:
    markers = numbering.markers(row.sources) if row.sources else "–"
    return "| " + " | ".join([*(table_cell(c) for c in row.cells), markers]) + " |"


def render_table(table: Table, numbering: Numbering, sources: bool = True) -> str:
    """A table with its Sources column; without it (`sources=False`) for a table whose every cell restates what
    cited sentences beside it say (the front's calls: seventeen markers in one cell ran off the PDF's page)."""
    head = [*table.header, *(("Sources",) if sources else ())]
    lines = ["| " + " | ".join(table_cell(h) for h in head) + " |", "|" + " --- |" * len(head)]
    rows = [render_row(r, numbering) if sources else "| " + " | ".join(table_cell(c) for c in r.cells) + " |"
            for r in table.rows]
    return "\n".join(lines + rows)


def human(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


STALE_DAYS = 90
"""A cut-off further than this before the date of writing is said on the cover: the reader must know the judgments
are as of then (a blind review read a twelve-month horizon from an eleven-month-old cut-off as a forecast for now)."""


def stale_note(today: date, cutoff: date, end: date | None = None) -> str:
    """One line on currency, or '' when the evidence is recent: 'evidence to 31 December 2025, eleven months before
    writing: the calls are the position then; the horizon ends on …, so they are nearly spent; what to check since:
    the first annex'. The tenth review found the note of 120 words unbriefable: the recency test each judgment fails
    is said in its confidence sentence, and the annexes are found by their headings."""
    days = (today - cutoff).days
    if days <= STALE_DAYS:
        return ""
    months = max(3, round(days / 30.4))
    if end is None:
        try:
            end = cutoff.replace(year=cutoff.year + 1)
        except ValueError:  # 29 February
            end = cutoff.replace(year=cutoff.year + 1, day=28)
    note = f"evidence to {human(cutoff)}, {number_word(months)} months before writing: the calls are the position then"
    left = (end - today).days
    share = days / max(1, (end - cutoff).days)
    if left < 0:
        note += f"; the horizon ended on {human(end)}, so they are to be tested, not used"
    elif left < 60:
        weeks = max(1, round(left / 7))
        note += f"; the horizon ends {number_word(weeks)} week{'s' if weeks != 1 else ''} after writing, so they are " \
            "nearly spent"
    elif share >= 0.2:
        note += f"; {fraction(share)} of the horizon has passed unread"
    return note + f"; what to check since: the first annex, {CHECKS.removeprefix('Annex: ')}"


def fraction(share: float) -> str:
    """A share of a span in plain words, the nearest of the simple fractions: 'about a fifth', 'about a quarter',
    'about a third', 'about two fifths', 'about half', … 'about four fifths', or 'most' (eight months of twenty and a
    half, 0.38, is 'about two fifths', not 'a third')."""
    if share >= 0.9:
        return "most"
    shares = ((1 / 5, "a fifth"), (1 / 4, "a quarter"), (1 / 3, "a third"), (2 / 5, "two fifths"), (1 / 2, "half"),
              (3 / 5, "three fifths"), (2 / 3, "two thirds"), (3 / 4, "three quarters"), (4 / 5, "four fifths"))
    value, words = min(shares, key=lambda item: abs(item[0] - share))
    return words if abs(value - share) < 0.005 else f"about {words}"


def horizon_line(cutoff: date, end: date | None, why: str = "", today: date | None = None) -> str:
    """The cover's horizon: 'from 31 December 2025 through 31 December 2027 (past the presidential election due in
    2027)', or twelve months from the cut-off; when the brief is written long after its cut-off, the months between
    are named as unread ('from 17 April 2026, the cut-off (the eight months to the date of writing unread), …')."""
    start = human(cutoff)
    if today is not None and (today - cutoff).days > STALE_DAYS:
        months = max(3, round((today - cutoff).days / 30.4))
        start += f", the cut-off (the {number_word(months)} months to the date of writing unread),"
    if end is None or end <= cutoff:
        return f"twelve months from {start}".rstrip(",")
    return f"from {start} through {human(end)}" + (f" ({why})" if why else "")


def lay_out(ev: Evidence, contents: Contents, title: str, today: date, figures: list[Figure],
            figure_prefix: str, horizon: tuple[date | None, str] = (None, "")) -> Layout:
    numbering = Numbering(ev.sources, ev.undated, ev.end.end.isoformat(), ev.state_media)

    def r(s: Sentence) -> str:
        return render_sentence(s, numbering)

    def text(sentences: list[Sentence | None]) -> str:
        return run(sentences, r)

    # rendered in reading order, so the sources are numbered in the order they are first cited
    plain = bullets([s for j in contents.judgments for s in (j.plain, j.so_what) if s is not None], r)
    watch = bullets(list(contents.watch), r)
    bottom_line = bullets(list(contents.bottom_line), r)
    front = f"{figure_prefix}-{contents.front.name}.svg" if contents.front is not None and contents.judgments else ""
    glance = render_table(contents.glance(), numbering, sources=False) if contents.judgments else ""
    changed = None
    if contents.changes:
        c = contents.changes
        changed = {"heading": md_text(c.heading), "table": render_table(c.table, numbering),
                   "events": [r(s) for s in c.events]}
    counter = {"figure": 0, "table": 0}

    def exhibit(x: Exhibit) -> str:
        """A figure (its image, then its numbered caption) or a table (its numbered caption, then the rows)."""
        kind = "figure" if x.figure is not None else "table"
        counter[kind] += 1
        n = counter[kind]
        if x.figure is not None:
            return f"![Figure {n}]({figure_prefix}-{x.figure.name}.svg)\n\nFigure {n}: {r(x.caption)}"
        assert x.table is not None
        return f"Table {n}: {r(x.caption)}\n\n{render_table(x.table, numbering)}"

    # the body gives, per judgment, the call, the confidence with its reason, the key signpost, the alternative with
    # the evidence for and against it, and its first figure; the annex of the judgments in full gives the rest
    primaries = [exhibit(x) if (x := j.primary()) is not None else "" for j in contents.judgments]
    judgments = [{"question": md_text(j.question), "short": md_text(j.short or j.question),
                  "judgment": text(j.lead()),
                  "figure": primaries[n]}
                 for n, j in enumerate(contents.judgments)]
    checks = bullets(list(contents.checks), r)
    in_full = [{"question": md_text(j.question), "short": md_text(j.short or j.question),
                "judgment": text([*j.cross_check(), j.caveats, j.implication, *j.notes]),
                "reasoning": text([j.reason, j.assumption, j.low_impact, j.change]),
                "matrix": render_table(j.matrix, numbering) if j.matrix and j.matrix.rows else "",
                "exhibits": [exhibit(x) for x in j.secondary()]}
               for j in contents.judgments]
    competing = [r(s) for s in contents.competing]
    signposts = render_table(contents.signposts, numbering) if contents.signposts.rows else ""
    counted = render_table(contents.counted, numbering) if contents.counted.rows else ""
    from watchfloor.brief import method

    method_annex = method.annex(contents.readings, contents.judgments) if contents.readings else ""
    from watchfloor.brief import record

    box = record.to_markdown(contents.record, numbering.markers) if contents.record else ""
    figure_list = [{"caption": md_text(f.caption), "file": f"{figure_prefix}-{f.name}.svg",
                    "number": counter["figure"] + i} for i, f in enumerate(figures, 1)]
    annex = [{"title": md_text(sec.title), "paragraphs": [text(list(p.sentences)) for p in sec.paragraphs]}
             for sec in contents.annex]
    md = _env().from_string(template("brief.md.j2")).render(
        title=md_text(title), marking=CLASSIFICATION, written=human(today), cutoff=human(ev.end.end),
        stale=stale_note(today, ev.end.end, horizon[0]),
        horizon=md_text(horizon_line(ev.end.end, *horizon, today)) if contents.judgments else "",
        period=md_text(period_label(ev) + reach_note(contents, ev)), country=md_text(ev.name),
        bottom_line=bottom_line, glance=glance, watch=watch, front=front, checks=checks,
        checks_heading=CHECKS, plain=plain, plain_heading=PLAIN + plain_until(contents, ev.end.end), in_full=in_full,
        watch_heading=WATCH + plain_until(contents, ev.end.end),
        in_full_heading=IN_FULL,
        changed=changed, judgments=judgments,
        signposts=signposts, counted=counted, competing=competing, record_heading=record.HEADING, record=box,
        figures=figure_list,
        annex=annex, annex_heading=ANNEX, method=method_annex, method_heading=method.HEADING,
        board_heading=BOARD, bottom_line_heading=BOTTOM_LINE, competing_heading=COMPETING,
        sources=[e.line() for e in numbering.entries()])
    at = md.find(box) if box else -1
    listed = md.find(counted) if counted else -1
    rules = md.find(method_annex) if method_annex else -1
    return Layout(md, numbering.entries(), _spans(md, contents, numbering), _row_spans(md, contents, numbering),
                  (at, at + len(box)) if at >= 0 else None, (listed, listed + len(counted)) if listed >= 0 else None,
                  (rules, rules + len(method_annex)) if rules >= 0 else None)


def plain_until(contents: Contents, cutoff: date) -> str:
    """' (to 31 December 2027)', or ' (the twelve months from 31 December 2025)' when the plan sets no horizon: the
    plain lines' horizon, in the heading, so each line stays short."""
    end = contents.horizon[0]
    return f" (to {human(end)})" if end is not None else f" (the twelve months from {human(cutoff)})"


def reach_note(contents: Contents, ev: Evidence) -> str:
    """' (the signposts' windows before reach back to 18 April 2024, …)': a trend set against a window partly before the
    period covered compares a period the collection was gathered for with one it holds as background, and the reader
    must know (the seventh review)."""
    from watchfloor.brief.signposts import reach

    day = reach(contents.readings, ev.end.end)
    if day is None:
        return ""
    return f" (the signposts' earlier windows reach back to {human(day)}, where the collection is background only)"


def bullets(sentences: list[Sentence], render: Callable[[Sentence], str]) -> str:
    """Sentences as a list, a new item at each sentence with a `lead` (in bold); without leads, one paragraph."""
    if not any(s.lead for s in sentences):
        return run(list(sentences), render)
    groups: list[tuple[str, list[Sentence]]] = []
    for s in sentences:
        if s.lead or not groups:
            groups.append((s.lead, []))
        groups[-1][1].append(s)
    return "\n".join(f"- {f'**{md_text(lead)}.** ' if lead else ''}{run(list(group), render)}"
                     for lead, group in groups)


def period_label(ev: Evidence) -> str:
    from watchfloor.brief.text import period_text

    text = period_text(ev.start, ev.end)
    if text.startswith("in "):
        return text.removeprefix("in ")
    return text.removeprefix("between ").replace(" and ", " to ", 1)


def _spans(md: str, contents: Contents, numbering: Numbering) -> list[tuple[int, int, Sentence]]:
    """Find each rendered sentence in the Markdown, in reading order."""
    out = []
    pos = max(md.find(FIRST_HEADING), 0)
    for s in contents.sentences():
        text = render_sentence(s, numbering)
        at = md.find(text, pos)
        if at < 0:
            at = md.find(text)
        if at >= 0:
            out.append((at, at + len(text), s))
            pos = at + len(text)
    return out


def _row_spans(md: str, contents: Contents, numbering: Numbering) -> list[tuple[int, int, Row]]:
    out = []
    pos = max(md.find(FIRST_HEADING), 0)
    for table in contents.tables():
        for row in table.rows:
            text = render_row(row, numbering)
            at = md.find(text, pos)
            if at >= 0:
                out.append((at, at + len(text), row))
                pos = at + len(text)
    return out
