"""Sources: every source with its reliability grade, and what in the store rests on it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from watchfloor.errors import NotFound
from watchfloor.store import catalog
from watchfloor.web.context import session
from watchfloor.web.queries import EventFilter, country_sources, source

router = APIRouter(include_in_schema=False)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, country: str | None = None, grade: str | None = None,
                 scope: Literal["all", "country"] = "all") -> HTMLResponse:
    """Every source in the store; with scope=country, only those behind the chosen country's events and figures."""
    with session(request) as s:
        ent = s.country(country)
        iso3 = ent.iso3 or ""
        rows = s.memo(("sources",), lambda: catalog.sources(s.store))
        mine = s.memo(("country-sources", iso3), lambda: country_sources(s.store, iso3))
        if scope == "country":
            rows = [r for r in rows if r["id"] in mine]
        shown = [r for r in rows if r["reliability"] == grade] if grade else rows
        grades = {g: sum(1 for r in rows if r["reliability"] == g) for g in "ABCDEF"}
        return s.render("sources.html", page="sources", country=ent, sources=shown, grades=grades, grade=grade,
                        scope=scope, behind=len(mine),
                        query={"country": iso3, "scope": scope if scope != "all" else ""})


@router.get("/sources/{source_id:path}", response_class=HTMLResponse)
def source_page(request: Request, source_id: str, country: str | None = None,
                page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        src = source(s.store, source_id)
        if src is None:
            raise NotFound(f"no source {source_id!r} in the store", hint="the Sources page lists every source")
        events, total = s.events(EventFilter(source=source_id), 100, (page - 1) * 100)
        return s.render("source.html", page="sources", country=ent, source=src, events=events, total=total,
                        pageno=page, pages=max(1, -(-total // 100)), query={"country": ent.iso3})
