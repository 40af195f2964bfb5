"""The judgments a brief can make, one small rule per topic, each computed from the store.

A rule returns None when the store holds too little to judge; the brief then
simply makes fewer judgments.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.judgments import Basis, base_rate, judgment, per_year, term_for, years_back
from watchfloor.brief.model import Judgment
from watchfloor.brief.sections.base import JIHADIST, VIOLENCE, is_terrorism
from watchfloor.brief.sections.economy import DISPUTE
from watchfloor.brief.sections.relations import yearly, yearly_sentence
from watchfloor.brief.text import join, number_word, quantity

WINDOW = 5


def _disagreement(facts: list[Fact], what: str) -> str:
    return what if any(DISPUTE.search(f.summary) for f in facts) else ""


def abroad_cases(ev: Evidence) -> Judgment | None:
    """Nationals named in jihadist cases abroad: the base rate over the last five years."""
    years = years_back(ev, WINDOW)
    cases = [f for f in ev.facts if is_terrorism(f) and f.country not in (None, ev.iso3)
             and f.date.value.year in years]
    hit = [y for y in years if any(f.date.value.year == y for f in cases)]
    if len(hit) < 2:
        return None
    term = term_for(base_rate(len(cases), WINDOW))
    shown = per_year(cases, years, 2)
    clause = (f"{ev.demonym} nationals will be named in at least one new jihadist attack, plot or prosecution "
              "outside the country over the next 12 months")
    share = (f"each of the {number_word(WINDOW)}" if len(hit) == WINDOW else
             f"{number_word(len(hit))} of the {number_word(WINDOW)}")
    basis = phrase.say(f"The evidence records such cases in {share} years from {years[0]} to {years[-1]}", shown)
    return judgment("terrorism", term, clause, Basis(tuple(shown)), shown[-2:], basis)


def us_cases(ev: Evidence) -> Judgment | None:
    """US arrests and charges of nationals with suspected jihadist links, at the period's rate."""
    facts = [f for f in ev.period if f.country == "USA" and f.type in ("arrest", "deportation", "trial", "sentence")
             and f.mentions(JIHADIST)]
    if not facts:
        return None
    years = (ev.end.end - ev.start.start).days / 365.25
    term = term_for(base_rate(len(facts), max(years, 1.0)))
    clause = (f"US authorities will detain, charge or deport at least one more {ev.demonym} national suspected of "
              "Islamic State links over the next 12 months")
    cases = "case" if len(facts) == 1 else "cases"
    basis = phrase.say(f"The evidence records {number_word(len(facts))} such US {cases} {_span(facts)}", facts)
    return judgment("united_states", term, clause, Basis(tuple(facts)), facts[-2:], basis)


def russia_deportations(ev: Evidence) -> Judgment | None:
    """Deportations from Russia: the direction of the yearly figures."""
    from watchfloor.brief.sections.russia import PARTNER

    points = yearly([f for f in ev.facts if PARTNER.involved(f)], PARTNER.yearly_prefixes)
    if len(points) < 3:
        return None
    values = [v for _y, _k, v, _f in points[-3:]]
    rising = sum(b > a for a, b in zip(values, values[1:], strict=False))
    term = {2: "likely", 1: "roughly even chance", 0: "unlikely"}[rising]
    facts = reporting([f for f in ev.facts if PARTNER.involved(f)], PARTNER.yearly_prefixes)
    clause = (f"Russia will deport at least as many {ev.demonym} citizens over the next 12 months as in "
              f"{points[-1][0]}")
    return judgment("russia", term, clause, Basis(tuple(facts), _yearly_disagreement(facts, PARTNER.yearly_prefixes)),
                    [points[-1][3]],
                    yearly_sentence(PARTNER.yearly_label, points))


def reporting(facts: list[Fact], prefixes: tuple[str, ...]) -> list[Fact]:
    """Every fact that reports a yearly figure under these prefixes, not only the one each year's figure came from."""
    rx = re.compile(r"^(" + "|".join(map(re.escape, prefixes)) + r")_\d{4}")
    return sorted([f for f in facts if any(rx.match(k) for k in f.counts)], key=lambda f: (f.date.start, f.id))


def _yearly_disagreement(facts: list[Fact], prefixes: tuple[str, ...]) -> str:
    """Two reports more than 10% apart on the same year's figure."""
    rx = re.compile(r"^(" + "|".join(map(re.escape, prefixes)) + r")_(\d{4})")
    seen: dict[str, list[float]] = {}
    for f in facts:
        for k, v in f.counts.items():
            m = rx.match(k)
            if m:
                seen.setdefault(m.group(2), []).append(v)
    bad = sorted(y for y, vs in seen.items() if max(vs) > 1.1 * min(vs))
    return f"the figure for {join(bad)}" if bad else ""


