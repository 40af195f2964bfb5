"""Whose figure: the person a sentence gives a figure to, read from the parse.

Why: one sentence often hands out several terms or sums ("the court sentenced Hentzau, the former
chamberlain, to 25 years, and Sapt to 20"), and the store keeps each with the person's name. Counting
characters back from the figure to the nearest name breaks on any apposition between them; the parse
does not: the objects of the figure's verb and their conjuncts stand in the same order as the figures
they receive (gapping), so the holder is the last of them written before the figure.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from watchfloor.extract.frames import parsed, span_at

if TYPE_CHECKING:
    from spacy.tokens import Token

RECEIVER_DEPS = frozenset({"dobj", "dative", "nsubj", "nsubjpass", "conj", "appos", "dep"})
"""Dependencies by which a verb names who receives what it hands out, and by which further receivers join
them ('Hentzau and Sapt', 'fellow officer Sapt'); the parser leaves a gapped receiver ('handed Hentzau 25
years and Sapt 20') as an unlabelled dependent ('dep') of the verb."""
_CLIMB = 4
"""A figure hangs on its verb through at most a preposition and a noun ('to 25 years in prison')."""


def figure_holder(text: str, start: int, end: int) -> int | None:
    """The character offset in `text` of the name the figure at text[start:end] is given to, or None when the
    parse names no one before it."""
    span = span_at(parsed(text), start, end)
    if span is None:
        return None
    verb = _verb_above(span.root)
    if verb is None:
        return None
    before = [t for t in _receivers(verb) if t.i < span.start and t.pos_ == "PROPN"]
    return max(before, key=lambda t: t.i).idx if before else None


def _verb_above(tok: Token) -> Token | None:
    return next((a for a in islice(tok.ancestors, _CLIMB) if a.pos_ == "VERB"), None)


def _receivers(verb: Token) -> list[Token]:
    """The verb's receivers with their conjuncts and appositions, each as its head word."""
    out: list[Token] = []
    todo = [c for c in verb.children if c.dep_ in RECEIVER_DEPS]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ in ("conj", "appos")]
    return out
