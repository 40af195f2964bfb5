"""Negation: which event words a sentence denies.

"none of the detained men have been charged" negates *charged* but not
*detained* (it sits inside the noun phrase that "none of" quantifies);
"without terrorism charges" and "denied that a Graustarkian base was being set up"
negate what follows them. Scope ends at a clause break or after a few words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_NEGATOR = re.compile(
    r"\b(?:not|never|none|nobody|neither|nor|without|no|no\s+longer|failed\s+to|(?:has|have|had)\s+yet\s+to|"
    r"rather\s+than|instead\s+of|declined\s+to|refuses\s+to|refusing\s+to|"
    r"refused\s+to|lack\s+of|absence\s+of|found\s+no|den(?:y|ied|ies)|reject(?:s|ed)|dismiss(?:es|ed)|refut(?:es|ed)|"
    r"ruled\s+out|cannot|can't|won't|didn't|doesn't|don't|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't)\b",
    re.I)
_NOT_A_NEGATION = re.compile(
    r"^(?:not\s+only|not\s+just|not\s+least|no\s+doubt|no\s+fewer|no\s+less|no\s+more\s+than|none\s+other|"
    r"whether\s+or\s+not|if\s+not|not\s+(?:yet\s+)?(?:all|every))", re.I)
_QUANTIFIED = re.compile(r"^(?:none|neither|no\s+one|nobody)\s+of\b", re.I)
_VERB = re.compile(r"\b(?:have|has|had|was|were|is|are|been|be|being|will|would|could|did|do|does|got|faced?|"
                   r"received?|can|may|might)\b", re.I)
_BREAK = re.compile(r"[;:]|,(?!\s*(?:or|nor)\b)|\bbut\b|\bwhile\b|"
                    r"\bwhereas\b|\balthough\b|\bthough\b|\bhowever\b|\bbecause\b|\bafter\b|\bbefore\b|\bsince\b|"
                    r"\bwhen\b|\bunless\b|\.\s")
MAX_WORDS = 9
_SPEECH_ACT = re.compile(r"^(?:den(?:y|ied|ies)|reject(?:s|ed)|dismiss(?:es|ed)|refut(?:es|ed))$", re.I)


def negation_spans(text: str, start: int, end: int, speech_acts: bool = False) -> list[tuple[int, int, int]]:
    """(negator start, scope start, scope end) for each negation in text[start:end].

    "denied that a base was being set up" reports a denial; it does not itself
    say there is no base. Such speech acts count as negation only when asked.
    """
    out = []
    for m in _NEGATOR.finditer(text, start, end):
        if _NOT_A_NEGATION.match(text[m.start():m.start() + 24]):
            continue
        if not speech_acts and _SPEECH_ACT.match(m.group()):
            continue
        scope_start = m.end()
        if _QUANTIFIED.match(text[m.start():m.start() + 16]):
            verb = _VERB.search(text, m.end(), end)
            if verb is None:
                continue
            scope_start = verb.start()
        brk = _BREAK.search(text, scope_start, end)
        scope_end = brk.start() if brk else end
        words = list(re.finditer(r"\S+", text[scope_start:scope_end]))
        limit = 4 if m.group().lower() in ("without", "no", "nor") else MAX_WORDS
        if len(words) > limit:
            scope_end = scope_start + words[limit - 1].end()
        out.append((m.start(), scope_start, scope_end))
    return out


def reaching(spans: list[tuple[int, int, int]], text: str, start: int, end: int, lo: int,
             hi: int) -> list[tuple[int, int, int]]:
    """The negations whose scope covers text[start:end] and which the parse of the sentence text[lo:hi] lets reach
    it: a 'not' the parse attaches to a verb negates that verb's clause, not a clause beside it ('he is not here —
    he is being tried in Zenda' does not deny the trial). Other negators keep their scope."""
    covering = [n for n in spans if n[1] <= start and end <= n[2]]
    if not covering:
        return spans
    from watchfloor.extract.frames import governs, parsed, token_at

    doc = parsed(text[lo:hi])
    word = token_at(doc, start - lo)
    if word is None:
        return spans
    kept = []
    for n in spans:
        neg = next((t for t in doc if t.idx == n[0] - lo), None)
        if n in covering and neg is not None and neg.dep_ == "neg" and not governs(neg.head, word):
            continue
        kept.append(n)
    return kept


def is_negated(spans: list[tuple[int, int, int]], start: int, end: int) -> bool:
    """An odd number of negations covering [start, end) means it is denied."""
    hits = sum(1 for _, s, e in spans if s <= start and end <= e)
    return hits % 2 == 1


_INVERSE = re.compile(r"^acquit", re.I)
"""Event words that say the opposite of their family: 'acquitted' is a sentence that was not passed."""


def polarity_negated(spans: list[tuple[int, int, int]], start: int, end: int, word: str) -> bool:
    """Negated, counting words that carry their own negation ('acquitted' = not convicted)."""
    return is_negated(spans, start, end) != bool(_INVERSE.match(word))


_REFUSED_AFTER = re.compile(r"\s+(?:(?!who\b|which\b|that\b)[\w'’-]+\s+){0,3}?(?:had\s+|has\s+|was\s+|were\s+)?"
                            r"(refused|rejected|blocked|turned\s+down|denied)\b(?!\s+to\b)", re.I)
UNDERGOER_DEPS = frozenset({"dobj", "nsubjpass"})
"""Dependencies by which a word is what a verb acts on (spaCy's English labels)."""


REFUSED_CONTENT_DEPS = frozenset({"acl", "xcomp", "compound"})
"""Dependencies that keep a word inside what is refused: 'requests to extradite him' (acl), 'the extradition request'
(compound). A preposition does not ('rejected the appeal against the verdict' leaves the verdict standing)."""


def refused(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """The word at text[start:end] is what a refusal acts on, so it did not happen: refused right after it ('whose
    extradition Graustark had refused') or named inside the refused thing ('Graustark refused Zenda's requests to
    extradite him'). The parse of text[lo:hi] (the word's sentence) must make the word what the refusing verb acts
    on: in 'leaders meeting in Strelsau rejected the plan' the plan is refused, not the meeting."""
    hi = len(text) if hi is None else hi
    after = _REFUSED_AFTER.match(text, end)
    before = [m for m in _REFUSED_AFTER.finditer(text, lo, start) if m.end(1) <= start]
    if after is None and not before:
        return False
    from watchfloor.extract.frames import parsed, span_at

    doc = parsed(text[lo:hi])
    word = span_at(doc, start - lo, end - lo)
    if after is not None:
        verb = span_at(doc, after.start(1) - lo, after.end(1) - lo)
        if word is None or verb is None:
            return True
        if _undergoes(word.root, verb.root):
            return True
    for m in before:
        verb = span_at(doc, m.start(1) - lo, m.end(1) - lo)
        if word is not None and verb is not None and _inside_refused(word.root, verb.root):
            return True
    return False


def _undergoes(tok: Token, verb: Token) -> bool:
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        if tok.head.i == verb.i:
            return tok.dep_ in UNDERGOER_DEPS
        tok = tok.head
    return False


def _inside_refused(tok: Token, verb: Token) -> bool:
    """The word is, or hangs by REFUSED_CONTENT_DEPS on, what `verb` acts on."""
    for _ in range(4):
        if tok.head.i == verb.i:
            return tok.dep_ in UNDERGOER_DEPS
        if tok.dep_ not in REFUSED_CONTENT_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
