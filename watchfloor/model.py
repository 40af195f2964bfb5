"""The core nouns of the evidence store, as plain typed values.

The same singular noun names the class, the table and the CLI word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from watchfloor.dates import FuzzyDate

RELIABILITY = ("A", "B", "C", "D", "E", "F")
"""Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged."""

CREDIBILITY = (1, 2, 3, 4, 5, 6)
"""Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged."""

SOURCE_KINDS = ("dataset", "article", "report", "curated")
ENTITY_KINDS = ("country", "organisation", "armed_group", "person", "place", "facility", "other")
MEDIA_DATASETS = ("gdelt",)
"""Machine-coded news datasets: their volume measures attention, not incidents. Alerts and indicators leave
them out unless asked, and the checker takes no evidence from them (millions of coded rows would otherwise
'corroborate' any date and place)."""


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    title: str
    publisher: str | None = None
    url: str | None = None
    published_at: str | None = None
    reliability: str = "F"


@dataclass(frozen=True)
class Actor:
    name: str
    entity_id: str | None = None
    role: str = "actor"


@dataclass
class Event:
    """Something that happened, on a date known to some precision, with its sources."""

    id: str
    dataset: str
    date: FuzzyDate
    type: str
    summary: str
    subtype: str | None = None
    country_iso3: str | None = None
    countries: list[str] = field(default_factory=list)
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    counts: dict[str, float] = field(default_factory=dict)
    attrs: dict[str, Any] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    sources: list[tuple[Source, int]] = field(default_factory=list)
    version: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    """actor1_iso3, actor2_iso3, goldstein, tone, mentions, quad_class, source_url (GDELT and the like)."""

    KILLED_KEYS = ("killed", "killed_total", "killed_approx", "killed_min", "killed_over")
    INJURED_KEYS = ("injured", "injured_approx", "injured_min", "injured_over", "wounded")
    HOSTAGE_KEYS = ("hostages", "nhostkid")

    def first_count(self, keys: tuple[str, ...]) -> float | None:
        for k in keys:
            if k in self.counts:
                return self.counts[k]
        return None
