"""wrong_date: the report dates an event differently from the store.

Why: a wrong year moves an event into another context ("the 2023 attack on
the Zenda Opera House" puts a March 2024 attack before the events it caused).
How it decides: the event must be identified without its date (its kind, its
names, its words, its numbers), no equally good event may fit the report's
date, and the report's date must be attached to that event in the sentence.
Dates are compared to their precision ("June 2024" fits 11 June 2024) and
with a few days' slack. Switch off with `--skip wrong_date`.
"""

from __future__ import annotations

import re

from watchfloor.check.base import Check, Context, alternatives, dated_elsewhere, widen
from watchfloor.check.gate import gate, weak_date
from watchfloor.check.identity import model as identity_model
from watchfloor.check.report import Finding

_OF_A_STATEMENT = re.compile(r"\b(?:cited|quoted|given|reported|announced|estimated|projected|planned|forecast)\s+"
                             r"(?:back\s+)?(?:in|on)\s+$", re.I)
"""'the 3,600 MW cited in 2019': the date of an older figure, not of the event."""


class WrongDate(Check):
    """A date the store contradicts, with the event it belongs to as evidence."""

    kind = "wrong_date"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for m in ctx.matches:
            alts = alternatives(m, "date")
            if not alts or m.claim.modality == "hedged" and m.claim.hedged_before(alts[0].date.start, 40):
                continue
            best = next((c for c in alts if c.date.status != "none"), alts[0])
            if best.date.status != "conflict" or any(c.date.status == "match" for c in alts):
                continue
            if not _firm(best):
                continue
            if _corroborated(m.comparisons, best):
                continue
            d = best.date
            mention = next((x for x in m.claim.dates if x.start == d.start), None)
            if mention is not None and dated_elsewhere(ctx, m.claim, mention, best):
                continue
            if _OF_A_STATEMENT.search(ctx.text[max(m.claim.start, d.start - 30):d.start]):
                continue
            s, e = widen(ctx, m.claim, d.start, d.end)
            ev = best.event
            out.append(gate(self.finding(
                ctx, s, e, f"The report dates this to {d.claim_value}, but the store has it on {d.store_value}: "
                           f"{ev.summary}", claim=m.claim, evidence=[ctx.book.event(ev)], match=best),
                weak_date(m.claim, d.start)))
        return out


def _firm(comp) -> bool:  # type: ignore[no-untyped-def]
    """Identified on the event's own kind, or on a facility or a person named in it, or on its words, or on two of
    its own figures, or more likely than not the claim's event by the fitted identity model (its score without the
    date, and the meaning of the sentence): 'The capital hosted the 14th Council of Heads of State of
    the Shanghai Cooperation Organisation' is that summit in meaning, though no single cue of the rule is strong."""
    named = any(a.split(":", 1)[0] in ("facility", "person") and w >= 1.0 or a.startswith("org:") and w >= 1.2
                for a, w in comp.anchors)
    return comp.family >= 1.0 or named or comp.lexical >= 0.4 or comp.figures >= 2 or _likely(comp)


def _likely(comp) -> bool:  # type: ignore[no-untyped-def]
    fitted = identity_model()
    return (fitted is not None and comp.meaning is not None
            and fitted.probability(comp.score("date"), comp.meaning) >= 0.5)


def _corroborated(comparisons, best) -> bool:  # type: ignore[no-untyped-def]
    """Another store event about the same named subject matches the report's date: the report is most likely
    speaking of that one (a day or month match, or a year match for an event of the same kind)."""
    top = comparisons[0] if comparisons else None
    if top is not None and top is not best and top.date.status == "match" and not top.date.note and top.supports():
        return True
    named = {a for a, _ in best.anchors if a.split(":", 1)[0] in ("facility", "person", "place", "org")}
    # An event pinned to a facility or a person (an opera house) is corroborated only by one sharing that pin:
    # any other attack in the same city that month says nothing of it, and a big store holds many such.
    pins = {a for a, w in best.anchors if a.split(":", 1)[0] in ("facility", "person") and w >= 1.0}
    for c in comparisons:
        if c is best or c.date.status != "match" or c.date.note:
            continue
        related = bool((pins or named) & {a for a, _ in c.anchors}) or c.lexical >= 0.3
        if related and (c.date.strength >= 1.5 and (c.family >= 0.5 or c.lexical >= 0.3) or c.family >= 1.0):
            return True
    return False
