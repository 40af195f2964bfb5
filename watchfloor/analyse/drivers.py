"""Structural drivers: the economic and social numbers behind a country's risk, each with its year and source.

Two origins, read the same way: World Bank (or other) `observation` rows, and the figures curated facts
carry in their counts (remittances_pct_gdp, external_debt_usd_bn …), each with its event's source. Which drivers
there are, and which count keys and indicator codes feed each, is data (data/drivers.json). Competing values for
the same year are kept side by side, never averaged away.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from watchfloor.store import Store


@dataclass(frozen=True)
class Driver:
    key: str
    name: str
    unit: str
    codes: tuple[str, ...] = ()
    """Indicator codes in the observation table (World Bank WDI)."""
    counts: tuple[tuple[str, float], ...] = ()
    """Event count keys and the factor that brings them to `unit`."""


@dataclass(frozen=True)
class Derived:
    """A driver computed from one fact's counts when the fact does not give it: 100 × part / whole."""

    key: str
    name: str
    unit: str
    unless: str
    """The count key that gives the driver directly; a fact holding it is not derived from."""
    part: tuple[tuple[str, float], ...]
    """Count keys of the part, the first present wins, with the factor that brings each to the whole's unit."""
    whole: str


def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("watchfloor").joinpath("data", "drivers.json")
                                      .read_text(encoding="utf-8"))
    return data


_DATA = _data()
CATALOGUE: tuple[Driver, ...] = tuple(
    Driver(d["key"], d["name"], d["unit"], tuple(d["codes"]), tuple((k, float(f)) for k, f in d["counts"]))
    for d in _DATA["drivers"])
"""Drivers in the order a brief shows them (data/drivers.json): the four the risk issue names first, then the rest."""

WDI_SCALE: dict[str, float] = _DATA["scale"]
"""Observation codes in US$ that the catalogue shows in US$ bn."""
DERIVED: tuple[Derived, ...] = tuple(
    Derived(d["key"], d["name"], d["unit"], d["unless"], tuple((k, float(f)) for k, f in d["part"]), d["whole"])
    for d in _DATA["derived"])

_YEAR_IN_KEY = re.compile(r"_((?:19|20)\d{2})(?=_|$)")


def _source(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["source_id"], "title": row["title"], "publisher": row["publisher"], "url": row["url"],
            "reliability": row["reliability"]}


def _points(store: Store, iso3: str) -> list[dict[str, Any]]:
    """Every (driver, year, value, source) the store holds for the country."""
    by_code = {c.upper(): d for d in CATALOGUE for c in d.codes}
    by_count = {k: (d, f) for d in CATALOGUE for k, f in d.counts}
    points: list[dict[str, Any]] = []
    for r in store.query("SELECT o.*, s.title, s.publisher, s.url, s.reliability FROM observation o "
                         "JOIN source s ON s.id = o.source_id WHERE o.country_iso3 = ? ORDER BY o.indicator, o.year",
                         [iso3]):
        d = by_code.get(r["indicator"].upper())
        key, name, unit = (d.key, d.name, d.unit) if d else (r["indicator"], r["name"], r["unit"] or "")
        value = r["value"] * WDI_SCALE.get(r["indicator"].upper(), 1.0)
        points.append({"key": key, "name": name, "unit": unit, "year": int(r["year"]), "value": value,
                       "origin": "observation", "indicator": r["indicator"], "event": None, "date": str(r["year"]),
                       "source": _source(r)})
    rows = store.query(
        "SELECT e.id, e.date, e.counts, s.id AS source_id, s.title, s.publisher, s.url, s.reliability FROM event e "
        "JOIN event_source l ON l.event_id = e.id JOIN source s ON s.id = l.source_id "
        "WHERE e.counts IS NOT NULL AND e.country_iso3 = ? ORDER BY e.date, e.id, s.id", [iso3])
    for r in rows:
        counts = json.loads(r["counts"])
        for raw_key, value in sorted(counts.items()):
            year = r["date"].year
            m = _YEAR_IN_KEY.search(raw_key)
            key = raw_key
            if m:
                year, key = int(m.group(1)), raw_key[:m.start()] + raw_key[m.end():]
            if key not in by_count:
                continue
            d, factor = by_count[key]
            points.append({"key": d.key, "name": d.name, "unit": d.unit, "year": year,
                           "value": round(value * factor, 6), "origin": "event", "indicator": raw_key,
                           "event": r["id"], "date": r["date"].isoformat(), "source": _source(r)})
        for der in DERIVED:
            if der.unless in counts or not counts.get(der.whole):
                continue
            k, f = next(((k, f) for k, f in der.part if k in counts), ("", 0.0))
            if k:
                points.append({"key": der.key, "name": der.name, "unit": der.unit, "year": r["date"].year,
                               "value": round(100.0 * counts[k] * f / counts[der.whole], 1), "origin": "derived",
                               "indicator": f"{k} / {der.whole}", "event": r["id"], "date": r["date"].isoformat(),
                               "source": _source(r)})
    return points


def _rank(p: dict[str, Any]) -> tuple[Any, ...]:
    """Which of several values for the same year leads: the better-graded source, then data over prose."""
    origin = {"observation": 0, "event": 1, "derived": 2}[p["origin"]]
    return (p["source"]["reliability"] or "F", origin, p["date"], p["source"]["id"])


def drivers(store: Store, iso3: str, since_year: int | None = None) -> list[dict[str, Any]]:
    """One row per driver: its latest value with year and source, the values before it, and the change."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for p in _points(store, iso3):
        if since_year is None or p["year"] >= since_year:
            grouped.setdefault((p["key"], p["unit"]), []).append(p)
    order = {d.key: i for i, d in enumerate(CATALOGUE)}
    out = []
    for (key, unit), pts in sorted(grouped.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0])):
        by_year: dict[int, list[dict[str, Any]]] = {}
        for p in pts:
            by_year.setdefault(p["year"], []).append(p)
        trend = []
        for year in sorted(by_year):
            best = sorted(by_year[year], key=_rank)
            trend.append({"year": year, "value": best[0]["value"], "source": best[0]["source"]["id"],
                          "event": best[0]["event"],
                          "others": [{"value": o["value"], "source": o["source"]["id"], "event": o["event"]}
                                     for o in best[1:] if o["value"] != best[0]["value"]]})
        lead = sorted(by_year[max(by_year)], key=_rank)[0]
        prev = trend[-2]["value"] if len(trend) > 1 else None
        change = round(lead["value"] - prev, 6) if prev is not None else None
        out.append({"key": key, "name": lead["name"], "value": lead["value"], "unit": unit, "year": lead["year"],
                    "source": lead["source"], "origin": lead["origin"], "indicator": lead["indicator"],
                    "event": lead["event"], "change": change,
                    "direction": None if change is None else ("up" if change > 0 else "down" if change < 0
                                                               else "flat"),
                    "competing": trend[-1]["others"], "trend": trend})
    return out
