"""Writes sources and events into the store; shared by every importer that makes events."""

from __future__ import annotations

import json
from collections.abc import Iterable

import duckdb

from watchfloor.model import Actor, Event, Source
from watchfloor.store.bulk import bulk_insert

METRICS = ("actor1_iso3", "actor2_iso3", "goldstein", "tone", "mentions", "quad_class", "source_url")
"""Event columns from migration 003, filled from Event.metrics where a dataset has them."""
EVENT_COLUMNS = ["id", "dataset", "date", "date_precision", "type", "subtype", "country_iso3", "countries", "location",
                 "lat", "lon", "killed", "injured", "hostages", "counts", "attrs", "summary", "version", *METRICS]


def upsert_sources(con: duckdb.DuckDBPyConnection, sources: Iterable[Source]) -> None:
    rows = {s.id: s for s in sources}
    if not rows:
        return
    have = {r[0] for r in con.execute("SELECT id FROM source WHERE id IN (SELECT unnest(?))",
                                      [list(rows)]).fetchall()}
    new = [(s.id, s.kind, s.title, s.publisher, s.url, s.published_at, s.reliability)
           for s in rows.values() if s.id not in have]
    if new:
        bulk_insert(con, "source", ["id", "kind", "title", "publisher", "url", "published_at", "reliability"], new)


def existing_versions(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str | None]:
    if not ids:
        return {}
    rows = con.execute("SELECT id, version FROM event WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
    return {r[0]: r[1] for r in rows}


def delete_events(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    if ids:
        for table, col in (("event_actor", "event_id"), ("event_source", "event_id"), ("event", "id")):
            con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [ids])


def insert_events(con: duckdb.DuckDBPyConnection, events: list[Event]) -> None:
    """Insert events with their actors and source links (ids must be new)."""
    if not events:
        return
    upsert_sources(con, (s for e in events for s, _ in e.sources))
    bulk_insert(con, "event", EVENT_COLUMNS, [
        (e.id, e.dataset, e.date.value, e.date.precision, e.type, e.subtype, e.country_iso3, e.countries,
         e.location, e.lat, e.lon, e.first_count(Event.KILLED_KEYS), e.first_count(Event.INJURED_KEYS),
         e.first_count(Event.HOSTAGE_KEYS), json.dumps(e.counts, sort_keys=True) if e.counts else None,
         json.dumps(e.attrs, sort_keys=True) if e.attrs else None, e.summary, e.version,
         *(e.metrics.get(k) for k in METRICS)) for e in events])
    ensure_entities(con, [a for e in events for a in e.actors])
    actors = [(e.id, a.entity_id, a.name, a.role) for e in events for a in e.actors]
    bulk_insert(con, "event_actor", ["event_id", "entity_id", "name", "role"], actors)
    links = [(e.id, s.id, cred) for e in events for s, cred in e.sources]
    bulk_insert(con, "event_source", ["event_id", "source_id", "credibility"], links)


_PREFIX_KIND = {"org": "organisation", "person": "person", "other": "other", "group": "armed_group",
                "place": "place", "facility": "facility", "country": "country"}


def ensure_entities(con: duckdb.DuckDBPyConnection, actors: list[Actor]) -> None:
    """Create entities (with the name as their one alias) for actors the store does not know yet."""
    from watchfloor.reference.names import normalise

    wanted = {a.entity_id: a.name for a in actors if a.entity_id}
    if not wanted:
        return
    have = {r[0] for r in con.execute("SELECT id FROM entity WHERE id IN (SELECT unnest(?))",
                                      [list(wanted)]).fetchall()}
    new = [(eid, _PREFIX_KIND.get(eid.split(":", 1)[0], "other"), name) for eid, name in wanted.items()
           if eid not in have]
    if new:
        bulk_insert(con, "entity", ["id", "kind", "name"], new)
        bulk_insert(con, "alias", ["entity_id", "alias", "norm"], [(e, n, normalise(n)) for e, _, n in new])
