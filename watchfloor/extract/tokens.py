"""Words with their offsets, folded the way alias keys are folded.

Every later step (entities, dates, numbers, event words) works on offsets into
the text as read, so a finding can quote exactly what the report says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    norm: str
    """Case-folded, accents removed: what alias keys are made of."""

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        return self.text.isupper()


def fold(text: str) -> str:
    """Case-fold and strip accents, keeping the length meaningful only per word."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens (letters and digits; punctuation splits words) with offsets shifted by `offset`."""
    return [Token(m.group(), m.start() + offset, m.end() + offset, fold(m.group())) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Span:
    """A stretch of the report: [start, end) into the text as read."""

    start: int
    end: int

    def overlaps(self, other: Span | tuple[int, int]) -> bool:
        s, e = (other.start, other.end) if isinstance(other, Span) else other
        return self.start < e and s < self.end

    def inside(self, start: int, end: int) -> bool:
        return start <= self.start and self.end <= end


def masked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps any of `spans`."""
    return any(s < end and start < e for s, e in spans)
