"""A figure over time drawn from the store: observation series and figures read from events' counts, side by side.

Two sources giving one measure are drawn as two series, each with its publishers in the legend, so a reader sees
where they disagree instead of a silent choice. A value for a whole year sits in the middle of that year, never on
1 January; a stock dated to a day sits on its day.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from matplotlib.ticker import FuncFormatter

from watchfloor.analyse.argument_specs import FigureSpec, SeriesSpec, qualifier
from watchfloor.analyse.figures import INK, MUTED, _figure, _style
from watchfloor.model import MEDIA_DATASETS
from watchfloor.store import Store

COLOURS = ("#2c6fbb", "#c0392b", "#2a9d8f", "#e8a33d", "#8e6cbe", "#52606d")
MARKERS = ("o", "s", "D", "^", "v", "P")
DISAGREE = 0.02
"""Two values more than 2% apart disagree (the brief's competing-values rule)."""


@dataclass(frozen=True)
class Point:
    x: float
    """Decimal year: a yearly value at mid-year, a monthly one mid-month, a dated one on its day."""
    when: str
    """The date the value refers to, as precise as it is known: '2024', 'June 2024', '1 January 2024'."""
    annual: bool
    value: float
    qualifier: str = ""
    events: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass
class Series:
    label: str
    points: list[Point] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for p in self.points for s in p.sources))

    @property
    def events(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for p in self.points for e in p.events))


def decimal_year(day: dt.date, precision: str) -> tuple[float, str, bool]:
    """Where a value dated `day` at `precision` sits on a year axis, and how its date is written."""
    if precision == "year":
        return day.year + 0.5, str(day.year), True
    if precision == "month":
        return day.year + (day.month - 0.5) / 12, day.strftime("%B %Y"), False
    start = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / days, f"{day.day} {day.strftime('%B %Y')}", False


def _observations(store: Store, spec: SeriesSpec, iso3: str, until: dt.date, since: dt.date | None) -> Series:
    # a yearly observation is known once its year is over: a brief to June 2024 has no figure for 2024 yet
    last = until.year if (until.month, until.day) == (12, 31) else until.year - 1
    rows = store.query("SELECT o.year, o.value, o.source_id, s.publisher FROM observation o "
                       "LEFT JOIN source s ON s.id = o.source_id WHERE o.country_iso3 = ? AND o.indicator = ? "
                       "AND o.year <= ? AND o.year >= ? ORDER BY o.year",
                       [iso3, spec.observation, last, since.year if since else 0])
    series = Series(spec.label)
    for r in rows:
        series.points.append(Point(r["year"] + 0.5, str(r["year"]), True, float(r["value"]), "", (),
                                   (r["source_id"],)))
    series.publishers = list(dict.fromkeys(r["publisher"] for r in rows if r["publisher"]))
    return series


