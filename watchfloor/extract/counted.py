"""What a count's verb says it counts, from the parse: 'seven men on the wanted list since 18 May had been killed'.

Why: the words right around a number say what it counts only when the verb is near ('killing 45'); the parse ties
'men' to 'killed' through any number of words. Read only when a judgement depends on it, since parsing costs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor.extract.categories import NOUN_CATEGORIES, category_of

if TYPE_CHECKING:
    from spacy.tokens import Token

ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
"""The counted noun is the verb's subject or object (its active subject only when the verb has no object)."""


def _counted_noun(sentence: str, start: int, end: int) -> Token | None:
    """The figure's noun when a verb counts it: the verb's object, its passive subject, or the subject of a verb
    with no object ('two officers died'); the subject of 'two bombings killed 95 people' is the killer."""
    from watchfloor.extract.frames import parsed, span_at

    span = span_at(parsed(sentence), start, end)
    if span is None:
        return None
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    verb = noun.head
    if noun.dep_ not in ROLES or verb.pos_ != "VERB":
        return None
    if noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return None
    return noun


@lru_cache(maxsize=2048)
def counting_verb(sentence: str, start: int, end: int) -> str | None:
    """The lemma of the verb that counts the figure at sentence[start:end] ('acquit' for 'with two defendants
    acquitted' and for 'acquitted two others'), or None."""
    noun = _counted_noun(sentence, start, end)
    return str(noun.head.lemma_.lower()) if noun is not None else None


@lru_cache(maxsize=2048)
def verb_category(sentence: str, start: int, end: int) -> str | None:
    """The category the counting verb names ('killed' for 'seven men on the wanted list since 18 May had been
    killed'), or None."""
    noun = _counted_noun(sentence, start, end)
    cat = category_of(noun.head.text.lower()) if noun is not None else None
    return cat if cat and cat not in NOUN_CATEGORIES else None


@lru_cache(maxsize=2048)
def object_category(sentence: str, start: int, end: int) -> str | None:
    """The category the object of the figure's verb names, when the figure counts the verb's subject: 'thirteen
    defendants face terrorism charges' are counted as charged, whatever else the word 'defendants' counts. Else
    None."""
    from watchfloor.extract.frames import parsed, span_at

    span = span_at(parsed(sentence), start, end)
    if span is None:
        return None
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return None
    objects = [c for c in noun.head.children if c.dep_ == "dobj"]
    cats = {category_of(o.text.lower()) for o in objects} - {None}
    return next(iter(cats)) if len(cats) == 1 else None


def _measured_token(sentence: str, start: int, end: int) -> Token | None:
    from watchfloor.extract.frames import parsed, span_at

    span = span_at(parsed(sentence), start, end)
    if span is None:
        return None
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "NOUN":
        return None
    return prep.head


@lru_cache(maxsize=2048)
def measured_noun(sentence: str, start: int, end: int) -> str | None:
    """The noun a figure gives the value of when the figure hangs on it through a preposition: 'yield' in 'priced
    the bond at a yield of 7.6%', 'turnout' in 'a turnout of 85%'. Else None."""
    noun = _measured_token(sentence, start, end)
    return str(noun.lemma_.lower()) if noun is not None else None


@lru_cache(maxsize=2048)
def measured_phrase(sentence: str, start: int, end: int) -> str | None:
    """That noun with the words before it that narrow it ('external debt' in 'external debt of $3.1bn'), as
    written. Else None."""
    noun = _measured_token(sentence, start, end)
    return noun.doc[noun.left_edge.i:noun.i + 1].text if noun is not None else None
