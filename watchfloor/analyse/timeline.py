"""The timeline: a country's events in a period, each with its actors and sources."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from watchfloor.dates import FuzzyDate, from_parts
from watchfloor.store import Store


@dataclass(frozen=True)
class Period:
    since: FuzzyDate | None = None
    until: FuzzyDate | None = None

    def sql(self, column: str = "e.date") -> tuple[str, list[Any]]:
        """A WHERE fragment; --until 2024 includes all of 2024."""
        parts, params = [], []
        if self.since:
            parts.append(f"{column} >= ?")
            params.append(self.since.start)
        if self.until:
            parts.append(f"{column} <= ?")
            params.append(self.until.end)
        return (" AND ".join(parts) or "TRUE"), params


def timeline(store: Store, country_iso3: str | None, period: Period = Period(), types: list[str] | None = None,
             limit: int | None = None, datasets: list[str] | None = None) -> list[dict[str, Any]]:
    """Events involving a country (where they happened, or its nationals or state took part), oldest first."""
    where, params = period.sql()
    if country_iso3:
        where += " AND list_contains(e.countries, ?)"
        params.append(country_iso3)
    if types:
        where += " AND e.type IN (SELECT unnest(?))"
        params.append(types)
    if datasets:
        where += " AND e.dataset IN (SELECT unnest(?))"
        params.append(datasets)
    sql = f"SELECT e.* FROM event e WHERE {where} ORDER BY e.date, e.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, params)
    return attach(store, rows)


def attach(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Turn event rows into the public event shape, with actors and sources."""
    ids = [r["id"] for r in rows]
    actors: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, list[dict[str, Any]]] = {}
    if ids:
        for a in store.query("SELECT a.event_id, a.name, a.entity_id, a.role FROM event_actor a "
                             "WHERE a.event_id IN (SELECT unnest(?)) ORDER BY a.event_id, a.name", [ids]):
            actors.setdefault(a["event_id"], []).append(
                {"name": a["name"], "entity": a["entity_id"], "role": a["role"]})
        for s in store.query("SELECT l.event_id, l.credibility, s.* FROM event_source l JOIN source s "
                             "ON s.id = l.source_id WHERE l.event_id IN (SELECT unnest(?)) "
                             "ORDER BY l.event_id, s.id", [ids]):
            sources.setdefault(s["event_id"], []).append(source_shape(s) | {"credibility": s["credibility"]})
    return [event_shape(r, actors.get(r["id"], []), sources.get(r["id"], [])) for r in rows]


def source_shape(s: dict[str, Any]) -> dict[str, Any]:
    return {"id": s["id"], "title": s["title"], "publisher": s["publisher"], "url": s["url"],
            "published_at": s["published_at"].isoformat() if s.get("published_at") else None,
            "reliability": s["reliability"], "kind": s["kind"]}


def event_shape(r: dict[str, Any], actors: list[dict[str, Any]], sources: list[dict[str, Any]]) -> dict[str, Any]:
    date = from_parts(r["date"], r["date_precision"])
    return {
        "id": r["id"], "date": date.iso(), "date_precision": r["date_precision"], "type": r["type"],
        "subtype": r["subtype"], "country": r["country_iso3"], "countries": list(r["countries"] or []),
        "location": r["location"], "lat": r["lat"], "lon": r["lon"], "actors": actors,
        "counts": json.loads(r["counts"]) if r["counts"] else {}, "summary": r["summary"],
        "dataset": r["dataset"], "sources": sources,
    }
