"""Absence: the store says someone was not there ("no League observer mission took part"), the report has them act.

Why: a store summary often records an absence as a fact in its own right
(no observers, no claim of responsibility, no official statement); a report
that has the absent party monitor, claim or comment says the opposite, and no
event word need differ. How it decides: a name the claim and the summary share
follows "no", "without" or "not a/any" in the summary (at most two words
between), while the claim names it with no negation of its own nearby.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from watchfloor.extract.polarity import negation_spans

if TYPE_CHECKING:
    from watchfloor.check.evidence import StoreEvent
    from watchfloor.check.match import Verdict
    from watchfloor.extract.claims import Claim

_ABSENT = r"\b(?:no|without|not\s+(?:a|an|any)|neither|nor)\s+(?:[\w-]+\s+){0,2}?"


def absence_conflicts(claim: Claim, event: StoreEvent) -> list[Verdict]:
    from watchfloor.check.match import Verdict

    out = []
    summary = event.summary
    negs: list[tuple[int, int, int]] | None = None
    base = claim.sentence.start
    for m in claim.entities:
        if m.kind == "country" or m.demonym or m.entity_id not in event.entity_ids:
            continue
        theirs = [x for x in event.mentions if x.entity_id == m.entity_id and summary[x.start:x.end] == x.text]
        absent = [x for x in theirs if re.search(_ABSENT + r"$", summary[max(0, x.start - 40):x.start], re.I)]
        if not absent or len(absent) < len(theirs):
            continue
        if negs is None:
            negs = negation_spans(claim.sentence.text, 0, len(claim.sentence.text))
        if any(a - 40 <= m.start - base <= b + 40 for a, _, b in negs):
            continue
        out.append(Verdict(status="conflict", start=m.start, end=m.end, claim_value=m.text,
                           store_value=summary[max(0, absent[0].start - 12):absent[0].end + 30].strip(),
                           events=(event.id,), note="absent"))
    return out
