"""Where an event happened, for the pages: the country of its place, so an event abroad says so.

An event's own country is the one its source or pack filed it under, which is not always where it happened: a pack
may file a summit in a neighbour's capital, or a donor's decision in its own capital, under the country it is about.
The place the importer put on the map decides instead: its first named place (the one the importer looked up for the
coordinates) gives the country; a location that is itself a country's name gives that country; with neither, the
event's own country stands.
"""

from __future__ import annotations

import re
from typing import Any

from watchfloor.reference import Resolver

_FIRST = re.compile(r"[,;]")


def happened_in(resolver: Resolver, event: dict[str, Any]) -> str | None:
    """ISO3 of the country the event took place in, or None when nothing says."""
    location = _FIRST.split(str(event.get("location") or ""), maxsplit=1)[0].strip()
    if location:
        place = resolver.lookup(location, "place")
        if place is not None and place.country_iso3:
            return place.country_iso3
        country = resolver.lookup(location, "country")
        if country is not None and country.iso3:
            return country.iso3
    return str(event["country"]) if event.get("country") else None


def is_abroad(resolver: Resolver, event: dict[str, Any], iso3: str) -> bool:
    """The event involves `iso3` but took place in another country."""
    where = happened_in(resolver, event)
    return bool(where) and where != iso3


def placed(resolver: Resolver, events: list[dict[str, Any]], iso3: str | None) -> list[dict[str, Any]]:
    """Copies of the events (the originals are kept for the snapshot) with `abroad`: the name of the country an
    event took place in when that is not `iso3`, else None."""
    out = []
    for e in events:
        where = happened_in(resolver, e) if iso3 else None
        name = None
        if where and where != iso3:
            ent = resolver.entities.get(f"country:{where}")
            name = ent.name if ent else where
        out.append(dict(e, abroad=name))
    return out
