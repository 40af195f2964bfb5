"""Dates aligned through the parse: the claim's and the summary's date of the same predicate.

Why: a sentence that dates two steps of one event ('the lower house passed it on 8 March, the upper chamber
approved it on 19 June') fits the event by its right date, and that match hid the wrong one: the store's summary
says the lower house passed it on 8 May. Read through the parse, each date hangs on its predicate; the same
predicate on both sides with dates that cannot be one day is a wrong date, whatever else fits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from watchfloor.check.evidence import StoreEvent
    from watchfloor.check.match import Verdict
    from watchfloor.extract.claims import Claim
    from watchfloor.extract.dates import DateMention


def aligned_date_conflict(claim: Claim, event: StoreEvent) -> Verdict | None:
    """The first claim date whose predicate the summary also dates, to a date it does not fit."""
    mine = [d for d in claim.dates if d.relation == "point" and (not d.relative or d.inferred_year)
            and d.date.precision in ("day", "month")]
    theirs = [d for d in event.dates if d.relation == "point" and d.date.precision in ("day", "month")]
    if len(claim.dates) < 2 or not mine or not theirs:
        return None
    from watchfloor.check.attributes import date_fits
    from watchfloor.check.match import Verdict

    base = claim.sentence.start
    summary_dates = _by_predicate(event.summary, theirs, 0)
    for lemma, d in _by_predicate(claim.sentence.text, mine, base).items():
        other = summary_dates.get(lemma)
        if other is not None and not date_fits(d, *other.window()):
            return Verdict(status="conflict", start=d.start, end=d.end, claim_value=d.human(),
                           store_value=other.human(), note="same predicate")
    return None


def _by_predicate(text: str, dates: list[DateMention], base: int) -> dict[str, DateMention]:
    """Each non-negated predicate lemma that dates exactly one of `dates` (offsets in `text` plus `base`)."""
    from watchfloor.extract.frames import frames

    found: dict[str, list[DateMention]] = {}
    for f in frames(text):
        if f.negated:
            continue
        for m in f.dates:
            d = next((d for d in dates if d.start - base < m.end and m.start < d.end - base), None)
            if d is not None:
                found.setdefault(f.lemma, []).append(d)
    return {lemma: ds[0] for lemma, ds in found.items() if len(ds) == 1}
