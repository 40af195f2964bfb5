"""Measures: figures that change over time (debt, remittances, growth), compared for the date a report gives.

A report saying "by 2024, Ruritania owed nearly 60% of its foreign debt to
Graustark" speaks of a measure (the share of external debt owed to Graustark)
at a time (2024). The store holds values of that measure on dates, some
written directly, some derived from two figures of the same date (owed to
Graustark ÷ external debt). A claim is compared with the values for its own
period only; a value from another period is shown as context, never used to
call the claim right. The measures every country has are below; those a
country's analysts track besides (a partner's share of its debt, its
deportations) come from its pack's measures.json.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from watchfloor.check.figures import Figure
from watchfloor.dates import FuzzyDate
from watchfloor.extract.entities import country_names, names_pattern
from watchfloor.extract.money import is_money
from watchfloor.reference import catalogue
from watchfloor.reference.catalogue import METONYMS, MeasureSpec
from watchfloor.reference.names import normalise


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    unit: str
    words: re.Pattern[str]
    """What a report's clause must say for a number in it to be this measure."""
    figure: Callable[[Figure], bool]
    partner: str | None = None
    """A second country inside the measure itself (Graustark in 'debt owed to Graustark'), not its subject."""
    gdp: bool | None = None
    """True: the number must be written as a share of GDP; False: must not be; None: either."""
    category: str | None = None
    """For counts: what the report's number must count (read next to it) to be this measure."""
    country: str | None = None
    """The pack whose analysts track it (ISO3); None for the measures every country has."""
    by_nationality: bool = False
    """Whose measure it is comes from the nationality the claim names ('Ruritanian migrants')."""
    share_of: tuple[str, str] | None = None
    """Derived in percent from the values of two measures of the same date: (part, whole)."""
    reads: str = ""


def _has(*words: str) -> Callable[[Figure], bool]:
    return lambda f: all(w in f.words for w in words)


def _exactly(*words: str) -> Callable[[Figure], bool]:
    return lambda f: set(f.words) == set(words)


_NOT_STOCK = r"(?!\s+(?:service|servicing|payments?|repayments?|relief|restructuring))"
"""'Debt service cost $504.6m' is a yearly payment, not the debt itself."""
WORLD_MEASURES = [
    Measure("external_debt_gdp", "external debt as a share of GDP", "pct",
            re.compile(r"(?:external|foreign)\s+(?:public\s+)?debt" + _NOT_STOCK, re.I), _has("external", "debt"),
            gdp=True),
    Measure("external_debt", "external debt", "usd",
            re.compile(r"(?:external|foreign)\s+(?:public\s+)?debt" + _NOT_STOCK, re.I), _exactly("external", "debt")),
    Measure("public_debt_gdp", "public debt as a share of GDP", "pct", re.compile(r"public\s+debt" + _NOT_STOCK, re.I),
            _has("public", "debt"), gdp=True),
    Measure("public_debt", "public debt", "usd", re.compile(r"public\s+debt" + _NOT_STOCK, re.I),
            _exactly("public", "debt")),
    Measure("remittances_gdp", "remittances as a share of GDP", "pct",
            re.compile(r"remittances?|money\s+transfers", re.I), _has("remittances"), gdp=True),
    Measure("remittances", "remittance inflows", "usd", re.compile(r"remittances?", re.I), _exactly("remittances")),
    Measure("gdp_growth", "real GDP growth", "pct",
            re.compile(r"\b(?:gdp|econom\w*)\b[^.;]{0,40}\b(?:grow\w*|grew|expand\w*)|\bgrowth\b", re.I),
            _exactly("gdp", "growth"), gdp=False),
    Measure("inflation", "consumer inflation", "pct", re.compile(r"\binflation\b", re.I), _exactly("inflation"),
            gdp=False),
    Measure("poverty", "national poverty rate", "pct", re.compile(r"\bpoverty\b", re.I), _has("poverty", "rate"),
            gdp=False),
    Measure("rsf_rank", "RSF press freedom rank", "rank",
            re.compile(r"press\s+freedom|\bRSF\b|Reporters\s+Without\s+Borders", re.I), _has("rsf", "rank")),
    Measure("gdp_per_capita", "GDP per capita", "usd", re.compile(r"per\s+capita|per\s+(?:head|person)", re.I),
            _exactly("gdp", "per", "capita")),
    Measure("gdp_value", "GDP", "usd", re.compile(r"\bGDP\b(?!\s+per)|\beconomy\b[^.;]{0,30}\bworth", re.I),
            _exactly("gdp")),
]


def _partner_pattern(iso3: str) -> str:
    """Any name or demonym of a country as the bundled data spells it, or its capital standing for its government."""
    return names_pattern([*country_names([iso3]), *(city for city, code in METONYMS.items() if code == iso3)])


def _key_test(spec: MeasureSpec) -> Callable[[Figure], bool]:
    """Whether a store figure's count key names the measure: its words, a year, the partner by one of its names."""
    partner = [set(normalise(n).split()) for n in catalogue.country_names(spec.partner)] if spec.partner else []

    def test(f: Figure) -> bool:
        words = set(f.words)
        return (all(w in words for w in spec.key_all) and (not spec.key_any or any(w in words for w in spec.key_any))
                and (not spec.key_year or f.year is not None) and (spec.category is None or f.category == spec.category)
                and (not partner or any(p <= words for p in partner)))
    return test


