"""Actors: who acts with or against whom, drawn as a graph whose edges open the events behind them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from watchfloor.web.context import parse_period, session
from watchfloor.web.graph import layout
from watchfloor.web.optional import lib
from watchfloor.web.queries import EventFilter, events_page

router = APIRouter(include_in_schema=False)
EDGE_EVENTS = 200
TOGETHER = 150


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, country: str | None = None, since: str | None = None, until: str | None = None,
                edge: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        iso3 = ent.iso3 or ""
        period = parse_period(since, until)
        actor_graph, to_dict = lib("watchfloor.analyse.actors", "actor_graph"), \
            lib("watchfloor.analyse.actors", "graph_to_dict")
        graph: dict[str, Any] | None = None
        drawing: dict[str, Any] | None = None
        if actor_graph and to_dict:
            graph = s.memo(("actors", iso3, period), lambda: to_dict(actor_graph(s.store, iso3, period)))
            drawing = s.memo(("actors-layout", iso3, period), lambda: layout(graph or {}))
        chosen = None
        events: list[dict[str, Any]] = []
        if graph is not None and edge is not None and edge < len(graph.get("edges", [])):
            chosen = graph["edges"][edge]
            ids = tuple(chosen.get("events") or ())[:EDGE_EVENTS]
            events, _ = events_page(s.store, EventFilter(ids=ids), EDGE_EVENTS) if ids else ([], 0)
            events = s.placed(events, iso3)
        edges = list(enumerate((graph or {}).get("edges", [])))
        typed = [(i, e) for i, e in edges if e.get("type") != "co_occurs"]
        together = sorted(((i, e) for i, e in edges if e.get("type") == "co_occurs"),
                          key=lambda x: (-len(x[1].get("events") or []), x[0]))
        names = {n["id"]: n.get("name") or n["id"] for n in (graph or {}).get("nodes", [])}
        query = {"country": iso3, "since": since or "", "until": until or ""}
        return s.render("actors.html", page="actors", country=ent, graph=graph, drawing=drawing, chosen=chosen,
                        edge=edge, events=events, query=query, names=names,
                        typed=typed, together=together[:TOGETHER], together_total=len(together),
                        available=actor_graph is not None)
