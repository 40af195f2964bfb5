"""What every check shares: the context it reads, the evidence book it cites from, and its base class.

A check is a small class with a `kind`, an `enabled` flag and a docstring
saying why it exists and how to switch it off (`--skip KIND`). It reads the
context (the report, its claims, the matches, the evidence) and returns
findings; it never queries the store itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from watchfloor.check.attributes import fits
from watchfloor.check.evidence import Evidence, StoreEvent
from watchfloor.check.lexical import entity_stems, stems
from watchfloor.check.match import ClaimMatch, Comparison, event_weight
from watchfloor.check.measures import Value
from watchfloor.check.report import EvidenceRef, Finding
from watchfloor.check.series import MeasureVerdict
from watchfloor.extract.claims import Claim, Extraction
from watchfloor.extract.dates import DateMention


class EvidenceBook:
    """Numbers evidence items e1, e2 … in the order they are first cited; one id per store event."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self.items: dict[str, EvidenceRef] = {}

    def event(self, event: StoreEvent) -> EvidenceRef:
        key = "event:" + event.id
        if key not in self.items:
            src = event.sources[0] if event.sources else None
            self.items[key] = EvidenceRef(
                id=f"e{len(self.items) + 1}", source=(src.title if src else event.dataset),
                url=src.url if src else None,
                date=event.date.start.isoformat(), fact=event.summary, when=event.date.human(),
                publisher=src.publisher if src else None, event_id=event.id)
        return self.items[key]

    def value(self, value: Value) -> EvidenceRef:
        if value.event_id and value.event_id in self.evidence.events:
            return self.event(self.evidence.events[value.event_id])
        key = "obs:" + str(value.source_id)
        if key not in self.items:
            row = self.evidence.observations.get(str(value.source_id), {})
            self.items[key] = EvidenceRef(
                id=f"e{len(self.items) + 1}", source=str(row.get("title") or row.get("name") or "indicator"),
                url=row.get("url"), date=value.date.start.isoformat(),
                fact=f"{row.get('name', value.measure)}: {value.figure.human()} in {value.date.human()}",
                when=value.date.human(), publisher=row.get("publisher"))
        return self.items[key]

    def values(self, values: list[Value]) -> list[EvidenceRef]:
        out: list[EvidenceRef] = []
        for v in values:
            refs = [self.value(v)] + [self.event(self.evidence.events[e]) for e in v.also if e in self.evidence.events]
            out += [r for r in refs if r not in out]
        return out


@dataclass
class Context:
    text: str
    extraction: Extraction
    evidence: Evidence
    matches: list[ClaimMatch]
    measures: dict[int, list[MeasureVerdict]]
    book: EvidenceBook
    findings: list[Finding] = field(default_factory=list)
    """Findings of the checks that ran before (internal contradictions fold store evidence in)."""

    def match(self, claim: Claim) -> ClaimMatch:
        return self.matches[claim.index]

    @cached_property
    def by_sentence(self) -> dict[int, list[Claim]]:
        """The claims of each sentence: checks ask for a claim's siblings once per finding, so kept, not scanned."""
        out: dict[int, list[Claim]] = {}
        for c in self.extraction.claims:
            out.setdefault(c.sentence.index, []).append(c)
        return out

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


class Check:
    """Base class: subclasses set `kind`, `severity` and implement `run`."""

    kind: ClassVar[str] = ""
    severity: ClassVar[str] = "error"
    limit: ClassVar[int | None] = None
    """At most this many findings (style checks cap their examples)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled

    def run(self, ctx: Context) -> list[Finding]:
        raise NotImplementedError

    def finding(self, ctx: Context, start: int, end: int, message: str, *, claim: Claim | None = None,
                evidence: list[EvidenceRef] | None = None, severity: str | None = None,
                match: Comparison | None = None) -> Finding:
        return Finding(self.kind, severity or self.severity, start, end, ctx.quote(start, end), message,
                       evidence=list(evidence or []), claim_id=claim.id if claim else None,
                       why=match.explain() if match else "")


def alternatives(match: ClaimMatch, without: str, margin: float = 2.0) -> list[Comparison]:
    """Events identified without `without`, close enough in score to the best to be what the claim means. A person
    or facility the claim itself names pins the best event (a name from the sentences before does not: 'the
    Migration Service later reported …' after a paragraph on the prosecutor's figures)."""
    ids = sorted(match.identified(without), key=lambda c: (-c.score(without), c.event.id))
    if not ids:
        return []
    top = ids[0].score(without)
    named = {m.entity_id for m in match.claim.entities}
    pins = {a for a, w in ids[0].anchors if a.split(":", 1)[0] in ("person", "facility") and w >= 1.0 and a in named}
    return [c for c in ids if c.score(without) >= top - margin and pins <= {a for a, _ in c.anchors}]


def dated_elsewhere(ctx: Context, claim: Claim, date: DateMention, best: Comparison) -> StoreEvent | None:
    """A store event on the claim's own date, worded at least as much like the claim as the event it was matched
    to: the claim is most likely about that one, not a misdated `best` ('the lower house voted in December 2015'
    is the December 2015 bill, not the May 2016 referendum on the same title)."""
    words = stems(claim.text) | entity_stems(claim.entities)
    floor = max(0.2, 0.9 * best.lexical)
    lexicon, events = ctx.evidence.lexicon, ctx.evidence.events
    weight = lexicon.weight(words)
    for i in lexicon.sharing(words):
        e = events[i]
        if e.id == best.event.id:
            continue
        if lexicon.similarity(words, e.stems, weight, event_weight(e, ctx.evidence)) >= floor and fits(date, e):
            return e
    return None


def belongs_elsewhere(claim: Claim, start: int, event: StoreEvent, end: int | None = None) -> bool:
    """In a sentence that strings several dated events together, the words at `start` belong to the date nearest
    to them; when that date does not fit the event, they are about another event ('… killed three workers on 26
    November, two RRC workers were shot dead in Zenda four days later, and on 24 December a clash …')."""
    dated = [d for d in claim.dates if not d.relative or d.inferred_year or d.date.precision != "year"]
    if len(dated) < 2:
        return False
    near = date_of(claim, dated, start, end)
    return near is not None and not fits(near, event)


def date_of(claim: Claim, dated: list[DateMention], pos: int, end: int | None = None) -> DateMention | None:
    """The date words at `pos` go with: the nearest one, but a date after them only when no comma or semicolon
    stands between ('killed more than 100 people, or April 2021, when …' goes with the date before)."""
    text, base = claim.sentence.text, claim.sentence.start
    end = pos if end is None else end
    allowed = [d for d in dated if d.end <= pos or not re.search(r"[,;:]", text[end - base:d.start - base])]
    if not allowed:
        return None
    return min(allowed, key=lambda d: pos - d.end if d.end <= pos else max(0, d.start - end))


def widen(ctx: Context, claim: Claim, start: int, end: int, reach: int = 60) -> tuple[int, int]:
    """Grow a short quote ('2023') to the event words or names next to it ('2023 attack on … the Zenda Opera House')."""
    marks = [(e.trigger.start, e.trigger.end) for e in claim.events if e.family not in ("statement",)]
    marks += [(m.start, m.end) for m in claim.entities if m.kind in ("facility", "place", "armed_group", "person")]
    s, e = start, end
    for a, b in sorted(marks):
        if b <= start and start - b <= 12:
            s = min(s, a)
        if a >= end and a - end <= reach and ctx.text[end:a].count(",") == 0:
            e = max(e, b)
    return s, e