def _from_pack(iso3: str, spec: MeasureSpec) -> Measure:
    partner = catalogue.country_names(spec.partner)[0] if spec.partner else ""
    claim = spec.claim.replace("{partner}", _partner_pattern(spec.partner)) if spec.partner else spec.claim
    return Measure(spec.name, spec.description.replace("{partner}", partner), spec.unit, re.compile(claim, re.I),
                   _key_test(spec), partner=spec.partner, gdp=spec.of_gdp, category=spec.category, country=iso3,
                   by_nationality=spec.by_nationality, share_of=spec.share_of,
                   reads=spec.reads.replace("{partner}", partner))


MEASURES = [_from_pack(p.iso3, spec) for p in catalogue.packs() for spec in p.measures] + WORLD_MEASURES
OBSERVATION_MEASURES = {"BX.TRF.PWKR.DT.GD.ZS": "remittances_gdp", "NY.GDP.MKTP.KD.ZG": "gdp_growth",
                        "FP.CPI.TOTL.ZG": "inflation", "DT.DOD.DECT.CD": "external_debt",
                        "NY.GDP.MKTP.CD": "gdp_value", "NY.GDP.PCAP.CD": "gdp_per_capita"}
"""World Bank indicator codes the observation table may hold, by measure."""


@dataclass(frozen=True)
class Value:
    measure: str
    date: FuzzyDate
    figure: Figure
    event_id: str | None
    """The event the figure comes from (None for an observation row)."""
    also: tuple[str, ...] = ()
    """Further events a derived value rests on."""
    source_id: str | None = None
    country: str | None = None
    """Whose measure it is (ISO3)."""


_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b|\bwhen\b", re.I)
_PART_OF = re.compile(r"\b(?:of\s+which|of\s+whom|of\s+them|including|among\s+them)\s+(?:some\s+|about\s+)?$", re.I)
_NUMBER = re.compile(r"\d")
_GOVERNS = re.compile(r"^[^.;,]{0,25}?\d")


def measures_for(clause: str, unit: str, start: int, end: int, of_text: str = "", category: str | None = None
                 ) -> list[Measure]:
    """The measure a number at clause[start:end] is of: the one whose words stand nearest to it, with no
    clause break between ('real GDP growth at 8%, with consumer inflation down to 4.2%'); words right after the
    number name it outright ('$3.3bn external debt … owed to Graustark' is external debt)."""
    gdp = bool(re.search(r"\bgdp\b|gross\s+domestic", of_text, re.I))
    part = _PART_OF.search(clause[max(0, start - 20):start]) is not None
    scored: list[tuple[int, int, Measure]] = []
    for m in MEASURES:
        if m.unit != unit and not (m.unit == "usd" and is_money(unit) and m.name == "gdp_value"):
            continue
        if m.gdp is True and not gdp or m.gdp is False and gdp:
            continue
        if m.unit == "count" and m.category != category:
            continue
        best = None
        for hit in m.words.finditer(clause):
            if hit.end() <= start:
                if part:
                    continue
                gap, between = start - hit.end(), clause[hit.end():start]
            elif hit.start() >= end:
                gap, between = (hit.start() - end) * 2, clause[end:hit.start()]
                if unit != "pct" and re.match(r"\s*(?:\w+\s+)?of\b", between):
                    continue
                if _GOVERNS.match(clause[hit.end():hit.end() + 40]) or _NUMBER.search(between):
                    continue
            else:
                gap, between = 0, ""
            if gap > 90 or _BREAK.search(between):
                continue
            best = gap if best is None else min(best, gap)
        own = re.match(r"\s*", clause[end:])
        if not m.partner and own and m.words.match(clause, end + own.end()):
            best = -1
        if best is not None:
            scored.append((best, 0 if m.partner else 1, m))
    if not scored:
        return []
    scored.sort(key=lambda x: (x[0], x[1]))
    nearest = scored[0][0]
    return [m for gap, _, m in scored if gap <= nearest + 10][:2]


def derive_shares(values: list[Value]) -> list[Value]:
    """A share derived from two figures of the same date and country (owed to a partner ÷ external debt)."""
    out = []
    for m in MEASURES:
        if m.share_of is None:
            continue
        part, whole = m.share_of
        for a in (v for v in values if v.measure == part):
            for b in (v for v in values if v.measure == whole):
                if a.date != b.date or not b.figure.value or a.country != b.country:
                    continue
                pct = round(100 * a.figure.value / b.figure.value, 1)
                qual = "approx" if (a.figure.qualifier or b.figure.qualifier) else None
                if a.figure.qualifier == "min":
                    qual = "min"
                reads = m.reads.replace("{part}", a.figure.human()).replace("{whole}", b.figure.human())
                fig = Figure(m.name, pct, "pct", None, None, qual, None, ("share",), derived=reads)
                out.append(Value(m.name, a.date, fig, a.event_id,
                                 tuple(x for x in (b.event_id,) if x and x != a.event_id), country=a.country))
    return out


def in_window(value: Value, lo: dt.date, hi: dt.date, slack_days: int = 10) -> bool:
    """A value dated to the day ('at the start of 2024') may stand for the days just before; a year does not."""
    slack = dt.timedelta(days=slack_days if value.date.precision == "day" else 0)
    return value.date.start <= hi + slack and lo - slack <= value.date.end
