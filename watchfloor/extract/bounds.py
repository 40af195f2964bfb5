"""What a bounding date bounds, from the parse: 'held until 22 June' bounds 'hold'.

Why: two 'since' dates in one event's story may bound different things ('ruled since November 1992', 'president
since November 1994'); only bounds of the same word can contradict each other.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


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
    head = prep.head
    if head.pos_ == "AUX":
        return _complement(head, prep)
    return head.lemma_.lower()


def _complement(copula: Token, prep: Token) -> str | None:
    """What a copula's bound is about: its complement ('president' in 'has been president since 1994', 'top' in 'has
    been at the top since 1992'), since 'be' alone would make every such pair the same."""
    for c in copula.children:
        if c.dep_ in ("attr", "acomp"):
            return c.lemma_.lower()
    for c in copula.children:
        if c.dep_ == "prep" and c.i != prep.i:
            objects = [o for o in c.children if o.dep_ == "pobj"]
            if objects:
                return objects[0].lemma_.lower()
    return None


@lru_cache(maxsize=2048)
def dated_reference(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the date at text[start:end] dates a noun that a 'since', 'after', 'before' or 'until' phrase names ('the
    deadliest attack since the Beslan school siege in 2004'), the span of that noun's phrase: the date is that event's,
    which may or may not be the one the sentence is matched to. None when the date hangs on nothing of the kind."""
    from watchfloor.extract.dates import relation_before
    from watchfloor.extract.frames import parsed, span_at

    span = span_at(parsed(text), start, end)
    if span is None or span.root.dep_ != "pobj" or span.root.head.dep_ != "prep":
        return None
    noun = span.root.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return None
    words = list(noun.subtree)
    if relation_before(text, words[0].idx) == "point":
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)
