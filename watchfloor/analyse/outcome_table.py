"""Events grouped by country and outcome (convicted, acquitted, deported, pending …), the outcome read from data.

An event's outcome is what its record says: the count keys the plan names for an outcome (`acquitted: 2`), and,
when it has no such key, its type (a `sentence` is a conviction). One record can hold several outcomes (a verdict
that convicts four and acquits two); a cell counts records, not people.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from watchfloor.analyse.argument_specs import EventFilter, FigureSpec
from watchfloor.model import MEDIA_DATASETS
from watchfloor.store import Store


@dataclass
class OutcomeRow:
    country: str
    """ISO3 of the country the row groups by."""
    cells: dict[str, list[str]] = field(default_factory=dict)
    """Outcome → the ids of the events that record it."""

    @property
    def events(self) -> list[str]:
        return list(dict.fromkeys(e for ids in self.cells.values() for e in ids))


@dataclass
class OutcomeTable:
    outcomes: tuple[str, ...]
    rows: list[OutcomeRow]
    unclassified: list[str] = field(default_factory=list)
    """Events the filter took that record no outcome the plan names."""
    first: dt.date | None = None
    last: dt.date | None = None


def outcomes_of(counts: dict[str, float], event_type: str, spec: FigureSpec) -> list[str]:
    """The outcomes an event records: by its count keys, else by its type."""
    by_key = [o.name for o in spec.outcomes if any((counts.get(k) or 0) > 0 for k in o.keys)]
    return by_key or [o.name for o in spec.outcomes if event_type in o.types]


def _excluded(row: dict[str, object], filters: tuple[EventFilter, ...], iso3: str) -> bool:
    for f in filters:
        countries = set(row["countries"] or ())  # type: ignore[call-overload]
        if f.types and row["type"] not in f.types:
            continue
        if f.countries and not countries & set(f.countries):
            continue
        if f.where == "home" and row["country_iso3"] != iso3 or f.where == "abroad" and row["country_iso3"] == iso3:
            continue
        return True
    return False


def outcome_table(store: Store, spec: FigureSpec, iso3: str, until: dt.date,
                  since: dt.date | None = None) -> OutcomeTable:
    """The table: one row per country (where the event took place, or the other countries involved), one column per
    outcome, most records first."""
    where, params = spec.events.sql(iso3)
    rows = store.query(f"SELECT e.id, e.date, e.type, e.counts, e.country_iso3, e.countries FROM event e WHERE {where} "
                       "AND e.date BETWEEN ? AND ? AND NOT list_contains(?, e.dataset) ORDER BY e.date, e.id",
                       [*params, since or dt.date(1, 1, 1), until, list(MEDIA_DATASETS)])
    by_country: dict[str, OutcomeRow] = {}
    table = OutcomeTable(tuple(o.name for o in spec.outcomes), [])
    for r in rows:
        if _excluded(r, spec.exclude, iso3):
            continue
        counts = json.loads(r["counts"]) if isinstance(r["counts"], str) else (r["counts"] or {})
        found = outcomes_of(counts, r["type"], spec)
        if not found:
            table.unclassified.append(r["id"])
            continue
        table.first = table.first or r["date"]
        table.last = r["date"]
        keys = [r["country_iso3"] or "?"] if spec.rows == "where" else \
            [c for c in r["countries"] if c != iso3] or [r["country_iso3"] or "?"]
        for key in keys:
            row = by_country.setdefault(key, OutcomeRow(key))
            for outcome in found:
                row.cells.setdefault(outcome, []).append(r["id"])
    table.rows = sorted(by_country.values(), key=lambda row: (-len(row.events), row.country))
    return table
