"""Events grouped by country and outcome (convicted, acquitted, deported, pending …), the outcome read from data.

An event's outcome is what its record says: the count keys the plan names for an outcome (`acquitted: 2`), and,
when it has no such key, its type (a `sentence` is a conviction). One record can hold several outcomes (a verdict
that convicts four and acquits two): it counts once, under the first outcome the plan lists, and the table says so;
a cell counts records, not people. An event is the country's by the
chronology's rule (`involvement`), so a deportation listing only the host country counts. A record still pending is
closed by a later record of an outcome (convicted, acquitted, deported) in the same row that names the same person,
court or place (a name of two or more capitalised words, or the same person in the store): the case then counts once,
at its outcome, and the table does not show as pending what the chronology shows was decided.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from watchfloor.analyse.argument_specs import EventFilter, FigureSpec
from watchfloor.analyse.involvement import narrated_sql
from watchfloor.model import MEDIA_DATASETS
from watchfloor.store import Store


@dataclass
class OutcomeRow:
    country: str
    """ISO3 of the country the row groups by."""
    cells: dict[str, list[str]] = field(default_factory=dict)
    year: int | None = None
    """The year of the row's records, when the table is split by year (`by_year`)."""
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
    closed: list[str] = field(default_factory=list)
    """Pending records a later outcome of the same case closed (not counted as pending)."""
    mixed: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """Records of several outcomes (a verdict that convicts some and acquits others), each with its outcomes: counted
    once, under the first the plan lists."""


PENDING = "pending"
NAME = re.compile(r"\b[A-Z][\w'’.-]*(?: (?:of |de |al-)?[A-Z][\w'’.-]*)+")
"""A proper name of two or more capitalised words ('Higher Regional Court', 'St Stephen's Cathedral')."""


def names(summary: str, people: set[str]) -> set[str]:
    return {m.group(0) for m in NAME.finditer(summary)} | people


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
    name = store.scalar("SELECT name FROM entity WHERE kind = 'country' AND iso3 = ?", [iso3])
    involved, involved_params = narrated_sql(store, iso3, str(name) if name else iso3)
    assert where.startswith("list_contains(e.countries, ?)") and params[0] == iso3
    where = where.replace("list_contains(e.countries, ?)", f"e.id IN ({involved})", 1)
    rows = store.query(f"SELECT e.id, e.date, e.type, e.counts, e.country_iso3, e.countries, e.summary FROM event e "
                       f"WHERE {where} AND e.date BETWEEN ? AND ? AND NOT list_contains(?, e.dataset) "
                       "ORDER BY e.date, e.id",
                       [*involved_params, *params[1:], since or dt.date(1, 1, 1), until, list(MEDIA_DATASETS)])
    people: dict[str, set[str]] = {}
    if rows:
        for a in store.query("SELECT event_id, entity_id FROM event_actor WHERE entity_id LIKE 'person:%' "
                             "AND list_contains(?, event_id)", [[r["id"] for r in rows]]):
            people.setdefault(a["event_id"], set()).add(a["entity_id"])
    named = {r["id"]: names(r["summary"] or "", people.get(r["id"], set())) for r in rows}
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
        if len(found) > 1:  # one record, one count (the tenth review: one verdict shown as convicted and acquitted)
            table.mixed.append((r["id"], tuple(found)))
            found = found[:1]
        table.first = table.first or r["date"]
        table.last = r["date"]
        keys = [r["country_iso3"] or "?"] if spec.rows == "where" else \
            [c for c in r["countries"] if c != iso3] or [r["country_iso3"] or "?"]
        for key in keys:
            row = by_country.setdefault(key, OutcomeRow(key))
            for outcome in found:
                row.cells.setdefault(outcome, []).append(r["id"])
    for row in by_country.values():
        close(row, named, table)
    table.rows = sorted(by_country.values(), key=lambda row: (-len(row.events), row.country))
    if spec.by_year:
        dates = {r["id"]: r["date"] for r in rows}
        table.rows = sorted(by_year(table.rows, dates), key=lambda row: (row.year or 0, -len(row.events), row.country))
    return table


def by_year(rows: list[OutcomeRow], dates: dict[str, dt.date]) -> list[OutcomeRow]:
    """Each country's row split into one per year of its records (a case closed later counts in its outcome's
    year), so a year's cases can be set against a signpost's yearly count."""
    out: list[OutcomeRow] = []
    for row in rows:
        years: dict[int, OutcomeRow] = {}
        for outcome, ids in row.cells.items():
            for e in ids:
                y = dates[e].year
                years.setdefault(y, OutcomeRow(row.country, year=y)).cells.setdefault(outcome, []).append(e)
        out += years.values()
    return out


def close(row: OutcomeRow, named: dict[str, set[str]], table: OutcomeTable) -> None:
    """Take out of a row's pending cell each record a later outcome of the same case closed (records are in date
    order, so an id's place in the row is its order in time)."""
    order = {e: n for n, e in enumerate(row.events)}
    decided = [e for o, ids in row.cells.items() if o != PENDING for e in ids]
    still = []
    for e in row.cells.get(PENDING, []):
        later = [d for d in decided if order[d] > order[e] and named[d] & named[e]]
        if later and e not in decided:
            table.closed.append(e)
        else:
            still.append(e)
    if still:
        row.cells[PENDING] = still
    else:
        row.cells.pop(PENDING, None)
