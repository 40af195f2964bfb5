"""Dataset actor names → entities, through the reference aliases.

ACLED writes "Military Forces of Ruritania (1994-)", GTD "Strelsau Chapter of
the Red Front"; both must land on the entities the rest of the store uses.
A name the reference data does not know becomes a new entity whose kind comes
from the dataset's own actor category.
"""

from __future__ import annotations

import re

from watchfloor.ingest.spellings import spellings
from watchfloor.model import Actor
from watchfloor.reference import Resolver
from watchfloor.reference.seed import entity_id

DATASET_ALIASES: dict[str, str] = spellings()["actor_spellings"]
"""Spellings used by ACLED and GTD that the general alias table leaves out (data/datasets.json)."""

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_KIND_OF_CATEGORY = {"state forces": "organisation", "external/other forces": "organisation",
                     "rebel group": "armed_group", "rebel groups": "armed_group", "political militia": "armed_group",
                     "political militias": "armed_group", "identity militia": "armed_group",
                     "identity militias": "armed_group", "perpetrator": "armed_group",
                     "rioters": "other", "protesters": "other", "civilians": "other"}


def snake(text: str) -> str:
    """'Explosions/Remote violence' → 'explosions_remote_violence'."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def actor(resolver: Resolver, name: str, role: str, category: str = "") -> Actor:
    """An Actor for a dataset name: a known entity when an alias matches, else a new one of the category's kind."""
    for candidate in (DATASET_ALIASES.get(name, name), _PAREN.sub("", name)):
        ent = resolver.lookup(candidate) if candidate else None
        if ent is not None:
            return Actor(name=name, entity_id=ent.id, role=role)
    kind = _KIND_OF_CATEGORY.get(category.strip().lower(), "other")
    if name.lower().startswith("unidentified") or name.lower() == "unknown":
        kind = "other"
    return Actor(name=name, entity_id=entity_id(kind, name), role=role)


class Actors:
    """`actor()` with a memory: a dataset repeats the same few thousand names over millions of rows."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.known: dict[tuple[str, str], Actor] = {}
        self.countries: dict[str, list[str]] = {}
        self.iso3: dict[str, str | None] = {}

    def country(self, name: str) -> str | None:
        """ISO alpha-3 of a country name, or None."""
        if name not in self.iso3:
            ent = self.resolver.lookup(name, "country") if name else None
            self.iso3[name] = ent.iso3 if ent else None
        return self.iso3[name]

    def get(self, name: str, role: str, category: str = "") -> Actor:
        hit = self.known.get((name, category))
        if hit is None:
            hit = self.known[(name, category)] = actor(self.resolver, name, "", category)
        return Actor(name=hit.name, entity_id=hit.entity_id, role=role)
