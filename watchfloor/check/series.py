"""A claim's figures compared with a measure's values for the claim's own period.

"By 2024, Ruritania owed nearly 60% of its foreign debt to Graustark": the
measure is Graustark's share of external debt, the subject Ruritania, the
period 2024. The values of that period decide; a value of another period that
matches the claim ("60% was the figure for January 2022") is shown to explain
the error, never to excuse it. Without a date the claim is supported when any
value matches and otherwise left unsupported, not called wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from watchfloor.check.evidence import Evidence
from watchfloor.check.measures import Measure, Value, in_window, measures_for
from watchfloor.extract.claims import Claim
from watchfloor.extract.dates import DateMention
from watchfloor.extract.quantities import Quantity
from watchfloor.reference.catalogue import measure_unit


@dataclass
class MeasureVerdict:
    claim: Claim
    quantity: Quantity
    measure: Measure
    status: str
    """match, conflict or none (nothing for the period)."""
    period: DateMention | None
    values: list[Value] = field(default_factory=list)
    """The values of the claim's period (or all values when it has none)."""
    elsewhere: list[Value] = field(default_factory=list)
    """Values of other periods that agree with the claim."""


def _subject(claim: Claim, measure: Measure) -> str | None:
    """Whose measure the claim gives: a country it names, else the report's main country, else one it borrowed;
    for a measure of people, the nationality it names, else the report's country, else the pack's own."""
    if measure.by_nationality:
        return next((m.country for m in claim.all_entities if m.demonym and m.country), None) or (
            claim.default_country or next((m.country for m in claim.all_entities
                                           if m.country and m.country == measure.country), None))
    own = [m.country for m in claim.entities if m.kind == "country" and m.country and m.country != measure.partner]
    if own:
        return own[0]
    if claim.default_country and claim.default_country != measure.partner:
        return claim.default_country
    if claim.default_country and claim.runner_up_country:
        return claim.runner_up_country
    borrowed = [m.country for m in claim.context_entities if m.kind == "country" and m.country
                and m.country != measure.partner]
    return borrowed[0] if borrowed else None


_JUST_AFTER = re.compile(r"^\s*(?:of\s+[^\d,;.]{1,30}?\s+)?(?:in|by|at|for|as\s+of|during|of)?\s*(?:the\s+)?"
                         r"(?:(?:end|start|beginning|middle|close)\s+of\s+)?$", re.I)


def _period(claim: Claim, q: Quantity) -> DateMention | None:
    """The date a figure is for: written right after it ('20% in 2024'), else the nearest one before it."""
    if not claim.dates:
        return None
    text = claim.sentence.text
    base = claim.sentence.start
    for d in claim.dates:
        if d.start >= q.num_end and _JUST_AFTER.match(text[q.num_end - base:d.start - base]):
            return d
        if d.start >= q.end and _JUST_AFTER.match(text[q.end - base:d.start - base]):
            return d
    before = [d for d in claim.dates if d.end <= q.num_start and d.relation not in ("since", "after", "before")]
    if before:
        return max(before, key=lambda d: d.end)
    return min(claim.dates, key=lambda d: d.start - q.end)


def _window(d: DateMention) -> tuple[dt.date, dt.date]:
    lo, hi = d.window()
    if d.relation in ("by", "since", "until", "before", "after"):
        lo, hi = dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    return lo, hi


_AVERAGE = re.compile(r"\b(?:averag\w*|a\s+year\s+on\s+average|on\s+average|cumulative(?:ly)?)\b[^.;]{0,30}$", re.I)
"""'growth averaged 7.7% over five years' is no single year's figure."""


def compare_measures(claim: Claim, evidence: Evidence) -> list[MeasureVerdict]:
    """One verdict per figure of the claim: a match with any measure it can be wins, else the nearest conflict."""
    out: list[MeasureVerdict] = []
    text = claim.text
    for q in claim.quantities:
        if not measure_unit(q.unit) or q.vague or claim.hedged_before(q.num_start, 50):
            continue
        if q.unit == "count" and not q.strong:
            continue
        if _AVERAGE.search(text[max(0, q.num_start - claim.start - 40):q.num_start - claim.start]):
            continue
        rel_s, rel_e = q.num_start - claim.start, q.num_end - claim.start
        noun = _measured(claim, q)
        verdicts = [v for m in measures_for(text, q.unit, rel_s, rel_e, q.of + " " + text[rel_e:rel_e + 40],
                                            q.category) if (noun is None or m.words.search(noun))
                    and (v := _verdict(claim, q, m, evidence)) is not None]
        for status in ("match", "conflict", "none"):
            chosen = [v for v in verdicts if v.status == status]
            if chosen:
                out.append(chosen[0])
                break
    return out


def _measured(claim: Claim, q: Quantity) -> str | None:
    """The noun phrase the parse says the figure gives the value of ('inflows' in '45% of GDP on inflows of about
    $5.8bn'): the figure is of a measure whose words it holds, whatever measure's words stand nearer."""
    from watchfloor.extract.counted import measured_phrase

    base = claim.sentence.start
    return measured_phrase(claim.sentence.text, q.num_start - base, q.num_end - base)


def _verdict(claim: Claim, q: Quantity, m: Measure, evidence: Evidence) -> MeasureVerdict | None:
    subject = _subject(claim, m)
    values = [v for v in evidence.values if v.measure == m.name and v.figure.unit == q.unit
              and (subject is None or v.country == subject)]
    if not values or subject is None:
        return None
    ok = [v for v in values if q.compatible(*v.figure.interval)]
    period = _period(claim, q)
    if period is None:
        return MeasureVerdict(claim, q, m, "match" if ok else "none", None, ok or values, [])
    if m.category and (period.date.precision != "year" or period.relative):
        return None
    lo, hi = _window(period)
    current = [v for v in values if in_window(v, lo, hi)]
    if not current:
        return MeasureVerdict(claim, q, m, "none", period, [], ok)
    hits = [v for v in current if v in ok]
    current.sort(key=lambda v: v.date.start)
    return MeasureVerdict(claim, q, m, "match" if hits else "conflict", period, hits or current,
                          [v for v in ok if v not in current])
