"""Dates with a precision: 2024, 2024-06 and 2024-06-11 are different claims.

A fact dated "2024-06" says June, not 1 June; comparisons must honour that, so a
date is stored as its first day plus a precision, and two dates agree when the
coarser one contains the finer one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date known to a given precision."""

    value: dt.date
    precision: Precision = "day"

    @property
    def start(self) -> dt.date:
        return self.value

    @property
    def end(self) -> dt.date:
        """Last day the date could mean."""
        y, m = self.value.year, self.value.month
        if self.precision == "year":
            return dt.date(y, 12, 31)
        if self.precision == "month":
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return self.value

    def contains(self, other: FuzzyDate) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: FuzzyDate) -> bool:
        return self.start <= other.end and other.start <= self.end

    def compatible(self, other: FuzzyDate) -> bool:
        """True when one date could be a less precise telling of the other."""
        return self.contains(other) or other.contains(self)

    def coarsen(self, precision: Precision) -> FuzzyDate:
        if _RANK[precision] >= _RANK[self.precision]:
            return self
        v = self.value
        return FuzzyDate(dt.date(v.year, 1 if precision == "year" else v.month, 1), precision)

    def iso(self) -> str:
        """The date written to its precision: 2024, 2024-06 or 2024-06-11."""
        v = self.value
        if self.precision == "year":
            return f"{v.year:04d}"
        if self.precision == "month":
            return f"{v.year:04d}-{v.month:02d}"
        return v.isoformat()

    def human(self) -> str:
        """The date as an analyst writes it: 2024, June 2024, 11 June 2024."""
        v = self.value
        if self.precision == "year":
            return str(v.year)
        if self.precision == "month":
            return v.strftime("%B %Y")
        return f"{v.day} {v.strftime('%B %Y')}"

    def __str__(self) -> str:
        return self.iso()


def parse_iso(text: str) -> FuzzyDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; the length gives the precision.

    Raises ValueError with a short reason for anything else, including
    impossible calendar dates (2023-02-30) and years outside 1000–2999.
    """
    if not isinstance(text, str):
        raise ValueError("expected a string such as 2024, 2024-06 or 2024-06-11")
    m = _ISO.match(text.strip())
    if not m:
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    if not 1000 <= year <= 2999:
        raise ValueError(f"year {year} is out of range")
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    try:
        if day is not None:
            return FuzzyDate(dt.date(year, month or 1, day), "day")
    except ValueError as exc:
        raise ValueError(f"no such day: {exc}") from None
    if month is not None:
        return FuzzyDate(dt.date(year, month, 1), "month")
    return FuzzyDate(dt.date(year, 1, 1), "year")


def from_parts(value: dt.date, precision: str) -> FuzzyDate:
    """Rebuild a FuzzyDate from what the store holds."""
    if precision not in _RANK:
        raise ValueError(f"unknown date precision {precision!r}")
    return FuzzyDate(value, precision)  # type: ignore[arg-type]


def parse_bound(text: str) -> FuzzyDate:
    """A --since/--until argument: ISO to any precision, or 'today'."""
    if text.strip().lower() == "today":
        return FuzzyDate(dt.date.today(), "day")
    return parse_iso(text)
