"""wrong_date for a bound the event sets: 'ordered them held until 22 June' where the store has 'until 22 May'.

Why: a bound ('until', 'since') is a second date of the same event; the event's own date may be right while its
bound is wrong. How it decides: the claim's event is identified without its date and firmly (its kind, a named
facility, person or organisation, or its words); the event's summary gives exactly one date with the same bound
word, and the parse hangs both on the same word ('held'); the two are compared at the finer precision both
have, and a difference is an error.
Switch off with `--skip wrong_date`.
"""

from __future__ import annotations

from watchfloor.check.base import Check, Context, alternatives
from watchfloor.check.evidence import StoreEvent
from watchfloor.check.report import Finding
from watchfloor.check.wrong_date import _firm
from watchfloor.extract.bounds import bounded
from watchfloor.extract.claims import Claim
from watchfloor.extract.dates import DateMention

BOUNDS = ("until", "since")
"""Relations of a date (extract/dates) that bound an event rather than date it."""


class WrongBound(Check):
    """A date bounding an event ('held until', 'in force since') that the store's own bound contradicts."""

    kind = "wrong_date"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for m in ctx.matches:
            bounds = [d for d in m.claim.dates if d.relation in BOUNDS]
            if not bounds:
                continue
            alts = alternatives(m, "date")
            if not alts or not _firm(alts[0]):
                continue
            comp = alts[0]
            for d in bounds:
                theirs = [e for e in comp.event.dates if e.relation == d.relation]
                if len(theirs) != 1:
                    continue
                other = theirs[0]
                # compatible: one date a less precise telling of the other ('May 2024' and '22 May 2024')
                if d.date.compatible(other.date) or not _same_word(m.claim, d, comp.event, other):
                    continue
                out.append(self.finding(
                    ctx, d.start, d.end,
                    f"The report has “{d.text}”; the store has “{comp.event.summary[other.start:other.end]}” for "
                    f"this event: {comp.event.summary}", claim=m.claim, evidence=[ctx.book.event(comp.event)],
                    match=comp))
        return out


def _same_word(claim: Claim, mine: DateMention, event: StoreEvent, theirs: DateMention) -> bool:
    """Both dates bound the same word ('held until 22 June' and 'held until 22 May'), not 'ruled since 1992' and
    'president since 1994'."""
    base = claim.sentence.start
    word = bounded(claim.sentence.text, mine.start - base, mine.end - base)
    return word is not None and word == bounded(event.summary, theirs.start, theirs.end)

