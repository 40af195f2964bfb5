"""Readings kept per claim: what a function reads from one claim alone, read once.

Why: matching compares each claim with up to 80 events, and several readings (places it locates, agents it names,
whether its subject stands for an antecedent) do not depend on the event. Kept apart from extract/claims.py so a
reader that claims.py itself uses (extract/anaphora.py) can be kept the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from watchfloor.extract.claims import Claim

R = TypeVar("R")


def per_claim(fn: Callable[..., R]) -> Callable[..., R]:
    """Keep what `fn(claim, *args)` reads from the claim alone, in the claim's `memo`."""

    @wraps(fn)
    def kept(claim: Claim, *args: Hashable, **kwargs: Hashable) -> R:
        key = (fn.__name__, *args, *sorted(kwargs.items()))
        memo = claim.memo
        if key not in memo:
            memo[key] = fn(claim, *args, **kwargs)
        return memo[key]  # type: ignore[return-value]

    return kept
