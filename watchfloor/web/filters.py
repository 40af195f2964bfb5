"""Jinja filters: how numbers, dates and small charts read on the pages. None of them marks text safe."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from watchfloor.dates import parse_iso

GRADES = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable", "D": "not usually reliable",
          "E": "unreliable", "F": "reliability cannot be judged"}
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
CREDIBILITY = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
               6: "truth cannot be judged"}


def human_date(value: Any) -> str:
    """2024-06-11 → 11 June 2024; 2024-06 → June 2024; anything else as given."""
    if value is None:
        return ""
    try:
        return parse_iso(str(value)).human()
    except ValueError:
        return str(value)


def num(value: Any, digits: int = 0) -> str:
    """12345.6 → 12,346; None → –."""
    if value is None or value == "":
        return "–"
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    if digits == 0 and abs(f - round(f)) < 1e-9:
        return f"{int(round(f)):,}"
    return f"{f:,.{digits or 1}f}"


def spark(values: list[float | None], width: int = 240, height: int = 48) -> dict[str, Any]:
    """Points for a small line chart (an inline SVG polyline) of a series; gaps count as zero."""
    ys = [float(v or 0) for v in values]
    if not ys:
        return {"points": "", "width": width, "height": height, "dots": []}
    top = max(ys) or 1.0
    step = width / max(len(ys) - 1, 1)
    pts = [(round(i * step, 1), round(height - 4 - (y / top) * (height - 8), 1)) for i, y in enumerate(ys)]
    return {"points": " ".join(f"{x},{y}" for x, y in pts), "width": width, "height": height, "dots": pts}


def http_url(url: Any) -> str | None:
    """A link we may print as href: http(s) only, so a stored `javascript:` address is never a link."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def with_query(base: str, **params: Any) -> str:
    """A link with query parameters, dropping empty ones (the result is still escaped by the template)."""
    items = [(k, v) for k, v in params.items() if v not in (None, "", [], ())]
    flat: list[tuple[str, Any]] = []
    for k, v in items:
        flat += [(k, x) for x in v] if isinstance(v, list | tuple) else [(k, v)]
    return base + ("?" + urlencode(flat) if flat else "")


def install(env: jinja2.Environment) -> None:
    from watchfloor.web.security import describe_limit

    env.filters.update(size=describe_limit, human_date=human_date, num=num, spark=spark, safe_svg=safe_svg,
                       http_url=http_url)
    env.globals.update(GRADES=GRADES, CREDIBILITY=CREDIBILITY, link=with_query)


def safe_svg(svg: str | None) -> Markup:
    """Our own generated SVG, made safe to inline: no scripts, event handlers, foreign HTML or outside links.

    The figures escape their labels; this is the second lock on the door (CSP is the third).
    """
    if not svg:
        return Markup("")
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    try:
        root = ET.fromstring(svg.encode("utf-8") if svg.lstrip().startswith("<?xml") else svg)
    except ET.ParseError:
        return Markup("<p class=\"muted\">The figure could not be shown.</p>")
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag) in ("script", "foreignObject", "iframe", "object", "embed"):
                parent.remove(child)
    for el in root.iter():
        for name in list(el.attrib):
            value = el.attrib[name].strip().lower()
            if _local(name).lower().startswith("on") or (_local(name) == "href" and not value.startswith("#")):
                del el.attrib[name]
    return Markup(ET.tostring(root, encoding="unicode"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
