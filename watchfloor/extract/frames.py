"""Claim frames from the dependency parse: which predicate each date, figure and place belongs to.

A sentence holds several events: "the deadliest attack since the Zenda siege in 2004" speaks of an
attack and of a siege, and 2004 dates the siege. A frame is one predicate (a clause's verb, or a noun
that carries its own date) with its agent, patient, negation and modality, and the dates, figures and
places the parse attaches to it. Every date and figure belongs to exactly one frame, the nearest one
above it in the tree, so a background or comparison clause never lends its date or figure to the
main event. How a frame hangs on its parent (the dependency and, for a noun, its preposition) is kept
as data for the checker to weigh; no list of words decides it here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from threading import Lock
from typing import TYPE_CHECKING

from watchfloor.extract.parser import parse, parse_many, with_entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CLAUSE_DEPS = frozenset({"ROOT", "advcl", "relcl", "ccomp", "acl", "pcomp", "csubj", "parataxis"})
"""Dependencies (spaCy's English labels) by which a verb heads a clause of its own."""
DATE_LABELS = frozenset({"DATE"})
FIGURE_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NEGATIVE_QUANTIFIERS = frozenset({"no", "none", "neither", "nobody", "nothing"})
"""Closed-class words that deny a whole argument ('none of the men was charged'); the parse marks 'not' and
'never' itself (dependency neg)."""


@dataclass(frozen=True)
class Mention:
    """A date, figure or place: its characters in the text and the frame it belongs to."""

    start: int
    end: int
    text: str
    label: str
    counts: str | None = None
    """For a figure: the lemma of the noun it counts ('people' in '150 people'); None for a bare figure."""
    definite: bool = False
    """A figure with a definite determiner ('the other two'): it points back at a group already named."""
    partitive: bool = False
    """A figure taken out of a whole ('three of the four attackers', '21% of the vote')."""
    remainder: bool = False
    """A figure for the rest of a group already named ('the other two cyclists'): a part, not the whole."""
    joined: bool = False
    """A figure joined to a noun without a figure of its own ('Hentzau and two colleagues'): the whole is one more."""
    role: str | None = None
    """For a figure: the preposition by which it hangs on its predicate or the predicate's object ('to' in 'lowered
    the age to 30', 'from' in 'rose to 9% from 7%'); None for any other attachment."""


@dataclass
class Frame:
    """One predicate of a sentence and what the parse attaches to it."""

    head: int
    """Character offset of the predicate word; frames are identified by it."""
    lemma: str
    start: int
    end: int
    agent: str | None = None
    patient: str | None = None
    negated: bool = False
    modal: str | None = None
    parent: int | None = None
    """The head offset of the frame this one hangs on, or None for a sentence's main frame."""
    relation: str = "main"
    """How it hangs on its parent: the dependency label, with the preposition or marker ('prep:since')."""
    dates: list[Mention] = field(default_factory=list)
    figures: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)

    @property
    def main(self) -> bool:
        return self.parent is None


