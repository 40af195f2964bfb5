"""The figures a watch-plan question argues with, read from data: each question's `figures` in watchplan.json.

A figure is declared, not coded, so a second country gets its own from its own pack. Three kinds:

- `map`: incidents (an event filter) placed on the map, optionally only those near another country's border;
- `series`: one or more figures over time, each an observation series of the store or values read from events'
  counts under named keys (`{year}` in a key stands for the year the value refers to);
- `table`: events grouped by country and outcome, the outcome read from the events' counts and types.

The format is documented in docs/briefs.md ("Argument figures"); a mistake names the file, question and field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError

KINDS = ("map", "series", "table", "timeline")
SPANS = ("all", "period")
WHERE = ("home", "abroad", "any")
ROWS = ("where", "partner")
STYLES = ("lines", "bars")
QUALIFIERS = {"over": "more than", "min": "at least", "approx": "about", "max": "at most"}
"""Words a count key may end with, and what they say about its value ('deported_2024_over': more than)."""


@dataclass(frozen=True)
class EventFilter:
    """Which events a figure draws on: types, countries involved, at home or abroad, words the summary says."""

    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    where: str = "any"
    mentions: tuple[str, ...] = ()
    """Words one of which the event's summary must contain (case-insensitive, whole words)."""

    def sql(self, iso3: str, alias: str = "e") -> tuple[str, list[Any]]:
        """A WHERE clause over the event table (aliased `alias`) and its parameters."""
        sql = [f"list_contains({alias}.countries, ?)"]
        params: list[Any] = [iso3]
        if self.types:
            sql.append(f"{alias}.type IN (SELECT unnest(?))")
            params.append(list(self.types))
        if self.countries:
            sql.append(f"list_has_any({alias}.countries, ?)")
            params.append(list(self.countries))
        if self.where == "home":
            sql.append(f"{alias}.country_iso3 = ?")
            params.append(iso3)
        elif self.where == "abroad":
            sql.append(f"{alias}.country_iso3 IS NOT NULL AND {alias}.country_iso3 <> ?")
            params.append(iso3)
        if self.mentions:
            sql.append(f"regexp_matches({alias}.summary, ?)")
            params.append("(?i)\\b(" + "|".join(re.escape(m) for m in self.mentions) + ")\\b")
        return " AND ".join(sql), params


@dataclass(frozen=True)
class SeriesSpec:
    """One line (or set of bars) of a series figure."""

    label: str
    observation: str | None = None
    """An observation series of the store (World Bank code), drawn as the store holds it."""
    keys: tuple[tuple[str, float], ...] = ()
    """Count keys to read from events and the factor that brings each to the figure's unit."""
    events: EventFilter = EventFilter()
    prior: tuple[tuple[str, float], ...] = ()
    """Count keys giving the value for the year before the latest year the same record's `{year}` keys name (a
    report of 'about 30,000 in 2024, against up to 1,000 a year before'), and their factors."""

    def patterns(self) -> list[tuple[re.Pattern[str], float]]:
        """Each key as an exact pattern in which `{year}` captures the year the value refers to."""
        out = []
        for key, scale in self.keys:
            body = re.escape(key).replace(re.escape("{year}"), r"(?P<year>(?:19|20)\d\d)")
            out.append((re.compile(f"^{body}$"), scale))
        return out


@dataclass(frozen=True)
class Outcome:
    """An outcome column of a table and what says an event had it: count keys (people with that outcome) or
    the event's type when no key of any outcome is present."""

    name: str
    keys: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureSpec:
    question: str
    """The id of the watch-plan question the figure supports: the brief places it there."""
    name: str
    kind: str
    title: str
    span: str = "all"
    """'all': every event up to the evidence cut-off (the figure's context); 'period': the brief's period only."""
    events: EventFilter = EventFilter()
    near: str | None = None
    """Map: only incidents within `km` of this country's border (ISO3)."""
    km: float = 0.0
    mark: tuple[str, ...] = ()
    """Map: incidents involving one of these countries (ISO3) are drawn as diamonds, told apart from the rest."""
    mark_label: str = ""
    """Map: what the diamonds are, for the legend ('on Zendan workers or sites')."""
    series: tuple[SeriesSpec, ...] = ()
    unit: str = ""
    style: str = "lines"
    compare: bool = False
    """Series: the series measure one thing (two sources for one figure), so where they differ the figure marks it and
    the caption says when; without it they are different things drawn together (creditors)."""
    by_year: bool = False
    """Table: a row per country and year, not per country."""
    rows: str = "where"
    """Table: group rows by where the event took place ('where') or by the other countries involved ('partner')."""
    outcomes: tuple[Outcome, ...] = ()
    exclude: tuple[EventFilter, ...] = ()
    """Events left out of a table or map although the filter takes them (aggregate statistics, say)."""
    note: str = ""
    """Why the figure is drawn as it is, for the reader of the plan (not shown)."""
    supports: tuple[str, ...] = ()
    """The names of the question's indicators whose reading the figure shows: the brief refers to it where it states
    them, and leaves out a figure that supports none (it would carry no message)."""


def _fail(path: Path, where: str, message: str) -> InputError:
    return InputError(f"{path.name}, {where}: {message}",
                      hint="fix the figure in the watch plan (format in docs/briefs.md, 'Argument figures')")


def _strings(obj: dict[str, Any], key: str, path: Path, where: str) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, where, f"field {key!r} must be a list of strings")
    return tuple(value)


def _filter(obj: dict[str, Any], path: Path, where: str) -> EventFilter:
    if obj.get("where", "any") not in WHERE:
        raise _fail(path, where, f"field 'where' must be one of {', '.join(WHERE)}")
    return EventFilter(types=_strings(obj, "types", path, where), countries=_strings(obj, "countries", path, where),
                       where=obj.get("where", "any"), mentions=_strings(obj, "mentions", path, where))


