"""Figures for the CLI (--plot), the brief and the dashboard: matplotlib, Agg only, offline.

Each `*_figure` / `events_over_time` / `event_map` function returns SVG text; the matching `build_*`
function returns the matplotlib Figure, which `write(fig, path)` saves as .svg or .png by suffix.
SVG output is deterministic (fixed hash salt, no date) so the same store gives the same file.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # never a GUI backend, even when imported into a web server
from matplotlib import rcParams  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Polygon  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from watchfloor.analyse.outlines import outlines  # noqa: E402
from watchfloor.analyse.timeline import Period, timeline  # noqa: E402
from watchfloor.errors import ConfigError  # noqa: E402
from watchfloor.model import MEDIA_DATASETS  # noqa: E402
from watchfloor.store import Store  # noqa: E402

rcParams["svg.hashsalt"] = "watchfloor"
rcParams["svg.fonttype"] = "none"
rcParams["font.size"] = 9

INK, MUTED, GRID = "#1f2933", "#7b8794", "#e4e7eb"
CATEGORY_COLOURS = {"violence": "#c0392b", "security": "#2c6fbb", "politics": "#8e6cbe", "economy": "#2a9d8f",
                    "other": "#9aa5b1"}
CATEGORIES = {
    "violence": {"attack", "plot", "bombing", "assassination", "border_clash", "cross_border_fire", "prison_riot",
                 "unrest", "military_strike", "execution", "hostage_taking", "kidnapping"},
    "security": {"arrest", "deportation", "trial", "sentence", "security_operation", "designation", "extradition",
                 "repatriation", "investigation", "base_agreement", "security_assistance", "military_exercise",
                 "military_reinforcement"},
    "economy": {"economic_figure", "debt_figure", "loan", "project", "trade_figure", "migration_figure", "aid",
                "concession"},
    "politics": {"election", "summit", "visit", "diplomatic", "diplomatic_visit", "agreement", "membership",
                 "policy", "statement", "appointment", "referendum", "press_freedom", "border_agreement",
                 "migration_policy", "leadership", "peace_agreement"},
}
KIND_COLOURS = {"country": "#2c6fbb", "armed_group": "#c0392b", "organisation": "#2a9d8f", "person": "#e8a33d",
                "facility": "#8e6cbe", "place": "#9aa5b1", "other": "#9aa5b1"}
RELATION_COLOURS = {"attacked": "#c0392b", "arrested": "#1d4f8c", "arrested_nationals_of": "#2c6fbb",
                    "deported_nationals_of": "#5b8def", "plotted_in": "#e67e22", "hosts_base_of": "#8e6cbe",
                    "owes_debt_to": "#2a9d8f", "member_of": "#e8a33d", "clashed_with": "#d35400",
                    "designated": "#34495e", "co_occurs": "#cbd2d9"}


def category(event_type: str) -> str:
    for name, types in CATEGORIES.items():
        if event_type in types:
            return name
    return "other"


# ---------------------------------------------------------------- output

def to_svg(fig: Figure) -> str:
    _anchor_at_start(fig)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "watchfloor"}, bbox_inches="tight")
    return buf.getvalue()


def _anchor_at_start(fig: Figure) -> None:
    """Anchor every level text at its start, where it is drawn now: WeasyPrint draws SVG text anchored in the middle
    or at the end clipped (a country name 'Ruritania' came out 'itania' in the brief's PDF); the same text anchored at
    its start at the same place is drawn whole. Rotated text and annotations keep their anchors."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Annotation, Text

    texts = [t for t in fig.findobj(Text) if not isinstance(t, Annotation) and t.get_visible() and t.get_text()
             and t.get_horizontalalignment() != "left" and not t.get_rotation()]
    if not texts:
        return
    renderer = FigureCanvasAgg(fig).get_renderer()
    for t in texts:
        left = t.get_window_extent(renderer).x0
        transform = t.get_transform()
        _, y = transform.transform(t.get_unitless_position())
        if "\n" in t.get_text():
            t.set_multialignment(t.get_horizontalalignment())
        t.set_horizontalalignment("left")
        x, y = transform.inverted().transform((left, y))
        t.set_position((float(x), float(y)))


def to_png(fig: Figure, dpi: int = 150) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": "watchfloor"}, bbox_inches="tight")
    return buf.getvalue()


def write(fig: Figure, path: str | Path) -> Path:
    """Save a figure as SVG or PNG, chosen by the file's suffix (what `--plot FILE` calls)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise ConfigError(f"--plot {str(p)!r}: cannot draw a {suffix or 'suffix-less'} file",
                          hint="end the file name with .svg or .png")
    if not p.parent.exists():
        raise ConfigError(f"--plot {str(p)!r}: folder {str(p.parent)!r} does not exist",
                          hint="create the folder first or choose another path")
    if suffix == ".svg":
        p.write_text(to_svg(fig), encoding="utf-8")
    else:
        p.write_bytes(to_png(fig))
    return p


def _figure(width: float = 8.0, height: float = 3.6) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _style(ax: Any, title: str | None = None) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.spines[["left", "bottom"]].set_color(MUTED)
    ax.tick_params(colors=INK, labelsize=8)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    if title:
        ax.set_title(title, loc="left", fontsize=10, color=INK, fontweight="bold")


def _empty(fig: Figure, text: str) -> Figure:
    ax = fig.add_subplot()
    ax.axis("off")
    ax.text(0.5, 0.5, text, ha="center", va="center", color=MUTED, fontsize=10, transform=ax.transAxes)
    return fig


# ---------------------------------------------------------------- events over time

def build_events_over_time(store: Store, iso3: str, period: Period = Period(), title: str | None = None) -> Figure:
    """Stacked bars of a country's events per year (or per month when the span is short), by kind of event.

    Per month, an event dated only to its year is not drawn in January (it has no month): the title counts it apart."""
    where, params = period.sql()
    rows = store.query(f"SELECT strftime(e.date, '%Y-%m') AS ym, e.type, e.date_precision = 'year' AS yearly, "
                       f"count(*) AS n FROM event e WHERE {where} AND list_contains(e.countries, ?) GROUP BY 1, 2, 3",
                       [*params, iso3])
    fig = _figure()
    if not rows:
        return _empty(fig, f"No events for {iso3} in this period")
    total = sum(r["n"] for r in rows)
    years = sorted({int(r["ym"][:4]) for r in rows})
    monthly = years[-1] - years[0] < 3
    undated = sum(r["n"] for r in rows if r["yearly"]) if monthly else 0
    if monthly:
        rows = [r for r in rows if not r["yearly"]]
    if monthly:
        bins = [f"{y}-{m:02d}" for y in range(years[0], years[-1] + 1) for m in range(1, 13)]
    else:
        bins = [str(y) for y in range(years[0], years[-1] + 1)]
    counts: dict[str, Counter[str]] = {c: Counter() for c in CATEGORY_COLOURS}
    for r in rows:
        counts[category(r["type"])][r["ym"] if monthly else r["ym"][:4]] += r["n"]
    ax = fig.add_subplot()
    bottom = [0] * len(bins)
    x = range(len(bins))
    for cat, colour in CATEGORY_COLOURS.items():
        vals = [counts[cat][b] for b in bins]
        if any(vals):
            ax.bar(x, vals, bottom=bottom, color=colour, label=cat, width=0.8, linewidth=0)
            bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    step = max(1, len(bins) // 14)
    ax.set_xticks(list(x)[::step], bins[::step], rotation=45 if len(bins) > 14 else 0, ha="right"
                  if len(bins) > 14 else "center")
    ax.set_ylabel("events", color=INK)
    ax.legend(frameon=False, fontsize=8, ncols=5, loc="upper left")
    ax.set_ylim(0, max(bottom) * 1.25 + 1)
    kept = f"; {undated} dated only to a year, not drawn" if undated else ""
    _style(ax, title or f"{_country_name(store, iso3)}: events per {'month' if monthly else 'year'} "
                        f"({total} in all{kept})")
    return fig


def events_over_time(store: Store, iso3: str, period: Period = Period()) -> str:
    """SVG: a country's events over time, by kind (violence, security, politics, economy)."""
    return to_svg(build_events_over_time(store, iso3, period))


# ---------------------------------------------------------------- actor graph

def build_actor_graph_figure(graph: Any, max_nodes: int = 30, title: str | None = None) -> Figure:
    """The actor graph: the most connected entities, typed relations coloured, co-occurrence in light grey."""
    import networkx as nx

    fig = _figure(9.0, 7.0)
    if graph.number_of_nodes() == 0:
        return _empty(fig, "No actors in this period")
    focus = graph.graph.get("focus")
    simple = nx.Graph()
    for u, v, d in graph.edges(data=True):
        w = d.get("weight", 1)
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w)
    simple.add_nodes_from(graph.nodes)
    typed = {(u, v) for u, v, d in graph.edges(data=True) if d.get("type") != "co_occurs"}
    keep_first = {n for uv in typed for n in uv}
    ranked = sorted(graph.nodes, key=lambda n: (n != focus, n not in keep_first,
                                                -simple.degree(n, weight="weight"), n))
    nodes = ranked[:max_nodes]
    sub = simple.subgraph(nodes)
    pos = nx.spring_layout(sub, seed=7, k=1.6 / math.sqrt(max(len(nodes), 1)), iterations=200, weight="weight")
    ax = fig.add_subplot()
    ax.axis("off")
    for u, v, d in sub.edges(data=True):
        ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], color=RELATION_COLOURS["co_occurs"],
                linewidth=0.5 + min(d["weight"], 8) * 0.3, zorder=1)
    shown_types: set[str] = set()
    for u, v, d in graph.edges(data=True):
        t = d.get("type")
        if t == "co_occurs" or u not in pos or v not in pos:
            continue
        colour = RELATION_COLOURS.get(t, "#52606d")
        shown_types.add(t)
        ax.annotate("", xy=pos[v], xytext=pos[u], zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.4, "shrinkA": 9, "shrinkB": 9,
                                "connectionstyle": "arc3,rad=0.12"})
    labels: list[tuple[Any, tuple[float, float], float]] = []
    for n in nodes:
        data = graph.nodes[n]
        size = 60 + 25 * min(data.get("events", 1), 30)
        size = size if n != focus else size * 1.6
        ax.scatter([pos[n][0]], [pos[n][1]], s=size, zorder=3,
                   color=KIND_COLOURS.get(data.get("kind", "other"), "#9aa5b1"), edgecolors="white", linewidths=1)
        labels.append((ax.annotate(data.get("name", n), pos[n], textcoords="offset points", xytext=(0, -7),
                                   ha="center", va="top", fontsize=7.5, color=INK, zorder=4,
                                   fontweight="bold" if n == focus or data.get("kind") == "country" else "normal"),
                       pos[n], math.sqrt(size) / 2))
    ax.margins(0.08)
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=k.replace("_", " "))
               for k, c in KIND_COLOURS.items() if any(graph.nodes[n].get("kind") == k for n in nodes)]
    handles += [Line2D([], [], color=RELATION_COLOURS.get(t, "#52606d"), label=t.replace("_", " "))
                for t in sorted(shown_types)]
    ax.legend(handles=handles, frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    hidden = graph.number_of_nodes() - len(nodes)
    name = graph.nodes[focus]["name"] if focus in graph.nodes else "actors"
    heading = title or f"{name}: who is linked with whom ({len(nodes)} of {graph.number_of_nodes()} actors" \
        f"{'' if not hidden else ', most connected'})"
    ax.set_title(heading, loc="left", fontsize=10, color=INK, fontweight="bold")
    left_out = _place_names(fig, ax, labels)
    fig.set_layout_engine("none")  # the names were placed on this layout: it must not move under them
    if left_out and not title:
        ax.set_title(f"{heading[:-1]}; {left_out} not named where a name would overlap another)", loc="left",
                     fontsize=10, color=INK, fontweight="bold")
    return fig


NAME_PLACES = ((0, -7, "center", "top"), (0, 7, "center", "bottom"), (8, 0, "left", "center"),
               (-8, 0, "right", "center"), (8, -7, "left", "top"), (-8, -7, "right", "top"), (8, 7, "left", "bottom"),
               (-8, 7, "right", "bottom"))
"""Where a node's name may go, in points from the node (beyond its marker), tried in turn."""


def _place_names(fig: Figure, ax: Any, labels: list[tuple[Any, tuple[float, float], float]]) -> int:
    """Put each name (most connected first: the list's order) at the first place around its node where it overlaps no
    node and no name already placed, inside the drawing; leave out a name with no such place. Returns how many were
    left out: labels never overlap."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    scale = fig.dpi / 72
    nodes = []
    for _label, xy, radius in labels:
        x, y = ax.transData.transform(xy)
        r = radius * scale
        nodes.append(Bbox([[x - r, y - r], [x + r, y + r]]))
    taken: list[Any] = []
    left_out = 0
    for i, (label, _xy, radius) in enumerate(labels):
        placed = False
        for dx, dy, ha, va in NAME_PLACES:
            label.xyann = (dx + (radius if dx > 0 else -radius if dx < 0 else 0),
                           dy + (radius if dy > 0 else -radius if dy < 0 else 0))
            label.set_ha(ha)
            label.set_va(va)
            box = label.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(t) for t in taken) and \
                    not any(box.overlaps(b) for j, b in enumerate(nodes) if j != i):
                placed = True
                break
        if placed:
            taken.append(label.get_window_extent(renderer))
        else:
            label.remove()
            left_out += 1
    return left_out


def actor_graph_figure(graph: Any) -> str:
    """SVG drawing of an actor graph from `actors.actor_graph`."""
    return to_svg(build_actor_graph_figure(graph))


# ---------------------------------------------------------------- map

def _bbox(rings: list[list[tuple[float, float]]]) -> tuple[float, float, float, float]:
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return min(xs), min(ys), max(xs), max(ys)


def _country_name(store: Store, iso3: str) -> str:
    return str(store.scalar("SELECT name FROM entity WHERE id = ?", [f"country:{iso3}"]) or iso3)


def _label_point(rings: list[list[tuple[float, float]]], box: tuple[float, float, float, float]) -> Any:
    """A point inside the country's largest visible ring, or None: labels never land on a neighbour."""
    from matplotlib.path import Path as MplPath

    for ring in sorted(rings, key=len, reverse=True):
        pts = [p for p in ring if box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]]
        if len(pts) < 4:
            continue
        cx, cy = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        if MplPath(ring).contains_point((cx, cy)):
            return cx, cy
    return None


