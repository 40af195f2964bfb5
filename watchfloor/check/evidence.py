"""The evidence one check needs, loaded once: candidate events with their sources, read like the report.

Candidates are chosen in SQL, so a store of millions of events costs a few
scans: events naming the report's non-country entities (as actors, or in their
summary or place), the curated facts about the report's countries (few, and
worded like reports), and events of the report's countries whose type fits the
report's event words, near the report's dates. Each candidate's summary then
goes through the same reading as the report (names, dates, numbers, event
words, negation), so both sides are compared in the same terms.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from watchfloor.check.changes import Change, summary_changes
from watchfloor.check.figures import Figure, parse_key
from watchfloor.check.lexical import Lexicon, entity_stems, stems
from watchfloor.check.measures import MEASURES, OBSERVATION_MEASURES, Value, derive_shares
from watchfloor.check.vectors import TextVectors
from watchfloor.dates import FuzzyDate, from_parts
from watchfloor.extract.claims import Extraction
from watchfloor.extract.dates import DateFinder, DateMention
from watchfloor.extract.entities import EntityMention, Gazetteer, disambiguate
from watchfloor.extract.events import RELATED, families_of_type, find_triggers
from watchfloor.extract.money import is_money
from watchfloor.extract.polarity import negation_spans, polarity_negated, refused
from watchfloor.extract.quantities import Quantity, find_quantities, hedge_kind
from watchfloor.model import MEDIA_DATASETS
from watchfloor.store import Store

LIMIT = 1500
"""Most candidate events per retrieval route: keeps a store of millions as fast as a small one."""


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    publisher: str | None
    url: str | None
    published_at: dt.date | None
    reliability: str


_IN_COUNTRY = re.compile(r"\s+(?:in|inside)\s+(?:the\s+)?", re.I)


@dataclass(frozen=True)
class Assertion:
    """An event word in a store summary, whether the summary negates it, and the words around it."""

    family: str
    negated: bool
    context: frozenset[str]
    text: str
    start: int
    end: int
    source: str
    """The summary the word is in, and where: the parse reads what narrows it only when a conflict needs it."""


@dataclass
class StoreEvent:
    """A candidate event read like the report; the costlier readings of its summary are made on first use."""

    id: str
    dataset: str
    date: FuzzyDate
    type: str
    summary: str
    location: str | None
    country: str | None
    countries: list[str]
    families: set[str]
    mentions: list[EntityMention]
    entity_ids: set[str]
    actor_ids: set[str]
    figures: list[Figure]
    """Figures from the event's count keys."""
    stems: set[str]
    sources: list[SourceRef] = field(default_factory=list)

    @cached_property
    def assertions(self) -> list[Assertion]:
        negs = negation_spans(self.summary, 0, len(self.summary))
        out = []
        for t in find_triggers(self.summary, 0, len(self.summary)):
            window = self.summary[max(0, t.start - 60):t.end + 60]
            negated = polarity_negated(negs, t.start, t.end, t.text) or refused(self.summary, t.start, t.end)
            out.append(Assertion(t.family, negated, frozenset(stems(window)), t.text, t.start, t.end, self.summary))
        return out

    @cached_property
    def countries_of_words(self) -> dict[str, set[str]]:
        """Event family → countries the summary puts it in, right after the word ('disappeared in Ruritania')."""
        store = {m.start: m for m in self.mentions if m.kind == "country" and not m.demonym and m.country}
        said: dict[str, set[str]] = {}
        if not store:
            return said
        for t in find_triggers(self.summary, 0, len(self.summary)):
            gap = _IN_COUNTRY.match(self.summary, t.end)
            if gap and gap.end() in store:
                said.setdefault(t.family, set()).add(store[gap.end()].country or "")
        return said

    @cached_property
    def changes(self) -> list[Change]:
        """Figures the summary says rose or fell ('down $87m'), read once per event."""
        return summary_changes(self.summary, [(d.start, d.end) for d in self.dates])

    @cached_property
    def text_families(self) -> set[str]:
        return {a.family for a in self.assertions}

    @cached_property
    def dates(self) -> list[DateMention]:
        finder = DateFinder()
        finder.anchor = self.date
        return finder.find(self.summary, 0, len(self.summary))

    @cached_property
    def written(self) -> list[Quantity]:
        """Every figure the summary writes, as the report's are read ('Hentzau and 10 followers were killed' writes
        10 even where the count key says 11 were killed). Names are read through ('Four Bordurian gunmen'), except
        those with a digit in them ('Group 24'), as in a report."""
        skip = [(d.start, d.end) for d in self.dates] + [(m.start, m.end) for m in self.mentions if m.end <= len(
            self.summary) and any(ch.isdigit() for ch in self.summary[m.start:m.end])]
        return find_quantities(self.summary, 0, len(self.summary), skip)

    @cached_property
    def all_figures(self) -> list[Figure]:
        """Count-key figures and the numbers written in the summary ('killing 45 people'). A summary number of a
        keyed kind is kept when its own words say what it counts and it does not restate the key: '40 soldiers
        killed at the base, part of a wave that killed more than 400 soldiers' holds both; its key names the 40."""
        skip = [(d.start, d.end) for d in self.dates] + [(m.start, m.end) for m in self.mentions
                                                         if m.end <= len(self.summary)]
        out = list(self.figures)
        for q in find_quantities(self.summary, 0, len(self.summary), skip):
            if q.category is not None and any(f.category == q.category and f.unit == q.unit and (
                    not q.strong or q.compatible(*f.interval)) for f in self.figures):
                continue
            if (q.unit in ("count", "pct", "years", "age") or is_money(q.unit)) and not q.vague:
                qual = {"above": "min", "upto": "max", "approx": "approx", "below": "max"}.get(hedge_kind(q.hedge))
                words = q.head.split() + (q.before.split() if q.unit == "age" else [])
                out.append(Figure("summary", q.value, q.unit, q.category if q.strong else None, q.subgroup, qual,
                                  None, tuple(words)))
        return out

    @cached_property
    def places(self) -> list[EntityMention]:
        return [m for m in self.mentions if m.kind in ("place", "facility")]

    @cached_property
    def demonyms(self) -> set[str]:
        return {m.country for m in self.mentions if m.demonym and m.country}

    @cached_property
    def all_countries(self) -> set[str]:
        """The countries the event involves or its summary names: compared with every claim, so kept."""
        return set(self.countries) | {m.country for m in self.mentions if m.country}