def _series(obj: Any, path: Path, where: str) -> SeriesSpec:
    if not isinstance(obj, dict) or not isinstance(obj.get("label"), str):
        raise _fail(path, where, "a series needs a 'label'")
    where = f"{where}, series {obj['label']!r}"
    keys = obj.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, int | float) for v in keys.values()):
        raise _fail(path, where, "field 'keys' maps count keys to the factor that brings them to the figure's unit")
    if bool(obj.get("observation")) == bool(keys):
        raise _fail(path, where, "give either 'observation' (a series code) or 'keys' (count keys of events)")
    prior = obj.get("prior", {})
    if not isinstance(prior, dict) or not all(isinstance(v, int | float) for v in prior.values()):
        raise _fail(path, where, "field 'prior' maps count keys to the factor that brings them to the figure's unit")
    if prior and not any("{year}" in k for k in keys):
        raise _fail(path, where, "field 'prior' needs a key with '{year}' in 'keys' (the year it is the year before)")
    return SeriesSpec(label=obj["label"], observation=obj.get("observation"),
                      keys=tuple((k, float(v)) for k, v in keys.items()), events=_filter(obj, path, where),
                      prior=tuple((k, float(v)) for k, v in prior.items()))


def _outcome(obj: Any, path: Path, where: str) -> Outcome:
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
        raise _fail(path, where, "an outcome needs a 'name'")
    where = f"{where}, outcome {obj['name']!r}"
    return Outcome(obj["name"], _strings(obj, "keys", path, where), _strings(obj, "types", path, where))


def _spec(obj: Any, question: str, path: Path) -> FigureSpec:
    where = f"question {question!r}"
    if not isinstance(obj, dict) or not isinstance(obj.get("name"), str) or not isinstance(obj.get("title"), str):
        raise _fail(path, where, "a figure needs a 'name' and a 'title'")
    where = f"{where}, figure {obj['name']!r}"
    if obj.get("kind") not in KINDS:
        raise _fail(path, where, f"field 'kind' must be one of {', '.join(KINDS)}")
    if obj.get("span", "all") not in SPANS:
        raise _fail(path, where, f"field 'span' must be one of {', '.join(SPANS)}")
    if obj.get("style", "lines") not in STYLES:
        raise _fail(path, where, f"field 'style' must be one of {', '.join(STYLES)}")
    if obj.get("rows", "where") not in ROWS:
        raise _fail(path, where, f"field 'rows' must be one of {', '.join(ROWS)}")
    series = tuple(_series(s, path, where) for s in obj.get("series", []))
    outcomes = tuple(_outcome(o, path, where) for o in obj.get("outcomes", []))
    if obj["kind"] == "series" and not series:
        raise _fail(path, where, "a series figure needs 'series'")
    if obj["kind"] == "table" and not outcomes:
        raise _fail(path, where, "a table needs 'outcomes'")
    near = obj.get("near")
    if near is not None and (not isinstance(near, dict) or not isinstance(near.get("country"), str)
                             or not isinstance(near.get("km"), int | float)):
        raise _fail(path, where, "field 'near' is {\"country\": ISO3, \"km\": distance}")
    mark = obj.get("mark", {"countries": [], "label": ""})
    if not isinstance(mark, dict) or not isinstance(mark.get("countries"), list) \
            or not isinstance(mark.get("label", ""), str):
        raise _fail(path, where, "field 'mark' is {\"countries\": [ISO3, …], \"label\": \"…\"}")
    exclude = obj.get("exclude", [])
    if not isinstance(exclude, list):
        raise _fail(path, where, "field 'exclude' is a list of event filters")
    return FigureSpec(question=question, name=obj["name"], kind=obj["kind"], title=obj["title"],
                      span=obj.get("span", "all"), events=_filter(obj, path, where),
                      near=near["country"] if near else None, km=float(near["km"]) if near else 0.0,
                      mark=tuple(str(c) for c in mark["countries"]), mark_label=str(mark.get("label", "")),
                      series=series, unit=str(obj.get("unit", "")), style=obj.get("style", "lines"),
                      compare=bool(obj.get("compare", False)),
                      rows=obj.get("rows", "where"), outcomes=outcomes, by_year=bool(obj.get("by_year", False)),
                      exclude=tuple(_filter(x, path, f"{where}, exclude") for x in exclude),
                      note=str(obj.get("note", "")), supports=_strings(obj, "supports", path, where))


def load_specs(path: Path) -> list[FigureSpec]:
    """Every figure a watch plan declares, in the order of its questions."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(path, "whole file", f"not a readable JSON file ({exc})") from exc
    out: list[FigureSpec] = []
    for q in data.get("questions", []) if isinstance(data, dict) else []:
        if not isinstance(q, dict):
            continue
        figures = q.get("figures", [])
        if not isinstance(figures, list):
            raise _fail(path, f"question {q.get('id')!r}", "field 'figures' is a list")
        out += [_spec(f, str(q.get("id")), path) for f in figures]
    names = [s.name for s in out]
    if len(set(names)) != len(names):
        raise _fail(path, "figures", "two figures share a name")
    return out


def bundled_specs(iso3: str) -> list[FigureSpec]:
    """The figures of the country's bundled watch plan; none when it has no plan."""
    base = resources.files("watchfloor").joinpath("data", "countries", iso3, "watchplan.json")
    path = Path(str(base))
    return load_specs(path) if path.is_file() else []


def qualifier(key: str) -> str:
    """'more than' for 'deported_2024_over', '' for a plain key."""
    return QUALIFIERS.get(key.rsplit("_", 1)[-1], "")
