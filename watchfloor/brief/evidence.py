"""The evidence a brief is written from: one country's facts, split at the period's edges.

Everything the brief says comes from here, so a sentence can always name the
events and sources it rests on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from watchfloor.analyse.involvement import narrated_sql
from watchfloor.analyse.timeline import Period, attach
from watchfloor.dates import FuzzyDate, from_parts, parse_iso
from watchfloor.reference.catalogue import DEMONYMS
from watchfloor.store import Store

ADMIRALTY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
             "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}


@dataclass(frozen=True)
class Fact:
    """One event of the store, in the shape the writers need."""

    id: str
    date: FuzzyDate
    type: str
    summary: str
    country: str | None
    countries: tuple[str, ...]
    location: str | None
    actors: tuple[str, ...]
    counts: dict[str, float]
    sources: tuple[dict[str, Any], ...]

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(s["id"] for s in self.sources)

    @property
    def best_grade(self) -> str:
        return min((s["reliability"] or "F" for s in self.sources), default="F")

    @property
    def reported(self) -> dt.date | None:
        """When the event was first reported, if that is after it happened: the earliest publication date among
        its sources. None when no source is dated, or the report falls within the event's own date (a report the
        same day, or inside a month or year the event is dated to): then there is nothing to keep apart."""
        dates = [dt.date.fromisoformat(str(s["published_at"])[:10]) for s in self.sources
                 if s.get("published_at") and not s.get(CORROBORATES)]
        first = min(dates, default=None)
        return first if first is not None and first > self.date.end else None

    def mentions(self, pattern: re.Pattern[str]) -> bool:
        return bool(pattern.search(self.summary) or any(pattern.search(a) for a in self.actors))

    def count(self, *keys: str) -> float | None:
        for k in keys:
            if k in self.counts:
                return self.counts[k]
        return None


@dataclass
class Evidence:
    """A country's facts, the period, and what was before it."""

    iso3: str
    name: str
    demonym: str
    start: FuzzyDate
    end: FuzzyDate
    facts: list[Fact]
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()
    country_names: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    """Event id → the id of the fact it was merged into (two reports of one event)."""
    undated: dict[str, str] = field(default_factory=dict)
    """Source id → what the source list says for a source without a date ('undated; cited for events of …')."""
    state_media: frozenset[str] = frozenset()
    """Publishers the watch plan names as state media: the source list marks them."""

    def fact(self, event_id: str) -> Fact | None:
        """The fact for an event id of the store, following merges; None if the brief does not hold it."""
        return self._by_id.get(self.aliases.get(event_id, event_id))

    @cached_property
    def _by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    def country_name(self, iso3: str | None) -> str:
        return self.country_names.get(iso3 or "", iso3 or "an unknown country")

    @property
    def period(self) -> list[Fact]:
        return [f for f in self.facts if self.start.start <= f.date.start and f.date.end <= self.end.end]

    @property
    def before(self) -> list[Fact]:
        return [f for f in self.facts if f.date.end < self.start.start]

    def select(self, keep: Callable[[Fact], bool], facts: Iterable[Fact] | None = None) -> list[Fact]:
        return [f for f in (self.period if facts is None else facts) if keep(f)]

    def years(self) -> list[int]:
        return list(range(self.start.value.year, self.end.value.year + 1))


def load(store: Store, iso3: str, name: str, period: Period, today: dt.date | None = None) -> Evidence:
    """Every narrated fact involving the country; the period's open ends close on the store's own evidence.

    `today`, the date of writing, hides every fact that begins after it: a brief written on a day cannot know
    what happened later, whatever the store now holds, and its open end closes on that day at the latest.

    A fact involves the country when the store says so (its countries), when its
    summary or place names the country, its people or its capital, or when it
    shares a named person with such a fact (a trial abroad may name no country,
    but its defendants are the country's nationals named in an earlier fact).
    """
    sql, params = narrated_sql(store, iso3, name)
    rows = store.query(f"SELECT e.* FROM event e WHERE e.id IN ({sql}) ORDER BY e.date, e.id", params)
    aliases: dict[str, str] = {}
    countries = {str(r["name"]) for r in store.query("SELECT name FROM entity WHERE kind = 'country'")}
    facts = corroborate(merge_duplicates([_fact(r) for r in attach(store, rows)], aliases), countries)
    if today is not None:
        facts = [f for f in facts if f.date.start <= today]
    start, end = resolve_period(facts, period, today)
    facts = [f for f in facts if f.date.start <= end.end]  # a brief knows nothing of what came after its period
    sources: dict[str, dict[str, Any]] = {}
    for f in facts:
        for s in f.sources:
            sources.setdefault(s["id"], s)
    from watchfloor.brief.text import common_words

    demonym = (DEMONYMS.get(iso3) or [name])[0]
    names = {r["iso3"]: r["name"] for r in store.query("SELECT iso3, name FROM entity WHERE kind = 'country' "
                                                        "AND iso3 IS NOT NULL")}
    return Evidence(iso3, name, demonym, start, end, facts, sources, common_words(f.summary for f in facts), names,
                    aliases)