@dataclass
class Evidence:
    events: dict[str, StoreEvent]
    values: list[Value]
    lexicon: Lexicon
    entity_df: dict[str, int]
    observations: dict[str, dict[str, Any]]
    weights: dict[str, float] = field(default_factory=dict)
    """Each event's summed word idf, filled on first use (see match.event_weight)."""
    spans: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    """Each event's first and last day, filled on first use (see match.candidates)."""
    vectors: TextVectors = field(default_factory=lambda: TextVectors(None))
    """Sentence vectors of summaries and report sentences (check/vectors.py)."""

    def idf(self, entity_id: str) -> float:
        """0..1: how rarely the candidates name this entity."""
        import math

        n = max(len(self.events), 20)
        df = self.entity_df.get(entity_id, 0)
        return max(0.25, min(1.0, math.log((n + 1) / (df + 0.5)) / math.log(n + 1)))


def load_evidence(store: Store, extraction: Extraction, gazetteer: Gazetteer) -> Evidence:
    ids = candidate_ids(store, extraction, gazetteer)
    events = analyse(store, ids, gazetteer)
    lexicon = Lexicon([e.stems for e in events.values()], list(events))
    df: dict[str, int] = {}
    for e in events.values():
        for eid in e.entity_ids:
            df[eid] = df.get(eid, 0) + 1
    values = measure_values(events)
    observations, obs_values = load_observations(store, extraction)
    return Evidence(events, values + obs_values, lexicon, df, observations, vectors=TextVectors(store.con))


