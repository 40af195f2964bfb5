"""Lay a brief out as Markdown: number the sources in reading order and fill the template."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from importlib import resources

from jinja2 import Environment, StrictUndefined

from watchfloor.brief.escape import md_text
from watchfloor.brief.evidence import Evidence
from watchfloor.brief.model import Contents, Figure, Sentence
from watchfloor.brief.sources import Numbering, SourceEntry


@dataclass
class Layout:
    markdown: str
    sources: list[SourceEntry]
    spans: list[tuple[int, int, Sentence]]
    """Where each body sentence sits in the Markdown: (start, end, sentence)."""


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


def lay_out(ev: Evidence, contents: Contents, title: str, today: date, figures: list[Figure],
            figure_prefix: str) -> Layout:
    numbering = Numbering(ev.sources)

    def r(s: Sentence) -> str:
        return render_sentence(s, numbering)

    summary = " ".join(r(s) for s in contents.summary)
    judgments = [" ".join(r(s) for s in j.sentences()) for j in contents.judgments]
    sections = [{"title": md_text(sec.title),
                 "paragraphs": [" ".join(r(s) for s in p.sentences) for p in sec.paragraphs]}
                for sec in contents.sections]
    indicators = [_bold_label(r(s)) for s in contents.indicators]
    rows = [{"date": md_text(row.date), "event": table_cell(row.event), "markers": numbering.markers(row.sources)}
            for row in contents.timeline]
    counts = sorted(Counter(f.date.value.year for f in ev.period).items())
    md = _env().from_string(template("brief.md.j2")).render(
        title=md_text(title), written=f"{today.day} {today.strftime('%B %Y')}", period=md_text(period_label(ev)),
        country=md_text(ev.name),
        summary=summary, judgments=judgments, sections=sections, timeline=rows, indicators=indicators,
        figures=[{"caption": md_text(f.caption), "file": f"{figure_prefix}-{f.name}.svg"} for f in figures],
        counts=counts, sources=[e.line() for e in numbering.entries()])
    return Layout(md, numbering.entries(), _spans(md, contents, numbering))


def _bold_label(text: str) -> str:
    label, sep, rest = text.partition(": ")
    return f"**{label}:** {rest}" if sep else text


def period_label(ev: Evidence) -> str:
    from watchfloor.brief.text import period_text

    text = period_text(ev.start, ev.end)
    if text.startswith("in "):
        return text.removeprefix("in ")
    return text.removeprefix("between ").replace(" and ", " to ", 1)


def _spans(md: str, contents: Contents, numbering: Numbering) -> list[tuple[int, int, Sentence]]:
    """Find each rendered sentence in the Markdown, in reading order."""
    out = []
    pos = md.find("## Executive Summary")
    for s in contents.sentences():
        text = render_sentence(s, numbering)
        if s in contents.indicators:
            label, sep, rest = text.partition(": ")
            text = rest if sep else text
        at = md.find(text, pos)
        if at < 0:
            at = md.find(text)
        if at >= 0:
            out.append((at, at + len(text), s))
            pos = at + len(text)
    return out
