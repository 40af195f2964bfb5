"""Alerts: months in which a country's event count or fatalities jump far above its trailing year.

The rule (named constants below, stated in every alert):
  for each month m with at least MIN_HISTORY earlier months of data, baseline = median of the WINDOW
  months before m, spread = 1.4826 × MAD of those months (floored at FLOOR so a quiet year of zeros
  does not make any single event an alert); robust z = (value − baseline) / spread.
  An alert is raised when z ≥ THRESHOLD and the value reaches the metric's minimum (MINIMUM).
Counts are over events involving the country (where they happened, or its nationals or state took part),
the same set as the timeline. Months are calendar months; events dated only to a year are left out, and
so are the tolls of events that only retell them (TALLY_TYPES).
"""

from __future__ import annotations

import statistics
from typing import Any

from watchfloor.store import Store

WINDOW = 12
MIN_HISTORY = 6
THRESHOLD = 3.5
"""Iglewicz and Hoaglin's cut-off for a robust (modified) z-score."""
FLOOR = {"events": 1.0, "fatalities": 3.0}
MINIMUM = {"events": 3, "fatalities": 5}
METRICS = ("events", "fatalities")
TALLY_TYPES = ("statement", "report", "investigation", "trial", "sentence", "designation", "reward", "award",
               "press_freedom", "policy", "repatriation")
"""Events that retell a toll (a minister's cumulative figure, a trial) rather than suffer it: their `killed`
is not counted in the month they were said. Types ending in _figure are left out the same way."""

RULE = (f"robust z = (value − median of the previous {WINDOW} months) / max(1.4826 × MAD, floor); "
        f"alert when z ≥ {THRESHOLD} and value ≥ minimum (events ≥ {MINIMUM['events']}, "
        f"fatalities ≥ {MINIMUM['fatalities']})")


MEDIA_DATASETS = ("gdelt",)
"""Machine-coded news datasets: their volume measures attention, not incidents, and would swamp a country's
months, so alerts leave them out unless asked for by name (`--dataset gdelt`)."""


def _filters(datasets: list[str] | None) -> tuple[str, list[Any]]:
    """The WHERE fragment every alert query shares: month-dated events, media datasets left out by default."""
    where = "e.date_precision <> 'year'"
    if datasets:
        return where + " AND list_contains(?, e.dataset)", [datasets]
    return where + " AND NOT list_contains(?, e.dataset)", [list(MEDIA_DATASETS)]


_MONTH = "year(e.date) * 100 + month(e.date)"
"""A month as 202403: grouping on it is twice as fast as on strftime(e.date, '%Y-%m')."""


def _month_key(ym: int) -> str:
    return f"{ym // 100:04d}-{ym % 100:02d}"


_TOLL = ("NOT list_contains(?, e.type) AND NOT e.type LIKE '%\\_figure' ESCAPE '\\'")
"""Tolls that count: not retold ones. list_contains, not `NOT IN (SELECT unnest(?))`: inside a FILTER that
subquery made the aggregation twenty times slower (12 s against 0.8 s at a million events)."""


def monthly_series(store: Store, iso3: str | None = None, datasets: list[str] | None = None,
                   with_ids: bool = True) -> list[dict[str, Any]]:
    """Per country and calendar month (zeros filled between the first and last month): events, fatalities and,
    `with_ids`, all the month's event ids (collecting them costs more than the counting).

    One country is selected with list_contains before grouping, not by unnesting every event's countries and
    filtering after (1.5 s against 0.01 s at a million events)."""
    where, params = _filters(datasets)
    ids = ", list(e.id ORDER BY e.date, e.id) AS ids" if with_ids else ""
    if iso3:
        source, country = "event e", "?::VARCHAR"
        where += " AND list_contains(e.countries, ?)"
        head: list[Any] = [iso3, list(TALLY_TYPES)]
        params.append(iso3)
    else:
        source, country = "event e, unnest(e.countries) AS t(c)", "c"
        head = [list(TALLY_TYPES)]
    rows = store.query(
        f"SELECT {country} AS country, {_MONTH} AS month, count(*) AS events, "
        f"coalesce(sum(e.killed) FILTER (WHERE {_TOLL}), 0) AS fatalities{ids} "
        f"FROM {source} WHERE {where} GROUP BY ALL ORDER BY country, month", [*head, *params])
    by_country: dict[str, dict[str, dict[str, Any]]] = {}
    for row in rows:
        by_country.setdefault(row["country"], {})[_month_key(row["month"])] = row
    out = []
    for country, months in sorted(by_country.items()):
        first, last = min(months), max(months)
        y, m = int(first[:4]), int(first[5:])
        while f"{y:04d}-{m:02d}" <= last:
            key = f"{y:04d}-{m:02d}"
            r = months.get(key)
            item: dict[str, Any] = {"country": country, "month": key, "events": int(r["events"]) if r else 0,
                                    "fatalities": float(r["fatalities"]) if r else 0.0}
            if with_ids:
                item["ids"] = list(r["ids"]) if r else []
            out.append(item)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def robust_z(value: float, history: list[float], floor: float) -> tuple[float, float]:
    """(baseline, z): the median of the history and how many robust spreads `value` sits above it."""
    baseline = statistics.median(history)
    mad = statistics.median(abs(h - baseline) for h in history)
    spread = max(1.4826 * mad, floor)
    return baseline, (value - baseline) / spread


