"""The indicator board: each indicator of a watch plan evaluated on the store, as of the evidence cut-off.

For each indicator: its value in the current window (events counted, or the latest figure), the same
for the window before (the trend), whether the threshold is met, and the events behind the value.
The cut-off is the date of the newest event involving the country, not today: a stale store must not
look calm. A figure (`measure`) is read at its latest value, whatever its age, with that value's
date shown. A window counts only events dated at least as finely as it is long (a year-only event
counts in year windows, not in quarters), so no event is placed on a 1 January it never had.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from watchfloor.analyse.involvement import narrated
from watchfloor.analyse.watchplan import ACCOUNTS, WINDOWS, Indicator, WatchPlan
from watchfloor.model import MEDIA_DATASETS
from watchfloor.store import Store

if TYPE_CHECKING:
    from watchfloor.analyse.series_chart import Point  # imported when read: it brings matplotlib

LOOK_BACK = 3
"""How many years before the newest a series figure is compared with for an earlier high."""
_FINE_ENOUGH = {3: ("day", "month"), 6: ("day", "month"), 12: ("day", "month", "year"), 24: ("day", "month", "year"),
                84: ("day", "month", "year")}


@dataclass
class Reading:
    """One indicator on the board (the JSON shape of `watchfloor indicators --format json`)."""

    question: str
    hypothesis: str
    name: str
    status: str
    """met, not met, or no data."""
    trend: str
    """rising, falling, steady, or no data."""
    threshold: str
    value: float | None
    previous: float | None
    window: str
    events: list[str] = field(default_factory=list)
    previous_events: list[str] = field(default_factory=list)
    """The events behind `previous`: what a brief cites when the current window is empty."""
    hedges: tuple[str, str] = ("", "")
    """How the value and the previous one were reported ('more than'), for a figure read a year at a time."""
    kind: tuple[float | None, float | None] = (None, None)
    """For a count: the events of the indicator's kind (its types, on the country, anywhere and with anyone) in the
    window and the one before. None of them is a silent collection; some, none passing the filter, is an absence."""
    observed: tuple[tuple[int, str], ...] = ()
    """For a figure read from its observation series: (year, source id) of the value and of the previous one."""
    latest: list[str] = field(default_factory=list)
    """For a count with nothing in either window: the newest event the indicator would count, from before them (the
    Ruritanian-funded outpost of four years ago), so a reader is not told only that the collection is silent."""
    high: tuple[int, float] | None = None
    """For a figure read from its observation series: an earlier year of the last few whose value was above the
    newest, (year, value), so that a rise from a dip is not read as a new high."""

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "hypothesis": self.hypothesis, "name": self.name, "status": self.status,
                "trend": self.trend, "threshold": self.threshold, "value": self.value, "previous": self.previous,
                "window": self.window, "events": self.events}


@dataclass
class Board:
    country: str
    as_of: dt.date | None
    readings: list[Reading]

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "as_of": self.as_of.isoformat() if self.as_of else None,
                "indicators": [r.to_dict() for r in self.readings]}

    def summary(self) -> str:
        met = sum(r.status == "met" for r in self.readings)
        rising = sum(r.trend == "rising" for r in self.readings)
        when = self.as_of.isoformat() if self.as_of else "no evidence"
        return f"{met} of {len(self.readings)} indicators met, {rising} rising (evidence to {when})"


def _months_back(day: dt.date, months: int) -> dt.date:
    """The day after the same day `months` earlier: the first day of a window of that length ending on `day`."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    first = dt.date(y, m + 1, 1)
    last = (dt.date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return first.replace(day=min(day.day, last)) + dt.timedelta(days=1)


def cut_off(store: Store, iso3: str) -> dt.date | None:
    """The newest event date involving the country: the board is read as of then."""
    value = store.scalar("SELECT max(date) FROM event WHERE list_contains(countries, ?) "
                         "AND NOT list_contains(?, dataset)", [iso3, list(MEDIA_DATASETS)])
    return value if isinstance(value, dt.date) else None


def _where(ind: Indicator, iso3: str, kind_only: bool = False,
           involved: Sequence[str] = ()) -> tuple[str, list[Any]]:
    """Signposts count incidents, so machine-coded news (its volume measures attention) is left out, as in alerts.
    An event is the country's when the store lists it or when it is one of the `involved` narrated events (the
    chronology's rule, `involvement.narrated`), so a signpost counts what the brief's annex shows.
    `kind_only` keeps only the types: what the collection holds of the kind at all, whoever and wherever."""
    sql: list[str] = ["(list_contains(countries, ?) OR id IN (SELECT unnest(?::VARCHAR[])))",
                      "NOT list_contains(?, dataset)"]
    params: list[Any] = [iso3, list(involved), list(MEDIA_DATASETS)]
    if ind.types:
        typed = ["type IN (SELECT unnest(?))"]
        params.append(list(ind.types))
        for kind, words in ind.types_if:  # a further type, counted only when its summary says one of the words
            typed.append("(type = ? AND regexp_matches(summary, ?))")
            params += [kind, _words(words)]
        sql.append("(" + " OR ".join(typed) + ")")
    if kind_only:
        return " AND ".join(sql), params
    if ind.countries:
        # an event involves a country it lists, or whose people or bodies act in it (a president's state visit), or,
        # with `countries_named`, whose summary names it or its alliance (a drill of the alliance it leads)
        named = " OR regexp_matches(summary, ?)" if ind.countries_named else ""
        sql.append("(list_has_any(countries, ?) OR id IN (SELECT a.event_id FROM event_actor a JOIN entity n "
                   f"ON n.id = a.entity_id WHERE list_contains(?, n.country_iso3)){named})")
        params += [list(ind.countries), list(ind.countries)]
        if ind.countries_named:
            params.append(_words(ind.countries_named))
    if ind.not_countries:
        sql.append("NOT (list_has_any(countries, ?) OR id IN (SELECT a.event_id FROM event_actor a JOIN entity n "
                   "ON n.id = a.entity_id WHERE list_contains(?, n.country_iso3)))")
        params += [list(ind.not_countries), list(ind.not_countries)]
    if ind.not_in:
        sql.append("(country_iso3 IS NULL OR NOT list_contains(?, country_iso3))")
        params.append(list(ind.not_in))
    if ind.mentions:
        sql.append("regexp_matches(summary, ?)")
        params.append(_words(ind.mentions))
    if ind.not_mentions and ind.each_account:  # a contested incident counts under each account it gives
        sql.append("(NOT regexp_matches(summary, ?) OR regexp_matches(summary, ?))")
        params += [_words(ind.not_mentions), ACCOUNTS]
    elif ind.not_mentions:
        sql.append("NOT regexp_matches(summary, ?)")
        params.append(_words(ind.not_mentions))
    if ind.where == "home":
        sql.append("country_iso3 = ?")
        params.append(iso3)
    elif ind.where == "abroad":
        sql.append("country_iso3 IS NOT NULL AND country_iso3 <> ?")
        params.append(iso3)
    return " AND ".join(sql), params


def per(window: str) -> str:
    """A count's window as a rate: 'a quarter', 'a year'; a window of several years as a span ('in seven years')."""
    return {"two_years": "in two years", "seven_years": "in seven years"}.get(window, f"a {window}")


def _words(words: Sequence[str]) -> str:
    """A pattern matching any of the words, whole, in any case."""
    return "(?i)\\b(" + "|".join(re.escape(m) for m in words) + ")\\b"


def _count(store: Store, ind: Indicator, iso3: str, start: dt.date, end: dt.date,
           kind_only: bool = False, involved: Sequence[str] = ()) -> tuple[float, list[str]]:
    where, params = _where(ind, iso3, kind_only, involved)
    precisions = list(_FINE_ENOUGH[WINDOWS[ind.window]])
    rows = store.query(f"SELECT id, date FROM event WHERE {where} AND date BETWEEN ? AND ? "
                       "AND date_precision IN (SELECT unnest(?)) ORDER BY date, id",
                       [*params, start, end, precisions])
    ids = [r["id"] for r in rows]
    if kind_only or not ind.episode_days:
        return float(len(ids)), ids
    return float(len(episodes([r["date"] for r in rows], ind.episode_days))), ids


def episodes(dates: Sequence[dt.date], days: int) -> list[dt.date]:
    """The first date of each episode: a date less than `days` after the episode's first starts no new one."""
    out: list[dt.date] = []
    for d in sorted(dates):
        if not out or (d - out[-1]).days >= days:
            out.append(d)
    return out


def _figures(store: Store, ind: Indicator, iso3: str, end: dt.date) -> list[tuple[dt.date, float, str]]:
    """The figure's values on or before `end`, newest first."""
    where, params = _where(ind, iso3)
    rows = store.query(f"SELECT id, date, counts FROM event WHERE {where} AND date <= ? "
                       "AND json_exists(counts, ?) ORDER BY date DESC, id",
                       [*params, end, "$." + str(ind.measure)])
    out = []
    for r in rows:
        counts = json.loads(r["counts"]) if isinstance(r["counts"], str) else r["counts"]
        value = counts.get(ind.measure) if isinstance(counts, dict) else None
        if isinstance(value, int | float):
            out.append((r["date"], float(value), r["id"]))
    return out


def _threshold(ind: Indicator) -> str:
    """As the board shows it: '>= 1 a quarter' for a count, '>= 40' for a figure; '…, and above the window before'
    for a signpost of change."""
    rate = "" if ind.measure else " a year" if ind.spec else f" {per(ind.window)}"
    text = f"{ind.operator} {ind.threshold:g}" + rate
    return text + (", and more than the window before" if ind.change else "")


def _met(value: float | None, ind: Indicator) -> str:
    if value is None:
        return "no data"
    ok = {">=": value >= ind.threshold, ">": value > ind.threshold,
          "<=": value <= ind.threshold, "<": value < ind.threshold}[ind.operator]
    return "met" if ok else "not met"


def meets(value: float | None, ind: Indicator) -> bool:
    """Whether a value reaches the indicator's level, rise or not (a claim that a level holds reads this)."""
    return _met(value, ind) == "met"


def _trend(value: float | None, previous: float | None) -> str:
    if value is None or previous is None:
        return "no data"
    return "rising" if value > previous else "falling" if value < previous else "steady"


def _observed(store: Store, ind: Indicator, iso3: str, as_of: dt.date) -> list[tuple[int, float, str]]:
    """The observation series' newest values known at `as_of` (a year's value is known once the year is over), up
    to LOOK_BACK before the newest, newest first."""
    if not ind.series:
        return []
    last = as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
    rows = store.query("SELECT year, value, source_id FROM observation WHERE country_iso3 = ? AND indicator = ? "
                       "AND year <= ? AND value IS NOT NULL ORDER BY year DESC LIMIT ?",
                       [iso3, ind.series, last, LOOK_BACK + 1])
    return [(int(r["year"]), float(r["value"]), str(r["source_id"])) for r in rows]


def _read_figure(store: Store, ind: Indicator, iso3: str, as_of: dt.date, question: str) -> Reading:
    """The figure's newest value against the one before. When the plan names an observation series for it, the
    series is read (one method, year after year; reports that differ from it are competing values the brief
    shows), else the reports' figures by their dates."""
    series = _observed(store, ind, iso3, as_of)
    if series:
        now, before = series[0][1], series[1][1] if len(series) > 1 else None
        higher = [(year, value) for year, value, _source in series[2:] if value > now]
        high = max(higher, key=lambda yv: yv[1]) if higher else None
        series = series[:2]
        status = _met(now, ind)
        if ind.change and status == "met" and (before is None or now <= before or high is not None):
            status = "not met"  # a signpost of change: only a new high of the last few years counts as a rise
        return Reading(question=question, hypothesis=ind.hypothesis, name=ind.name, status=status,
                       trend=_trend(now, before), threshold=_threshold(ind), value=now, previous=before,
                       window=f"series {ind.series}, {series[0][0]}",
                       observed=tuple((year, source) for year, _v, source in series), high=high)
    figures = _figures(store, ind, iso3, as_of)
    value = figures[0][1] if figures else None
    previous = figures[1][1] if len(figures) > 1 else None
    return Reading(question=question, hypothesis=ind.hypothesis, name=ind.name, status=_met(value, ind),
                   trend=_trend(value, previous), threshold=_threshold(ind), value=value,
                   previous=previous, window=f"latest figure, {figures[0][0].isoformat()}" if figures else "no figure",
                   events=[figures[0][2]] if figures else [],
                   previous_events=[figures[1][2]] if len(figures) > 1 else [])


def _yearly(store: Store, ind: Indicator, iso3: str, as_of: dt.date) -> list[Point]:
    """The figure's yearly values up to the cut-off, newest first: for a year reported several times, the largest
    (a half-year total and a full-year one are both reported; the full year is the larger)."""
    from watchfloor.analyse.series_chart import read_series

    years: dict[int, Point] = {}
    for series in read_series(store, ind.spec, iso3, as_of)[:1]:
        for p in series.points:
            if p.annual and (int(p.x) not in years or p.value > years[int(p.x)].value):
                years[int(p.x)] = p
    return [years[y] for y in sorted(years, reverse=True)]


def _read_yearly(store: Store, ind: Indicator, iso3: str, as_of: dt.date, question: str) -> Reading:
    now, before = (_yearly(store, ind, iso3, as_of) + [None, None])[:2]
    value = now.value if now else None
    previous = before.value if before else None
    status = _met(value, ind)
    if ind.change and status == "met" and previous is not None and value is not None and value <= previous:
        status = "not met"  # a signpost of change: the level reached, but no rise on the year before
    return Reading(question=question, hypothesis=ind.hypothesis, name=ind.name, status=status,
                   trend=_trend(value, previous), threshold=_threshold(ind), value=value, previous=previous,
                   window=f"year {now.when}" if now else "no figure", events=list(now.events) if now else [],
                   previous_events=list(before.events) if before else [],
                   hedges=(now.qualifier if now else "", before.qualifier if before else ""))


def read(store: Store, ind: Indicator, iso3: str, as_of: dt.date, question: str,
         involved: Sequence[str] | None = None) -> Reading:
    """One indicator as of a date: this window against the one before it. `involved`: the country's narrated
    events (`involvement.narrated`, read once per board)."""
    if ind.spec is not None:
        return _read_yearly(store, ind, iso3, as_of, question)
    if ind.measure:
        return _read_figure(store, ind, iso3, as_of, question)
    months = WINDOWS[ind.window]
    start = _months_back(as_of, months)
    before = start - dt.timedelta(days=1)
    ids = narrated(store, iso3) if involved is None else involved
    value, events = _count(store, ind, iso3, start, as_of, involved=ids)
    previous, previous_events = _count(store, ind, iso3, _months_back(before, months), before, involved=ids)
    kind = (value or _count(store, ind, iso3, start, as_of, True, ids)[0],
            previous or _count(store, ind, iso3, _months_back(before, months), before, True, ids)[0])
    latest: list[str] = []
    if not value and not previous:
        where, params = _where(ind, iso3, involved=ids)
        latest = [r["id"] for r in store.query(f"SELECT id FROM event WHERE {where} AND date < ? "
                                               "ORDER BY date DESC, id LIMIT 1",
                                               [*params, _months_back(before, months)])]
    status = _met(value, ind)
    if ind.change and status == "met" and value <= previous:
        status = "not met"  # a signpost of change: the level reached, but no rise on the window before
    return Reading(question=question, hypothesis=ind.hypothesis, name=ind.name, status=status,
                   trend=_trend(value, previous), threshold=_threshold(ind),
                   value=value, previous=previous, window=f"{start.isoformat()} to {as_of.isoformat()}",
                   events=events, previous_events=previous_events, kind=kind, latest=latest)


def board(store: Store, plan: WatchPlan, as_of: dt.date | None = None) -> Board:
    """Every indicator of the plan, read as of `as_of` (default: the country's newest event)."""
    when = as_of or cut_off(store, plan.country)
    readings: list[Reading] = []
    involved = narrated(store, plan.country) if when is not None else []
    for q in plan.questions:
        for ind in q.indicators:
            if when is None:
                readings.append(Reading(q.question, ind.hypothesis, ind.name, "no data", "no data",
                                        _threshold(ind), None, None, ""))
            else:
                readings.append(read(store, ind, plan.country, when, q.question, involved))
    return Board(country=plan.country, as_of=when, readings=readings)
