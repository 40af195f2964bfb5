"""Every figure renders to valid SVG and PNG, offline."""

import xml.etree.ElementTree as ET

import pytest

from watchfloor.analyse import figures
from watchfloor.analyse.actors import actor_graph
from watchfloor.analyse.alerts import alerts, monthly_series
from watchfloor.analyse.outlines import outlines
from watchfloor.analyse.risk import risk_report
from watchfloor.analyse.timeline import Period
from watchfloor.dates import parse_bound
from watchfloor.errors import ConfigError

PNG = b"\x89PNG\r\n\x1a\n"


def _svg_ok(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag.endswith("svg")
    return root


def test_svg_figures(demo_db):
    period = Period(parse_bound("2018"), None)
    _svg_ok(figures.events_over_time(demo_db, "TJK", period))
    svg = figures.event_map(demo_db, "TJK")
    _svg_ok(svg)
    assert "Dushanbe" in svg and "Afghanistan" in svg
    _svg_ok(figures.actor_graph_figure(actor_graph(demo_db, "TJK", period)))
    _svg_ok(figures.risk_figure(risk_report(demo_db, "TJK")))
    _svg_ok(figures.alerts_figure(demo_db, "TJK"))
    _svg_ok(figures.relation_figure([{"month": "2024-01", "events": 3, "goldstein": 1.5, "tone": -0.5}], "TJK", "CHN"))
    _svg_ok(figures.relation_figure([], "TJK", "CHN"))
    _svg_ok(figures.events_over_time(demo_db, "ISL"))


def test_svg_is_deterministic(demo_db):
    assert figures.event_map(demo_db, "TJK") == figures.event_map(demo_db, "TJK")


def test_write_by_suffix(demo_db, tmp_path):
    fig = figures.build_alerts_figure(monthly_series(demo_db, "TJK"), alerts(demo_db, "TJK"), "TJK")
    png = figures.write(fig, tmp_path / "a.png")
    assert png.read_bytes().startswith(PNG)
    _svg_ok(figures.write(fig, tmp_path / "a.svg").read_text(encoding="utf-8"))
    with pytest.raises(ConfigError, match="svg or .png"):
        figures.write(fig, tmp_path / "a.pdf")
    with pytest.raises(ConfigError, match="does not exist"):
        figures.write(fig, tmp_path / "nope" / "a.png")


def test_outlines_are_small_and_cover_the_region():
    shapes = outlines()
    assert {"TJK", "AFG", "UZB", "KGZ", "CHN", "RUS", "USA"} <= set(shapes)
    assert shapes["TJK"]["name"] == "Tajikistan"


def test_level_text_is_anchored_at_its_start_in_svg() -> None:
    """WeasyPrint clips SVG text anchored in the middle; the brief's PDF showed country names cut to their ends."""
    import re

    from watchfloor.analyse.figures import _figure, to_svg

    fig = _figure(4, 3)
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, "Ruritania", ha="center", alpha=0.9)
    ax.text(0.9, 0.2, "Graustark", ha="right")
    anchors = dict((name, anchor) for anchor, name in re.findall(r"text-anchor: (\w+)[^>]*>([^<]*)<", to_svg(fig)))
    assert anchors["Ruritania"] == "start" and anchors["Graustark"] == "start"
