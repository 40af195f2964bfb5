"""Key judgments: an ICD 203 likelihood from a base rate, and a confidence from the sources behind it.

Likelihood and confidence are different things and are never put in one
sentence (ICD 203): the likelihood says how probable the outcome is; the
confidence says how good the evidence is, from the number of sources, their
Admiralty grades and whether they agree.

Likelihood comes from a base rate: with n events in the last `years` years,
the chance of at least one in the next 12 months is 1 - exp(-n / years)
(a Poisson rate), mapped onto the ICD 203 bands. A base rate says nothing
certain about the future, so it never yields "almost certain".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from watchfloor.brief import phrase
from watchfloor.brief.evidence import ADMIRALTY, Evidence, Fact
from watchfloor.brief.model import Judgment, Sentence
from watchfloor.brief.text import join, number_word

SCALE: list[tuple[float, str]] = [
    (0.05, "almost no chance"), (0.20, "very unlikely"), (0.45, "unlikely"), (0.55, "roughly even chance"),
    (0.80, "likely"), (0.95, "very likely"), (1.01, "almost certain"),
]
"""ICD 203 terms with the upper end of each band (almost no chance 1–5% … almost certain 95–99%)."""
TERMS = [t for _p, t in SCALE]
CEILING = "very likely"


def term_for(p: float, ceiling: str = CEILING) -> str:
    """The ICD 203 term for a probability, capped (a base rate never makes anything almost certain)."""
    term = next(t for hi, t in SCALE if p < hi)
    return TERMS[min(TERMS.index(term), TERMS.index(ceiling))]


def base_rate(events: int, years: float) -> float:
    """The chance of at least one such event in the next 12 months at the observed yearly rate."""
    if years <= 0:
        return 0.0
    return 1 - math.exp(-events / years)


def likely_clause(term: str, clause: str) -> str:
    """Put a term of the scale in front of a 'X will Y' clause."""
    if term == "roughly even chance":
        return f"There is a roughly even chance that {clause}"
    if term == "almost no chance":
        return f"There is almost no chance that {clause}"
    return f"It is {term} that {clause}"


@dataclass(frozen=True)
class Basis:
    """What a judgment rests on: its facts, and whether they disagree (and on what)."""

    facts: tuple[Fact, ...]
    disagreement: str = ""


def confidence(basis: Basis) -> tuple[str, Sentence]:
    """The confidence level and the sentence that gives its reason."""
    sources = {s["id"]: s for f in basis.facts for s in f.sources}
    grades = sorted(s["reliability"] or "F" for s in sources.values())
    n = len(sources)
    publishers = len({(s["publisher"] or s["id"]) for s in sources.values()})
    good = sum(g in "AB" for g in grades)
    fair = sum(g in "ABC" for g in grades)
    agree = not basis.disagreement
    if n >= 5 and good >= 3 and agree:
        level = "high"
    elif (n >= 3 and fair >= 2) or (n >= 5 and good >= 3):
        level = "moderate" if agree or good >= 3 else "low"
    else:
        level = "low"
    reports = "report" if n == 1 else "reports"
    tail = (f"they differ on {basis.disagreement}" if basis.disagreement else
            "they agree" if n > 1 else "no other report confirms it")
    if n == 1:
        only = "that cannot be graded (F)" if grades[0] == "F" else f", graded {grades[0]} ({ADMIRALTY[grades[0]]})"
        text = f"We hold this judgment with {level} confidence: it rests on a single report {only}; {tail}"
        text = text.replace("report , graded", "report, graded")
    else:
        text = (f"We hold this judgment with {level} confidence: it rests on {number_word(n)} {reports} from "
                f"{number_word(publishers)} publisher{'s' if publishers != 1 else ''}, {grading(grades)}; {tail}")
    return level, phrase.say(text, basis.facts)


def grading(grades: list[str]) -> str:
    """'one graded B (usually reliable) and two that cannot be graded (F)'; 'all graded C (fairly reliable)'."""
    def label(g: str) -> str:
        return f"graded {g} ({ADMIRALTY[g]})" if g != "F" else "that cannot be graded (F)"

    if len(set(grades)) == 1 and len(grades) > 1:
        everyone = "both" if len(grades) == 2 else "all"
        return f"{everyone} {label(grades[0])}" if grades[0] != "F" else f"{everyone} ungraded (F)"
    return join(f"{number_word(grades.count(g))} {label(g)}" for g in sorted(set(grades)))


def judgment(topic: str, term: str, clause: str, basis: Basis, lead: Sequence[Fact],
             basis_sentence: Sentence | None) -> Judgment:
    statement = phrase.say(likely_clause(term, clause), lead)
    level, conf = confidence(basis)
    return Judgment(topic, statement, conf, term, level, basis_sentence)


def per_year(facts: Sequence[Fact], years: Sequence[int], per: int = 1) -> list[Fact]:
    """The best-graded, latest facts of each year: one report per year shows a pattern without drowning it."""
    out: list[Fact] = []
    for y in years:
        xs = [f for f in facts if f.date.value.year == y]
        xs.sort(key=lambda f: (f.best_grade, -f.date.start.toordinal(), f.id))
        out += xs[:per]
    return sorted(out, key=lambda f: (f.date.start, f.id))


def years_back(ev: Evidence, n: int) -> list[int]:
    last = ev.end.value.year
    return list(range(last - n + 1, last + 1))