def _from_events(store: Store, spec: SeriesSpec, iso3: str, until: dt.date, since: dt.date | None) -> Series:
    where, params = spec.events.sql(iso3)
    rows = store.query(f"SELECT e.id, e.date, e.date_precision, e.counts FROM event e WHERE {where} "
                       "AND e.counts IS NOT NULL AND e.date <= ? AND NOT list_contains(?, e.dataset) "
                       "ORDER BY e.date, e.id",
                       [*params, until, list(MEDIA_DATASETS)])
    sources = _sources(store, [r["id"] for r in rows])
    patterns = spec.patterns()
    found: dict[tuple[float, float], Point] = {}

    def add(x: float, when: str, annual: bool, value: float, key: str, event: str) -> None:
        if (int(x) > until.year if annual else x > _x(until)) or (since and x < since.year):
            return  # a figure for after the cut-off (a forecast) is not evidence yet
        old = found.get((x, value))
        ids = tuple(s for s, _p in sources.get(event, []))
        found[(x, value)] = Point(x, when, annual, value, old.qualifier if old else qualifier(key),
                                  (*(old.events if old else ()), event),
                                  tuple(dict.fromkeys((*(old.sources if old else ()), *ids))))

    for r in rows:
        counts = json.loads(r["counts"]) if isinstance(r["counts"], str) else r["counts"]
        years: list[int] = []
        for key, value in sorted((counts or {}).items()):
            if not isinstance(value, int | float):
                continue
            for pattern, scale in patterns:
                m = pattern.match(key)
                if not m:
                    continue
                if "year" in pattern.groupindex:
                    year = int(m.group("year"))
                    years.append(year)
                    x, when, annual = year + 0.5, str(year), True
                else:
                    x, when, annual = decimal_year(r["date"], r["date_precision"])
                add(x, when, annual, round(float(value) * scale, 6), key, r["id"])
                break
        for key, scale in spec.prior if years else ():
            value = (counts or {}).get(key)
            if isinstance(value, int | float):
                year = max(years) - 1
                add(year + 0.5, str(year), True, round(float(value) * scale, 6), key, r["id"])
    series = Series(spec.label, sorted(found.values(), key=lambda p: (p.x, p.value)))
    used = {e for p in series.points for e in p.events}
    first = {e: min(p.x for p in series.points if e in p.events) for e in used}
    series.publishers = list(dict.fromkeys(pub for e in sorted(used, key=lambda e: (first[e], e))
                                           for _s, pub in sources.get(e, []) if pub))  # in order of first value
    return series


def _x(day: dt.date) -> float:
    return decimal_year(day, "day")[0]


def _sources(store: Store, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Event id → its (source id, publisher), best graded first."""
    if not ids:
        return {}
    out: dict[str, list[tuple[str, str]]] = {}
    for r in store.query("SELECT es.event_id, s.id, s.publisher FROM event_source es JOIN source s ON s.id = "
                         "es.source_id WHERE es.event_id IN (SELECT unnest(?)) ORDER BY s.reliability, s.id", [ids]):
        out.setdefault(r["event_id"], []).append((r["id"], r["publisher"] or ""))
    return out


def read_series(store: Store, spec: FigureSpec, iso3: str, until: dt.date,
                since: dt.date | None = None) -> list[Series]:
    """Each series of the figure as the store holds it up to `until` (and from `since`, for span 'period')."""
    return [_observations(store, s, iso3, until, since) if s.observation
            else _from_events(store, s, iso3, until, since) for s in spec.series]


def disagreements(series: list[Series]) -> list[Point]:
    """The points of the first series that another series contradicts (more than 2% apart on the same date): where
    the figure shows competing values."""
    out: list[Point] = []
    for i, a in enumerate(series):
        for b in series[i + 1:]:
            for p in a.points:
                if any(p.x == q.x and abs(p.value - q.value) > DISAGREE * max(abs(p.value), abs(q.value))
                       for q in b.points) and p not in out:
                    out.append(p)
    return sorted(out, key=lambda p: p.x)


def legend_label(s: Series, width: int = 70) -> str:
    """The series' label with who publishes it, wrapped: a legend entry says where each value comes from."""
    who = f" ({', '.join(s.publishers)})" if s.publishers else ""
    return textwrap.fill(s.label + who, width)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:,.1f}" if abs(v) >= 10 else f"{v:,.2f}".rstrip("0")


SIGN = {"more than": ">", "at least": "≥", "about": "≈", "at most": "≤"}
QUALIFIER_WORDS = {"more than": "more than ", "at least": "at least ", "about": "about ", "at most": "up to "}
"""A point's qualifier as a caption writes it before the value, in the brief's words ('up to 1,000')."""


