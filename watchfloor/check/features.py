"""What the fitted scorer sees of an error finding: numbers read from the match, the parse and the embeddings.

Why: whether a disagreement is a real error depends on many weak signals at once (is the event the one the
sentence means, does the date or figure belong to the sentence's main clause, does the figure count what the
event counts, is it one of a list). Each is measured here as a number; how much each weighs is fitted on
labelled findings in bench/fit_scorer.py, not set by hand. Nothing here names a word.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

import numpy as np

from watchfloor.check.base import Context
from watchfloor.check.gate import GATED
from watchfloor.check.match import Comparison
from watchfloor.check.report import Finding
from watchfloor.extract.anaphora import in_context
from watchfloor.extract.claims import Claim
from watchfloor.extract.frames import Frame, Mention

NAMES = (*(f"kind:{k}" for k in GATED), "cos", "cos_lead", "family", "anchor", "lexical", "countries",
         "parsed", "main_frame", "depth", "counted", "same_count", "siblings", "year_gap", "sentence_gap",
         "definite", "partitive", "date_fit", "margin", "focus", "score", "shared_event", "num_slip")


SIGNS = {**dict.fromkeys(("cos", "cos_lead", "lexical", "family", "anchor", "countries", "same_count", "date_fit",
                          "margin", "focus", "score", "shared_event", "main_frame", "counted", "num_slip"), 1),
         **dict.fromkeys(("siblings", "year_gap", "depth", "sentence_gap", "partitive", "definite"), -1)}
"""The sign each fitted weight may take (others are free): more likeness to the event can only make an error
likelier, a figure in a list or a date years off or deep in a side clause only less likely. With a few dozen
judged false errors, an unconstrained fit learned the opposite for some (a counted noun the event shares
lowered the odds) from one or two examples."""

_ATTRIBUTE = {"wrong_date": "date", "wrong_number": "numbers", "wrong_actor": "actor", "contradicted": "polarity"}
"""The attribute each kind disputes: the event's score is read without it."""


@dataclass
class Sides:
    """The two texts a finding sets against each other, and the claim (or claims) it is about."""

    claim: Claim
    other_text: str
    comparison: Comparison | None = None
    other: Claim | None = None
    rivals: list[Comparison] = field(default_factory=list)
    """The claim's other top candidates: is its event the one the sentence means most?"""


class _Claims:
    """The report's claims by id and by where they start, looked up once per finding, not scanned."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.by_id = {m.claim.id: m.claim for m in ctx.matches}
        self.starts = [m.claim.start for m in ctx.matches]

    def at(self, pos: int) -> Claim | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        claim = self.ctx.matches[i].claim if i >= 0 else None
        return claim if claim is not None and pos < claim.end else None


def sides(claims: _Claims, f: Finding) -> Sides | None:
    """The claim flagged and what it is compared with: the store event, or the report's other statement."""
    claim = claims.by_id.get(f.claim_id or "")
    if claim is None:
        return None
    if f.kind == "internal_contradiction":
        if not f.related:
            return None
        other = claims.at(f.related[0].start)
        return Sides(claim, other.sentence.text if other else f.related[0].quote, other=other)
    event_id = next((e.event_id for e in f.evidence if e.event_id), None)
    comparisons = claims.ctx.match(claim).comparisons
    comp = next((c for c in comparisons if c.event.id == event_id), None)
    if comp is None:
        return None
    rivals = [c for c in comparisons[:5] if c is not comp][:4]
    return Sides(claim, comp.event.summary, comparison=comp, rivals=rivals)


def vectors(ctx: Context, findings: list[Finding]) -> list[np.ndarray | None]:
    """One feature row (in NAMES order) per finding; None where the finding cannot be read back."""
    claims = _Claims(ctx)
    found = [sides(claims, f) for f in findings]
    texts: list[str] = []
    for s in found:
        if s is not None:
            texts += [in_context(s.claim), s.other_text]
            texts += [c.event.summary for c in s.rivals]
    vecs = ctx.evidence.vectors(texts)
    parses: dict[int, list[Frame]] = {}
    rows: list[np.ndarray | None] = []
    pos = 0
    for f, s in zip(findings, found, strict=True):
        if s is None:
            rows.append(None)
            continue
        n = 2 + len(s.rivals)
        block = vecs[pos:pos + n]
        pos += n
        rows.append(_row(f, s, block, _frames_of(s.claim, parses)))
    return rows


def _frames_of(claim: Claim, cache: dict[int, list[Frame]]) -> list[Frame]:
    from watchfloor.extract.frames import frames

    key = claim.sentence.index
    if key not in cache:
        cache[key] = frames(claim.sentence.text)
    return cache[key]


