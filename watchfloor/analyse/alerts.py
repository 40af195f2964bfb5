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
from datetime import date
from typing import Any

from watchfloor.model import MEDIA_DATASETS
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


_INDEX = "year(e.date) * 12 + month(e.date) - 1"
"""A month as a running number: consecutive months differ by one, so a country's months can be filled with
range() and its trailing year is the twelve rows before."""

SLACK = 1e-6
"""How far below THRESHOLD DuckDB's z may fall and still be judged in Python: its median interpolates as
lo + (hi − lo) × 0.5 where statistics.median takes (lo + hi) / 2, which can differ in the last bit."""


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_index(name: str) -> int:
    return int(name[:4]) * 12 + int(name[5:]) - 1


_TOLLED = f"SELECT e.type, {_TOLL} AS tolled FROM (SELECT DISTINCT type FROM event) e"
"""Whether each event type's toll counts: joining events to this table of a few dozen types is less than half
the cost of testing every event's type (0.05 s against 0.12 s at a million events)."""


def _counted(datasets: list[str] | None, iso3: str | None,
             months: list[int] | None = None) -> tuple[str, list[Any]]:
    """The events that count, one row each, with their month index and their toll (NULL when it is only
    retold): the toll test then runs once per event, not once per country the event involves. `months`
    keeps those months only."""
    where, params = _filters(datasets)
    if months:
        in_months, more = _in_months(months)
        where += f" AND {in_months}"
        params.extend(more)
    if iso3:
        where += " AND list_contains(e.countries, ?)"
        params.append(iso3)
    sql = (f"SELECT e.id, e.date, e.country_iso3, e.countries, {_INDEX} AS month, "
           f"CASE WHEN t.tolled THEN e.killed END AS toll FROM event e JOIN ({_TOLLED}) t ON t.type = e.type "
           f"WHERE {where}")
    return sql, [list(TALLY_TYPES), *params]


SPANS = 8
"""Alert months forming at most this many runs are selected as date ranges, which DuckDB tests inside the
scan (for one country at 1M events, a third faster); more runs would make that test slower than looking
each event's month up in the list."""


def _runs(months: list[int]) -> list[tuple[int, int]]:
    """Sorted month indexes as runs of consecutive months, [first, after last)."""
    runs: list[tuple[int, int]] = []
    for m in sorted(set(months)):
        if runs and runs[-1][1] == m:
            runs[-1] = (runs[-1][0], m + 1)
        else:
            runs.append((m, m + 1))
    return runs


