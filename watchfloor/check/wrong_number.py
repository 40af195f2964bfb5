"""wrong_number: a count, amount or share the store contradicts.

Why: numbers are what readers remember and repeat (a toll, how many were
arrested, how much is owed to whom). How it decides: for an event, the number
must count the same thing as a store figure (killed, arrested, deported …, read
next to the number) for an event identified without the number; competing
values from reports on the same incident all count, and hedges are honoured
("nearly 60%" is at most 60, "over 30,000" at least 30,000). For a measure
over time (debt, remittances, growth), only the values of the report's own
period count. Switch off with `--skip wrong_number`.
"""

from __future__ import annotations

from watchfloor.check.attributes import fits
from watchfloor.check.base import Check, Context, alternatives, belongs_elsewhere, date_of
from watchfloor.check.fingerprint import distinctive
from watchfloor.check.gate import gate, weak_count, weak_measure
from watchfloor.check.match import Comparison
from watchfloor.check.report import Finding
from watchfloor.extract.claims import Claim


class WrongNumber(Check):
    """A number the store contradicts, with the figures it holds as evidence."""

    kind = "wrong_number"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out: list[Finding] = []
        for m in ctx.matches:
            out += self._events(ctx, m)
            out += self._measures(ctx, m.claim.index)
        return out

    def _events(self, ctx: Context, m) -> list[Finding]:  # type: ignore[no-untyped-def]
        alts = alternatives(m, "numbers")
        if not alts:
            return []
        best = alts[0]
        out = []
        seen: set[int] = set()
        for comp, v in [(best, v) for v in best.numbers] + [(c, v) for c in alts[1:] for v in c.numbers
                                                           if _owns(m.claim, c, best, v.start)]:
            if v.status != "conflict" or v.start in seen or _held_elsewhere(m, v.start) or belongs_elsewhere(
                    m.claim, v.start, comp.event, v.end):
                continue
            if any(o.status == "match" and o.start == v.start and o.strength >= 0.6
                   for c in alts if c is not comp for o in c.numbers):
                continue
            seen.add(v.start)
            events = [ctx.evidence.events[i] for i in v.events if i in ctx.evidence.events] or [comp.event]
            elsewhere = {o.start for c in alts if c is not comp for o in c.numbers if o.status == "match"}
            aligned = {o.start for o in comp.numbers if o.status == "match"}
            siblings = [q for c in ctx.by_sentence[m.claim.sentence.index] for q in c.quantities
                        if (q.start not in elsewhere or comp is alts[0]) and q.start not in aligned]
            out.append(gate(self.finding(
                ctx, v.start, v.end, f"The report says {v.claim_value}; the store has {v.store_value} for this "
                                     f"event: {comp.event.summary}", claim=m.claim,
                evidence=[ctx.book.event(e) for e in events[:4]], match=comp),
                weak_count(m.claim, v.start, v.note, siblings)))
        return out

    def _measures(self, ctx: Context, index: int) -> list[Finding]:
        out = []
        for mv in ctx.measures.get(index, []):
            if mv.status != "conflict":
                continue
            q, period = mv.quantity, mv.period
            shown = "; ".join(f"{v.figure.human()} ({v.date.human()}" + (f", {v.figure.derived}" if v.figure.derived
                                                                          else "") + ")" for v in mv.values[:3])
            when = period.text if period else "the period"
            msg = f"For {when}, the store puts the {mv.measure.label} at {shown}, not {q.text}"
            if mv.elsewhere:
                other = mv.elsewhere[0]
                msg += f"; {other.figure.human()} was the figure for {other.date.human()}"
            f = self.finding(ctx, q.start, q.end, msg + ".", claim=mv.claim,
                             evidence=ctx.book.values(mv.values[:3] + mv.elsewhere[:1]))
            f.why = f"read as the {mv.measure.label} for {period.text if period else 'any date'}"
            out.append(gate(f, weak_measure(ctx.text, q, mv.measure.words)))
        return out


def _owns(claim: Claim, comp: Comparison, best: Comparison, start: int) -> bool:
    """A number belongs to another identified event than the best when the claim's date nearest to it fits that
    event and not the best one ('in 2016 about 100 vehicles …, and in December 2021 a batch of 30 tanks')."""
    dated = [d for d in claim.dates if not d.relative]
    if len(dated) < 2:
        return False
    near = date_of(claim, dated, start)
    return near is not None and fits(near, comp.event) and not fits(near, best.event)


def _held_elsewhere(m, start: int) -> bool:  # type: ignore[no-untyped-def]
    """A distinctive figure that another candidate event holds exactly ('the disbursement of the $350m grant'
    beside an event of another sum) is that event's figure, not a wrong one."""
    q = next((x for x in m.claim.quantities if x.start == start), None)
    if q is None or not distinctive(q.value, q.unit):
        return False
    return any(f.unit == q.unit and q.compatible(*f.interval) and not f.qualifier
               for c in m.comparisons[:8] if c.lexical >= 0.15 for f in c.event.all_figures)