def alerts(store: Store, iso3: str | None = None, datasets: list[str] | None = None) -> list[dict[str, Any]]:
    """Alerts for one country, or every country when iso3 is None; oldest first.

    `datasets` limits the events counted (default: every dataset but the media ones, MEDIA_DATASETS)."""
    series = monthly_series(store, iso3, datasets, with_ids=False)
    out: list[dict[str, Any]] = []
    by_country: dict[str, list[dict[str, Any]]] = {}
    for s in series:
        by_country.setdefault(s["country"], []).append(s)
    for country, months in sorted(by_country.items()):
        for i, cur in enumerate(months):
            if i < MIN_HISTORY:
                continue
            past = months[max(0, i - WINDOW):i]
            for metric in METRICS:
                value = cur[metric]
                if value < MINIMUM[metric]:
                    continue
                baseline, z = robust_z(value, [p[metric] for p in past], FLOOR[metric])
                if z >= THRESHOLD:
                    out.append({"country": country, "month": cur["month"], "metric": metric, "value": value,
                                "baseline": baseline, "score": round(z, 2), "rule": RULE, "events": []})
    _attach_events(store, out, datasets)
    return sorted(out, key=lambda a: (a["month"], a["country"], a["metric"]))


def _attach_events(store: Store, found: list[dict[str, Any]], datasets: list[str] | None) -> None:
    """Each alert's first 20 event ids, and its value split by where the events happened: `domestic` in the
    country itself, `abroad_value` elsewhere (to its nationals or state: the Crocus attack for Tajikistan),
    `abroad` when most of it happened abroad and `where` the countries abroad, most events first.

    Read for the alert months only, in one query: event ids for every month cost more than the counting."""
    if not found:
        return
    where, params = _filters(datasets)
    months = sorted({int(a["month"].replace("-", "")) for a in found})
    keys = sorted({f"{a['country']} {a['month'].replace('-', '')}" for a in found})
    rows = store.query(
        "SELECT c AS country, month, list(id ORDER BY date, id)[1:20] AS ids, "
        "count(*) FILTER (WHERE country_iso3 = c) AS events_home, "
        f"coalesce(sum(killed) FILTER (WHERE country_iso3 = c AND {_TOLL.replace('e.', '')}), 0) AS fatalities_home, "
        "list(country_iso3) FILTER (WHERE country_iso3 IS DISTINCT FROM c) AS abroad "
        "FROM (SELECT e.id, e.date, e.type, e.killed, e.country_iso3, unnest(e.countries) AS c, "
        f"{_MONTH} AS month FROM event e WHERE list_contains(?, {_MONTH}) AND {where}) "
        "WHERE list_contains(?, c || ' ' || month) GROUP BY ALL",
        [list(TALLY_TYPES), months, *params, keys])
    by_key = {(r["country"], _month_key(r["month"])): r for r in rows}
    for a in found:
        r = by_key.get((a["country"], a["month"]))
        home = (r[f"{a['metric']}_home"] if r else 0) or 0
        home = float(home) if a["metric"] == "fatalities" else int(home)
        places = [c for c in (r["abroad"] or []) if c] if r else []
        a.update(events=list(r["ids"]) if r else [], domestic=home, abroad_value=a["value"] - home,
                 abroad=a["value"] - home > home, where=sorted(set(places), key=lambda c: (-places.count(c), c)))