def _countries_at(points: list[tuple[float, float]], shapes: dict[str, dict[str, Any]]) -> list[str | None]:
    """ISO3 of the outline each (lon, lat) falls in, or None (at sea on the coarse outlines, or no outlines): where
    an event off the map took place, which its own country need not say (a pack may file a summit abroad under the
    country it is about; the note then names the place). Each outline's box is measured once, each distinct point
    looked up once."""
    from matplotlib.path import Path as MplPath

    if not points:
        return []
    boxes = [(code, _bbox(shape["rings"]), shape["rings"]) for code, shape in sorted(shapes.items())]
    found: dict[tuple[float, float], str | None] = {}
    for lon, lat in dict.fromkeys(points):
        found[(lon, lat)] = next((code for code, (w, s, e, n), rings in boxes
                                  if w <= lon <= e and s <= lat <= n
                                  and any(MplPath(r).contains_point((lon, lat)) for r in rings)), None)
    return [found[p] for p in points]


def build_event_map(store: Store, iso3: str, period: Period = Period(), scope: str = "country",
                    title: str | None = None) -> Figure:
    """Events with coordinates over bundled country outlines. scope 'country' frames the country and its
    neighbours (events elsewhere are counted in a note); scope 'all' frames every event. Machine-coded news
    (MEDIA_DATASETS) is left out: the map shows incidents, as alerts and indicators count them."""
    from matplotlib.lines import Line2D

    events = [e for e in timeline(store, iso3, period, exclude=MEDIA_DATASETS)
              if e["lat"] is not None and e["lon"] is not None]
    shapes = outlines()
    fig = _figure(8.0, 6.0)
    ax = fig.add_subplot()
    if iso3 in shapes and scope == "country":
        w, s, e_, n = _bbox(shapes[iso3]["rings"])
        pad = max(e_ - w, n - s) * 0.45
        box = (w - pad, s - pad * 0.7, e_ + pad, n + pad * 0.7)
    elif events:
        lons = [e["lon"] for e in events]
        lats = [e["lat"] for e in events]
        pad = max(max(lons) - min(lons), max(lats) - min(lats), 4) * 0.15
        box = (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)
    else:
        return _empty(fig, f"No events with coordinates for {iso3}")
    land = "#eef0f2"
    names: list[Any] = []
    ax.set_facecolor(land)  # landlocked region: gaps between outlines of two resolutions stay invisible
    for code, shape in sorted(shapes.items()):
        bw, bs, be, bn = _bbox(shape["rings"])
        if be < box[0] or bw > box[2] or bn < box[1] or bs > box[3]:
            continue
        for ring in shape["rings"]:
            ax.add_patch(Polygon(ring, closed=True, facecolor="#fdf6e3" if code == iso3 else land,
                                 edgecolor="#9aa5b1", linewidth=0.6 if code != iso3 else 1.0, zorder=1))
        at_xy = _label_point(shape["rings"], box)
        if at_xy:
            names.append(ax.text(at_xy[0], at_xy[1], shape["name"], ha="center", va="center",
                                 fontsize=9 if code == iso3 else 7, color=INK if code == iso3 else MUTED, zorder=2,
                                 alpha=0.85, fontstyle="italic"))
    # one pass: testing `e not in inside` compared dicts pairwise (7 s for a 1M-event store)
    within = [box[0] <= e["lon"] <= box[2] and box[1] <= e["lat"] <= box[3] for e in events]
    inside = [e for e, w in zip(events, within, strict=True) if w]
    off = [e for e, w in zip(events, within, strict=True) if not w]
    outside = Counter(where or (e["location"] or "").split(",")[0].strip() or e["country"] or "?"
                      for e, where in zip(off, _countries_at([(e["lon"], e["lat"]) for e in off], shapes),
                                          strict=True))
    at: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for e in inside:
        at.setdefault((round(e["lon"], 2), round(e["lat"], 2)), []).append(e)
    used: set[str] = set()
    for xy, evs in sorted(at.items()):
        cats = Counter(category(e["type"]) for e in evs)
        main = sorted(cats.items(), key=lambda c: (-c[1], c[0]))[0][0]
        used.add(main)
        ax.scatter([xy[0]], [xy[1]], s=25 + 45 * math.sqrt(len(evs)), color=CATEGORY_COLOURS[main], alpha=0.8,
                   edgecolors="white", linewidths=0.8, zorder=3)
    busiest = sorted(at.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:6]
    placed: list[tuple[float, float]] = []
    near = (box[2] - box[0]) / 18
    labels = []
    for xy, evs in busiest:
        label = (evs[0]["location"] or "").split(",")[0].split(" and ")[0]
        if label and len(evs) >= 2 and all(abs(xy[0] - p[0]) + abs(xy[1] - p[1]) > near for p in placed):
            placed.append(xy)
            labels.append(ax.annotate(f"{label} ({len(evs)})", xy, textcoords="offset points", xytext=(8, 6),
                                      fontsize=7.5, color=INK, zorder=4))
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_aspect(1 / math.cos(math.radians((box[1] + box[3]) / 2)))
    _keep_inside(fig, ax, names)
    ax.tick_params(labelsize=7, colors=MUTED)
    if used:
        handles = [Line2D([], [], marker="o", linestyle="", markersize=7, color=CATEGORY_COLOURS[c], label=c)
                   for c in CATEGORY_COLOURS if c in used]
        ax.legend(handles=handles, frameon=True, fontsize=7.5, loc="lower left", title="events (main kind)",
                  title_fontsize=7.5)
    note = f"{len(inside)} events with coordinates on this map; circle area grows with the number of events"
    if outside:
        note += ". Elsewhere: " + ", ".join(f"{c} {n}" for c, n in sorted(outside.items(), key=lambda x: (-x[1], x[0])))
    ax.set_title(title or f"{_country_name(store, iso3)}: where events happened", loc="left", fontsize=10, color=INK,
                 fontweight="bold")
    ax.text(0, -0.09, note + ". Outlines: Natural Earth (public domain).", transform=ax.transAxes, fontsize=7,
            color=MUTED, wrap=True)
    if labels:
        from watchfloor.analyse.incident_map import declutter

        declutter(fig, ax, labels, [n for n in names if n.axes is not None], placed)  # labels never overlap
        fig.set_layout_engine("none")  # placed on this layout: it must not move under them
    return fig


