"""Timeline: a country's events, filtered by period, type and actor, each with its sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from watchfloor.web.context import parse_period, session
from watchfloor.web.queries import EventFilter, event_types, example_actor

router = APIRouter(include_in_schema=False)
PAGE = 100


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, country: str | None = None, since: str | None = None, until: str | None = None,
                  type: Annotated[list[str] | None, Query()] = None, actor: str | None = None,
                  page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        iso3 = ent.iso3 or ""
        types = tuple(t for t in (type or []) if t)
        f = EventFilter(iso3, parse_period(since, until), types, (actor or "").strip() or None)
        events, total = s.events(f, PAGE, (page - 1) * PAGE)
        events = s.placed(events, iso3)
        known = s.memo(("types", iso3), lambda: event_types(s.store, iso3))
        example = s.memo(("example-actor", iso3), lambda: example_actor(s.store, iso3))
        query = {"country": iso3, "since": since or "", "until": until or "", "type": list(types),
                 "actor": actor or ""}
        return s.render("timeline.html", page="timeline", country=ent, events=events, total=total,
                        types=known, chosen=types, example=example, query=query, pageno=page,
                        pages=max(1, -(-total // PAGE)), offset=(page - 1) * PAGE)
