"""Correcting the record: what the checker found wrong in a report, set beside the brief with its evidence.

An analyst is often handed a report before writing her own; `--against REPORT` puts the report's errors
(error findings only: a warning is a doubt, not a correction) in a box, each with the words the report used,
what the store says instead, and the store's events and sources behind it. The report is checked by the check
library (`watchfloor.check.check_file`); this module only reads its findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchfloor.analyse.timeline import source_shape
from watchfloor.brief.escape import md_text
from watchfloor.brief.evidence import Evidence
from watchfloor.brief.text import number_word
from watchfloor.store import Store

HEADING = "Correcting the Record"
KIND_WORDS = {"wrong_date": "Wrong date", "wrong_number": "Wrong number", "wrong_actor": "Wrong actor",
              "contradicted": "Contradicted", "internal_contradiction": "Contradicts itself",
              "unsupported": "Unsupported", "uncertainty_language": "Overstated",
              "missing_source": "Missing source"}


@dataclass(frozen=True)
class Cited:
    """One piece of evidence behind a correction: the store's event, its date, and its sources."""

    event: str
    when: str
    sources: tuple[str, ...]
    """Source ids, numbered in the brief's source list."""
    label: str = ""
    """Who reported it (the publisher); for evidence without a store event (an observation series), the only
    reference, shown as text."""


@dataclass(frozen=True)
class Correction:
    kind: str
    quote: str
    says: str
    """What is wrong and what the store says instead, in the checker's words."""
    evidence: tuple[Cited, ...]

    @property
    def label(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind.replace("_", " ").capitalize())

    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for c in self.evidence for s in c.sources))


@dataclass(frozen=True)
class Record:
    report: str
    """The report's name, as the checker read it."""
    corrections: tuple[Correction, ...]
    title: str = ""
    """The report's own title (its first line), when the file can be read: the reader has never seen the report."""


def report_title(name: str) -> str:
    """The first line of a text or Markdown report, found where it was named or among the bundled examples; '' when
    it cannot be read (a PDF or HTML report, a name with no file behind it)."""
    from importlib import resources

    path = Path(name)
    if path.suffix.lower() not in (".txt", ".md"):
        return ""
    for candidate in (path, Path(str(resources.files("watchfloor") / "data" / "examples" / path.name))):
        try:
            with candidate.open(encoding="utf-8") as fh:
                first = next((line.strip().lstrip("#").strip() for line in fh if line.strip()), "")
        except OSError:
            continue
        return first if len(first) <= 200 else ""
    return ""


def build(store: Store, ev: Evidence, report: Any) -> Record:
    """The error findings of a check report (a `watchfloor.check.CheckReport`) as corrections; the sources of
    their evidence are added to `ev.sources` so the brief can number them, even when an event lies outside the
    brief's period."""
    out = []
    for f in report.errors:
        cited = []
        for e in f.evidence:
            if not e.event_id:
                cited.append(Cited("", e.when or e.date, (), e.publisher or e.source))
                continue
            cited.append(Cited(e.event_id, e.when or e.date, _sources(store, ev, e.event_id), e.publisher or ""))
        out.append(Correction(f.kind, f.quote, f.message, tuple(cited)))
    return Record(str(report.name), tuple(out), report_title(str(report.name)))


def _sources(store: Store, ev: Evidence, event_id: str) -> tuple[str, ...]:
    fact = ev.fact(event_id)
    if fact is not None:
        return fact.source_ids
    rows = store.query("SELECT s.* FROM source s JOIN event_source es ON es.source_id = s.id "
                       "WHERE es.event_id = ? ORDER BY s.reliability, s.id", [event_id])
    for r in rows:
        ev.sources.setdefault(r["id"], source_shape(r))
    return tuple(r["id"] for r in rows)


def to_markdown(record: Record, markers: Any) -> str:
    """The box as a Markdown block quote (the HTML makes it a box); `markers(ids)` gives '[3, 7]'."""
    n = len(record.corrections)
    name = Path(record.report).name
    what = (f"“{md_text(record.title)}” ({md_text(name)})" if record.title else f"“{md_text(name)}”")
    head = (f"The report corrected here, {what}, is a report on the same country set beside this assessment to be "
            f"checked, not a part of it; checked against the same evidence, it holds {number_word(n) if n else 'no'} "
            f"error{'' if n == 1 else 's'}, each given with what the evidence says instead and the reports it "
            "rests on.")
    if n:
        head += (" It matters to the reader because the report is in circulation: anyone briefed from it would "
                 "carry these errors into a decision, and the corrections say which of its claims not to repeat.")
    lines = [f"> {head}"]
    for i, c in enumerate(record.corrections, 1):
        says = md_text(_plain(c.says.strip().rstrip(".")))
        lines += [">", f"> {i}. **{c.label}**: the report says “{md_text(c.quote)}”. {says}. "
                       f"Evidence: {_evidence(c.evidence, markers)}."]
    return "\n".join(lines)


def _plain(text: str) -> str:
    """The checker's message in the reader's words: the evidence, not the store that holds it."""
    return re.sub(r"\b([Tt])he store('s)?\b", lambda m: f"{m.group(1)}he evidence{m.group(2) or ''}", text)


def _evidence(cited: tuple[Cited, ...], markers: Any) -> str:
    """Each piece of evidence by its date and publisher (an event's id is for the analyst, not the reader)."""
    parts = []
    for c in cited:
        if c.event:
            who = f", {md_text(c.label)}" if c.label else ""
            parts.append(f"{c.when}{who}" + (f" {markers(c.sources)}" if c.sources else ""))
        else:
            parts.append(f"{md_text(c.label)} ({c.when})")
    return "; ".join(parts) if parts else "none given"
