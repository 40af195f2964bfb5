"""contradicted: the store says the opposite (polarity) or puts the event somewhere else (place).

Why: "arrested on terrorism charges" and "arrested without terrorism charges"
are opposite claims about one event, as are "in Zenda" and "in Strelsau,
Hofbau and Tarlenheim". How it decides: the event must be identified
without the attribute in question; for polarity, the same event word must
appear on both sides about the same topic (the words around it overlap), one
side negated; a reported denial ("denied that a base was set up") is a
statement, not a negation, and only conflicts with a reported confirmation.
For places, both must be mapped and far apart (over 150 km). A negated claim
conflicts with a store event only if the event happened by the claim's date.
Switch off with `--skip contradicted`.
"""

from __future__ import annotations

import re

from watchfloor.check.base import Check, Context, alternatives, belongs_elsewhere
from watchfloor.check.report import Finding
from watchfloor.extract.arguments import stands_as_argument

_STAY = re.compile(
    r"\b(?:lodg|stay|live|lived|living|resid|settl|hid|hidden|hiding|studi|study|work|based|rent|mov|travel|flew|"
    r"fly|flying|went|go|going|return|transit|spent|spend|born|grew|rais)\w*\s+(?:[\w'’-]+\s+)?"
    r"(?:in|at|to|from|via|through)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", re.I)
"""Words that place a person (a stay, a journey, a home), not the event the claim is matched to."""


_SEAT = re.compile(r"\b(?:ministry|embassy|court|government|officials?|authorities|office|service|committee|agency|"
                   r"prosecutors?|police|consulate|parliament)\s+(?:in|at)\s+$", re.I)
"""'the Foreign Ministry in Strelsau reported …': the seat of whoever speaks, not the place of the event."""


class Contradicted(Check):
    """A statement whose polarity or place the store contradicts."""

    kind = "contradicted"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for m in ctx.matches:
            claim = m.claim
            alts = alternatives(m, "polarity")
            conflicts = self._polar_conflicts(m, alts) if alts else self._unanimous(m)
            if conflicts:
                for best, v in conflicts:
                    s, e = self._span(ctx, claim, v.start, v.end)
                    out.append(self.finding(
                        ctx, s, e, f"The store says the opposite of '{ctx.quote(s, e)}': {best.event.summary}",
                        claim=claim, evidence=[ctx.book.event(best.event)], match=best))
            alts = alternatives(m, "place")
            if alts and alts[0].place.status == "conflict" and not any(
                    c.place.status == "match" for c in alts[1:]) and not self._place_excused(ctx, m, alts[0]):
                best = alts[0]
                p = best.place
                out.append(self.finding(
                    ctx, p.start, p.end, f"The report places this in {p.claim_value}, but the store has it in "
                                         f"{p.store_value} ({p.note}{' away' if 'km' in p.note else ''}): "
                                         f"{best.event.summary}", claim=claim,
                    evidence=[ctx.book.event(best.event)], match=best))
        return out

    @staticmethod
    def _place_excused(ctx: Context, m, best) -> bool:  # type: ignore[no-untyped-def]
        """A place is no contradiction when the store itself puts something of this claim there (another
        event nearly as good a match, or the matched event's own summary, names it: 'stayed in Fatih before the
        attack'), or
        when the words that place it are about a stay or a journey, not about the event, or when the place is
        itself a verb's doer or undergoer ('a decade in which Strelsau widened its ties': the capital for its
        government)."""
        p = best.place
        if belongs_elsewhere(m.claim, p.start, best.event):
            return True
        place = ctx.text[p.start:p.end].lower()
        for c in alternatives(m, "place", margin=3.0):
            if c.place.status == "match" and c.place.claim_value.lower() == place:
                return True
            if place and place in c.event.summary.lower() and (c is best or c.anchor_score >= 1.2):
                return True
        lead = ctx.text[max(m.claim.start, p.start - 40):p.start]
        if _STAY.search(lead) or _SEAT.search(lead):
            return True
        base = m.claim.sentence.start
        return stands_as_argument(m.claim.sentence.text, p.start - base, p.end - base)

    @staticmethod
    def _unanimous(m):  # type: ignore[no-untyped-def]
        """No event identified, but every close candidate that speaks of the claim's event word says the opposite,
        on the same topic and naming one of the claim's names ('did not advise its nationals to leave the border
        area' against two events in which Strelsau urged citizens to leave it)."""
        near = [c for c in m.comparisons[:5] if c.anchor_score > 0 and c.lexical >= 0.2]
        out = []
        for ev in m.claim.events:
            said = [(c, v) for c in near for v in c.polarity if v.start == ev.trigger.start and v.status != "none"]
            if said and all(v.status == "conflict" for _, v in said) and not any(
                    v.start == ev.trigger.start and v.status == "match" for c in m.comparisons for v in c.polarity):
                out.append(said[0])
        return out

    @staticmethod
    def _polar_conflicts(m, alts):  # type: ignore[no-untyped-def]
        """(event, verdict) for each event word the store contradicts. A word the best event says nothing about
        is judged on the best identified event that does speak of it: in "a week after Xi's visit, the ministry
        acknowledged a base was discussed", the visit pins the date but the denial is another event's."""
        best = alts[0]
        out = []
        for v in best.polarity:
            if v.status == "conflict" and not any(
                    o.status == "match" and o.start == v.start for c in alts[1:] for o in c.polarity):
                out.append((best, v))
        judged = {v.start for v in best.polarity}
        others = sorted((c for c in m.identified("polarity") if c is not best),
                        key=lambda c: (-c.score("polarity"), c.event.id))
        for ev in m.claim.events:
            start = ev.trigger.start
            if start in judged:
                continue
            speaking = [(c, o) for c in others for o in c.polarity if o.start == start and o.status != "none"]
            if speaking and speaking[0][1].status == "conflict" and not any(
                    o.status == "match" for _, o in speaking[1:]):
                out.append(speaking[0])
        return out

    @staticmethod
    def _span(ctx: Context, claim, start: int, end: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        """The event word with its qualifiers: 'on RLF-related terrorism charges', 'have been charged with …'."""
        text = ctx.text
        s = start
        head = text[max(claim.start, start - 40):start]
        m = re.search(r"\b(?:on|with|without|no|not|never|none\s+of\s+[\w\s]+?|any)\s+(?:[\w-]+\s+){0,3}$", head)
        if m:
            s = max(claim.start, start - 40) + m.start()
        tail = re.match(r"(?:\s+(?:with|on|for|over)\s+[\w-]+(?:\s+[\w-]+){0,2})?", text[end:claim.end])
        e = end + (tail.end() if tail else 0)
        return s, e