def candidate_ids(store: Store, extraction: Extraction, gazetteer: Gazetteer) -> list[str]:
    """Events that may be what the report's claims speak of; never machine-coded news (MEDIA_DATASETS)."""
    claims = extraction.claims
    ents = {m for c in claims for m in c.all_entities}
    entity_ids = sorted({m.entity_id for m in ents if m.kind != "country"})
    countries = sorted({m.country for m in ents if m.country})
    found: set[str] = set()
    media = list(MEDIA_DATASETS)
    if entity_ids:
        rows = store.con.execute(
            "SELECT DISTINCT a.event_id FROM event_actor a JOIN event e ON e.id = a.event_id "
            "WHERE a.entity_id IN (SELECT unnest(?)) AND NOT list_contains(?, e.dataset) LIMIT ?",
            [entity_ids, media, LIMIT]).fetchall()
        found |= {r[0] for r in rows}
    names = sorted({m.name for m in ents if m.kind in ("facility", "person", "place", "armed_group", "organisation")
                    and len(m.name) >= 4} | {m.text for m in ents if m.kind in ("facility", "person", "place")
                                             and len(m.text) >= 5 and not m.demonym})
    if names:
        pattern = r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"
        rows = store.con.execute(
            "SELECT id FROM event WHERE (regexp_matches(summary, ?, 'i') OR regexp_matches(coalesce(location, ''), ?, "
            "'i')) AND NOT list_contains(?, dataset) ORDER BY (dataset = 'facts') DESC, id LIMIT ?",
            [pattern, pattern, media, LIMIT]).fetchall()
        found |= {r[0] for r in rows}
    if countries:
        rows = store.con.execute(
            "SELECT id FROM event WHERE dataset = 'facts' AND list_has_any(countries, ?) ORDER BY id LIMIT ?",
            [countries, LIMIT]).fetchall()
        found |= {r[0] for r in rows}
    families = set().union(*(c.families for c in claims)) if claims else set()
    families |= {r for f in families for r in RELATED.get(f, set())}
    types = [r[0] for r in store.con.execute("SELECT DISTINCT type FROM event").fetchall()
             if families_of_type(r[0]) & families]
    if countries and types:
        windows = _windows(extraction)
        where = " OR ".join("date BETWEEN ? AND ?" for _ in windows) or "TRUE"
        params: list[Any] = [countries, types, media]
        for lo, hi in windows:
            params += [lo, hi]
        rows = store.con.execute(
            f"SELECT id FROM event WHERE list_has_any(countries, ?) AND type IN (SELECT unnest(?)) "
            f"AND NOT list_contains(?, dataset) AND ({where}) "
            f"ORDER BY (dataset = 'facts') DESC, coalesce(mentions, 0) DESC, date DESC, id LIMIT {LIMIT}",
            params).fetchall()
        found |= {r[0] for r in rows}
    return sorted(found)


