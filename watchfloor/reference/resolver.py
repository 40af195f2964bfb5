"""Name → entity, through the store's alias table."""

from __future__ import annotations

from dataclasses import dataclass

from watchfloor.errors import NotFound
from watchfloor.reference.catalogue import DEMONYMS
from watchfloor.reference.names import normalise
from watchfloor.reference.seed import prepare
from watchfloor.store import Store

_KIND_RANK = {"country": 0, "armed_group": 1, "organisation": 2, "person": 3, "facility": 4, "place": 5, "other": 6}


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    name: str
    iso3: str | None = None
    country_iso3: str | None = None
    lat: float | None = None
    lon: float | None = None


class Resolver:
    """Looks names up in one store; loads the alias table once (seeding it first in a store opened before the
    reference layer was loaded)."""

    def __init__(self, store: Store) -> None:
        prepare(store)
        self.store = store
        self.entities: dict[str, Entity] = {
            r["id"]: Entity(r["id"], r["kind"], r["name"], r["iso3"], r["country_iso3"], r["lat"], r["lon"])
            for r in store.query("SELECT id, kind, name, iso3, country_iso3, lat, lon FROM entity")
        }
        self.by_norm: dict[str, list[str]] = {}
        for r in store.query("SELECT entity_id, norm FROM alias ORDER BY entity_id"):
            self.by_norm.setdefault(r["norm"], []).append(r["entity_id"])
        self.codes: set[tuple[str, str]] = {
            (normalise(r["iso2"]), r["id"]) for r in store.query("SELECT id, iso2 FROM entity WHERE iso2 IS NOT NULL")
        }
        for iso3, words in DEMONYMS.items():
            for w in words:
                self.by_norm.setdefault(normalise(w), []).append(f"country:{iso3}")
        self._org_names: dict[str, str] | None = None
        self._demonym_country = {
            normalise(w): normalise(self.entities[f"country:{iso3}"].name)
            for iso3, words in DEMONYMS.items() for w in words if f"country:{iso3}" in self.entities}
        for ids in self.by_norm.values():
            ids.sort(key=lambda i: (_KIND_RANK.get(self.entities[i].kind if i in self.entities else "other", 9), i))

    def closest_countries(self, name: str, limit: int = 3) -> list[str]:
        """Countries whose name or alias is nearest to a mistyped one ('ruritanai' → Ruritania), from the aliases
        already loaded (a resolver outlives the request whose connection built it). Codes of three letters or
        fewer are left out: any short typo is near some code, which helps nobody."""
        from rapidfuzz import fuzz, process

        by_alias = {norm: self.entities[ids[0]].name for norm, ids in sorted(self.by_norm.items())
                    if len(norm) > 3 and ids and ids[0] in self.entities and self.entities[ids[0]].kind == "country"}
        hits = process.extract(normalise(name), list(by_alias), scorer=fuzz.ratio, limit=None, score_cutoff=85)
        return list(dict.fromkeys(by_alias[h[0]] for h in hits))[:limit]

    def lookup(self, name: str, kind: str | None = None) -> Entity | None:
        """The best entity for a name, or None; countries win ties, then groups."""
        key = normalise(name)
        ids = self.by_norm.get(key, [])
        if kind is None and len(ids) > 1:
            ids = sorted(ids, key=lambda i: (key, i) in self.codes)
        for eid in ids:
            ent = self.entities.get(eid)
            if ent and (kind is None or ent.kind == kind):
                return ent
        return None

    def match_actor(self, name: str) -> Entity | None:
        """An actor name as a source wrote it: the exact alias, or else the same organisation or group with its
        words reordered and its demonym spelled as the country ('Ruritanian Ministry of Internal Affairs' is the
        'Ministry of Internal Affairs of Ruritania'). Never a subset match: 'Red Front group' is not the 'Red Front of
        Strelsau'."""
        exact = self.lookup(name)
        if exact is not None:
            return exact
        from rapidfuzz import fuzz, process

        if self._org_names is None:
            self._org_names = {}
            for norm, ids in self.by_norm.items():
                for eid in ids:
                    ent = self.entities.get(eid)
                    if ent and ent.kind in ("organisation", "armed_group") and len(norm.split()) >= 2:
                        self._org_names.setdefault(self._fold(norm), eid)
        key = self._fold(normalise(name))
        if len(key.split()) < 3:
            return None
        hit = process.extractOne(key, list(self._org_names), scorer=fuzz.token_sort_ratio, score_cutoff=95)
        return self.entities[self._org_names[hit[0]]] if hit else None

    def _fold(self, norm: str) -> str:
        words = [self._demonym_country.get(w, w) for w in norm.split() if w not in ("the", "of")]
        return " ".join(words)

    def country(self, name: str) -> Entity:
        """Resolve a COUNTRY argument (a name, an alias such as 'U.S.', an ISO2 or ISO3 code) or raise NotFound."""
        ent = self.lookup(name, "country")
        if ent is None:
            near = self.closest_countries(name)
            if near:
                raise NotFound(f"unknown country {name!r}",
                               hint=f"did you mean {' or '.join(near)}? (`watchfloor entities --kind country` lists "
                                    "them all)")
            raise NotFound(f"unknown country {name!r}",
                           hint="use a country's name, an alias or its two- or three-letter ISO code "
                                "(`watchfloor entities --kind country` lists them)")
        return ent