def _first_day(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _in_months(months: list[int]) -> tuple[str, list[Any]]:
    """The WHERE fragment keeping events dated in `months` (month indexes), and its parameters."""
    runs = _runs(months)
    if len(runs) > SPANS or runs[0][0] < 12 or runs[-1][1] >= 12 * 10000:
        return f"list_contains(?, {_INDEX})", [sorted(set(months))]
    spans = " OR ".join("(e.date >= ? AND e.date < ?)" for _ in runs)
    return f"({spans})", [_first_day(m) for run in runs for m in run]


def _z(metric: str) -> str:
    """DuckDB's robust z of `metric` against the frame `past`: a shortlist only (see SLACK)."""
    return (f"({metric} - median({metric}) OVER past) / "
            f"greatest(1.4826 * mad({metric}::DOUBLE) OVER past, {FLOOR[metric]})")


def _shortlist(store: Store, iso3: str | None, datasets: list[str] | None) -> list[dict[str, Any]]:
    """Country-months that may alert, each with its trailing WINDOW months (`events_past`, `fatalities_past`).

    The monthly counts, the zero months between a country's first and last, and the rolling median and MAD
    run in DuckDB, so only these few rows reach Python; one country is selected before grouping."""
    counted, params = _counted(datasets, iso3)
    if iso3:
        country, source, params = "?::VARCHAR", f"({counted}) e", [iso3, *params]
    else:
        country, source = "c", f"({counted}) e, unnest(e.countries) AS t(c)"
    shortlisted = " OR ".join(f"({m} >= {MINIMUM[m]} AND {m}_z >= {THRESHOLD - SLACK})" for m in METRICS)
    return store.query(
        f"WITH monthly AS (SELECT {country} AS country, e.month, count(*) AS events, "
        f"coalesce(sum(e.toll), 0) AS fatalities FROM {source} GROUP BY ALL), "
        "span AS (SELECT country, unnest(range(min(month), max(month) + 1)) AS month FROM monthly GROUP BY country), "
        "filled AS (SELECT country, month, coalesce(events, 0) AS events, coalesce(fatalities, 0) AS fatalities "
        "FROM span LEFT JOIN monthly USING (country, month)), "
        "scored AS (SELECT *, row_number() OVER (PARTITION BY country ORDER BY month) - 1 AS i, "
        "list(events) OVER past AS events_past, list(fatalities) OVER past AS fatalities_past, "
        f"{_z('events')} AS events_z, {_z('fatalities')} AS fatalities_z FROM filled WINDOW past AS "
        f"(PARTITION BY country ORDER BY month ROWS BETWEEN {WINDOW} PRECEDING AND 1 PRECEDING)) "
        f"SELECT country, month, events, fatalities, events_past, fatalities_past FROM scored "
        f"WHERE i >= {MIN_HISTORY} AND ({shortlisted})", params)


def _judge(row: dict[str, Any], metric: str) -> dict[str, Any] | None:
    """The alert for one shortlisted month and metric, or None: decided with statistics.median, as the rule
    has always been, so values, baselines (int or float) and scores are those of the Python rule."""
    value = row[metric]
    if value < MINIMUM[metric]:
        return None
    baseline, z = robust_z(value, row[f"{metric}_past"], FLOOR[metric])
    if z < THRESHOLD:
        return None
    return {"country": row["country"], "month": _month_name(row["month"]), "metric": metric, "value": value,
            "baseline": baseline, "score": round(z, 2), "rule": RULE, "events": []}


def alerts(store: Store, iso3: str | None = None, datasets: list[str] | None = None) -> list[dict[str, Any]]:
    """Alerts for one country, or every country when iso3 is None; oldest first.

    `datasets` limits the events counted (default: every dataset but the media ones, MEDIA_DATASETS)."""
    found = [a for row in _shortlist(store, iso3, datasets) for metric in METRICS if (a := _judge(row, metric))]
    _attach_events(store, found, iso3, datasets)
    return sorted(found, key=lambda a: (a["month"], a["country"], a["metric"]))


def _attach_events(store: Store, found: list[dict[str, Any]], iso3: str | None,
                   datasets: list[str] | None) -> None:
    """Each alert's first 20 event ids, and its value split by where the events happened: `domestic` in the
    country itself, `abroad_value` elsewhere (to its nationals or state: an attack on them in another country),
    `abroad` when most of it happened abroad and `where` the countries abroad, most events first.

    One query over the alert months only, then only the alert country-months (a semi-join on them); the
    first 20 ids are kept with min_by rather than by sorting every month's ids, the places counted with
    histogram rather than listed."""
    if not found:
        return
    keys = sorted({(a["country"], _month_index(a["month"])) for a in found})
    counted, params = _counted(datasets, iso3, [m for _, m in keys])
    rows = store.query(
        "WITH k AS (SELECT unnest(?) AS country, unnest(?) AS month) "
        "SELECT x.c AS country, x.month, min_by(x.id, {'d': x.date, 'i': x.id}, 20) AS ids, "
        "count(*) FILTER (WHERE x.country_iso3 = x.c) AS events_home, "
        "coalesce(sum(x.toll) FILTER (WHERE x.country_iso3 = x.c), 0) AS fatalities_home, "
        "histogram(x.country_iso3) FILTER (WHERE x.country_iso3 IS DISTINCT FROM x.c) AS abroad "
        f"FROM (SELECT id, date, country_iso3, month, toll, unnest(countries) AS c FROM ({counted})) x "
        "SEMI JOIN k ON k.country = x.c AND k.month = x.month GROUP BY ALL",
        [[c for c, _ in keys], [m for _, m in keys], *params])
    by_key = {(r["country"], _month_name(r["month"])): r for r in rows}
    for a in found:
        r = by_key.get((a["country"], a["month"]))
        home = (r[f"{a['metric']}_home"] if r else 0) or 0
        home = float(home) if a["metric"] == "fatalities" else int(home)
        abroad = (r["abroad"] if r else None) or {}
        a.update(events=list(r["ids"]) if r else [], domestic=home, abroad_value=a["value"] - home,
                 abroad=a["value"] - home > home,
                 where=sorted((c for c in abroad if c), key=lambda c: (-abroad[c], c)))