def build_series_chart(series: list[Series], spec: FigureSpec, title: str) -> Any:
    """Lines (or bars) on a year axis; every series in the legend under the plot with its publishers."""
    fig = _figure(8.0, 3.9)
    ax = fig.add_subplot()
    drawn = [s for s in series if s.points]
    xs = [p.x for s in drawn for p in s.points]
    first, last = int(min(xs)), int(max(xs))
    if spec.style == "bars":
        _bars(ax, drawn)
    else:
        _lines(ax, drawn)
    for x in sorted({p.x for p in disagreements(drawn)}) if spec.compare else []:
        values = [p.value for s in drawn for p in s.points if p.x == x]
        ax.plot([x, x], [min(values), max(values)], color=MUTED, linestyle=":", linewidth=1, zorder=1)
    years = list(range(first, last + 1))
    step = 1 if len(years) <= 12 else 2
    ax.set_xticks([y + 0.5 for y in years[::step]], [str(y) for y in years[::step]])
    ax.set_xticks(list(range(first, last + 2)), minor=True)
    ax.tick_params(axis="x", which="minor", length=3, color=MUTED)
    ax.tick_params(axis="x", which="major", length=0)
    ax.set_xlim(first - 0.05, last + 1.05)
    top = max(p.value for s in drawn for p in s.points)
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)
    ax.set_ylabel(spec.unit, color=INK)
    if top >= 1000:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    _style(ax, title)
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        fig.legend(handles, labels, loc="outside lower left", frameon=False, fontsize=7.5, ncols=1)
    return fig


def _lines(ax: Any, series: list[Series]) -> None:
    for i, s in enumerate(series):
        colour, marker = COLOURS[i % len(COLOURS)], MARKERS[i % len(MARKERS)]
        observed = all(not p.events for p in s.points)
        ax.plot([p.x for p in s.points], [p.value for p in s.points], color=colour, marker=marker, linestyle="none",
                markersize=4 if observed else 6, label=legend_label(s), zorder=2 if observed else 3)
        for run in _runs(s.points):
            ax.plot([p.x for p in run], [p.value for p in run], color=colour, linewidth=1.6 if observed else 1.0,
                    linestyle="-" if observed else "--", zorder=2 if observed else 3)


def _runs(points: list[Point], gap: float = 1.5) -> list[list[Point]]:
    """Stretches of points to join with a line: a line never bridges a gap of more than `gap` years (it would draw
    values nobody reported) nor joins two values for one date (two sources)."""
    runs: list[list[Point]] = []
    xs = [p.x for p in points]
    for p in points:
        if xs.count(p.x) > 1:
            runs.append([])
            continue
        if runs and runs[-1] and p.x - runs[-1][-1].x <= gap:
            runs[-1].append(p)
        else:
            runs.append([p])
    return [r for r in runs if len(r) > 1]


def _bars(ax: Any, series: list[Series]) -> None:
    """Bars per year; two values for one year (from two sources or two series) stand side by side."""
    slots: dict[float, list[tuple[int, Point]]] = {}
    for i, s in enumerate(series):
        for p in s.points:
            slots.setdefault(p.x, []).append((i, p))
    labelled: set[int] = set()
    for x, entries in sorted(slots.items()):
        width = 0.7 / len(entries)
        for k, (i, p) in enumerate(entries):
            left = x - 0.35 + k * width + width / 2
            colour = COLOURS[i % len(COLOURS)]
            ax.bar([left], [p.value], width=width * 0.9, color=colour, linewidth=0,
                   label=legend_label(series[i]) if i not in labelled else None)
            labelled.add(i)
            sign = SIGN.get(p.qualifier, "")
            ax.annotate(f"{sign}{_fmt(p.value)}", (left, p.value), textcoords="offset points", xytext=(0, 3),
                        ha="center", fontsize=7.5 if len(entries) == 1 else 6.5, color=INK)


def points_text(points: Iterable[Point]) -> str:
    """'2023 and 2024' — the dates of some points, for a caption."""
    whens = list(dict.fromkeys(p.when for p in points))
    return whens[0] if len(whens) == 1 else ", ".join(whens[:-1]) + " and " + whens[-1]
