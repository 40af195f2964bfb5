"""Figures as fingerprints: an event is found by the distinctive numbers a claim shares with it.

Why: a claim that names no one and uses none of the event words ("the reverse
happened: inflows jumped 38% in 2022 to $5.3bn, up from $2.9bn") still
carries the event's own figures; two exact figures out of the thousands in
the store point to one event as surely as a name does. How: every figure of
the candidate events (count keys, and for curated facts the numbers in the
summary) is indexed by unit and value to three significant digits; small
counts, years and round hundreds are too common to count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor.extract.claims import Claim
from watchfloor.extract.money import is_money

if TYPE_CHECKING:
    from watchfloor.check.evidence import Evidence

Index = dict[tuple[str, float], set[str]]


def _key(value: float) -> float:
    return float(f"{value:.3g}")


def distinctive(value: float, unit: str) -> bool:
    """Not a number a reader would meet in many unrelated events."""
    if unit == "count":
        return value > 12 and not (1900 <= value <= 2100) and value % 100 != 0
    if unit == "pct":
        return value != int(value) or value not in (5, 10, 20, 25, 50, 75, 100)
    if is_money(unit):
        return True
    if unit == "rank":
        return value > 12
    return unit in ("mw", "sqkm", "km", "kwh", "bcm", "tonnes") and value % 100 != 0


def number_index(evidence: Evidence) -> Index:
    index: Index = {}
    for e in evidence.events.values():
        for f in e.all_figures if e.dataset == "facts" else e.figures:
            if distinctive(f.value, f.unit):
                index.setdefault((f.unit, _key(f.value)), set()).add(e.id)
    return index


def shared_figures(claim: Claim, index: Index) -> dict[str, int]:
    """Event id → how many of the claim's distinctive figures it holds."""
    out: dict[str, int] = {}
    for q in claim.quantities:
        if q.vague or not distinctive(q.value, q.unit):
            continue
        for i in index.get((q.unit, _key(q.value)), set()):
            out[i] = out.get(i, 0) + 1
    return out