def _windows(extraction: Extraction) -> list[tuple[dt.date, dt.date]]:
    """Date windows around the report's dates, merged; none (all time) when a claim has no date of its own."""
    spans = []
    for c in extraction.claims:
        if not c.checkable:
            continue
        if not c.dates:
            return []
        for d in c.dates:
            lo, hi = d.window()
            spans.append((lo - dt.timedelta(days=800), hi + dt.timedelta(days=800)))
    spans.sort()
    merged: list[tuple[dt.date, dt.date]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def analyse(store: Store, ids: list[str], gazetteer: Gazetteer) -> dict[str, StoreEvent]:
    if not ids:
        return {}
    rows = store.query("SELECT id, dataset, date, date_precision, type, summary, location, country_iso3, countries, "
                       "counts, killed, injured FROM event WHERE id IN (SELECT unnest(?)) ORDER BY id", [ids])
    actors: dict[str, list[tuple[str | None, str]]] = {}
    for a in store.query("SELECT event_id, entity_id, name FROM event_actor WHERE event_id IN (SELECT unnest(?))",
                         [ids]):
        actors.setdefault(a["event_id"], []).append((a["entity_id"], a["name"]))
    sources: dict[str, list[SourceRef]] = {}
    for s in store.query("SELECT l.event_id, s.id, s.title, s.publisher, s.url, s.published_at, s.reliability "
                         "FROM event_source l JOIN source s ON s.id = l.source_id "
                         "WHERE l.event_id IN (SELECT unnest(?)) ORDER BY s.reliability, s.id", [ids]):
        sources.setdefault(s["event_id"], []).append(
            SourceRef(s["id"], s["title"], s["publisher"], s["url"], s["published_at"], s["reliability"]))
    return {r["id"]: _event(r, actors.get(r["id"], []), sources.get(r["id"], []), gazetteer) for r in rows}


def _event(r: dict[str, Any], actors: list[tuple[str | None, str]], sources: list[SourceRef],
           gazetteer: Gazetteer) -> StoreEvent:
    date = from_parts(r["date"], r["date_precision"])
    summary = r["summary"] or ""
    location = r["location"] or ""
    mentions = gazetteer.find(summary + "\n" + location)
    mentions += [m for n in sorted({n for _, n in actors}) for m in gazetteer.find(n)]
    mentions = disambiguate(gazetteer, mentions, extra=list(r["countries"] or []))
    counts = json.loads(r["counts"]) if r["counts"] else {}
    if not counts:
        counts = {k: r[k] for k in ("killed", "injured") if r.get(k) is not None}
    figures = [figure(k, v) for k, v in counts.items() if isinstance(v, int | float) and not isinstance(v, bool)]
    actor_ids = {a for a, _ in actors if a}
    return StoreEvent(
        id=r["id"], dataset=r["dataset"], date=date, type=r["type"], summary=summary, location=r["location"],
        country=r["country_iso3"], countries=list(r["countries"] or []), families=families_of_type(r["type"]),
        mentions=mentions, entity_ids=actor_ids | {m.entity_id for m in mentions}, actor_ids=actor_ids,
        figures=figures, stems=stems(summary + " " + location + " " + r["type"].replace("_", " ")) | entity_stems(
            mentions), sources=sources)


@lru_cache(maxsize=16384)
def figure(key: str, value: float) -> Figure:
    return parse_key(key, value)


def measure_values(events: dict[str, StoreEvent]) -> list[Value]:
    out: list[Value] = []
    for e in events.values():
        for f in e.figures:
            if f.key == "summary":
                continue
            for m in MEASURES:
                unit_ok = m.unit == f.unit or m.name == "gdp_value" and is_money(f.unit)
                if unit_ok and m.figure(f) and (m.gdp is None or m.gdp == f.of_gdp):
                    if f.year:
                        when = FuzzyDate(dt.date(f.year, 1, 1), "year")
                    elif f.prev_year:
                        when = FuzzyDate(dt.date(e.date.value.year - 1, 1, 1), "year")
                    else:
                        when = e.date
                    whose = sorted(e.demonyms)[0] if m.category and e.demonyms else e.country
                    out.append(Value(m.name, when, f, e.id, country=whose))
    return out + derive_shares(out)


def load_observations(store: Store, extraction: Extraction) -> tuple[dict[str, dict[str, Any]], list[Value]]:
    """World Bank style indicator rows for the report's countries, as measure values."""
    countries = sorted(extraction.countries())
    if not countries:
        return {}, []
    try:
        rows = store.query("SELECT o.*, s.title, s.url, s.publisher FROM observation o JOIN source s "
                           "ON s.id = o.source_id WHERE o.country_iso3 IN (SELECT unnest(?)) "
                           "AND o.indicator IN (SELECT unnest(?))", [countries, list(OBSERVATION_MEASURES)])
    except Exception:  # noqa: BLE001 - an older store without the table simply has no observations
        return {}, []
    observations, values = {}, []
    for r in rows:
        measure = OBSERVATION_MEASURES[r["indicator"]]
        unit = next(m.unit for m in MEASURES if m.name == measure)
        fig = Figure(r["indicator"], float(r["value"]), unit, None, None, None, int(r["year"]), ())
        observations[r["id"]] = r
        values.append(Value(measure, FuzzyDate(dt.date(int(r["year"]), 1, 1), "year"), fig, None,
                            source_id=r["id"], country=r["country_iso3"]))
    return observations, values
