"""How sure a sentence says it is: reported, hedged, forecast, and the ICD 203 words for likelihood.

Intelligence Community Directive 203 fixes seven likelihood terms in two
parallel rows (almost no chance … almost certain; remote … nearly certain) and
keeps confidence ("high confidence") apart from likelihood. A checker reads a
hedged or forecast sentence as unverifiable rather than wrong, and the
tradecraft check flags likelihood words that are off the scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ICD203_ROWS: dict[str, list[str]] = {
    "a": ["almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely",
          "almost certain", "almost certainly"],
    "b": ["remote", "highly improbable", "improbable", "roughly even odds", "probable", "probably",
          "highly probable", "nearly certain", "nearly certainly", "improbably"],
}
_ROW_TERMS = sorted(((t, row) for row, terms in ICD203_ROWS.items() for t in terms), key=lambda x: -len(x[0]))
OFF_SCALE = [
    "highly likely", "extremely likely", "most likely", "more likely than not", "quite likely", "fairly likely",
    "somewhat likely", "highly unlikely", "extremely unlikely", "very probable", "very improbable",
    "in all likelihood", "chances are", "there is a chance", "real possibility", "distinct possibility",
    "strong possibility", "significant chance", "cannot be ruled out", "cannot rule out", "can't be ruled out",
    "possibly", "perhaps", "maybe", "conceivably", "presumably", "doubtless", "undoubtedly", "certainly",
    "definitely", "almost definitely", "virtually certain", "near certainty", "potentially", "plausibly",
    "it is possible", "it is conceivable", "remote possibility", "slim chance", "good chance", "high likelihood",
    "low likelihood", "could", "might", "may",
]
"""Likelihood wording outside the ICD 203 scale (modal verbs only where they carry a judgment)."""

_TERM_RE = re.compile(r"\b(" + "|".join(re.escape(t) for t, _ in _ROW_TERMS) + r")\b", re.I)
_OFF_RE = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(OFF_SCALE, key=len, reverse=True)) + r")\b",
                     re.I)
_CONFIDENCE = re.compile(r"\b(?:(?:high|moderate|medium|low)(?:-|\s+)confidence|(?:highly|moderately)\s+confident|"
                         r"with\s+(?:high|moderate|low)\s+confidence|confidence\s+(?:is|level)\s+(?:high|moderate|low))\b",
                         re.I)
_REPORTED = re.compile(r"\b(?:reportedly|allegedly|according\s+to|is\s+said\s+to|was\s+said\s+to|reports?\s+(?:say|said"
                       r"|suggest)|sources?\s+(?:say|said)|purportedly|claimed\s+that|is\s+believed\s+to|were\s+believed"
                       r"\s+to)\b", re.I)
_HEDGED = re.compile(r"\b(?:may|might|could|possibly|perhaps|probably|likely|unlikely|potential(?:ly)?|appears?\s+to|"
                     r"seems?\s+to|suggests?|would|risk\s+of|threatens?\s+to|if|whether|expected\s+to|"
                     r"is\s+set\s+to|plans?\s+to|aims?\s+to|intends?\s+to|will|should|must|needs?\s+to|"
                     r"remains?\s+(?:uncertain|unclear)|prospects?|forecasts?|forecasted|projected|projections?|predict(?:s|ed)?|"
                     r"targets?|targeted|outlook|ordered\s+at\s+least|aims?|goal)\b", re.I)
_MAY_MONTH = re.compile(r"\bMay\s+(?:\d|19|20)|\d\s+May\b|\bin\s+May\b|\bMay\b(?=[,.]?\s+(?:19|20)\d\d)")
_REMOTE_OK = re.compile(r"\bremote\s+(?:chance|possibility|prospect|likelihood)|"
                        r"\b(?:is|are|remains?|seems?)\s+remote\b", re.I)


@dataclass(frozen=True)
class Term:
    start: int
    end: int
    text: str
    row: str | None
    """'a' or 'b' for ICD 203 terms, None for off-scale wording."""
    level: int = 0


def likelihood_terms(text: str, start: int, end: int) -> list[Term]:
    """ICD 203 terms (with their row) and off-scale likelihood wording in text[start:end].

    Where phrases overlap the longer one wins: "highly likely" is off the scale, "almost certainly" is on it.
    """
    found: list[Term] = []
    for m in _TERM_RE.finditer(text, start, end):
        word = m.group(1).lower()
        if word == "remote" and not _REMOTE_OK.search(text, max(start, m.start() - 12), min(end, m.end() + 14)):
            continue
        row = next(r for t, r in _ROW_TERMS if t == word)
        found.append(Term(m.start(1), m.end(1), m.group(1), row, ICD203_ROWS[row].index(word)))
    for m in _OFF_RE.finditer(text, start, end):
        word = m.group(1).lower()
        if word in ("may", "might", "could") and not _estimative_modal(text, m, end):
            continue
        found.append(Term(m.start(1), m.end(1), m.group(1), None))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    out: list[Term] = []
    for t in found:
        if not any(o.start < t.end and t.start < o.end for o in out):
            out.append(t)
    out.sort(key=lambda t: t.start)
    return out


def _estimative_modal(text: str, m: re.Match[str], end: int) -> bool:
    """'Ruritania may turn to Graustark' is a judgment; 'May 2024', 'could not leave' and questions are not."""
    if m.group(1) == "May" and _MAY_MONTH.search(text, max(0, m.start() - 4), min(len(text), m.end() + 8)):
        return False
    after = text[m.end(1):min(end, m.end(1) + 16)].lower()
    if re.match(r"\s+(?:not|n't|also\s+not|well\s+be\s+that)\b", after) or text[m.start(1) - 1:m.start(1)] == "“":
        return False
    before = text[max(0, m.start(1) - 20):m.start(1)].lower()
    return not re.search(r"\b(?:if|what|how|who|which|that)\s+\w*\s*$", before)


def confidence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CONFIDENCE.finditer(text, start, end)]


def hedge_positions(text: str, start: int, end: int) -> list[int]:
    """Where judgment, forecast or condition words sit in text[start:end] ('may', 'will', 'if', 'likely' …)."""
    out = []
    for m in _HEDGED.finditer(text, start, end):
        if m.group() == "May" and _MAY_MONTH.search(text, max(0, m.start() - 4), min(len(text), m.end() + 8)):
            continue
        out.append(m.start())
    return out


def modality(text: str, start: int, end: int) -> str:
    """asserted, reported (attributed to someone) or hedged (judgment, forecast, condition)."""
    if hedge_positions(text, start, end):
        return "hedged"
    if _REPORTED.search(text, start, end):
        return "reported"
    return "asserted"
