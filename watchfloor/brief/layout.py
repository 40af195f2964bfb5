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

    def checked_text(self) -> str:
        """The Markdown as the self-check reads it: the box blanked out, every offset kept."""
        if self.unchecked is None:
            return self.markdown
        a, b = self.unchecked
        return self.markdown[:a] + re.sub(r"[^\n]", " ", self.markdown[a:b]) + self.markdown[b:]


def render_sentence(s: Sentence, numbering: Numbering) -> str:
    """A sentence as the Markdown holds it: its words escaped (they come from the store), then its markers."""
    return f"{md_text(s.text, starts_line=True)} {numbering.markers(s.sources)}."


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


def render_table(table: Table, numbering: Numbering) -> str:
    head = [*table.header, "Sources"]
    lines = ["| " + " | ".join(table_cell(h) for h in head) + " |", "|" + " --- |" * len(head)]
    return "\n".join(lines + [render_row(r, numbering) for r in table.rows])


def human(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


STALE_DAYS = 90
"""A cut-off further than this before the date of writing is said on the cover: the reader must know the judgments
are as of then (a blind review read a twelve-month horizon from an eleven-month-old cut-off as a forecast for now)."""


def stale_note(today: date, cutoff: date, end: date | None = None) -> str:
    """'this is a baseline to the evidence cut-off of …: the evidence ends eleven months before the date of writing; …',
    or '' when the evidence is recent. It points to the board, which says for each signpost what the evidence shows to
    the cut-off and what would change the call; when the horizon (`end`, else twelve months) is nearly over (or over)
    at the date of writing, it says so."""
    days = (today - cutoff).days
    if days <= STALE_DAYS:
        return ""
    months = max(3, round(days / 30.4))
    note = (f"this is a baseline to the evidence cut-off of {human(cutoff)}, not a reading of today: the evidence ends "
            f"{number_word(months)} months before the date of writing")
    if end is None:
        try:
            end = cutoff.replace(year=cutoff.year + 1)
        except ValueError:  # 29 February
            end = cutoff.replace(year=cutoff.year + 1, day=28)
    left = (end - today).days
    if left < 0:
        note += f"; the horizon ended on {human(end)}, so the judgments are to be tested, not used"
    elif left < 60:
        weeks = max(1, round(left / 7))
        plural = "s" if weeks != 1 else ""
        note += (f"; the horizon ends on {human(end)}, {number_word(weeks)} week{plural} after the date "
                 "of writing, so the judgments are nearly spent")
    return note + (f"; the {BOARD.removeprefix('Annex: ')} annex gives, for each signpost, what the evidence shows to "
                   "the cut-off and what would change the call")


def horizon_line(cutoff: date, end: date | None, why: str = "") -> str:
    """The cover's horizon: 'from 31 December 2025 through 31 December 2027 (past the presidential election due in
    2027)', or twelve months from the cut-off."""
    if end is None or end <= cutoff:
        return f"twelve months from {human(cutoff)}"
    return f"from {human(cutoff)} through {human(end)}" + (f" ({why})" if why else "")


def lay_out(ev: Evidence, contents: Contents, title: str, today: date, figures: list[Figure],
            figure_prefix: str, horizon: tuple[date | None, str] = (None, "")) -> Layout:
    numbering = Numbering(ev.sources, ev.undated, ev.end.end.isoformat(), ev.state_media)

    def r(s: Sentence) -> str:
        return render_sentence(s, numbering)

    def text(sentences: list[Sentence | None]) -> str:
        return " ".join(r(s) for s in sentences if s is not None)

    bottom_line = bullets(list(contents.bottom_line), r)
    glance = render_table(contents.glance(), numbering) if bottom_line and contents.judgments else ""
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

    judgments = [{"question": md_text(j.question),
                  "judgment": text([j.statement, j.confidence, j.implication, *j.notes]),
                  "reasoning": text([j.reason, j.assumption, j.alternative, j.change]),
                  "matrix": render_table(j.matrix, numbering) if j.matrix and j.matrix.rows else "",
                  "exhibits": [exhibit(x) for x in j.exhibits]}
                 for j in contents.judgments]
    competing = [r(s) for s in contents.competing]
    signposts = render_table(contents.signposts, numbering) if contents.signposts.rows else ""
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
        horizon=md_text(horizon_line(ev.end.end, *horizon)) if contents.judgments else "",
        period=md_text(period_label(ev)), country=md_text(ev.name), bottom_line=bottom_line, glance=glance,
        changed=changed, judgments=judgments,
        signposts=signposts, competing=competing, record_heading=record.HEADING, record=box, figures=figure_list,
        annex=annex, annex_heading=ANNEX, method=method_annex, method_heading=method.HEADING,
        board_heading=BOARD, bottom_line_heading=BOTTOM_LINE, competing_heading=COMPETING,
        sources=[e.line() for e in numbering.entries()])
    at = md.find(box) if box else -1
    return Layout(md, numbering.entries(), _spans(md, contents, numbering), _row_spans(md, contents, numbering),
                  (at, at + len(box)) if at >= 0 else None)


def bullets(sentences: list[Sentence], render: Callable[[Sentence], str]) -> str:
    """Sentences as a list, a new item at each sentence with a `lead` (in bold); without leads, one paragraph."""
    if not any(s.lead for s in sentences):
        return " ".join(render(s) for s in sentences)
    groups: list[tuple[str, list[Sentence]]] = []
    for s in sentences:
        if s.lead or not groups:
            groups.append((s.lead, []))
        groups[-1][1].append(s)
    return "\n".join(f"- {f'**{md_text(lead)}.** ' if lead else ''}{' '.join(render(s) for s in group)}"
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