def _keep_inside(fig: Figure, ax: Any, labels: list[Any], margin: float = 6.0) -> None:
    """Shift country names that stick out of the map's frame back inside it, or drop one wider than the frame.

    A name is centred on the part of its country inside the frame, which can sit at the edge ('istan' in the PDF).
    The margin (pixels) leaves room for the PDF renderer's font, which may be a little wider than matplotlib's."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    to_data = ax.transData.inverted()
    for label in labels:
        ext = label.get_window_extent(renderer)
        if ext.width + 2 * margin > frame.width or ext.height + 2 * margin > frame.height:
            label.remove()
            continue
        dx = max(0.0, frame.x0 + margin - ext.x0) - max(0.0, ext.x1 - (frame.x1 - margin))
        dy = max(0.0, frame.y0 + margin - ext.y0) - max(0.0, ext.y1 - (frame.y1 - margin))
        if dx or dy:
            x, y = ax.transData.transform(label.get_position())
            label.set_position(to_data.transform((x + dx, y + dy)))


def event_map(store: Store, iso3: str, period: Period = Period(), scope: str = "country") -> str:
    """SVG map of a country's events with coordinates, drawn on bundled Natural Earth outlines."""
    return to_svg(build_event_map(store, iso3, period, scope))


# ---------------------------------------------------------------- risk, alerts, bilateral

