"""Names in a report, found through the store's own alias table.

One pass over the words, longest alias first, so "RLF-N" is the northern
branch and not RLF followed by an N. Short all-capital aliases (IS, US, ICE)
must be written in capitals; ISO codes other than the usual US/UK/EU are
ignored, as are city names that are also English words. A few aliases are
derived here, not stored: surnames that name one person only ("Rassendyll"),
and the first word of a facility's name when nothing else uses it ("Tarlenheim"
for the Tarlenheim Dam).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from watchfloor.extract.tokens import Token, tokenize
from watchfloor.reference import Resolver, catalogue
from watchfloor.reference.catalogue import DEMONYMS

KEEP_CODES = {"us", "usa", "uk", "u s", "u k", "u s a", "uae", "prc", "eu", "un", "u n", "drc"}
COMMON_WORDS = {
    "van", "mary", "hub", "oral", "pest", "nice", "reading", "bath", "split", "mobile", "independence", "aba", "jos",
    "oyo", "teni", "anda", "bole", "nada", "guli", "maba", "moro", "buda", "daye", "dali", "kota", "loni", "sari",
    "ahar", "nov", "nau", "ota", "ibb", "ufa", "osh", "hami", "hebi", "nehe", "puxi", "puqi", "wuda", "yuci", "yidu",
    "heze", "hepo", "hepu", "fuyu", "fuji", "cixi", "jixi", "buhe", "anbu", "aqsu", "dadu", "daur", "giza", "kobe",
    "koto", "vinh", "wuhu", "wuxi", "yuxi", "zibo", "salé", "sale", "suez", "taiz", "yazd", "rize", "ordu", "bolu",
    "tula", "tver", "perm", "omsk", "orsk", "ipoh", "kano", "lima", "lyon", "riga", "rome", "oslo", "cali", "agra",
    "aden", "baku", "homs", "kyiv", "lviv", "qom", "qods", "pune",
    "lower house", "upper house", "senate", "national assembly", "house of representatives", "supreme assembly",
    "eng", "mia", "rt", "rf", "ht", "it", "ie", "ir",
}
"""Aliases never matched in prose: English words, and cities short enough to collide with them.

