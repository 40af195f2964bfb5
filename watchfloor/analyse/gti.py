"""The Global Terrorism Index arithmetic (Institute for Economics & Peace), in one place.

Every weight, band and choice the risk score rests on is a named constant here, so a change of
method is a change to this file alone. docs/risk.md states the method, its source and the formula.

    raw(Y)      = 1·incidents + 3·fatalities + 0.5·injuries + 2·hostages        (IEP indicator weights)
    weighted(Y) = (16·raw(Y) + 8·raw(Y-1) + 4·raw(Y-2) + 2·raw(Y-3) + 1·raw(Y-4)) / 31
    r           = RANGE ** (1 / ROOT),  ROOT = 2 · (10 − 0) = 20
    score(Y)    = clamp(0.5 · log_r(weighted(Y)), 0, 10);  band cut-off for band n/2 is r**n
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

SOURCE = ("Institute for Economics & Peace (IEP), Global Terrorism Index, annual report, methodology annex "
          "(GTI 2024 and later editions), https://www.visionofhumanity.org/maps/global-terrorism-index/")

INDICATOR_WEIGHTS: Mapping[str, float] = {"incidents": 1.0, "fatalities": 3.0, "injuries": 0.5, "hostages": 2.0}
"""IEP's weights for a country's yearly raw score (hostages replaced property damage in the 2020s reports)."""

YEAR_WEIGHTS: tuple[int, ...] = (16, 8, 4, 2, 1)
"""Five-year weighted average: the scored year first, each earlier year half as heavy; divided by their sum, 31."""

LOWEST_BAND, HIGHEST_BAND, BAND_STEP = 0.0, 10.0, 0.5
ROOT = int((HIGHEST_BAND - LOWEST_BAND) / BAND_STEP)
"""IEP: root = 2 × (highest banded score − lowest banded score) = 20 bands of 0.5."""

REFERENCE_RANGE = 40_000.0
"""Highest minus lowest five-year weighted raw score that maps to 10. IEP takes it from all countries in its
data; one store rarely holds them all, so it is fixed here. 40,000 is our estimate of the order of the
worst country-years in IEP's index (tens of thousands), NOT a figure IEP publishes."""

INCIDENT_TYPES: tuple[str, ...] = ("attack", "bombing", "assassination", "hostage_taking", "kidnapping",
                                   "hijacking", "terrorist_attack")
"""Event types counted as terrorist incidents. Plots, arrests, riots and border clashes are not incidents."""

EXCLUDED_DATASETS: tuple[str, ...] = ("gdelt", "acled")
"""Datasets never scored: GDELT codes media reports, not incidents; ACLED's attacks span all political violence
(its `attack` type is not terrorism). GTD rows and curated facts are scored."""

PLOT_TYPES: tuple[str, ...] = ("plot",)
"""Foiled or alleged plans: shown in the abroad count, never scored."""

FATALITY_SUFFIX = "_killed"
"""When an event has no total `killed`, its counts ending in this (police_killed, attackers_killed) are summed:
GTD's nkill counts perpetrators too. Keys such as killed_claimed_by_iskp or chinese_killed_in_week do not end so."""

INJURY_SUFFIXES: tuple[str, ...] = ("_wounded", "_injured")


@dataclass(frozen=True)
class YearTotals:
    """What a country suffered in one year, the inputs of the raw score."""

    incidents: float = 0
    fatalities: float = 0
    injuries: float = 0
    hostages: float = 0


def raw_score(t: YearTotals) -> float:
    """The yearly raw score: IEP's weighted sum of the four indicators."""
    w = INDICATOR_WEIGHTS
    return (w["incidents"] * t.incidents + w["fatalities"] * t.fatalities + w["injuries"] * t.injuries
            + w["hostages"] * t.hostages)


def weighted_average(raw_by_year: Mapping[int, float], year: int) -> float:
    """Five-year weighted average ending at `year`; a year with no data counts as 0."""
    total = sum(w * raw_by_year.get(year - k, 0.0) for k, w in enumerate(YEAR_WEIGHTS))
    return total / sum(YEAR_WEIGHTS)


def base(reference_range: float = REFERENCE_RANGE) -> float:
    """r: the ratio between two successive band cut-offs."""
    return reference_range ** (1.0 / ROOT)


def band_cutoffs(reference_range: float = REFERENCE_RANGE) -> list[tuple[float, float]]:
    """(banded score, lowest weighted raw score that reaches it): 0 → 0, then n/2 → r**n for n = 1 … 20."""
    r = base(reference_range)
    return [(0.0, 0.0)] + [(n * BAND_STEP, r ** n) for n in range(1, ROOT + 1)]


def score(weighted: float, reference_range: float = REFERENCE_RANGE) -> float:
    """The 0–10 score on IEP's base-r logarithmic scale (continuous, to 3 decimals as IEP publishes)."""
    if weighted <= 1.0:
        return 0.0
    value = BAND_STEP * math.log(weighted) / math.log(base(reference_range))
    return round(min(HIGHEST_BAND, max(LOWEST_BAND, value)), 3)


def band(weighted: float, reference_range: float = REFERENCE_RANGE) -> float:
    """The highest band whose cut-off the weighted score reaches (0, 0.5, 1, … 10)."""
    reached = [b for b, cut in band_cutoffs(reference_range) if weighted >= cut and (b == 0 or cut > 0)]
    return reached[-1] if reached else 0.0


def method() -> str:
    """One paragraph for reports and JSON: what the score is and where it comes from."""
    w = INDICATOR_WEIGHTS
    return (f"Global Terrorism Index method (IEP): yearly raw score = {w['incidents']:g}×incidents + "
            f"{w['fatalities']:g}×fatalities + {w['injuries']:g}×injuries + {w['hostages']:g}×hostages for "
            f"terrorist incidents inside the country; five-year weighted average with weights "
            f"{'/'.join(map(str, YEAR_WEIGHTS))} (scored year first) over {sum(YEAR_WEIGHTS)}; score = "
            f"0.5×log_r(average), 0–10, r = {REFERENCE_RANGE:g}^(1/{ROOT}) = {base():.4f} (reference range fixed "
            f"by watchfloor, not IEP's). Source: {SOURCE}. See docs/risk.md.")
