"""A country's evidence as a STIX 2.1 bundle.

STIX has no "event", so each event becomes a `report` (published on the event's
date, its summary as description, its sources as external references) whose
`object_refs` name its actors: armed groups as `intrusion-set`, organisations
and people as `identity`, countries and places as `location`. Ids are UUIDv5 of
our own ids, so exporting the same store twice gives the same bundle, and
OpenCTI or MISP merge a re-import instead of duplicating it. What STIX cannot
say (date precision, counts, credibility) travels in `x_watchfloor_*` properties.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import stix2

from watchfloor.analyse.timeline import Period, timeline
from watchfloor.store import Store

NAMESPACE = uuid.UUID("6f2a4c1e-8d7b-5e3a-9c0d-2b1f4e6a8c5d")
IDENTITY_CLASS = {"person": "individual", "organisation": "organization", "facility": "system", "other": "unknown"}


def stix_id(kind: str, our_id: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, our_id)}"


def _time(date: str) -> dt.datetime:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.UTC)


def export_bundle(store: Store, iso3: str, period: Period = Period()) -> dict[str, Any]:
    """The country's timeline as a STIX 2.1 bundle (a JSON-ready dict)."""
    events = timeline(store, iso3, period)
    entity_ids = sorted({a["entity"] for e in events for a in e["actors"] if a["entity"]} |
                        {f"country:{c}" for e in events for c in e["countries"]})
    entities = {r["id"]: r for r in store.query(
        "SELECT e.id, e.kind, e.name, e.iso2, e.lat, e.lon, (SELECT list(a.alias ORDER BY a.alias) FROM alias a "
        "WHERE a.entity_id = e.id AND a.alias <> e.name) AS aliases FROM entity e WHERE e.id IN (SELECT unnest(?))",
        [entity_ids])}
    created = _time(events[0]["date"]) if events else dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    objects: dict[str, Any] = {}
    for eid in entity_ids:
        ent = entities.get(eid)
        if ent:
            obj = _entity(ent, created)
            objects[obj.id] = obj
    for e in events:
        report = _report(e, objects, created)
        objects[report.id] = report
    bundle = stix2.Bundle(objects=sorted(objects.values(), key=lambda o: o.id), allow_custom=True,
                          id=stix_id("bundle", f"{iso3}|{period.since}|{period.until}"))
    data: dict[str, Any] = json.loads(bundle.serialize())
    return data


def _entity(ent: dict[str, Any], created: dt.datetime) -> Any:
    common = {"id": None, "created": created, "modified": created, "allow_custom": True,
              "x_watchfloor_id": ent["id"]}
    aliases = [a for a in (ent["aliases"] or []) if a][:25]
    if ent["kind"] == "armed_group":
        common["id"] = stix_id("intrusion-set", ent["id"])
        return stix2.IntrusionSet(name=ent["name"], aliases=aliases or None, **common)
    if ent["kind"] in ("country", "place"):
        common["id"] = stix_id("location", ent["id"])
        extra: dict[str, Any] = {"country": ent["iso2"]} if ent["kind"] == "country" and ent["iso2"] else {}
        if ent["lat"] is not None and ent["lon"] is not None:
            extra |= {"latitude": ent["lat"], "longitude": ent["lon"]}
        if not extra:
            extra = {"region": "unknown"}
        return stix2.Location(name=ent["name"], **extra, **common)
    common["id"] = stix_id("identity", ent["id"])
    return stix2.Identity(name=ent["name"], identity_class=IDENTITY_CLASS.get(ent["kind"], "unknown"), **common)


def _report(e: dict[str, Any], objects: dict[str, Any], created: dt.datetime) -> Any:
    refs = sorted({o for o in (_ref(a["entity"]) for a in e["actors"] if a["entity"]) if o in objects} |
                  {o for o in (_ref(f"country:{c}") for c in e["countries"]) if o in objects})
    when = _time(e["date"])
    refs_external = [{"source_name": s["publisher"] or s["title"], "url": s["url"], "description": s["title"]}
                     for s in e["sources"] if s.get("url")]
    return stix2.Report(
        id=stix_id("report", e["id"]), name=f"{e['date']} {e['type']}: {e['summary'][:90]}",
        description=e["summary"], published=when, created=min(created, when), modified=min(created, when),
        report_types=["threat-report"] if e["type"] in ("attack", "plot", "arrest") else ["observed-data"],
        labels=[e["type"]], object_refs=refs or [stix_id("location", f"country:{e['country']}")],
        external_references=refs_external or None, allow_custom=True,
        x_watchfloor_id=e["id"], x_watchfloor_date=e["date"], x_watchfloor_date_precision=e["date_precision"],
        x_watchfloor_counts=e["counts"] or None, x_watchfloor_location=e["location"],
        x_watchfloor_credibility=min((s["credibility"] for s in e["sources"]), default=6),
    )


def _ref(entity_id: str) -> str:
    prefix = entity_id.split(":", 1)[0]
    kind = {"group": "intrusion-set", "country": "location", "place": "location"}.get(prefix, "identity")
    return stix_id(kind, entity_id)