A few of these are real places a report may name (Osh, Kyiv, Baku); they are
matched only when written exactly as their canonical name, capitalised.
"""
CANONICAL_SHORT = {"osh", "kyiv", "baku", "riga", "rome", "oslo", "lima", "tver", "omsk", "perm", "ufa", "qom",
                   "homs", "aden", "lviv", "agra", "kano", "yazd", "lyon", "suez", "giza", "kobe", "pune", "tula",
                   "orsk"}
_DEMONYM_NORMS = {w.casefold() for words in DEMONYMS.values() for w in words}


def names_pattern(names: Iterable[str]) -> str:
    """An alternation of names, longest first, as whole words; short all-capital ones ('PRC') only in capitals."""
    alts = [rf"(?-i:{re.escape(n)})" if len(n) <= 3 and n.isupper() else re.escape(n)
            for n in sorted(set(names), key=lambda n: (-len(n), n)) if n]
    return r"\b(?:" + "|".join(alts) + r")\b"


def country_names(iso3s: Iterable[str]) -> list[str]:
    """Every name and demonym of these countries, as the bundled data spells them."""
    return [n for c in iso3s for n in (*catalogue.country_names(c), *DEMONYMS.get(c, ()))]


def armed_group_names() -> list[str]:
    """The names and aliases the country packs give their armed groups."""
    return [n for p in catalogue.packs() for e in p.entries if e.kind == "armed_group"
            for n in (e.name, *e.aliases, *p.aliases.get(e.name, ()))]


_GENERIC_SUFFIX = re.compile(r"\s+(?:training\s+ground|district|region|province|oblast|autonomous\s+region|"
                             r"corridor|military\s+base)$", re.I)
_GAP = re.compile(r"^[\s\-‐‑–—_.'’`]*$")


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity_id: str
    kind: str
    name: str
    country: str | None = None
    """ISO3 of the country the entity is or lies in."""
    lat: float | None = None
    lon: float | None = None
    demonym: bool = False
    """Written as a nationality ("Ruritanian nationals"), not as the country."""
    alternatives: tuple[str, ...] = ()
    """Other entities the same words could name (two towns called Zenda)."""

    @property
    def distinctive(self) -> bool:
        """Names that pick out a particular event far better than a country does."""
        return self.kind in ("facility", "person", "place", "armed_group", "organisation", "other")


class Gazetteer:
    """Alias table → fast word-sequence lookup; built once per check."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.entities = resolver.entities
        self.index: dict[str, list[str]] = {}
        self.upper_only: set[str] = set()
        self.capital: set[str] = set()
        codes = set(resolver.codes) | {
            ((e.iso3 or "").casefold(), e.id) for e in self.entities.values() if e.kind == "country"}
        rows = resolver.store.query("SELECT entity_id, alias FROM alias")
        forms: dict[str, list[str]] = {}
        for r in rows:
            key = " ".join(t.norm for t in tokenize(r["alias"]))
            if not key or key.isdigit() or len(key) < 2:
                continue
            if (key, r["entity_id"]) in codes and key not in KEEP_CODES:
                continue
            canonical = self.entities.get(r["entity_id"])
            if key in COMMON_WORDS and not (key in CANONICAL_SHORT and canonical and canonical.name == r["alias"]):
                continue
            forms.setdefault(key, []).append(r["alias"])
            ids = self.index.setdefault(key, [])
            if r["entity_id"] not in ids:
                ids.append(r["entity_id"])
        for iso3, words in sorted(DEMONYMS.items()):
            for w in words:
                key = w.casefold()
                forms.setdefault(key, []).append(w)
                self.index.setdefault(key, [])
                if f"country:{iso3}" not in self.index[key]:
                    self.index[key].insert(0, f"country:{iso3}")
        self._derive(forms)
        for key, fs in forms.items():
            letters = [f for f in fs if any(ch.isalpha() for ch in f)]
            if letters and all(f.replace(".", "").replace("-", "").isupper() for f in letters) and len(key) <= 6:
                self.upper_only.add(key)
            elif any(f[:1].isupper() for f in fs):
                self.capital.add(key)
        for ids in self.index.values():
            ids.sort(key=self._rank)
        self.maxlen = max((k.count(" ") + 1 for k in self.index), default=1)
        self.first: dict[str, int] = {}
        """First word of every alias → the most words any alias starting with it has."""
        for k in self.index:
            head, n = k.split(" ", 1)[0], k.count(" ") + 1
            self.first[head] = max(self.first.get(head, 0), n)
            if len(head) == 1 and " " in k:
                self.first[k.replace(" ", "")[:1]] = max(self.first.get(k[:1], 0), n)

    def _rank(self, eid: str) -> tuple[int, str]:
        """Countries first; a mapped place before a same-named organisation made from an actor's name."""
        ent = self.entities.get(eid)
        if ent is None:
            return (9, eid)
        if ent.kind == "place" and ent.lat is not None:
            return (1, eid)
        order = {"country": 0, "armed_group": 2, "facility": 3, "organisation": 4, "person": 5, "place": 6}
        return (order.get(ent.kind, 7), eid)

    def _derive(self, forms: dict[str, list[str]]) -> None:
        """Surnames that name one person only, and a facility's first word when it names nothing else."""
        words_in_names: dict[str, int] = {}
        for e in self.entities.values():
            for t in tokenize(e.name):
                words_in_names[t.norm] = words_in_names.get(t.norm, 0) + 1
        for e in self.entities.values():
            toks = tokenize(e.name)
            if len(toks) < 2:
                continue
            if e.kind in ("place", "facility"):
                short = _GENERIC_SUFFIX.sub("", e.name).strip()
                key = " ".join(t.norm for t in tokenize(short))
                if short != e.name and key and key not in self.index and len(key) >= 5:
                    self.index[key] = [e.id]
                    forms[key] = [short]
            if e.kind == "person":
                cand = toks[-1]
            elif e.kind == "facility":
                cand = toks[0]
            else:
                continue
            key = cand.norm
            if (len(key) >= 5 and cand.text[:1].isupper() and key not in self.index and key not in COMMON_WORDS
                    and words_in_names.get(key, 0) == 1 and not key.isdigit()):
                self.index[key] = [e.id]
                forms[key] = [cand.text]

    def find(self, text: str, start: int = 0, end: int | None = None,
             tokens: list[Token] | None = None) -> list[EntityMention]:
        """Entity mentions in text[start:end], longest match first, left to right."""
        end = len(text) if end is None else end
        toks = tokens if tokens is not None else tokenize(text[start:end], start)
        out: list[EntityMention] = []
        i = 0
        while i < len(toks):
            hit = None
            longest = self.first.get(toks[i].norm, 0)
            for n in range(min(longest, len(toks) - i), 0, -1):
                window = toks[i:i + n]
                if n > 1 and not all(_GAP.match(text[a.end:b.start]) for a, b in zip(window, window[1:], strict=False)):
                    continue
                key = " ".join(t.norm for t in window)
                if n > 1 and all(len(t.text) == 1 for t in window) and "." in text[window[0].end:window[1].start]:
                    key = key.replace(" ", "")
                ids = self.index.get(key)
                if not ids or not self._case_ok(key, window):
                    continue
                hit = (n, key, ids)
                break
            if hit is None:
                i += 1
                continue
            n, key, ids = hit
            s, e = toks[i].start, toks[i + n - 1].end
            eid = ids[0]
            ent = self.entities.get(eid)
            if ent is not None:
                country = ent.iso3 if ent.kind == "country" else ent.country_iso3
                out.append(EntityMention(s, e, text[s:e], eid, ent.kind, ent.name, country, ent.lat, ent.lon,
                                         key in _DEMONYM_NORMS, tuple(ids[1:])))
            i += n
        return out

    def _case_ok(self, key: str, window: list[Token]) -> bool:
        if key in self.upper_only:
            return all(t.text.isupper() or t.text.isdigit() for t in window)
        if key in self.capital:
            return window[0].text[:1].isupper() or not window[0].text[:1].isalpha()
        return True


