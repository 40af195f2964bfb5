"""Measures: figures that change over time (debt, remittances, growth), compared for the date a report gives.

A report saying "by 2024, Tajikistan owed nearly 60% of its foreign debt to
China" speaks of a measure (the share of external debt owed to China) at a
time (2024). The store holds values of that measure on dates, some written
directly (`china_share_pct`), some derived from two figures of the same date
(owed to China ÷ external debt). A claim is compared with the values for its
own period only; a value from another period is shown as context, never used
to call the claim right.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from watchfloor.check.figures import Figure
from watchfloor.dates import FuzzyDate


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    unit: str
    words: re.Pattern[str]
    """What a report's clause must say for a number in it to be this measure."""
    figure: Callable[[Figure], bool]
    partner: str | None = None
    """A second country inside the measure itself (China in 'debt owed to China'), not its subject."""
    gdp: bool | None = None
    """True: the number must be written as a share of GDP; False: must not be; None: either."""
    category: str | None = None
    """For counts: what the report's number must count (read next to it) to be this measure."""


def _has(*words: str) -> Callable[[Figure], bool]:
    return lambda f: all(w in f.words for w in words)


def _exactly(*words: str) -> Callable[[Figure], bool]:
    return lambda f: set(f.words) == set(words)


_CHINA = r"(?:chin\w*|beijing|exim\w*)"
_NOT_STOCK = r"(?!\s+(?:service|servicing|payments?|repayments?|relief|restructuring))"
"""'Debt service cost $504.6m' is a yearly payment, not the debt itself."""
MEASURES = [
    Measure("china_debt_share", "share of external debt owed to China", "pct",
            re.compile(rf"debt[^.;]{{0,60}}\b{_CHINA}|{_CHINA}[^.;]{{0,60}}\bdebt", re.I),
            lambda f: "china" in f.words and "share" in f.words, partner="CHN", gdp=False),
    Measure("china_debt", "debt owed to China", "usd",
            re.compile(rf"(?:ow(?:e|ed|es|ing)|debt|borrow\w*|loans?)[^.;]{{0,50}}\b{_CHINA}|"
                       rf"{_CHINA}[^.;]{{0,50}}\b(?:debt|creditor|owed|holds)", re.I),
            lambda f: "china" in f.words and ("owed" in f.words or "debt" in f.words), partner="CHN"),
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
    Measure("deportations", "deportations of Tajik citizens in a year", "count",
            re.compile(r"deport\w*|expel\w*|expulsions?", re.I),
            lambda f: f.category == "deported" and f.year is not None, category="deported"),
    Measure("labour_migrants", "citizens leaving to work abroad in a year", "count",
            re.compile(r"(?:labou?r\s+)?migrants?|(?:leaving|left|departed|going)\s+(?:\w+\s+){0,2}(?:for\s+)?work",
                       re.I), lambda f: f.category == "migrants" and "departed" in f.words, category="migrants"),
]
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
    number name it outright ('$3.3bn external debt … owed to China' is external debt)."""
    gdp = bool(re.search(r"\bgdp\b|gross\s+domestic", of_text, re.I))
    part = _PART_OF.search(clause[max(0, start - 20):start]) is not None
    scored: list[tuple[int, int, Measure]] = []
    for m in MEASURES:
        if m.unit != unit and not (m.unit == "usd" and unit in ("tjs", "eur", "cny", "rub") and m.name == "gdp_value"):
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
    """China's share of external debt from 'owed to China' and 'external debt' figures of the same date."""
    owed = [v for v in values if v.measure == "china_debt"]
    total = [v for v in values if v.measure == "external_debt"]
    out = []
    for a in owed:
        for b in total:
            if a.date != b.date or not b.figure.value or a.country != b.country:
                continue
            pct = round(100 * a.figure.value / b.figure.value, 1)
            qual = "approx" if (a.figure.qualifier or b.figure.qualifier) else None
            if a.figure.qualifier == "min":
                qual = "min"
            fig = Figure("china_share_pct", pct, "pct", None, None, qual, None, ("china", "share"),
                         derived=f"{a.figure.human()} owed to China of {b.figure.human()} external debt")
            out.append(Value("china_debt_share", a.date, fig, a.event_id,
                             tuple(x for x in (b.event_id,) if x and x != a.event_id), country=a.country))
    return out


def in_window(value: Value, lo: dt.date, hi: dt.date, slack_days: int = 10) -> bool:
    """A value dated to the day ('at the start of 2024') may stand for the days just before; a year does not."""
    slack = dt.timedelta(days=slack_days if value.date.precision == "day" else 0)
    return value.date.start <= hi + slack and lo - slack <= value.date.end
