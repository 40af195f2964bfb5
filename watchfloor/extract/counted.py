"""What a count's verb says it counts, from the parse: 'seven men on the wanted list since 18 May had been killed'.

Why: the words right around a number say what it counts only when the verb is near ('killing 45'); the parse ties
'men' to 'killed' through any number of words. Read only when a judgement depends on it, since parsing costs.
"""

from __future__ import annotations

from functools import lru_cache

from watchfloor.extract.categories import NOUN_CATEGORIES, category_of

ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
"""The counted noun is the verb's subject or object (its active subject only when the verb has no object)."""


@lru_cache(maxsize=2048)
def verb_category(sentence: str, start: int, end: int) -> str | None:
    """The category the verb of the figure at sentence[start:end] names ('killed' for 'seven men … had been killed'),
    when the figure's noun is what the verb counts: its object, its passive subject, or the subject of a verb with
    no object ('two officers died'); the subject of 'two bombings killed 95 people' is the killer. Else None."""
    from watchfloor.extract.frames import parsed, span_at

    span = span_at(parsed(sentence), start, end)
    if span is None:
        return None
    noun = span.root
    if noun.dep_ == "nummod":
        noun = noun.head
    verb = noun.head
    if noun.dep_ not in ROLES or verb.pos_ != "VERB":
        return None
    if noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return None
    cat = category_of(verb.text.lower())
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


@lru_cache(maxsize=2048)
def measured_noun(sentence: str, start: int, end: int) -> str | None:
    """The noun a figure gives the value of when the figure hangs on it through a preposition: 'yield' in 'priced
    the bond at a yield of 7.6%', 'turnout' in 'a turnout of 85%'. Else None."""
    from watchfloor.extract.frames import parsed, span_at

    span = span_at(parsed(sentence), start, end)
    if span is None:
        return None
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "NOUN":
        return None
    return str(prep.head.lemma_.lower())
