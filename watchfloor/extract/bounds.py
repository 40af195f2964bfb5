"""What a bounding date bounds, from the parse: 'held until 22 June' bounds 'hold'.

Why: two 'since' dates in one event's story may bound different things ('ruled since November 1992', 'president
since November 1994'); only bounds of the same word can contradict each other.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=2048)
def bounded(text: str, start: int, end: int) -> str | None:
    """The lemma of the word the date at text[start:end] hangs on through its preposition ('hold' for 'held until
    22 June'), or None when the parse does not show one."""
    from watchfloor.extract.frames import parsed, span_at

    span = span_at(parsed(text), start, end)
    if span is None:
        return None
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    return prep.head.lemma_.lower()
