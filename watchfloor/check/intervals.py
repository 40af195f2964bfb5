"""wrong_date for a date counted from another event: 'two days after the drone strike' where the store has the
attack eight days after the strike.

Why: the interval is a date the report gives, anchored on an event it names rather than on the calendar. How
it decides: the claim's event is identified without its date and its own calendar date (if any) does not
settle it; the anchor is the nearest earlier statement of the report, with its store event identified, that
speaks of the anchor's kind of event or shares a word with it ('the drone strike', 'a drone … struck a
camp'); the store's two dates must be precise enough for the interval, and the claimed event's date must fall
outside the interval's reach from the anchor's. When the event's own summary counts from the same anchor ('four
days after the drone strike'), the two intervals are compared instead; when the anchor's words fit the claim's
own event best of its candidates, the claim was matched on its anchor and nothing is judged.
Switch off with `--skip wrong_date`.
"""

from __future__ import annotations

import datetime as dt

from watchfloor.check.base import Check, Context, alternatives
from watchfloor.check.evidence import StoreEvent
from watchfloor.check.lexical import stems
from watchfloor.check.match import ClaimMatch, Comparison
from watchfloor.check.report import Finding
from watchfloor.check.wrong_date import _firm
from watchfloor.extract.events import WEAK_FAMILIES, find_triggers
from watchfloor.extract.intervals import DIRECTIONS, Interval, intervals

LOOK_BACK = 40
"""Statements searched back for the anchor event."""


class WrongInterval(Check):
    """A date counted from an event the report names, which the store's two dates contradict."""

    kind = "wrong_date"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for m in ctx.matches:
            words = set(m.claim.text.lower().split())
            if not words & DIRECTIONS.keys():
                continue
            alts = alternatives(m, "date")
            if not alts or not _firm(alts[0]):
                continue
            dated = alts[0].date.status == "match" and alts[0].date.strength >= 1.5
            base = m.claim.sentence.start
            for iv in intervals(m.claim.sentence.text):
                if not m.claim.start <= base + iv.start < m.claim.end:
                    continue
                found = self._judge(ctx, m, alts[0], iv, dated)
                if found:
                    out.append(found)
                    break
        return out

    def _judge(self, ctx: Context, m: ClaimMatch, judged: Comparison, iv: Interval, dated: bool) -> Finding | None:
        """The summary's own interval from the same anchor is compared first, whatever the dates say (the event's
        date may match while the report counts two days from an anchor the store counts one day from); else the
        interval is measured between the anchor event's date and this one's, unless this one's date matched."""
        event, text, base = judged.event, m.claim.sentence.text, m.claim.sentence.start
        words = stems(text[iv.anchor_start:iv.anchor_end])
        stated = _stated(event, words)
        if stated is None and (dated or _told_by_its_anchor(m, event, base + iv.anchor_start, base + iv.anchor_end)):
            return None
        if stated is not None:
            # two stated counts are compared as counts: 'two days after' is not 'a day after'
            tolerance = iv.slack if iv.approx or stated.approx else 0.5 * min(iv.length, stated.length)
            if abs(stated.sign * stated.days - iv.sign * iv.days) <= tolerance:
                return None
            quote = event.summary[stated.start:stated.end]
            return self.finding(
                ctx, base + iv.start, base + iv.end,
                f"The report puts this “{text[iv.start:iv.end]}”; the store has it “{quote}”: {event.summary}",
                claim=m.claim, evidence=[ctx.book.event(event)], match=judged)
        if _anchor_is(ctx, m, words, event):
            return None
        families = {t.family for t in find_triggers(text, iv.anchor_start, iv.anchor_end)} - WEAK_FAMILIES
        anchor = _anchor_event(ctx, m, families, words, event)
        if anchor is None or not (_precise(anchor, iv) and _precise(event, iv)):
            return None
        expected = anchor.date.start + dt.timedelta(days=iv.sign * iv.days)
        slack = dt.timedelta(days=iv.slack)
        if event.date.end >= expected - slack and event.date.start <= expected + slack:
            return None
        gap = (event.date.start - anchor.date.start).days
        return self.finding(
            ctx, base + iv.start, base + iv.end,
            f"The report puts this “{text[iv.start:iv.end]}”, about {expected:%-d %B %Y}; the store has it on "
            f"{event.date.human()}, {abs(gap)} days {'after' if gap >= 0 else 'before'} the event it counts from "
            f"({anchor.date.human()}): {event.summary} / {anchor.summary}", claim=m.claim,
            evidence=[ctx.book.event(event), ctx.book.event(anchor)], match=judged)


def _anchor_event(ctx: Context, m: ClaimMatch, families: set[str], words: set[str],
                  event: StoreEvent) -> StoreEvent | None:
    """The store event of the nearest earlier statement the anchor points back to: one that speaks of the
    anchor's kind of event, or shares a word with it ('the drone strike' and 'a drone … struck a camp'). When
    that statement's event is the claim's own, the claim was matched to its anchor and there is none."""
    for earlier in reversed(ctx.matches[max(0, m.claim.index - LOOK_BACK):m.claim.index]):
        ids = earlier.identified()
        if not ids:
            continue
        kinds = (earlier.claim.families | ids[0].event.families) & families
        if kinds or words & stems(earlier.claim.text):
            return ids[0].event if ids[0].event.id != event.id else None
    return None


def _anchor_is(ctx: Context, m: ClaimMatch, words: set[str], event: StoreEvent) -> bool:
    """Of the claim's candidates, the anchor's words are most like the claim's own event: the claim was matched
    on its anchor ('that assault came a day after coordinated strikes …' matched to the strikes)."""
    lexicon = ctx.evidence.lexicon
    scored = [(lexicon.similarity(words, c.event.stems), c.event.id) for c in m.comparisons]
    return bool(scored) and max(scored)[1] == event.id and max(scored)[0] > 0


def _stated(event: StoreEvent, words: set[str]) -> Interval | None:
    """The interval the event's own summary gives from the same anchor ('four days after the drone strike')."""
    for iv in intervals(event.summary):
        if words & stems(event.summary[iv.anchor_start:iv.anchor_end]):
            return iv
    return None


def _told_by_its_anchor(m: ClaimMatch, event: StoreEvent, start: int, end: int) -> bool:
    """The anchor names a person or facility of the claim's event ('the statement came a week after Xi's state
    visit' matched to the state visit): then that event is the anchor's, not one dated from it."""
    return any(start <= e.start < end and e.kind in ("person", "facility") and e.entity_id in event.entity_ids
               for e in m.claim.entities)


def _precise(event: StoreEvent, iv: Interval) -> bool:
    """A date fine enough to measure the interval: the day for days and weeks, the month for months."""
    need = "day" if iv.days < 60 else "month" if iv.days < 700 else "year"
    rank = {"year": 0, "month": 1, "day": 2}
    return rank[event.date.precision] >= rank[need]