def build_risk_figure(report: dict[str, Any]) -> Figure:
    """GTI-method score per year, with incidents inside the country and attacks/plots abroad beneath."""
    years = report.get("years", [])
    fig = _figure(8.0, 5.0)
    if not years:
        return _empty(fig, f"No yearly scores for {report.get('country')}")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    xs = [y["year"] for y in years]
    top.plot(xs, [y["score"] for y in years], color="#c0392b", marker="o", linewidth=2)
    for y in years:
        top.annotate(f"{y['score']:.2f}", (y["year"], y["score"]), textcoords="offset points", xytext=(0, 6),
                     ha="center", fontsize=7, color=INK)
    top.set_ylim(0, max(10.0 if max(y["score"] for y in years) > 5 else 6.0, 1.0))
    top.set_ylabel("score (0–10)", color=INK)
    _style(top, f"{report.get('name') or report.get('country')}: terrorism impact (GTI method)")
    inside = [y["incidents"] for y in years]
    abroad = {a["year"]: a for a in report.get("abroad", [])}
    out = [abroad.get(x, {}).get("attacks", 0) + abroad.get(x, {}).get("plots", 0) for x in xs]
    bottom.bar([x - 0.2 for x in xs], inside, width=0.4, color="#c0392b", label="incidents inside")
    bottom.bar([x + 0.2 for x in xs], out, width=0.4, color="#e8a33d", label="attacks & plots abroad, nationals")
    bottom.set_ylabel("events", color=INK)
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.legend(frameon=False, fontsize=7.5, loc="upper left")
    bottom.set_xticks(xs, [str(x) for x in xs])
    _style(bottom)
    return fig


