"""Span look-ups in O(log n): which spans overlap or lie inside a range.

Why: a clause may hold thousands of numbers (a pasted table, "1 1 1 …") and a
report thousands of names and citation markers; testing each against every
other made the checker quadratic in the report's length.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Generic, Protocol, TypeVar


class Taken:
    """Spans a finder must not reuse: fixed ones (possibly overlapping) plus ones added as it goes.

    `overlaps(s, e)` is `any(a < e and s < b for a, b in spans)`. Added spans must not overlap any span
    already held (callers add only where `overlaps` was False), so they stay sorted by start and by end alike.
    """

    def __init__(self, fixed: Iterable[tuple[int, int]] = ()) -> None:
        spans = sorted(fixed)
        self._starts = [a for a, _ in spans]
        self._reach: list[int] = []
        """reach[i]: the furthest end among the first i + 1 fixed spans."""
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            self._reach.append(furthest)
        self._add_starts: list[int] = []
        self._add_ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self._starts, e)
        if i and self._reach[i - 1] > s:
            return True
        j = bisect.bisect_right(self._add_ends, s)
        return j < len(self._add_starts) and self._add_starts[j] < e

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_right(self._add_starts, s)
        self._add_starts.insert(i, s)
        self._add_ends.insert(i, e)


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class Within(Generic[S]):
    """Items (with .start and .end) lying inside [a, b], in their original order."""

    def __init__(self, items: Sequence[S]) -> None:
        self._items = list(items)
        self._order = sorted(range(len(self._items)), key=lambda i: self._items[i].start)
        self._starts = [self._items[i].start for i in self._order]

    def inside(self, a: int, b: int) -> list[S]:
        lo, hi = bisect.bisect_left(self._starts, a), bisect.bisect_right(self._starts, b)
        picked = sorted(i for i in self._order[lo:hi] if self._items[i].end <= b)
        return [self._items[i] for i in picked]


def overlapping(spans: Sequence[tuple[int, int]], starts: Sequence[int], reach: Sequence[int], a: int, b: int
                ) -> list[tuple[int, int]]:
    """The spans (sorted by start) with start < b and end > a, in order; `reach` is the running max of ends."""
    hi = bisect.bisect_left(starts, b)
    lo = bisect.bisect_right(reach, a, 0, hi)
    return [c for c in spans[lo:hi] if c[1] > a]


def running_reach(spans: Sequence[tuple[int, int]]) -> list[int]:
    """The furthest end among the first i + 1 spans, for each i (a non-decreasing list)."""
    out, furthest = [], -1
    for _, b in spans:
        furthest = max(furthest, b)
        out.append(furthest)
    return out