def china_attacks(ev: Evidence) -> Judgment | None:
    """Attacks on Chinese nationals and sites inside the country: the period's rate."""
    facts = [f for f in ev.period if f.type in VIOLENCE and f.country == ev.iso3 and "CHN" in f.countries]
    if not facts:
        return None
    years = (ev.end.end - ev.start.start).days / 365.25
    term = term_for(base_rate(len(facts), max(years, 1.0)))
    clause = (f"armed groups operating from Afghanistan will again attack Chinese workers or Chinese-run sites in "
              f"{ev.name} over the next 12 months")
    attacks = "attack" if len(facts) == 1 else "attacks"
    basis = phrase.say(f"The evidence records {number_word(len(facts))} such {attacks} {_span(facts)}", facts)
    return judgment("china", term, clause, Basis(tuple(facts)), facts[-1:], basis)


def _span(facts: list[Fact]) -> str:
    a, b = facts[0].date, facts[-1].date
    return f"between {a.human()} and {b.human()}" if a != b else f"on {a.human()}"


def leader(ev: Evidence) -> Judgment | None:
    """The head of state stays: in office for decades, re-elected by a wide margin, and still acting."""
    heads = [f for f in ev.facts if f.type == "leadership" and f.actors]
    if not heads:
        return None
    name = heads[-1].actors[0]
    surname = name.split()[-1].lower()
    votes = [f for f in ev.facts if f.type == "election" and f"{surname}_vote_pct" in f.counts]
    recent = [f for f in ev.period if name in f.actors or re.search(rf"\b{surname}\b", f.summary, re.I)]
    if not votes or not recent or votes[-1].counts[f"{surname}_vote_pct"] < 75:
        return None
    share = quantity("pct", votes[-1].counts[f"{surname}_vote_pct"])
    basis = phrase.say(f"{name} has led the country since {heads[-1].date.human()}, won {share} of the vote "
                       f"{phrase.when(votes[-1].date)} and was still acting as president "
                       f"{phrase.when(recent[-1].date)}",
                       [heads[-1], votes[-1], recent[-1]])
    clause = f"{name} will remain head of state over the next 12 months"
    return judgment("politics", "very likely", clause, Basis((heads[-1], votes[-1], recent[-1])), [votes[-1]],
                    basis)


SHARES = [(0.5, "half"), (0.4, "two-fifths"), (1 / 3, "a third"), (0.25, "a quarter"), (0.2, "a fifth")]


def remittances(ev: Evidence) -> Judgment | None:
    """Remittances relative to GDP: if every recent figure clears a share, it will likely hold next year."""
    pts = phrase.series([f for f in ev.facts if f.type == "economic_figure"],
                        ["remittances_pct_gdp", f"remittances_pct_gdp_{ev.end.value.year - 1}"])[-3:]
    if len(pts) < 2:
        return None
    low = min(v for _f, _k, v in pts)
    share = next((w for frac, w in SHARES if low / 100 > frac), None)
    if share is None:
        return None
    facts = [f for f, _k, _v in pts]
    term = "very likely" if len(pts) >= 3 else "likely"
    clause = f"remittances will still equal more than {share} of GDP in {ev.end.value.year + 1}"
    parts = [f"{quantity(k, v)} {phrase.as_of(f, k)}" for f, k, v in pts]
    basis = phrase.say(f"Published estimates put remittances at {join(parts)}", facts)
    dispute = _disagreement(facts, "the latest figure, which the National Bank disputes")
    if dispute:
        disputed = next(f for f in facts if DISPUTE.search(f.summary))
        dispute = f"the estimate for {phrase.as_of(disputed, next(k for f, k, _v in pts if f is disputed))[3:]}"
        dispute += ", which a national authority disputes"
    return judgment("economy", term, clause, Basis(tuple(facts), dispute), facts[-1:], basis)


RULES: list[Callable[[Evidence], Judgment | None]] = [abroad_cases, us_cases, russia_deportations, china_attacks,
                                                      leader, remittances]
MAX_JUDGMENTS = 6


def key_judgments(ev: Evidence) -> list[Judgment]:
    out = [j for rule in RULES if (j := rule(ev)) is not None]
    return out[:MAX_JUDGMENTS]
