"""How bad is it, and is it getting worse: a country's terrorism impact by the GTI method, its nationals'
attacks and plots abroad, and the structural drivers behind it.

Inside the country: terrorist incidents located there (event.country_iso3), scored with gti.py.
Abroad: attacks, plots and arrests located elsewhere that involve the country (its nationals, its state),
counted separately and never mixed into the score. Datasets in gti.EXCLUDED_DATASETS (GDELT, ACLED) are
left out of both.
"""

from __future__ import annotations

import json
from typing import Any

from watchfloor.analyse import gti
from watchfloor.analyse.drivers import drivers
from watchfloor.store import Store

ABROAD_TYPES = {**{t: "attacks" for t in gti.INCIDENT_TYPES}, **{t: "plots" for t in gti.PLOT_TYPES},
                "arrest": "arrests"}


def casualties(row: dict[str, Any]) -> tuple[float, float, float]:
    """(fatalities, injuries, hostages) of one event: the stored totals, else the sum of partial counts."""
    counts = json.loads(row["counts"]) if row.get("counts") else {}
    killed = row["killed"]
    if killed is None:
        killed = sum(v for k, v in counts.items() if k.endswith(gti.FATALITY_SUFFIX))
    injured = row["injured"]
    if injured is None:
        injured = sum(v for k, v in counts.items() if k.endswith(gti.INJURY_SUFFIXES))
    return float(killed or 0), float(injured or 0), float(row["hostages"] or 0)


def _rows(store: Store, iso3: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT id, date, type, country_iso3, countries, killed, injured, hostages, counts, summary FROM event "
        "WHERE dataset NOT IN (SELECT unnest(?)) AND type IN (SELECT unnest(?)) "
        "AND (country_iso3 = ? OR list_contains(countries, ?)) ORDER BY date, id",
        [list(gti.EXCLUDED_DATASETS), sorted(ABROAD_TYPES), iso3, iso3])


def last_year(store: Store, iso3: str) -> int | None:
    """The latest year the store holds anything about the country: the report ends there, not at today."""
    d = store.scalar("SELECT max(date) FROM event WHERE dataset NOT IN (SELECT unnest(?)) "
                     "AND list_contains(countries, ?)", [list(gti.EXCLUDED_DATASETS), iso3])
    return d.year if d else None


def yearly_totals(store: Store, iso3: str) -> tuple[dict[int, gti.YearTotals], dict[int, list[str]]]:
    """GTI inputs per year for incidents inside the country, and the ids of those incidents."""
    totals: dict[int, list[float]] = {}
    ids: dict[int, list[str]] = {}
    for r in _rows(store, iso3):
        if r["country_iso3"] != iso3 or r["type"] not in gti.INCIDENT_TYPES:
            continue
        k, i, h = casualties(r)
        t = totals.setdefault(r["date"].year, [0, 0, 0, 0])
        t[0] += 1
        t[1] += k
        t[2] += i
        t[3] += h
        ids.setdefault(r["date"].year, []).append(r["id"])
    return {y: gti.YearTotals(*t) for y, t in totals.items()}, ids


def abroad(store: Store, iso3: str, first: int, last: int) -> list[dict[str, Any]]:
    """Per year: attacks, plots and arrests elsewhere that involve the country, with the events behind them."""
    years: dict[int, dict[str, Any]] = {}
    for r in _rows(store, iso3):
        y = r["date"].year
        if r["country_iso3"] in (iso3, None) or not first <= y <= last:
            continue
        k, i, _ = casualties(r)
        row = years.setdefault(y, {"year": y, "attacks": 0, "plots": 0, "arrests": 0, "fatalities": 0.0,
                                   "injuries": 0.0, "countries": [], "events": []})
        row[ABROAD_TYPES[r["type"]]] += 1
        if r["type"] in gti.INCIDENT_TYPES:
            row["fatalities"] += k
            row["injuries"] += i
        if r["country_iso3"] not in row["countries"]:
            row["countries"].append(r["country_iso3"])
        row["events"].append({"id": r["id"], "date": r["date"].isoformat(), "type": r["type"],
                              "country": r["country_iso3"], "killed": k, "injured": i, "summary": r["summary"]})
    return [years[y] for y in sorted(years)]


def risk_report(store: Store, iso3: str, years: int = 10) -> dict[str, Any]:
    """The risk JSON: yearly GTI-method scores, abroad counts, drivers and the method, all JSON-serialisable."""
    name = store.scalar("SELECT name FROM entity WHERE id = ?", [f"country:{iso3}"]) or iso3
    end = last_year(store, iso3)
    report: dict[str, Any] = {"country": iso3, "name": name, "years": [], "abroad": [], "drivers": [],
                              "method": gti.method(),
                              "constants": {"indicator_weights": dict(gti.INDICATOR_WEIGHTS),
                                            "year_weights": list(gti.YEAR_WEIGHTS), "root": gti.ROOT,
                                            "reference_range": gti.REFERENCE_RANGE, "base_r": round(gti.base(), 6),
                                            "incident_types": list(gti.INCIDENT_TYPES)}}
    if end is None:
        return report
    first = end - max(1, years) + 1
    totals, ids = yearly_totals(store, iso3)
    raw = {y: gti.raw_score(t) for y, t in totals.items()}
    for y in range(first, end + 1):
        t = totals.get(y, gti.YearTotals())
        weighted = gti.weighted_average(raw, y)
        report["years"].append({"year": y, "incidents": int(t.incidents), "fatalities": t.fatalities,
                                "injuries": t.injuries, "hostages": t.hostages, "raw": raw.get(y, 0.0),
                                "weighted": round(weighted, 4), "score": gti.score(weighted),
                                "band": gti.band(weighted), "events": ids.get(y, [])})
    report["abroad"] = abroad(store, iso3, first, end)
    report["drivers"] = drivers(store, iso3)
    return report
