"""Intervals counted from an event the report names: 'two days after the drone strike', 'some sixteen months
after the contract was signed', 'a fortnight before the vote'.

Why: a report dates one event by another as often as by the calendar, and such a date is wrong as easily. The
parse gives the pieces: a time noun modifying a verb or a preposition as an adverb (npadvmod), the 'after' or
'before' it hangs on, and that preposition's object or clause, which names the anchor event. Whether a noun is a
span of time, and how many days it holds, comes from pint's unit registry; the count from the number reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor.extract.numbers import word_number

if TYPE_CHECKING:
    from spacy.tokens import Token

DIRECTIONS = {"after": 1, "before": -1}
"""The two prepositions that count a span from an event, and which way."""


@dataclass(frozen=True)
class Interval:
    """`days` (± `slack`) after (sign 1) or before (sign -1) the event named at anchor_start:anchor_end.
    Offsets are within the text read; `start:end` spans the whole expression."""

    start: int
    end: int
    days: float
    slack: float
    sign: int
    anchor_start: int
    anchor_end: int
    unit: str
    length: float = 1.0
    """Days in one of the unit ('week' 7)."""
    approx: bool = False
    """Hedged ('about two weeks', 'some sixteen months')."""


def intervals(text: str) -> list[Interval]:
    """Every interval the parse of `text` shows."""
    from watchfloor.extract.frames import parsed

    out = []
    for tok in parsed(text):
        if tok.dep_ != "npadvmod" or tok.pos_ != "NOUN" or tok.head.pos_ not in ("VERB", "AUX", "ADP", "SCONJ"):
            continue
        length = _days(tok.lemma_.lower())
        count = _count(tok)
        if length is None or count is None:
            continue
        anchor = _anchor(tok)
        if anchor is None:
            continue
        word, obj = anchor
        start = min(tok.left_edge.idx, word.idx)
        end = _phrase_end(obj)
        days = count * length
        approx = any(c.dep_ in ("advmod", "quantmod") or c.dep_ == "det" and c.lower_ not in ("a", "an")
                     for c in tok.subtree if c.i != tok.i and not c.like_num)
        slack = max(1.0, 0.25 * days if approx else 0.3 * length)
        first = obj.doc[word.i + 1].idx if obj.left_edge.i < tok.i else obj.left_edge.idx
        out.append(Interval(start, end, days, slack, DIRECTIONS[word.lower_], first, end, tok.lemma_.lower(),
                            length, approx))
    return out


def _phrase_end(obj: Token) -> int:
    """Where the anchor's phrase ends: its last word before any punctuation after its head."""
    last = obj
    for t in obj.subtree:
        if t.i > obj.i and t.is_punct:
            break
        last = t if t.i > last.i else last
    return last.idx + len(last.text)


def _anchor(tok: Token) -> tuple[Token, Token] | None:
    """The 'after' or 'before' the span counts from, and what follows it (a noun phrase or a clause), when the
    span dates a verb: in '1,000 a year before the attack' it qualifies a number, and is a rate. The parse may hang
    the span on the anchor clause's own verb ('two days after [the minister toured the base]')."""
    own = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in DIRECTIONS), None)
    if own is not None:
        obj = next((c for c in own.children if c.dep_ in ("pobj", "pcomp")), None)
        return (own, obj) if obj is not None else None
    head = tok.head
    mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ in DIRECTIONS and c.i > tok.i), None)
    if mark is not None and head.pos_ in ("VERB", "AUX"):
        return mark, head
    if head.lower_ in DIRECTIONS and head.dep_ == "mark" and head.head.pos_ in ("VERB", "AUX"):
        return head, head.head
    if head.lower_ in DIRECTIONS and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in head.children if c.dep_ in ("pobj", "pcomp")), None)
        return (head, obj) if obj is not None else None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in DIRECTIONS and c.i > tok.i:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return c, obj
        if c.dep_ == "advcl" and c.i > tok.i:
            mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ in DIRECTIONS), None)
            if mark is not None:
                return mark, c
    return None


def _count(tok: Token) -> float | None:
    """How many of the time noun: its number ('sixteen months'), or one for 'a week', 'a fortnight'."""
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if nums:
        value = word_number(" ".join(t.text for t in nums[0].subtree if t.like_num or t.pos_ == "NUM").lower())
        return value if value is not None and value > 0 else None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and tok.tag_ == "NN":
        return 1.0
    return None


@lru_cache(maxsize=256)
def _days(noun: str) -> float | None:
    """Days in one of this noun if it is a span of time ('fortnight' 14), else None."""
    registry = _registry()
    try:
        quantity = registry(noun)
    except Exception:  # pint raises its own errors for words that are no unit
        return None
    if not hasattr(quantity, "dimensionality") or quantity.dimensionality != registry.day.dimensionality:
        return None
    days = float(quantity.to("day").magnitude)
    return days if days >= 1 else None


@lru_cache(maxsize=1)
def _registry():  # type: ignore[no-untyped-def]
    import pint

    return pint.UnitRegistry()
