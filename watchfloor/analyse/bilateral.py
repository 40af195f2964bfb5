"""Bilateral trend from GDELT: how often two countries act on each other, and how warmly.

Per calendar month, over events whose two actors are the pair in either direction (actor1_iso3,
actor2_iso3): the number of events, the mean GoldsteinScale (−10 conflict … +10 cooperation) and the mean
AvgTone. Only rows that carry both actor countries count (GDELT and datasets in its layout).
"""

from __future__ import annotations

from typing import Any

from watchfloor.analyse.timeline import Period
from watchfloor.store import Store


def relation_trend(store: Store, a_iso3: str, b_iso3: str, period: Period = Period()) -> list[dict[str, Any]]:
    """Monthly events, mean Goldstein and mean tone between two countries, oldest month first.

    a_to_b / b_to_a split the count by who acted (actor1)."""
    where, params = period.sql()
    rows = store.query(
        "SELECT strftime(e.date, '%Y-%m') AS month, count(*) AS events, avg(e.goldstein) AS goldstein, "
        "avg(e.tone) AS tone, coalesce(sum(e.mentions), 0) AS mentions, "
        "count(*) FILTER (WHERE e.actor1_iso3 = ?) AS a_to_b, count(*) FILTER (WHERE e.actor1_iso3 = ?) AS b_to_a "
        "FROM event e WHERE ((e.actor1_iso3 = ? AND e.actor2_iso3 = ?) OR (e.actor1_iso3 = ? AND e.actor2_iso3 = ?)) "
        f"AND {where} GROUP BY month ORDER BY month",
        [a_iso3, b_iso3, a_iso3, b_iso3, b_iso3, a_iso3, *params])
    return [{"month": r["month"], "events": int(r["events"]),
             "goldstein": None if r["goldstein"] is None else round(float(r["goldstein"]), 3),
             "tone": None if r["tone"] is None else round(float(r["tone"]), 3), "mentions": int(r["mentions"]),
             "a_to_b": int(r["a_to_b"]), "b_to_a": int(r["b_to_a"])} for r in rows]
