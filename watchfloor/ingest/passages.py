"""Split a document's text into passages with offsets, for citations and the checker.

A passage is a paragraph (a run of non-blank lines); a paragraph longer than
`MAX_CHARS` is cut at sentence ends. Offsets are Python string indices into
the document text, and `text[start:end]` is always the passage itself, with
its surrounding whitespace left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 1200
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-ZА-ЯЁ0-9])")


@dataclass(frozen=True)
class Passage:
    seq: int
    start: int
    end: int
    text: str


def split_passages(text: str, max_chars: int = MAX_CHARS) -> list[Passage]:
    """Paragraphs (single-newline paragraphs too), long ones cut at sentence ends, as offset spans."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start, end = _trim(text, para.start(), para.end())
        if start < end:
            spans.extend(_cut(text, start, end, max_chars))
    return [Passage(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """A paragraph as one span, or as sentence-aligned spans of at most max_chars (cut at a space if it must)."""
    if end - start <= max_chars:
        return [(start, end)]
    sentences: list[tuple[int, int]] = []
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        sentences.append((s, m.end(1)))
        s = m.end()
    sentences.append((s, end))
    pieces: list[tuple[int, int]] = []
    for a, b in sentences:
        while b - a > max_chars:
            space = text.rfind(" ", a + 1, a + max_chars)
            cut = space if space > a else a + max_chars
            pieces.append((a, cut))
            a = cut
            while a < b and text[a].isspace():
                a += 1
        pieces.append((a, b))
    out: list[tuple[int, int]] = []
    cs, ce = pieces[0]
    for a, b in pieces[1:]:
        if b - cs <= max_chars:
            ce = b
        else:
            out.append((cs, ce))
            cs, ce = a, b
    out.append((cs, ce))
    return [t for t in (_trim(text, a, b) for a, b in out) if t[0] < t[1]]
