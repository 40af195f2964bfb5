"""Negation: which event words a sentence denies.

"none of the detained men have been charged" negates *charged* but not
*detained* (it sits inside the noun phrase that "none of" quantifies);
"without terrorism charges" and "denied that a Graustarkian base was being set up"
negate what follows them. Scope ends at a clause break or after a few words.
"""

from __future__ import annotations

import re

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


def refused_after(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """'whose extradition Graustark had refused': the word at text[start:end] is refused right after it, so it did
    not happen. The parse of text[lo:hi] (the word's sentence) must make the word what the refusing verb acts on:
    in 'leaders meeting in Strelsau rejected the plan' the plan is refused, not the meeting."""
    m = _REFUSED_AFTER.match(text, end)
    if m is None:
        return False
    from watchfloor.extract.frames import parsed, span_at

    doc = parsed(text[lo:len(text) if hi is None else hi])
    word, verb = span_at(doc, start - lo, end - lo), span_at(doc, m.start(1) - lo, m.end(1) - lo)
    if word is None or verb is None:
        return True
    tok = word.root
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        if tok.head.i == verb.root.i:
            return tok.dep_ in UNDERGOER_DEPS
        tok = tok.head
    return False
