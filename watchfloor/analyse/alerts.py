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


def monthly_series(store: Store, iso3: str | None = None,
                   datasets: list[str] | None = None) -> list[dict[str, Any]]:
    """Per country and calendar month (zeros filled between the first and last month): events, fatalities."""
    where = "e.date_precision <> 'year'"
    params: list[Any] = []
    if datasets:
        where += " AND e.dataset IN (SELECT unnest(?))"
        params.append(datasets)
    else:
        where += " AND e.dataset NOT IN (SELECT unnest(?))"
        params.append(list(MEDIA_DATASETS))
    if iso3:
        where += " AND c = ?"
        params.append(iso3)
    rows = store.query(
        "SELECT c AS country, strftime(e.date, '%Y-%m') AS month, count(*) AS events, "
        "coalesce(sum(e.killed) FILTER (WHERE e.type NOT IN (SELECT unnest(?)) AND NOT e.type LIKE '%\\_figure' "
        "ESCAPE '\\'), 0) AS fatalities, list(e.id ORDER BY e.date, e.id) AS ids "
        f"FROM event e, unnest(e.countries) AS t(c) WHERE {where} GROUP BY ALL ORDER BY country, month",
        [list(TALLY_TYPES), *params])
    by_country: dict[str, dict[str, dict[str, Any]]] = {}
    for row in rows:
        by_country.setdefault(row["country"], {})[row["month"]] = row
    out = []
    for country, months in sorted(by_country.items()):
        first, last = min(months), max(months)
        y, m = int(first[:4]), int(first[5:])
        while f"{y:04d}-{m:02d}" <= last:
            key = f"{y:04d}-{m:02d}"
            r = months.get(key)
            out.append({"country": country, "month": key, "events": int(r["events"]) if r else 0,
                        "fatalities": float(r["fatalities"]) if r else 0.0, "ids": list(r["ids"]) if r else []})
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
    series = monthly_series(store, iso3, datasets)
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
                                "baseline": baseline, "score": round(z, 2), "rule": RULE,
                                "events": cur["ids"][:20]})
    return sorted(out, key=lambda a: (a["month"], a["country"], a["metric"]))
