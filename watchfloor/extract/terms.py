"""A term of years read from the parse: 'sentenced Rudolf R., a Ruritanian from Zenda who co-founded the cell, to
nine years'.

Why: any number of words can stand between a sentencing verb and its term, so a window of characters before the
number misses long ones; the parse ties 'years' to the verb through its preposition whatever lies between.
"""

from __future__ import annotations

from dataclasses import replace

from watchfloor.extract.events import find_triggers
from watchfloor.extract.quantities import Quantity


def read_terms(sentence: str, start: int, quants: list[Quantity]) -> list[Quantity]:
    """`quants` of a sentence (its text, and where it starts in the report), with each loose length of years whose
    noun is the object of a preposition on a sentencing verb marked as a term of years (`sentence_years`)."""
    loose = [q for q in quants if q.unit == "years" and q.category is None and not q.vague]
    if not loose or not any(t.family == "sentence" for t in find_triggers(sentence, 0, len(sentence))):
        return quants  # no sentencing word in the sentence: nothing to parse for
    from watchfloor.extract.frames import parsed

    doc = parsed(sentence)
    marked = {id(q) for q in loose if _on_a_sentence(doc, q.num_start - start, q.end - start)}
    return [replace(q, category="sentence_years", strong=True) if id(q) in marked else q for q in quants]


def _on_a_sentence(doc, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """The noun is the object of a preposition, and a sentencing verb is on the path from it to the sentence's
    root: the small parser may hang 'to nine years' on a verb in between ('who co-founded the cell')."""
    from watchfloor.extract.frames import span_at

    span = span_at(doc, start, end)
    if span is None:
        return False
    noun, prep = span.root, span.root.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    return any(tok.pos_ == "VERB" and any(t.family == "sentence" for t in
                                          find_triggers(doc.text, tok.idx, tok.idx + len(tok.text)))
               for tok in [prep.head, *prep.head.ancestors])
