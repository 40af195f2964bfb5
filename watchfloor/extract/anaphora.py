"""Whether a claim's subject stands for something said before it ("It took effect on 5 March").

Why: a claim whose subject is a pronoun says almost nothing in its own words, so matching by shared words
finds no event, or the wrong one, for a statement whose wrong date is plain once the pronoun is read as its
antecedent. The parse decides: a third-person personal pronoun, a noun with a demonstrative determiner ("that
agreement") or a part of a definite group ("all of the accused") as the subject of the claim's span. A definite
noun on its own ("the group") is left alone: it often names something new.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor.extract.frames import parsed
from watchfloor.extract.memo import per_claim

if TYPE_CHECKING:
    from spacy.tokens import Token

    from watchfloor.extract.claims import Claim

SUBJECTS = ("nsubj", "nsubjpass")
QUANTIFIERS = ("PRON", "NUM", "ADJ", "DET")
"""Parts of speech of a subject that names a part of a group ('all', 'one', 'most' of the men), unlike a noun with
content of its own ('the toll for the two attacks')."""


@per_claim
def points_back(claim: Claim) -> bool:
    """The first subject inside the claim's span is a personal pronoun, a demonstrative noun phrase or a part of a
    definite group."""
    doc = parsed(claim.sentence.text)
    lo, hi = claim.start - claim.sentence.start, claim.end - claim.sentence.start
    subject = next((t for t in doc if lo <= t.idx < hi and t.dep_ in SUBJECTS), None)
    return subject is not None and _stands_in(subject)


def _stands_in(token: Token, partitive: bool = True) -> bool:
    """A third-person pronoun, a demonstrative noun phrase, or a part of a group named before ('all of the accused',
    'both of them')."""
    if token.pos_ == "PRON" and "Prs" in token.morph.get("PronType", []):
        return "3" in token.morph.get("Person", [])
    if any(c.dep_ == "det" and "Dem" in c.morph.get("PronType", []) for c in token.children):
        return True
    if not partitive or token.pos_ not in QUANTIFIERS:
        return False
    whole = [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(_stands_in(o, partitive=False) or _definite(o) for o in whole)


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and "Def" in c.morph.get("Definite", []) for c in token.children)


def stands_for(claim: Claim) -> str:
    """The antecedent's words when the claim's subject stands for them; '' otherwise."""
    return claim.context_text if claim.context_text and points_back(claim) else ""


def in_context(claim: Claim) -> str:
    """The claim's sentence as a reader takes it: after its antecedent when its subject stands for it."""
    before = stands_for(claim)
    return f"{before} {claim.sentence.text}" if before else claim.sentence.text