def _row(f: Finding, s: Sides, block: np.ndarray, parsed: list[Frame]) -> np.ndarray:
    x = dict.fromkeys(NAMES, 0.0)
    x[f"kind:{f.kind}"] = 1.0
    cos = float(block[0] @ block[1])
    x["cos"] = cos
    if len(block) > 2:
        x["cos_lead"] = cos - float(max(block[0] @ v for v in block[2:]))
    c = s.comparison
    if c is not None:
        x["family"] = c.family
        x["anchor"] = min(3.0, c.anchor_score)
        x["lexical"] = c.lexical
        x["countries"] = c.countries
        x["date_fit"] = {"match": 1.0, "conflict": -1.0}.get(c.date.status, 0.0)
        rival = max((r.score() for r in s.rivals), default=c.score() - 5.0)
        x["margin"] = max(-5.0, min(5.0, c.score() - rival))
        x["focus"] = float(c.focus)
        x["score"] = max(-5.0, min(10.0, c.score(_ATTRIBUTE.get(f.kind))))
    elif f.evidence:
        x["shared_event"] = 1.0
    base = s.claim.sentence.start
    mention, frame = _mention_at(parsed, f.start - base, f.end - base)
    if mention is not None and frame is not None:
        x["parsed"] = 1.0
        x["main_frame"] = 1.0 if frame.main else 0.0
        x["depth"] = float(min(3, _depth(frame, parsed)))
        same = [m for fr in parsed for m in (fr.dates if mention.label == "date" else fr.figures)]
        x["siblings"] = float(min(3, len(same) - 1))
        if mention.label != "date":
            x["counted"] = 1.0 if mention.counts else 0.0
            x["same_count"] = _same_count(mention, s)
            x["definite"] = float(mention.definite)
            x["partitive"] = float(mention.partitive)
    x["year_gap"] = _year_gap(f, s)
    if c is not None and f.kind == "wrong_number":
        x["num_slip"] = _slip(f, s.claim, c)
    if s.other is not None:
        x["sentence_gap"] = math.log1p(abs(s.claim.sentence.index - s.other.sentence.index))
    return np.array([x[n] for n in NAMES], dtype=np.float64)


def _mention_at(parsed: list[Frame], start: int, end: int) -> tuple[Mention | None, Frame | None]:
    """The date or figure the parse finds inside the flagged words, and the frame it belongs to."""
    for fr in parsed:
        for m in [*fr.dates, *fr.figures]:
            if m.start < end and start < m.end:
                return m, fr
    return None, None


def _depth(frame: Frame, parsed: list[Frame]) -> int:
    by_head = {fr.head: fr for fr in parsed}
    depth, cur = 0, frame
    while cur.parent is not None and cur.parent in by_head and depth < 5:
        cur = by_head[cur.parent]
        depth += 1
    return depth


def _same_count(mention: Mention, s: Sides) -> float:
    """1 when the noun the figure counts is a word of the other side (the event's summary or statement)."""
    from watchfloor.extract.frames import lemmas

    if not mention.counts:
        return 0.0
    return 1.0 if mention.counts in lemmas(s.other_text) else 0.0


def _slip(f: Finding, claim: Claim, comp: Comparison) -> float:
    """1 when the flagged figure differs from one of the event's figures of its unit as a slip of the pen does
    (146 and 164, $545m and $645m): a slip is a writer's error. (How far apart the two are was tried as a feature
    too and added nothing out of fold; it made a plain wrong toll, 45 against 144, less likely an error.)"""
    from watchfloor.check.attributes import near_miss

    q = next((q for q in claim.quantities if q.start < f.end and f.start < q.end), None)
    if q is None or q.value <= 0:
        return 0.0
    return float(any(near_miss(q.value, g.value) for g in comp.event.all_figures if g.unit == q.unit and g.value > 0))


def _year_gap(f: Finding, s: Sides) -> float:
    """How many years apart the two dates are, on a log scale (a slip is one or two; a background date decades)."""
    mine = next((d for d in s.claim.dates if d.start < f.end and f.start < d.end), None)
    if mine is None:
        return 0.0
    if s.comparison is not None:
        theirs = s.comparison.event.date.start.year
    elif s.other is not None and s.other.dates and f.related:
        r = f.related[0]
        d = next((d for d in s.other.dates if d.start < r.end and r.start < d.end), None)
        if d is None:
            return 0.0
        theirs = d.year
    else:
        return 0.0
    return math.log1p(abs(mine.year - theirs))
