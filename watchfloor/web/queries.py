"""The few queries the pages need beyond the library's: a page of events, event types, a source's events.

They reuse the timeline's event shape (`attach`), so the API and the CLI's JSON agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from watchfloor.analyse.timeline import Period, attach
from watchfloor.store import Store


@dataclass(frozen=True)
class EventFilter:
    """What the timeline page and /api/events filter on."""

    country: str | None = None
    period: Period = Period()
    types: tuple[str, ...] = ()
    actor: str | None = None
    """An entity id (org:…, group:…) or part of an actor's name, in any case."""
    ids: tuple[str, ...] = field(default=())
    source: str | None = None
    located: bool = False

    def sql(self) -> tuple[str, list[Any]]:
        where, params = self.period.sql()
        if self.country:
            where += " AND list_contains(e.countries, ?)"
            params.append(self.country)
        if self.types:
            where += " AND e.type IN (SELECT unnest(?))"
            params.append(list(self.types))
        if self.actor:
            where += (" AND e.id IN (SELECT a.event_id FROM event_actor a "
                      "WHERE a.entity_id = ? OR a.name ILIKE ? ESCAPE '\\')")
            params += [self.actor, "%" + _like(self.actor) + "%"]
        if self.ids:
            where += " AND e.id IN (SELECT unnest(?))"
            params.append(list(self.ids))
        if self.source:
            where += " AND e.id IN (SELECT l.event_id FROM event_source l WHERE l.source_id = ?)"
            params.append(self.source)
        if self.located:
            where += " AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        return where, params


def count(store: Store, f: EventFilter) -> int:
    where, params = f.sql()
    return int(store.scalar(f"SELECT count(*) FROM event e WHERE {where}", params))


def ordered_ids(store: Store, f: EventFilter, newest_first: bool = False) -> list[str]:
    """Every id the filter matches, in timeline order: computed once per snapshot, then any page is a slice."""
    where, params = f.sql()
    order = "e.date DESC, e.id DESC" if newest_first else "e.date, e.id"
    return [r[0] for r in store.con.execute(f"SELECT e.id FROM event e WHERE {where} ORDER BY {order}",
                                            params).fetchall()]


def events_by_id(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Events in the public shape, in the order of `ids`, fetched through the primary-key index."""
    if not ids:
        return []
    rank = {i: n for n, i in enumerate(ids)}
    rows = store.query(f"SELECT * FROM event WHERE id IN ({_marks(ids)})", ids)
    return attach(store, sorted(rows, key=lambda r: rank[r["id"]]))


def events_page(store: Store, f: EventFilter, limit: int = 100, offset: int = 0,
                newest_first: bool = False) -> tuple[list[dict[str, Any]], int]:
    """One page of events in the public shape, and how many match in all (without keeping every id)."""
    where, params = f.sql()
    order = "e.date DESC, e.id DESC" if newest_first else "e.date, e.id"
    ids = [r[0] for r in store.con.execute(
        f"SELECT e.id FROM event e WHERE {where} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}",
        params).fetchall()]
    if len(ids) < limit and (ids or not offset):
        total = offset + len(ids)  # the last page: no need to count
    else:
        total = int(store.scalar(f"SELECT count(*) FROM event e WHERE {where}", params))
    return events_by_id(store, ids), total


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def event_types(store: Store, country: str | None) -> list[str]:
    """Event types present for a country, for the timeline's filter."""
    if country:
        rows = store.query("SELECT DISTINCT type FROM event WHERE list_contains(countries, ?) ORDER BY type", [country])
    else:
        rows = store.query("SELECT DISTINCT type FROM event ORDER BY type")
    return [r["type"] for r in rows]


def example_actor(store: Store, country: str) -> str | None:
    """The armed group named most often in a country's events, as the sources write it: the timeline's example of
    what to type in its actor filter (each country its own, never one country's group on another's page)."""
    value = store.scalar(
        "SELECT a.name FROM event_actor a JOIN event e ON e.id = a.event_id JOIN entity en ON en.id = a.entity_id "
        "WHERE list_contains(e.countries, ?) AND en.kind = 'armed_group' "
        "GROUP BY a.name ORDER BY count(*) DESC, length(a.name), a.name LIMIT 1", [country])
    return str(value) if value else None


def country_sources(store: Store, country: str) -> frozenset[str]:
    """Ids of the sources behind a country's events and figures (the Sources page's country scope)."""
    rows = store.con.execute(
        "SELECT l.source_id FROM event_source l JOIN event e ON e.id = l.event_id WHERE list_contains(e.countries, ?) "
        "UNION SELECT source_id FROM observation WHERE country_iso3 = ?", [country, country]).fetchall()
    return frozenset(str(r[0]) for r in rows)


def source(store: Store, source_id: str) -> dict[str, Any] | None:
    """One source with the documents and observations that rest on it."""
    rows = store.query("SELECT * FROM source WHERE id = ?", [source_id])
    if not rows:
        return None
    docs = store.query("SELECT id, title, path, language, imported_at, length(text) AS chars FROM document "
                       "WHERE source_id = ? ORDER BY imported_at, id", [source_id])
    obs = store.query("SELECT country_iso3, indicator, name, year, value, unit FROM observation "
                      "WHERE source_id = ? ORDER BY country_iso3, indicator, year LIMIT 500", [source_id])
    rel = store.query("SELECT subject_id, predicate, object_id, valid_from, value, unit, note FROM relation "
                      "WHERE source_id = ? ORDER BY valid_from, id LIMIT 500", [source_id])
    return rows[0] | {"documents": docs, "observations": obs, "relations": rel}


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
