"""wrong_date for a date the parse hangs on the same verb in the report and in the store's summary.

Why: a sentence dates more than one thing ('created the mission on 25 April to take over on 1 June'); the event's
own date may be right while a second date in it is wrong, and a report that follows its source keeps the verb.
How it decides: the claim's event is identified without its date and firmly; a written date of the claim (a day
or a month, not worked out from another date) hangs in the parse on a verb whose lemma a frame of the summary
shares, with a content word in common besides; that frame's own date, or the event's date when it is the
summary's first main frame, must lie within a week of the claim's. A claim's date that the summary or the event
gives anywhere is never judged. Else it is an error.
Switch off with `--skip wrong_date`.
"""

from __future__ import annotations

from watchfloor.check.base import Check, Context, alternatives
from watchfloor.check.evidence import StoreEvent
from watchfloor.check.lexical import stems
from watchfloor.check.report import Finding
from watchfloor.check.wrong_date import _firm
from watchfloor.dates import FuzzyDate
from watchfloor.extract.claims import Claim
from watchfloor.extract.dates import DateMention


class WrongFrameDate(Check):
    """A date of a verb the store's summary dates otherwise."""

    kind = "wrong_date"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for m in ctx.matches:
            alts = alternatives(m, "date")
            if not alts or not _firm(alts[0]) or alts[0].date.status == "conflict":
                continue
            comp = alts[0]
            found = aligned_conflict(m.claim, comp.event)
            if found is None:
                continue
            mine, store = found
            out.append(self.finding(
                ctx, mine.start, mine.end,
                f"The report has “{mine.text}”; the store has {store.human()} for this: {comp.event.summary}",
                claim=m.claim, evidence=[ctx.book.event(comp.event)], match=comp))
        return out


def aligned_conflict(claim: Claim, event: StoreEvent) -> tuple[DateMention, FuzzyDate] | None:
    """The claim's written date and the store's date for the same verb, when they cannot be the same date."""
    from watchfloor.extract.frames import frames, hangs_on

    base, text = claim.sentence.start, claim.sentence.text
    written = [d for d in claim.dates if _plain(d) and not d.inferred_year and d.date.precision in ("day", "month")]
    told = [t for t in [event.date] + [d.date for d in event.dates] if t.precision in ("day", "month")]
    written = [d for d in written if not any(d.date.compatible(t) for t in told)]
    if not written:
        return None
    theirs = frames(event.summary)
    lead = next((g for g in theirs if g.main), None)
    for f in frames(text):
        for mention in f.dates:
            mine = next((d for d in written if d.start - base < mention.end and mention.start < d.end - base), None)
            if mine is None or not hangs_on(text, f.head, mention.start, mention.end):
                continue
            words = stems(_own_words(text, f.start, f.end, f.dates))
            for g in theirs:
                if g.lemma != f.lemma or not words & stems(_own_words(event.summary, g.start, g.end, g.dates)):
                    continue
                store = _store_date(event, g, g is lead)
                if store is not None and _apart(mine.date, store):
                    return mine, store
    return None


def _own_words(text: str, start: int, end: int, dates: list) -> str:  # type: ignore[type-arg]
    """The frame's words without its dates."""
    out, at = [], start
    for d in sorted(dates, key=lambda d: d.start):
        out.append(text[at:d.start])
        at = d.end
    out.append(text[at:end])
    return " ".join(out)


def _plain(d: DateMention) -> bool:
    """A date written as one point, not worked out from another date and bounding nothing."""
    return not d.relative and d.relation == "point" and d.until is None


def _store_date(event: StoreEvent, frame, lead: bool) -> FuzzyDate | None:  # type: ignore[no-untyped-def]
    """The frame's own written date in the summary, or the event's date for the summary's first main frame."""
    from watchfloor.extract.frames import hangs_on

    if frame.dates:
        own = [d for d in event.dates if _plain(d) and any(
            d.start < m.end and m.start < d.end and hangs_on(event.summary, frame.head, m.start, m.end)
            for m in frame.dates)]
        return own[0].date if len(own) == 1 and own[0].date.precision in ("day", "month") else None
    if lead and event.date.precision in ("day", "month"):
        return event.date
    return None


def _apart(a: FuzzyDate, b: FuzzyDate) -> bool:
    """More than a week between the two dates' spans: 'late August' and 'September', or 'the end of April' and
    2 May, are one date told two ways; 1 June and 1 July are not."""
    return (b.start - a.end).days > 7 or (a.start - b.end).days > 7