def disambiguate(gazetteer: Gazetteer, mentions: list[EntityMention], extra: list[str] | None = None
                 ) -> list[EntityMention]:
    """Pick, among same-named places, the one in the country the report mentions most (Zenda, Ruritania)."""
    weight: dict[str, int] = {c: 5 for c in extra or []}
    for m in mentions:
        if m.kind == "country" and m.country:
            weight[m.country] = weight.get(m.country, 0) + 1
    out = []
    for m in mentions:
        if m.alternatives and m.kind == "place":
            options = [m.entity_id, *m.alternatives]
            ents = [gazetteer.entities[i] for i in options if i in gazetteer.entities]
            best = max(ents, key=lambda e: (e.kind == "place", weight.get(e.country_iso3 or "", 0),
                                            e.country_iso3 in _region(), -options.index(e.id)))
            if best.id != m.entity_id:
                m = EntityMention(m.start, m.end, m.text, best.id, best.kind, best.name, best.country_iso3, best.lat,
                                  best.lon, m.demonym, tuple(i for i in options if i != best.id))
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _region() -> frozenset[str]:
    """The packs' countries and their neighbourhoods (reference.json), as ISO3: where a same-named place is
    likelier to be when the report does not say."""
    import pycountry

    codes = {p.iso3 for p in catalogue.packs()}
    for p in catalogue.packs():
        codes |= {c.alpha_3 for code in p.neighbourhood if (c := pycountry.countries.get(alpha_2=code))}
    return frozenset(codes)
