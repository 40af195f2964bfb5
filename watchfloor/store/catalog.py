"""Listings of what the store holds: sources and entities."""

from __future__ import annotations

from typing import Any

from watchfloor.analyse.timeline import source_shape
from watchfloor.store.store import Store


def sources(store: Store) -> list[dict[str, Any]]:
    """Every source with its grade and how many events and documents rest on it."""
    rows = store.query(
        "SELECT s.*, (SELECT count(*) FROM event_source l WHERE l.source_id = s.id) AS events, "
        "(SELECT count(*) FROM document d WHERE d.source_id = s.id) AS documents, "
        "(SELECT count(*) FROM observation o WHERE o.source_id = s.id) AS observations "
        "FROM source s ORDER BY s.publisher, s.title, s.id")
    return [source_shape(r) | {"events": r["events"], "documents": r["documents"],
                               "observations": r["observations"]} for r in rows]


def entities(store: Store, kind: str | None = None, used_only: bool = False) -> list[dict[str, Any]]:
    """Entities with their aliases and how many events name them."""
    where, params = "TRUE", []
    if kind:
        where, params = "e.kind = ?", [kind]
    rows = store.query(
        f"SELECT e.id, e.kind, e.name, e.iso2, e.iso3, e.country_iso3, e.lat, e.lon, "
        f"(SELECT list(a.alias ORDER BY a.alias) FROM alias a WHERE a.entity_id = e.id) AS aliases, "
        f"(SELECT count(DISTINCT x.event_id) FROM event_actor x WHERE x.entity_id = e.id) AS events "
        f"FROM entity e WHERE {where} ORDER BY e.kind, e.name", params)
    out = [dict(r, aliases=[a for a in (r["aliases"] or []) if a != r["name"]]) for r in rows]
    return [r for r in out if r["events"]] if used_only else out
