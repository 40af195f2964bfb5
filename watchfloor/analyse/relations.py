"""Typed relations derived from events: who attacked, arrested, deported, hosts a base of, owes debt to whom.

Deterministic rules over an event's type, its countries, its actors and its counts; each derived relation
keeps the event and its sources, so the actor graph and the brief can cite it. Rows of the `relation` table
(written by importers or extractors) are read as they are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from watchfloor.analyse.gti import INCIDENT_TYPES, PLOT_TYPES
from watchfloor.store import Store

OWED = re.compile(r"^owed_to_(?P<creditor>[a-z_]+?)_usd_(?P<scale>bn|m)(?:_(?:approx|min))?$")
_DATA: dict[str, Any] = json.loads(resources.files("watchfloor").joinpath("data", "relations.json")
                                   .read_text(encoding="utf-8"))
CREDITORS: dict[str, str] = _DATA["creditors"]
"""Creditor word in a count key (owed_to_<creditor>_usd_bn) → entity id, from data/relations.json."""

GROUP_KINDS = ("armed_group", "other")


@dataclass
class Relation:
    subject: str
    predicate: str
    object: str
    date: str
    event_id: str | None = None
    sources: list[str] = field(default_factory=list)
    value: float | None = None
    unit: str | None = None


def derive(event: dict[str, Any], actors: list[dict[str, Any]], sources: list[str]) -> list[Relation]:
    """The typed relations one event supports. `actors` rows carry entity id, kind and iso3."""
    t, where = event["type"], event["country_iso3"]
    date = event["date"].isoformat() if hasattr(event["date"], "isoformat") else str(event["date"])
    countries = list(event["countries"] or [])
    others = [c for c in countries if c != where]
    countries_named = [a["iso3"] for a in actors if a["kind"] == "country" and a["iso3"]]
    groups = [a["entity_id"] for a in actors if a["kind"] in GROUP_KINDS and a["entity_id"]
              and _looks_armed(a["name"], a["kind"])]
    orgs = [a["entity_id"] for a in actors if a["kind"] == "organisation" and a["entity_id"]]
    targets = [a["entity_id"] for a in actors if a["entity_id"] and not _STATE_BODY.search(a["name"])
               and a["kind"] in ("armed_group", "organisation", "other")]
    out: list[Relation] = []

    def rel(s: str, p: str, o: str, value: float | None = None, unit: str | None = None) -> None:
        if s != o:
            out.append(Relation(s, p, o, date, event["id"], sources, value, unit))

    here = f"country:{where}" if where else None
    if t in INCIDENT_TYPES and here:
        for g in groups[:1]:  # the perpetrator is named first; later armed actors are often victims or responders
            rel(g, "attacked", here)
    elif t in PLOT_TYPES and here:
        for g in groups[:1]:
            rel(g, "plotted_in", here)
    elif t == "arrest" and here:
        for c in others:
            rel(here, "arrested_nationals_of", f"country:{c}")
        for g in groups:
            rel(here, "arrested", g)
    elif t in ("deportation", "extradition") and here:
        for c in others:
            rel(here, "deported_nationals_of", f"country:{c}")
    elif t == "base_agreement" and here:
        for c in sorted(set(others) | set(countries_named) - {where}):
            rel(here, "hosts_base_of", f"country:{c}")
    elif t == "membership":
        members = countries_named or ([where] if where else [])
        for m in members:
            for o in orgs:
                rel(f"country:{m}", "member_of", o)
    elif t in ("border_clash", "cross_border_fire"):
        parties = sorted(set(countries_named) | set(countries[:2]))  # the place's countries come first
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                rel(f"country:{a}", "clashed_with", f"country:{b}")
    elif t == "designation" and here:
        for g in targets:
            rel(here, "designated", g)
    if t == "debt_figure" and here:
        counts = json.loads(event["counts"]) if isinstance(event["counts"], str) else (event["counts"] or {})
        for key in sorted(counts):
            m = OWED.match(key)
            if m and m["creditor"] in CREDITORS:
                value = counts[key] / (1000.0 if m["scale"] == "m" else 1.0)
                rel(here, "owes_debt_to", CREDITORS[m["creditor"]], round(value, 4), "USD bn")
    return out


_ARMED = re.compile("|".join(_DATA["armed"]), re.IGNORECASE)
_STATE_BODY = re.compile("|".join(_DATA["state_bodies"]), re.IGNORECASE)
"""Words marking a name as an armed group's, or a state body's, when the reference data does not say (data)."""


def _looks_armed(name: str, kind: str) -> bool:
    return kind == "armed_group" or bool(_ARMED.search(name))


def event_relations(store: Store, event_ids: list[str]) -> list[Relation]:
    """Relations derived from the given events, plus rows of the relation table tied to them."""
    if not event_ids:
        return []
    events = store.query("SELECT id, date, type, country_iso3, countries, counts FROM event "
                         "WHERE id IN (SELECT unnest(?)) ORDER BY date, id", [event_ids])
    actors: dict[str, list[dict[str, Any]]] = {}
    for a in store.query("SELECT a.event_id, a.entity_id, a.name, coalesce(n.kind, 'other') AS kind, n.iso3 "
                         "FROM event_actor a LEFT JOIN entity n ON n.id = a.entity_id "
                         "WHERE a.event_id IN (SELECT unnest(?)) ORDER BY a.event_id, a.rowid", [event_ids]):
        actors.setdefault(a["event_id"], []).append(a)
    sources: dict[str, list[str]] = {}
    for s in store.query("SELECT event_id, source_id FROM event_source WHERE event_id IN (SELECT unnest(?)) "
                         "ORDER BY event_id, source_id", [event_ids]):
        sources.setdefault(s["event_id"], []).append(s["source_id"])
    out: list[Relation] = []
    for e in events:
        out.extend(derive(e, actors.get(e["id"], []), sources.get(e["id"], [])))
    return out


def stored_relations(store: Store, entity_ids: list[str], since: Any = None, until: Any = None) -> list[Relation]:
    """Rows of the relation table touching any of the entities (within the period when dated)."""
    if not entity_ids:
        return []
    where = "(subject_id IN (SELECT unnest(?)) OR object_id IN (SELECT unnest(?))) AND object_id IS NOT NULL"
    params: list[Any] = [entity_ids, entity_ids]
    if since:
        where += " AND (valid_to IS NULL OR valid_to >= ?)"
        params.append(since)
    if until:
        where += " AND (valid_from IS NULL OR valid_from <= ?)"
        params.append(until)
    rows = store.query(f"SELECT * FROM relation WHERE {where} ORDER BY id", params)
    return [Relation(r["subject_id"], r["predicate"], r["object_id"],
                     r["valid_from"].isoformat() if r["valid_from"] else "", r["event_id"], [r["source_id"]],
                     r["value"], r["unit"]) for r in rows]
