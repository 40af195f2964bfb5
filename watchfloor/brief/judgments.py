"""The ICD 203 likelihood scale and how a judgment puts a term of it in front of a clause.

Likelihood and confidence are different things and are never put in one
sentence (ICD 203): the likelihood says how probable the outcome is
(`assess`); the confidence says how good the evidence is (`confidence`).
A few signposts say nothing certain about the future, so no term above
"very likely" is ever used.
"""

from __future__ import annotations

SCALE: list[tuple[float, str]] = [
    (0.05, "almost no chance"), (0.20, "very unlikely"), (0.45, "unlikely"), (0.55, "roughly even chance"),
    (0.80, "likely"), (0.95, "very likely"), (1.01, "almost certain"),
]
"""ICD 203 terms with the upper end of each band (almost no chance 1–5% … almost certain 95–99%)."""
TERMS = [t for _p, t in SCALE]
CEILING = "very likely"
SPLIT_CEILING = "likely"
"""The highest term when met signposts point to more than one answer: mixed evidence never reads as very likely."""


def term_for(p: float, ceiling: str = CEILING) -> str:
    """The ICD 203 term for a probability, capped (a few signposts never make anything almost certain)."""
    term = next(t for hi, t in SCALE if p < hi)
    return TERMS[min(TERMS.index(term), TERMS.index(ceiling))]


INSUFFICIENT = "insufficient evidence"
"""What a judgment says instead of a term when the collection is silent on every signpost of one answer: that answer
can be neither weighed nor ruled out, and an even chance would read as a coin flip (a blind review)."""


def likely_clause(term: str, clause: str) -> str:
    """Put a term of the scale in front of a 'X will Y' clause."""
    if term == INSUFFICIENT:
        return f"The evidence is insufficient to judge whether {clause}"
    if term == "roughly even chance":
        return f"There is a roughly even chance that {clause}"
    if term == "almost no chance":
        return f"There is almost no chance that {clause}"
    return f"It is {term} that {clause}"