def resolve_period(facts: list[Fact], period: Period, today: dt.date | None = None) -> tuple[FuzzyDate, FuzzyDate]:
    """An open end closes on the latest evidence, or on `today` (the date of writing) if that comes first; an open
    start on 1 January of the year before it.

    The default window is therefore the last two calendar years the store covers up to the date of writing,
    and it depends on the store and that date only: the same store written on the same day gives the same brief.
    """
    latest = max((f.date for f in facts), key=lambda d: d.end, default=None)
    if period.until:
        end = period.until
    elif latest is not None:
        end = FuzzyDate(min(latest.end, today) if today is not None else latest.end, "day")
    else:
        end = parse_iso("2000")
    start = period.since or parse_iso(str(end.value.year - 1))
    return start, end


def merge_duplicates(facts: list[Fact], aliases: dict[str, str] | None = None) -> list[Fact]:
    """Two reports of one event (same day, two or more identical figures) become one fact with both sources;
    `aliases`, if given, records which id went into which."""
    out: list[Fact] = []
    for f in facts:
        twin = next((g for g in out if g.date == f.date and len(set(g.counts.items()) & set(f.counts.items())) >= 2),
                    None)
        if twin is None:
            out.append(f)
            continue
        keep, other = (twin, f) if len(twin.counts) >= len(f.counts) else (f, twin)
        if aliases is not None:
            aliases[other.id] = keep.id
            for old, new in list(aliases.items()):
                if new == other.id:
                    aliases[old] = keep.id
        merged = Fact(keep.id, keep.date, keep.type, keep.summary, keep.country, keep.countries, keep.location,
                      keep.actors, keep.counts,
                      tuple(sorted({s["id"]: s for s in keep.sources + other.sources}.values(),
                                   key=lambda s: (s["reliability"] or "F", s["id"]))))
        out[out.index(twin)] = merged
    return out


FOLLOW_UP_DAYS = 14
CORROBORATES = "corroborates"
"""Marks a source a fact cites from a follow-up report (`corroborate`): its date is not when the event was first
reported."""


def corroborate(facts: list[Fact], countries: Collection[str] = ()) -> list[Fact]:
    """A fact resting only on sources graded D to F also cites the better-graded reports (A to C) of the facts that
    follow it at the same place within two weeks (the same incident's investigation, arrests or claims): the brief
    cites the best source it holds on an event, not only the one the event was first recorded from. Its own sources
    stay, after the better ones. Only a fact dated to the day is linked so, and a place that is a whole country
    (`countries`) is no link: a city or a district is."""
    out = []
    for f in facts:
        if f.best_grade in "ABC" or not f.location or f.location.strip() in countries or f.date.precision != "day":
            out.append(f)
            continue
        place = re.compile(r"^" + re.escape(f.location.strip()) + r"\b", re.I)
        better = [s for g in facts if g is not f and g.location and place.match(g.location.strip())
                  and 0 < (g.date.start - f.date.end).days <= FOLLOW_UP_DAYS and set(g.countries) & set(f.countries)
                  for s in g.sources if (s["reliability"] or "F") in "ABC"]
        if not better:
            out.append(f)
            continue
        merged = {s["id"]: {**s, CORROBORATES: True} for s in better} | {s["id"]: s for s in f.sources}
        out.append(Fact(f.id, f.date, f.type, f.summary, f.country, f.countries, f.location, f.actors, f.counts,
                        tuple(sorted(merged.values(), key=lambda s: (s["reliability"] or "F", s["id"])))))
    return out


def _fact(r: dict[str, Any]) -> Fact:
    date = from_parts(parse_iso(r["date"]).value, r["date_precision"])
    return Fact(id=r["id"], date=date, type=r["type"], summary=r["summary"], country=r["country"],
                countries=tuple(r["countries"]), location=r["location"],
                actors=tuple(a["name"] for a in r["actors"]), counts=dict(r["counts"] or {}),
                sources=tuple(sorted(r["sources"], key=lambda s: (s["reliability"] or "F", s["id"]))))
