"""The timeline: a country's events in a period, each with its actors and sources."""

from __future__ import annotations

import json
from collections.abc import Sequence
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
             limit: int | None = None, datasets: list[str] | None = None,
             exclude: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Events involving a country (where they happened, or its nationals or state took part), oldest first;
    `datasets` keeps only those datasets, `exclude` leaves these out."""
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
    if exclude:
        where += " AND NOT list_contains(?, e.dataset)"
        params.append(list(exclude))
    sql = f"SELECT e.* FROM event e WHERE {where} ORDER BY e.date, e.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, params)
    events = attach(store, rows)
    if country_iso3:
        for e in events:
            e["abroad"] = abroad(e, country_iso3)
    return events


def abroad(event: dict[str, Any], iso3: str) -> bool:
    """An event that involves the country but happened elsewhere (its nationals' attack in another country)."""
    return bool(event["country"]) and event["country"] != iso3


FEW = 500
"""Up to this many ids are bound one parameter each, more as one list parameter (see `_in`)."""


def _in(ids: list[str]) -> tuple[str, list[Any]]:
    """`IN (?, ?, …)` for a page of ids lets DuckDB use event_id indexes where a store has them (the dashboard's
    snapshot does); binding 100,000 parameters costs seconds, so longer lists go as one list parameter."""
    if len(ids) <= FEW:
        return f"IN ({_marks(ids)})", list(ids)
    return "IN (SELECT unnest(?))", [list(ids)]


def attach(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Turn event rows into the public event shape, with actors and sources."""
    ids = [r["id"] for r in rows]
    actors: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, list[dict[str, Any]]] = {}
    if ids:
        among, values = _in(ids)
        for a in store.query(f"SELECT event_id, name, entity_id, role FROM event_actor WHERE event_id {among}",
                             values):
            actors.setdefault(a["event_id"], []).append(
                {"name": a["name"], "entity": a["entity_id"], "role": a["role"]})
        links = store.query(f"SELECT event_id, source_id, credibility FROM event_source WHERE event_id {among}",
                            values)
        wanted = sorted({link["source_id"] for link in links})
        which, chosen = _in(wanted)
        by_id = {s["id"]: s for s in store.query(f"SELECT * FROM source WHERE id {which}", chosen)} \
            if wanted else {}
        for link in sorted(links, key=lambda x: (x["event_id"], x["source_id"])):
            sources.setdefault(link["event_id"], []).append(
                source_shape(by_id[link["source_id"]]) | {"credibility": link["credibility"]})
    for named in actors.values():
        named.sort(key=lambda x: x["name"])
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


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))
