"""In-text attribution read from the parse: sentences that say who says what they report.

News and agency copy name their sources in the text ("the Interior Ministry said five men were killed",
"…, officials said") rather than in footnotes. The parse shows it without a list of verbs or outlets:
a verb whose subject is a noun and whose complement is a clause with its own subject is reporting
what someone said or holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor.extract.parser import LATE, pipeline

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_CHARS = 30_000
"""Attribution shows early in a text; reading further would make every check pay for a full parse."""


def _attributes(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return (subject is not None and subject.pos_ in ("NOUN", "PROPN") and said is not None
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in said.children))


def attributions(text: str, enough: int = 2) -> int:
    """How many sentences in the first MAX_CHARS characters attribute what they say, counting up to `enough`."""
    found = 0
    paragraphs = [p for p in text[:MAX_CHARS].split("\n") if p.strip()]
    for doc in pipeline().pipe(paragraphs, disable=list(LATE)):
        found += sum(1 for sent in doc.sents if any(_attributes(t) for t in sent if t.pos_ in ("VERB", "AUX")))
        if found >= enough:
            return enough
    return found


def speakers(text: str) -> list[tuple[int, int]]:
    """Character spans of who is said to say or hold something in `text` ('the Interior Ministry' in 'the Interior
    Ministry said five men were killed'): a source named in the text, not an actor of what it reports."""
    out = []
    for tok in _parse(text):
        if tok.pos_ in ("VERB", "AUX") and _attributes(tok):
            subject = next(c for c in tok.children if c.dep_ == "nsubj")
            out.append((subject.left_edge.idx, subject.idx + len(subject.text)))
    return out


def _parse(text: str):  # type: ignore[no-untyped-def]
    from watchfloor.extract.frames import parsed

    return parsed(text)


def possessors(text: str) -> list[tuple[int, int]]:
    """Character spans of owners in `text` ('Massoud' in "Massoud's son was fighting"): the owner of a noun is
    not who acts."""
    out = []
    for tok in _parse(text):
        if tok.dep_ == "poss" and tok.pos_ == "PROPN":
            out.append((tok.left_edge.idx, tok.idx + len(tok.text)))
    return out
