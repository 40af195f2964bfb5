"""Figures with different owners are different figures: the store's, or the report's own elsewhere.

Why: a results story gives each party its votes and seats in turn ('the Zenda League won 12 seats … the Strelsau
Party won three'). The store event may be about one of them only, and the report's later counts are other
parties', not second readings. The owner is read from the parse (extract/holders.py: the subject of the figure's
verb); a figure whose owner is named and unknown to the event is not compared with the event's figures, and two
figures whose owners are named and unrelated are not compared with each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor.check.attributes import related_names
from watchfloor.extract.holders import owner_names

if TYPE_CHECKING:
    from watchfloor.check.evidence import StoreEvent
    from watchfloor.extract.claims import Claim
    from watchfloor.extract.quantities import Quantity


def owners(claim: Claim, q: Quantity) -> list[str]:
    """The names that own the claim's figure `q`; empty when its owner is unnamed or unread."""
    base = claim.sentence.start
    dates = tuple((d.start, d.end) for d in claim.dates)
    return owner_names(claim.sentence.text, q.num_start - base, q.num_end - base, claim.all_entities, base, dates)


def foreign_owner(claim: Claim, q: Quantity, event: StoreEvent) -> bool:
    """The figure's owner is named, and the event names none of those names."""
    names = owners(claim, q)
    summary = event.summary.lower()
    return bool(names) and not any(
        n.lower() in summary or any(related_names(n, m.name) for m in event.mentions) for n in names)


def owners_differ(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Both figures have named owners, and no name of one is related to a name of the other."""
    na, nb = owners(a, qa), owners(b, qb)
    return bool(na and nb) and not any(related_names(x, y) for x in na for y in nb)