def _is_clause_head(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (tok.dep_ in CLAUSE_DEPS or (tok.dep_ == "conj" and tok.head.pos_ in
                                                                         ("VERB", "AUX")))


def _dated_nouns(sent: Span) -> set[int]:
    """Nouns that carry a date of their own ('the siege in 2004', 'the March 22 attack'): they head frames."""
    heads: set[int] = set()
    for ent in sent.ents:
        if ent.label_ not in DATE_LABELS:
            continue
        tok = ent.root.head
        while tok.i != tok.head.i and (tok.i in range(ent.start, ent.end) or tok.pos_ == "ADP"):
            tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and not _is_clause_head(tok):
            heads.add(tok.i)
    return heads


def _anchor(tok: Token, heads: set[int], inside: range) -> Token:
    """The nearest frame head above `tok` (leaving its own entity first); the sentence root at worst."""
    cur = tok
    while True:
        if cur.i in heads and cur.i not in inside:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head


def _denied(arg: Token) -> bool:
    """An argument that is itself a negative quantifier, or has one as its determiner."""
    return arg.lower_ in NEGATIVE_QUANTIFIERS or any(
        c.dep_ == "det" and c.lower_ in NEGATIVE_QUANTIFIERS for c in arg.children)


def _phrase(tok: Token | None) -> str | None:
    if tok is None:
        return None
    span = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    return span.text


def _relation(tok: Token) -> str:
    if tok.dep_ == "ROOT":
        return "main"
    marker = next((c.lower_ for c in tok.children if c.dep_ == "mark"), None)
    if marker:
        return f"{tok.dep_}:{marker}"
    if tok.head.pos_ == "ADP":
        return f"prep:{tok.head.lower_}"
    return tok.dep_


def _frame(tok: Token, heads: set[int]) -> Frame:
    kids = list(tok.children)
    agent = next((c for c in kids if c.dep_ in ("nsubj", "csubj")), None)
    by = next((c for c in kids if c.dep_ == "agent"), None)
    agent_tok = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else agent
    patient = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")), None)
    parent = _anchor(tok.head, heads, range(0)) if tok.head.i != tok.i else None
    modal = next((c.lower_ for c in kids if c.tag_ == "MD"), None)
    negated = any(c.dep_ == "neg" for c in kids) or any(_denied(c) for c in (agent_tok, patient) if c is not None)
    return Frame(head=tok.idx, lemma=tok.lemma_.lower(), start=tok.left_edge.idx,
                 end=tok.right_edge.idx + len(tok.right_edge.text), agent=_phrase(agent_tok),
                 patient=_phrase(patient), negated=negated, modal=modal,
                 parent=parent.idx if parent is not None and parent.i != tok.i else None,
                 relation=_relation(tok))


ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


def _role(tok: Token, anchor: Token) -> str | None:
    """The preposition by which `tok` hangs on the predicate `anchor` or on one of its arguments."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    holder = tok.head.head
    if holder.i == anchor.i or holder.head.i == anchor.i and holder.dep_ in ARGUMENT_DEPS:
        return tok.head.lower_
    return None


def _mention(ent: Span, label: str, counts: Token | None = None, anchor: Token | None = None) -> Mention:
    near = [ent.root] + ([counts] if counts is not None else [])
    definite = any(c.dep_ == "det" and "Def" in c.morph.get("Definite", []) for t in near for c in t.children)
    partitive = any(c.dep_ == "prep" and c.lemma_ == "of" and any(g.dep_ == "pobj" for g in c.children)
                    for c in ent.root.children)
    remainder = any(c.lemma_.lower() == "other" and c.dep_ in ("amod", "advmod") for t in near for c in t.children)
    return Mention(start=ent.start_char, end=ent.end_char, text=ent.text, label=label,
                   counts=counts.lemma_.lower() if counts is not None else None, definite=definite,
                   partitive=partitive, remainder=remainder,
                   joined=counts is not None and _joined_to_uncounted(counts),
                   role=_role(near[-1], anchor) if anchor is not None else None)


def _joined_to_uncounted(noun: Token) -> bool:
    """'Hentzau and two colleagues were detained': the figure is joined to a noun without a figure of its own, so it
    counts the rest of a group, not all of it. A figure before the first noun counts them all ('164 women and
    children')."""
    head = noun.head
    return noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ == "nummod" for c in head.children)


def _counted(ent: Span) -> Token | None:
    """The noun a figure counts: the head of its number ('two cyclists'), if that is a noun outside it."""
    head = ent.root.head
    if ent.root.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i not in range(ent.start, ent.end):
        return head
    return None


def sentence_frames(sent: Span) -> list[Frame]:
    """The frames of one parsed sentence, main frame first, each with its dates, figures and places."""
    heads = {t.i for t in sent if _is_clause_head(t)} | _dated_nouns(sent) | {sent.root.i}
    frames = {i: _frame(sent.doc[i], heads) for i in sorted(heads)}
    by_offset = {f.head: i for i, f in frames.items()}
    for ent in sent.ents:
        inside = range(ent.start, ent.end)
        counted = _counted(ent) if ent.label_ in FIGURE_LABELS else None
        anchor = _anchor(counted if counted is not None else ent.root, heads, inside)
        if anchor.i not in frames:
            anchor = sent.root
        frame = frames[anchor.i]
        if ent.label_ in DATE_LABELS:
            frame.dates.append(_mention(ent, "date"))
        elif ent.label_ in FIGURE_LABELS:
            frame.figures.append(_mention(ent, ent.label_.lower(), counted, anchor))
        elif ent.label_ in PLACE_LABELS:
            frame.places.append(_mention(ent, "place"))
    for f in frames.values():
        if f.parent is not None and f.parent not in by_offset:
            f.parent = None
    return sorted(frames.values(), key=lambda f: (not f.main, f.head))


def frames(text: str) -> list[Frame]:
    """Every frame of every sentence of `text`, in reading order of sentences (not to be changed by the caller:
    they are kept for every reader of the same text)."""
    return list(_frames(text))


@lru_cache(maxsize=4096)
def _frames(text: str) -> tuple[Frame, ...]:
    return tuple(f for sent in named(text).sents for f in sentence_frames(sent))


PARSES_KEPT = 4096
_parses: OrderedDict[str, Doc] = OrderedDict()
_lock = Lock()


def parsed(text: str) -> Doc:
    """One parse per text for every reader of a flagged sentence (frames, modifiers, speakers); the latest
    PARSES_KEPT are kept."""
    with _lock:
        doc = _parses.get(text)
        if doc is not None:
            _parses.move_to_end(text)
            return doc
    doc = parse(text)
    _keep([(text, doc)])
    return doc


def prefetch(texts: Iterable[str]) -> None:
    """Parse in one batch the texts readers are about to ask for (a check's claims with candidates): most of
    them will be read, and a batch costs about half as much as parsing them one at a time."""
    with _lock:
        todo = [t for t in dict.fromkeys(texts) if t not in _parses][:PARSES_KEPT // 2]
    if todo:
        _keep(list(zip(todo, parse_many(todo), strict=True)))


def _keep(docs: list[tuple[str, Doc]]) -> None:
    with _lock:
        for text, doc in docs:
            _parses[text] = doc
            _parses.move_to_end(text)
        while len(_parses) > PARSES_KEPT:
            _parses.popitem(last=False)


def named(text: str) -> Doc:
    """The parse of `text` with its named entities, for the readers of dates, figures, places and names."""
    return with_entities(parsed(text))


def span_at(doc, start: int, end: int) -> Span | None:  # type: ignore[no-untyped-def]
    """The tokens holding the characters doc.text[start:end], widened to whole tokens; None when they hold none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def token_at(doc, pos: int) -> Token | None:  # type: ignore[no-untyped-def]
    """The token holding the character doc.text[pos]; None when none does."""
    span = span_at(doc, pos, pos + 1)
    return span[0] if span is not None else None


def governs(head: Token, tok: Token) -> bool:
    """`tok` is `head` or hangs below it in the parse."""
    return head.i == tok.i or head.is_ancestor(tok)


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
"""Dependencies by which a word narrows a noun ('immigration' in 'immigration charges')."""


def modifiers(text: str, start: int, end: int) -> frozenset[str]:
    """Lemmas of the words that narrow the word at text[start:end] ('immigration' for 'charges' in 'on immigration
    charges'): two mentions of one event word with different narrowing words speak of different things."""
    span = span_at(parsed(text), start, end)
    if span is None:
        return frozenset()
    head = span.root
    return frozenset(c.lemma_.lower() for c in head.children if c.dep_ in MODIFIER_DEPS and c.i not in
                     range(span.start, span.end))


def described(text: str, start: int, end: int) -> str | None:
    """The lemma of the noun the words at text[start:end] describe: 'hostage' for 'Ruritanian' in 'two Ruritanian
    hostages'; the words' own lemma when they are the noun ('the Ruritanians'). Two nationalities are two answers
    to one question only when they describe the same kind of people."""
    span = span_at(parsed(text), start, end)
    if span is None:
        return None
    root = span.root
    noun = root.head if root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") else root
    return noun.lemma_.lower()


def lemmas(text: str) -> frozenset[str]:
    """The lemmas of `text`'s words, lower-cased: 'men' is 'man', and 'woman' is not 'man'."""
    return frozenset(t.lemma_.lower() for t in parsed(text) if t.is_alpha)


def hangs_on(text: str, head: int, start: int, end: int) -> bool:
    """The words at text[start:end] hang on the word at offset `head` itself, directly or through a preposition
    ('took over on 1 July', 'signed it last March'), not on a noun between ('over the August shooting')."""
    span = span_at(parsed(text), start, end)
    if span is None:
        return False
    up = span.root.head
    if up.pos_ == "ADP":
        up = up.head
    return up.idx == head


def joined_figures(text: str) -> list[tuple[int, int]]:
    """Spans of the figures joined to one uncounted noun before them ('Hentzau and two colleagues were detained'):
    the group they stand in is one larger than the figure."""
    return [(m.start, m.end) for f in frames(text) for m in f.figures if m.joined]


def remainder_figures(text: str) -> list[tuple[int, int]]:
    """Spans of the figures that count the rest of a group ('the other two cyclists')."""
    return [(m.start, m.end) for f in frames(text) for m in f.figures if m.remainder]


def definite_figures(text: str) -> list[tuple[int, int]]:
    """Spans of the figures a definite determiner points back with ('the two sides', 'the other three'): they
    name a group already met, so they count nothing new and are no part of a list of counts."""
    return [(m.start, m.end) for f in frames(text) for m in f.figures if m.definite]


CARRY_DEPS = frozenset({"acl", "ccomp", "xcomp", "pcomp", "pobj", "prep", "relcl"})
"""Dependencies through which a denied noun above a word denies it too ('no proof that they had formed a cell')."""


def denied_by_parse(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] is denied by the tree: it has a negation of its own ('did not form'), or it
    hangs on a noun whose determiner denies it ('found no proof that they had formed a cell': 'formed' is
    under 'no proof' however many words stand between). A verb above stops it: 'did not say that five died' does
    not deny the deaths."""
    span = span_at(parsed(text), start, end)
    if span is None:
        return False
    tok = span.root
    if any(c.dep_ == "neg" for c in tok.children) or _denied(tok):
        return True
    cur = tok
    for _ in range(4):
        if cur.dep_ not in CARRY_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN") and _denied(cur):
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def predicate_of(text: str, start: int, end: int) -> int | None:
    """The character offset of the nearest verb above the words at text[start:end] (the predicate a figure is
    told by), read from the parse alone; None when there is none."""
    span = span_at(parsed(text), start, end)
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return tok.idx if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return int(tok.idx)
    return None


def stopped_before(text: str, start: int, end: int, negator: int) -> bool:
    """A verb stands between the word at text[start:end] and the negating word at `negator` in the tree, so the
    negation denies that verb, not the word: 'without defining the banned garments' does not deny the ban,
    'declined to comment on the arrests' does not deny the arrests. The word is reached when the path up from it
    meets the negating word or what that word governs ('no evidence that he had joined')."""
    doc = parsed(text)
    word, neg = span_at(doc, start, end), span_at(doc, negator, negator + 1)
    if word is None or neg is None:
        return False
    governed = {neg.root.i, neg.root.head.i}
    cur = word.root
    for _ in range(6):
        if cur.i in governed or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in governed:
            return False
        if cur.pos_ in ("VERB", "AUX"):
            return True
    return False


def negation_reaches(text: str, start: int, end: int) -> bool | None:
    """Does a 'not' or 'never' of the text deny the word at text[start:end]? A clause joined by 'and' with a
    subject of its own is not under the first clause's negation ('the trial never resumed and he had been
    released'). None when the parse marks no negation at all: the word window's came from a word such as
    'refused', which the parse does not mark."""
    doc = parsed(text)
    if not any(t.dep_ == "neg" for t in doc):
        return None
    span = span_at(doc, start, end)
    if span is None:
        return None
    tok = span.root
    for _ in range(4):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if tok.dep_ not in ("conj", "xcomp") or own_subject or tok.head.i == tok.i:
            break
        tok = tok.head
    return denied_by_parse(text, start, end)
