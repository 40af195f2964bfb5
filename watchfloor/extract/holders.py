"""Whose figure: the person a sentence gives a figure to, read from the parse.

Why: one sentence often hands out several terms or sums ("the court sentenced Hentzau, the former
chamberlain, to 25 years, and Sapt to 20"), and the store keeps each with the person's name. Counting
characters back from the figure to the nearest name breaks on any apposition between them; the parse
does not: the objects of the figure's verb and their conjuncts stand in the same order as the figures
they receive (gapping), so the holder is the last of them written before the figure.

A figure a subject reports of itself has that subject as its owner ('the Zenda League won 12 seats; the Strelsau
Party won three'): each count is its own party's, and neither is a second reading of the other's seats, nor of a
store event about only one of them (`owner_names`).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from watchfloor.extract.frames import parsed, span_at

if TYPE_CHECKING:
    from spacy.tokens import Token

    from watchfloor.extract.entities import EntityMention

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


OWNER_CLIMB = 8
"""Words between a figure and the verb its owner is subject of ('won three seats with 595,291 votes, or 12.3%')."""
SHARED_SUBJECT = frozenset({"conj", "xcomp"})
"""A verb joined by 'and', or one the verb above governs ('failed to pass'), has the subject of the verb above."""


@lru_cache(maxsize=8192)
def owner(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The characters of the subject (or a passive's 'by' phrase) of the verb that tells text[start:end], taken from
    the verb above when the verb shares its subject; None when the parse gives none, or when the figure is part of
    the subject itself ('the handling of the six men …': the six are no one's figure here)."""
    span = span_at(parsed(text), start, end)
    if span is None:
        return None
    verb = next((a for a in islice(span.root.ancestors, OWNER_CLIMB) if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        subject = _subject(verb)
        if subject is not None:
            words = list(subject.subtree)
            lo, hi = words[0].idx, words[-1].idx + len(words[-1].text)
            return None if lo <= start < hi else (lo, hi)
        verb = verb.head if verb.dep_ in SHARED_SUBJECT and verb.head.pos_ in ("VERB", "AUX") else None
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def owner_names(text: str, start: int, end: int, entities: list[EntityMention], base: int = 0,
                dates: tuple[tuple[int, int], ...] = ()) -> list[str]:
    """The names standing as owner of the figure at text[start:end]: distinctive entities other than places (a
    place or country also says where; their offsets, and those of `dates`, are `base` ahead of `text`'s) and the
    words from the first proper noun to the last that no place, country or date covers ('the May 2016 referendum'
    is no one's name), inside the owner's words."""
    span = owner(text, start, end)
    if span is None:
        return []
    lo, hi = span[0] + base, span[1] + base
    inside = [m for m in entities if lo <= m.start and m.end <= hi]
    names = [m.name for m in inside if m.distinctive and m.kind != "place"]
    where = tuple((m.start - base, m.end - base) for m in inside if m.kind in ("place", "country") or m.demonym)
    where += tuple((a - base, b - base) for a, b in dates if lo <= a and b <= hi)
    names += _proper_name(text, span[0], span[1], where)
    return list(dict.fromkeys(names))


@lru_cache(maxsize=8192)
def _proper_name(text: str, start: int, end: int, where: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """The words from the first proper noun to the last inside text[start:end] ('Party of Economic Reforms'), leaving
    out those inside the spans `where` (places and countries): a name the alias table may not know, read from the
    tags the parse already has (the entity recogniser would cost a second pass)."""
    proper = [t for t in parsed(text) if t.pos_ == "PROPN" and start <= t.idx and t.idx + len(t.text) <= end
              and not any(a <= t.idx < b for a, b in where)]
    return (text[proper[0].idx:proper[-1].idx + len(proper[-1].text)],) if proper else ()