def risk_figure(report: dict[str, Any]) -> str:
    """SVG of a `risk.risk_report` result."""
    return to_svg(build_risk_figure(report))


def build_alerts_figure(series: list[dict[str, Any]], found: list[dict[str, Any]], title: str = "",
                        months_shown: int = 120) -> Figure:
    """Monthly events and fatalities (the last `months_shown` months) with the months that tripped an alert."""
    fig = _figure(8.0, 4.6)
    series = series[-months_shown:]
    if not series:
        return _empty(fig, "No monthly series")
    axes = fig.subplots(2, 1, sharex=True)
    months = [s["month"] for s in series]
    idx = {m: i for i, m in enumerate(months)}
    for ax, metric, colour in ((axes[0], "events", "#2c6fbb"), (axes[1], "fatalities", "#c0392b")):
        vals = [s[metric] for s in series]
        ax.bar(range(len(months)), vals, color=colour, width=0.9, linewidth=0, alpha=0.8)
        hits = [a for a in found if a["metric"] == metric and a["month"] in idx]
        ax.scatter([idx[a["month"]] for a in hits], [a["value"] for a in hits], marker="v", s=50, color="#1f2933",
                   zorder=3, label="alert")
        last = -10
        for a in sorted(hits, key=lambda h: h["month"]):
            if idx[a["month"]] - last < 4:
                continue
            last = idx[a["month"]]
            ax.annotate(a["month"], (idx[a["month"]], a["value"]), textcoords="offset points", xytext=(0, 6),
                        ha="center", fontsize=7, color=INK)
        ax.set_ylabel(metric, color=INK)
        if vals:
            ax.set_ylim(0, max(vals) * 1.3 + 1)
        _style(ax, title if metric == "events" else None)
        if hits:
            ax.legend(frameon=False, fontsize=7.5, loc="upper left")
    step = max(1, len(months) // 12)
    axes[1].set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right")
    return fig


def alerts_figure(store: Store, iso3: str) -> str:
    """SVG: a country's monthly series with its alerts marked (see alerts.py for the rule)."""
    from watchfloor.analyse.alerts import alerts, monthly_series

    return to_svg(build_alerts_figure(monthly_series(store, iso3), alerts(store, iso3),
                                      f"{_country_name(store, iso3)}: monthly events, fatalities and alerts"))


def build_relation_figure(trend: list[dict[str, Any]], a: str = "", b: str = "") -> Figure:
    """Bilateral GDELT trend: events per month, mean Goldstein scale and mean tone."""
    fig = _figure(8.0, 4.8)
    if not trend:
        return _empty(fig, f"No GDELT events between {a} and {b}")
    axes = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1])
    months = [t["month"] for t in trend]
    x = range(len(months))
    axes[0].bar(x, [t["events"] for t in trend], color="#9aa5b1", width=0.85, linewidth=0)
    axes[0].set_ylabel("events", color=INK)
    _style(axes[0], f"{a} ↔ {b}: GDELT events per month")
    axes[1].axhline(0, color=MUTED, linewidth=0.8)
    axes[1].plot(x, [t["goldstein"] for t in trend], color="#2c6fbb", marker="o", markersize=3,
                 label="mean Goldstein (−10 conflict … +10 cooperation)")
    axes[1].plot(x, [t["tone"] for t in trend], color="#e8a33d", marker="s", markersize=3, label="mean tone")
    axes[1].legend(frameon=False, fontsize=7.5, loc="best")
    _style(axes[1])
    step = max(1, len(months) // 12)
    axes[1].set_xticks(list(x)[::step], months[::step], rotation=45 if len(months) > 6 else 0, ha="right")
    return fig


def relation_figure(trend: list[dict[str, Any]], a: str = "", b: str = "") -> str:
    """SVG of a `bilateral.relation_trend` result."""
    return to_svg(build_relation_figure(trend, a, b))
