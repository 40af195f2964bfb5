"""The parts other modules provide — the checker and the figures — each behind one small function.

They are imported lazily: while a piece is missing (or broken), the brief is
still written, without that piece, and says so through `None`.
"""

from __future__ import annotations

import logging
from typing import Any

from watchfloor.analyse.timeline import Period
from watchfloor.brief.model import Figure
from watchfloor.store import Store

log = logging.getLogger(__name__)


def check(store: Store, text: str, name: str) -> Any | None:
    """The checker's report on a Markdown text, or None when the checker is not installed."""
    try:
        from watchfloor.check import check_text  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    return check_text(store, text, name)


def available() -> bool:
    try:
        from watchfloor.check import check_text  # type: ignore[attr-defined,unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def error_spans(report: Any) -> list[tuple[int, int, str]]:
    """(start, end, message) of every error finding in a check report."""
    if report is None:
        return []
    out = []
    for f in getattr(report, "errors", []) or []:
        get = f.get if isinstance(f, dict) else lambda k, _f=f: getattr(_f, k, None)
        out.append((int(get("start") or 0), int(get("end") or 0), str(get("message") or get("kind") or "")))
    return out


def figures(store: Store, iso3: str, period: Period, name: str = "", span: str = "",
            kinds: tuple[str, ...] = ("events", "actors", "map")) -> list[Figure]:
    """The store's generic figures — events over time, the actor graph, the map — as inline SVG, those of `kinds`
    the installation provides."""
    try:
        from watchfloor.analyse import figures as fig
    except ImportError:
        return []
    out: list[Figure] = []
    makers = [
        ("events", f"Events involving {name} over time, {span}", lambda: fig.events_over_time(store, iso3, period)),
        ("actors", f"Actors named together in the events involving {name}, {span}",
         lambda: _actor_graph(fig, store, iso3, period)),
        ("map", f"Where the events involving {name} took place, {span}",
         lambda: fig.event_map(store, iso3, period)),
    ]
    for name, caption, make in makers:
        if name not in kinds:
            continue
        try:
            svg = make()
        except Exception as exc:  # a broken figure must not cost the analyst the brief
            log.warning("figure %s could not be drawn: %s", name, exc)
            continue
        if svg:
            out.append(Figure(name, caption, strip_xml_prolog(svg)))
    return out


def _actor_graph(fig: Any, store: Store, iso3: str, period: Period) -> str:
    from watchfloor.analyse.actors import actor_graph

    return str(fig.actor_graph_figure(actor_graph(store, iso3, period)))


def strip_xml_prolog(svg: str) -> str:
    """An SVG ready to sit inside HTML: no XML declaration or doctype before <svg>."""
    at = svg.find("<svg")
    return svg[at:] if at > 0 else svg
