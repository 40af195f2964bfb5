"""What a count's verb says it counts, from the parse: 'seven men on the wanted list since 18 May had been killed'.

Why: the words right around a number say what it counts only when the verb is near ('killing 45'); the parse ties
'men' to 'killed' through any number of words. Read only when a judgement depends on it, since parsing costs.
"""

from __future__ import annotations

from functools import lru_cache

from watchfloor.extract.categories import NOUN_CATEGORIES, category_of

ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
"""The counted noun is the verb's subject or object."""


@lru_cache(maxsize=2048)
def verb_category(sentence: str, start: int, end: int) -> str | None:
    """The category the verb of the figure at sentence[start:end] names ('killed' for 'seven men … had been killed'),
    when the figure's noun is that verb's subject or object; else None."""
    from watchfloor.extract.frames import parsed

    doc = parsed(sentence)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    noun = span.root
    if noun.dep_ == "nummod":
        noun = noun.head
    if noun.dep_ not in ROLES or noun.head.pos_ != "VERB":
        return None
    cat = category_of(noun.head.text.lower())
    return cat if cat and cat not in NOUN_CATEGORIES else None
