"""A timeline of incidents: each one a marker on a line of dates, labelled with its date and kind, the labels set on
as many rows as it takes for none to overlap.

The plan declares it (`kind: timeline`) with the event filter of a map: the incidents a signpost counts, over the
brief's period or all the store holds. An incident that involves one of the figure's `mark` countries is drawn as a
diamond (attacks on Ruritanian workers, say), the others as circles. Year-only and month-only events are drawn in the
middle of their year or month, never on its first day, and the label says how precise the date is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from watchfloor.analyse.argument_specs import FigureSpec
from watchfloor.dates import from_parts
from watchfloor.store import Store

ROWS = 5
"""The most label rows above the line; a label that fits on none is left out and counted in the caption."""


@dataclass(frozen=True)
class Moment:
    id: str
    when: str
    """The date as precise as known: '26 November 2025', 'December 2025'."""
    day: dt.date
    """Where it is drawn: the day, or the middle of its month or year."""
    type: str
    marked: bool


def _middle(start: dt.date, end: dt.date) -> dt.date:
    return start + (end - start) / 2


def read_moments(store: Store, spec: FigureSpec, iso3: str, until: dt.date, since: dt.date | None) -> list[Moment]:
    """The figure's incidents up to `until` (from `since`, when the figure covers the brief's period), in date order."""
    from watchfloor.analyse.incident_map import figure_events

    out = []
    for r in figure_events(store, spec, iso3, since or dt.date(1, 1, 1), until):
        d = from_parts(r["date"], r["date_precision"])
        day = r["date"] if d.precision == "day" else _middle(d.start, d.end)
        out.append(Moment(r["id"], d.human(), day, str(r["type"]), bool(r["marked"])))
    return out


def short(m: Moment) -> str:
    """'26 Nov 2025, attack': the label, in a few characters."""
    parts = m.when.split()
    if len(parts) == 3:
        when = f"{parts[0]} {parts[1][:3]} {parts[2]}"
    elif len(parts) == 2:
        when = f"{parts[0][:3]} {parts[1]}"
    else:
        when = m.when
    return f"{when}, {m.type.replace('_', ' ')}"


def build_timeline(moments: list[Moment], spec: FigureSpec, title: str,
                   period: tuple[dt.date, dt.date] | None = None) -> tuple[Any, int]:
    """The figure, and how many labels fitted on no row (left out; the caption says so). With a `period` (the one its
    caption names), the axis runs over exactly that period, so its empty months show as empty (the ninth review: a
    caption of January 2025 to April 2026 over an axis that began in October 2025)."""
    import matplotlib.dates as mdates

    from watchfloor.analyse.figures import _figure, _style

    fig = _figure(8.0, 2.8)
    fig.set_layout_engine(None)  # labels are placed by measuring them: the layout must not move them afterwards
    fig.subplots_adjust(left=0.03, right=0.97, top=0.88, bottom=0.24)
    ax = fig.add_subplot(1, 1, 1)
    _style(ax, title)
    ax.grid(False)
    days = [m.day for m in moments]
    if period is not None:
        ax.set_xlim(mdates.date2num(period[0]), mdates.date2num(period[1]))
    else:
        lo, hi = min(days), max(days)
        pad = max((hi - lo) / 12, dt.timedelta(days=20))
        ax.set_xlim(mdates.date2num(lo - pad), mdates.date2num(hi + pad))
    ax.set_ylim(-0.6, ROWS + 0.8)
    ax.axhline(0, color="#555555", lw=1)
    ax.get_yaxis().set_visible(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    taken: list[list[tuple[float, float]]] = [[] for _ in range(ROWS)]
    left_out = 0
    # the newest first: when room runs out, the oldest labels go (the tenth review found the two freshest dropped)
    for m in sorted(moments, key=lambda m: m.day, reverse=True):
        x = mdates.date2num(m.day)
        ax.plot([x], [0], marker="D" if m.marked else "o", ms=7 if m.marked else 6,
                color="#b2182b" if m.marked else "#2166ac", zorder=3, clip_on=False)
        placed = False
        frame = ax.get_window_extent(renderer)
        for row in range(ROWS):
            y = row + 0.9
            for ha in ("left", "right"):  # after its marker, or, near the right edge, before it
                # on white, above the stems: a stem that passes behind a label is hidden there, not drawn through it
                text = ax.text(x, y, short(m), fontsize=7.5, ha=ha, va="center", color="#222222", zorder=4,
                               bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})
                box = text.get_window_extent(renderer)
                span = (box.x0 - 3, box.x1 + 3)
                if frame.x0 - 2 <= box.x0 and box.x1 <= frame.x1 + 2 \
                        and all(span[1] < a or span[0] > b for a, b in taken[row]):
                    taken[row].append(span)
                    ax.plot([x, x], [0, y - 0.25], color="#bbbbbb", lw=0.7, zorder=1)
                    placed = True
                    break
                text.remove()
            if placed:
                break
        if not placed:
            left_out += 1
    if spec.mark and any(m.marked for m in moments):
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], marker="D", ls="", color="#b2182b", label=spec.mark_label or "marked"),
                   Line2D([], [], marker="o", ls="", color="#2166ac", label="others")]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, frameon=False,
                  fontsize=8)
    return fig, left_out
