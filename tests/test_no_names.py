"""No country, place, person or armed group is named in the package's Python: that knowledge lives in data.

The names come from the bundled data itself: every country (pycountry's names as the store loads them, and
world.json's display names, aliases, demonyms and capitals), world.json's people, and every place, facility,
person and armed group of each country pack with its aliases. Organisations are left out: many of their names
are descriptions any country shares ("Interior Ministry", "National Assembly").

Which names count: a name of 3 letters or fewer does not (IS, US, Xi: too short to tell from a word or a code);
nor does one the data writes without a capital letter ('201st military base': a description); nor one of the
few names that are first of all ordinary English words (ORDINARY). Every other name counts as a whole word in
any case, 'china' as much as 'China'.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "watchfloor" / "data"
CHECKED = ("watchfloor",)
"""The whole package is held to the rule (#12)."""
ORDINARY = frozenset({"jersey", "polish"})
"""Names that are first of all everyday English words."""
KINDS = ("place", "facility", "person", "armed_group")


def _counts(name: str) -> bool:
    return (sum(ch.isalpha() for ch in name) > 3 and any(ch.isupper() for ch in name)
            and name.casefold() not in ORDINARY)


@cache
def names() -> frozenset[str]:
    world = json.loads((DATA / "world.json").read_text(encoding="utf-8"))
    found = set(world["display_names"].values()) | set(world["capitals"])
    for group in ("country_aliases", "demonyms"):
        found |= {n for ns in world[group].values() for n in ns}
    found |= {n for p in world["people"] for n in (p["name"], *p["aliases"])}
    found |= {n for c in pycountry.countries for n in (c.name, getattr(c, "common_name", c.name))}
    countries = set(found)
    for folder in sorted((DATA / "countries").iterdir()):
        ref_path, alias_path = folder / "reference.json", folder / "aliases.json"
        if not ref_path.is_file():
            continue
        ref = json.loads(ref_path.read_text(encoding="utf-8"))
        kinds = {c["name"]: "place" for c in ref.get("cities", [])}
        for e in ref.get("cities", []) + ref.get("entities", []) + ref.get("sites", []):
            kinds.setdefault(e["name"], e.get("kind", "organisation"))
            if kinds[e["name"]] in KINDS:
                found |= {e["name"], *e.get("aliases", [])}
        aliases = json.loads(alias_path.read_text(encoding="utf-8")) if alias_path.is_file() else {}
        for name, variants in aliases.items():
            if kinds.get(name) in KINDS or name in countries:
                found |= {name, *variants}
    return frozenset(n for n in found if _counts(n))


def hits(folders: tuple[str, ...]) -> list[str]:
    """'file:line: name' for every name written in a Python file under these folders."""
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names(), key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
    out = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                out += [f"{path.relative_to(ROOT)}:{i}: {m.group()}" for m in pattern.finditer(line)]
    return out


def test_the_names_come_from_the_data() -> None:
    got = names()
    assert {"Tajikistan", "Tajik", "Dushanbe", "Bamako", "Murghab", "Crocus City Hall", "ISKP"} <= got
    assert not {"IS", "US", "201st military base", "Jersey", "Interior Ministry"} & got


@pytest.mark.parametrize("folder", CHECKED)
def test_no_name_in_the_code(folder: str) -> None:
    found = hits((folder,))
    assert not found, "names in Python (move them to a data pack, or write an invented example):\n" + "\n".join(found)

