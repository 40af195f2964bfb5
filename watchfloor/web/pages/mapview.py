"""Map: where a country's events happened, on bundled outlines (no tiles, no network)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from watchfloor.web.context import parse_period, session
from watchfloor.web.filters import safe_svg
from watchfloor.web.optional import lib
from watchfloor.web.queries import EventFilter

router = APIRouter(include_in_schema=False)
LISTED = 100


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, country: str | None = None, since: str | None = None,
             until: str | None = None) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        iso3 = ent.iso3 or ""
        period = parse_period(since, until)
        event_map = lib("watchfloor.analyse.figures", "event_map")
        svg = s.memo(("map-svg", iso3, period),
                     lambda: safe_svg(event_map(s.store, iso3, period))) if event_map else None
        events, total = s.events(EventFilter(iso3, period, located=True), LISTED, newest_first=True)
        events = s.placed(events, iso3)
        query = {"country": iso3, "since": since or "", "until": until or ""}
        return s.render("map.html", page="map", country=ent, svg=svg, events=events, total=total, query=query,
                        available=event_map is not None)
