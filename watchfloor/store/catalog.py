"""Listings of what the store holds (sources, entities, event types, datasets), and the checks of a user's
value against them: an unknown value is a ConfigError naming the valid ones, never an empty answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from watchfloor.errors import ConfigError
from watchfloor.model import ENTITY_KINDS, RELIABILITY, SOURCE_KINDS
from watchfloor.store.store import Store


def sources(store: Store, *, publisher: str | None = None, grades: Sequence[str] = (), kinds: Sequence[str] = (),
            match: str | None = None) -> list[dict[str, Any]]:
    """Sources with their grade and how many events and documents rest on them, ordered by publisher.

    publisher: part of the publisher's name; grades: Admiralty reliabilities (A–F); kinds: dataset, article…;
    match: part of the title, publisher or URL. Case does not count; an unknown grade or kind is a ConfigError.
    """
    where, params = ["TRUE"], []
    if publisher:
        where.append("s.publisher ILIKE ?")
        params.append(f"%{publisher}%")
    if grades:
        wanted = [require(g.upper(), RELIABILITY, "reliability grade") for g in grades]
        where.append(f"s.reliability IN ({', '.join('?' * len(wanted))})")
        params += wanted
    if kinds:
        wanted = [require(k.lower(), SOURCE_KINDS, "source kind") for k in kinds]
        where.append(f"s.kind IN ({', '.join('?' * len(wanted))})")
        params += wanted
    if match:
        where.append("concat_ws(' ', s.title, s.publisher, s.url) ILIKE ?")
        params.append(f"%{match}%")
    rows = store.query(
        "SELECT s.*, (SELECT count(*) FROM event_source l WHERE l.source_id = s.id) AS events, "
        "(SELECT count(*) FROM document d WHERE d.source_id = s.id) AS documents, "
        "(SELECT count(*) FROM observation o WHERE o.source_id = s.id) AS observations "
        f"FROM source s WHERE {' AND '.join(where)} ORDER BY s.publisher, s.title, s.id", params)
    return [source_shape(r) | {"events": r["events"], "documents": r["documents"],
                               "observations": r["observations"]} for r in rows]


def source_shape(s: dict[str, Any]) -> dict[str, Any]:
    """A source row as the read commands and the API give it (dates as ISO text)."""
    return {"id": s["id"], "title": s["title"], "publisher": s["publisher"], "url": s["url"],
            "published_at": s["published_at"].isoformat() if s.get("published_at") else None,
            "reliability": s["reliability"], "kind": s["kind"]}


def entities(store: Store, kind: str | None = None, used_only: bool = False) -> list[dict[str, Any]]:
    """Entities with their aliases and how many events name them; an unknown kind is a ConfigError."""
    where, params = "TRUE", []
    if kind:
        where, params = "e.kind = ?", [require(kind, ENTITY_KINDS, "entity kind")]
    rows = store.query(
        f"SELECT e.id, e.kind, e.name, e.iso2, e.iso3, e.country_iso3, e.lat, e.lon, "
        f"(SELECT list(a.alias ORDER BY a.alias) FROM alias a WHERE a.entity_id = e.id) AS aliases, "
        f"(SELECT count(DISTINCT x.event_id) FROM event_actor x WHERE x.entity_id = e.id) AS events "
        f"FROM entity e WHERE {where} ORDER BY e.kind, e.name", params)
    out = [dict(r, aliases=[a for a in (r["aliases"] or []) if a != r["name"]]) for r in rows]
    return [r for r in out if r["events"]] if used_only else out


def event_types(store: Store) -> list[str]:
    """Every event type the store holds, A–Z: what `timeline --type` can ask for."""
    return [r["type"] for r in store.query("SELECT DISTINCT type FROM event ORDER BY type")]


def datasets(store: Store) -> list[str]:
    """Every dataset events came from (facts, acled, gtd, gdelt…), A–Z."""
    return [r["dataset"] for r in store.query("SELECT DISTINCT dataset FROM event ORDER BY dataset")]


def require(value: str, valid: Sequence[str], what: str) -> str:
    """`value` when it is one of `valid`; else a ConfigError naming the nearest and every valid one."""
    if value in valid:
        return value
    near = closest(value, valid)
    if not valid:
        raise ConfigError(f"unknown {what} {value!r}: the store has none yet", hint="import some evidence first")
    guess = f"did you mean {' or '.join(near)}? otherwise " if near else ""
    raise ConfigError(f"unknown {what} {value!r}", hint=f"{guess}use one of: {', '.join(valid)}")


def closest(value: str, choices: Sequence[str], limit: int = 3, cutoff: float = 80) -> list[str]:
    """The choices nearest to a mistyped value (case aside), best first; none when nothing is close."""
    from rapidfuzz import fuzz, process, utils

    hits = process.extract(value, choices, scorer=fuzz.ratio, processor=utils.default_process, limit=limit,
                           score_cutoff=cutoff)
    return [h[0] for h in hits]
