"""The JSON API under /api: the pages' data, described by the OpenAPI document at /openapi.json."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from watchfloor.errors import ConfigError
from watchfloor.store import catalog
from watchfloor.web.context import DEFAULT_COUNTRY, parse_period, session, web_of
from watchfloor.web.optional import lib
from watchfloor.web.places import is_abroad
from watchfloor.web.queries import EventFilter
from watchfloor.web.security import UploadTooLarge
from watchfloor.web.work import ClientGone, run_while_connected, within_limit

router = APIRouter(prefix="/api", tags=["api"])


class Open(BaseModel):
    """Fields the library may add later pass through."""

    model_config = ConfigDict(extra="allow")


class SourceRef(Open):
    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    published_at: str | None = None
    reliability: str = Field(description="Admiralty source reliability: A (completely reliable) to F (not judged)")
    kind: str
    credibility: int | None = Field(None, description="Admiralty information credibility, 1 (confirmed) to 6")


class Actor(Open):
    name: str
    entity: str | None = None
    role: str


class Event(Open):
    id: str
    date: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD: the date to its precision")
    date_precision: str
    type: str
    subtype: str | None = None
    country: str | None = None
    countries: list[str]
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    actors: list[Actor]
    counts: dict[str, Any]
    summary: str
    dataset: str
    sources: list[SourceRef]
    abroad: bool | None = Field(None, description="with a country asked for: true when the event happened elsewhere")


class EventPage(BaseModel):
    country: str | None
    total: int
    limit: int
    offset: int
    events: list[Event]


class Source(SourceRef):
    events: int
    documents: int
    observations: int


class Entity(Open):
    id: str
    kind: str
    name: str
    iso2: str | None = None
    iso3: str | None = None
    country_iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: list[str]
    events: int


class RiskYear(Open):
    year: int
    score: float | None = None


class Risk(Open):
    country: Any
    years: list[RiskYear]
    drivers: list[dict[str, Any]] = []
    method: Any = None


class Edge(Open):
    source: str
    target: str
    type: str
    weight: float
    events: list[str]
    sources: int


class ActorGraph(BaseModel):
    country: str
    nodes: list[dict[str, Any]]
    edges: list[Edge]


class Alerts(BaseModel):
    country: str
    alerts: list[dict[str, Any]]


class CheckIn(BaseModel):
    text: str = Field(description="The report to check, as plain text")
    name: str = Field("report", description="A name for the report, echoed as `report`")


class Span(BaseModel):
    start: int
    end: int
    quote: str


class EvidenceItem(Open):
    id: str
    source: str | None = None
    url: str | None = None
    date: str | None = None
    fact: str | None = None


class Finding(Open):
    id: str
    kind: str
    severity: str
    start: int
    end: int
    quote: str
    message: str
    related: list[Span] = []
    evidence: list[EvidenceItem] = []


class Claim(Open):
    id: str
    start: int
    end: int
    text: str
    kind: str
    status: str
    evidence: list[str] = []


class CheckReport(Open):
    """The check report contract (docs/checks.md): the same JSON as `watchfloor check --format json`."""

    report: str
    claims: list[Claim]
    findings: list[Finding]
    summary: dict[str, int]


@router.get("/events", response_model=EventPage, summary="Events involving a country, oldest first")
def api_events(request: Request, country: str | None = None,
               since: Annotated[str | None, Query(description="2024, 2024-06 or 2024-06-11")] = None,
               until: Annotated[str | None, Query(description="inclusive, to its precision")] = None,
               type: Annotated[list[str] | None, Query(description="event type; repeat for several")] = None,
               actor: Annotated[str | None, Query(description="entity id or part of an actor's name")] = None,
               ids: Annotated[str | None, Query(description="comma-separated event ids")] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    with session(request) as s:
        iso3 = s.country(country).iso3 if country else None
        f = EventFilter(iso3, parse_period(since, until), tuple(t for t in type or [] if t), actor or None,
                        tuple(i for i in (ids or "").split(",") if i))
        events, total = s.events(f, limit, offset)
        if iso3:
            resolver = s.resolver()
            events = [dict(e, abroad=is_abroad(resolver, e, iso3)) for e in events]
        return {"country": iso3, "total": total, "limit": limit, "offset": offset, "events": events}


@router.get("/sources", response_model=dict[str, list[Source]], summary="Every source with its grade and use")
def api_sources(request: Request) -> dict[str, Any]:
    with session(request) as s:
        return {"sources": s.memo(("sources",), lambda: catalog.sources(s.store))}


@router.get("/entities", response_model=dict[str, list[Entity]], summary="Entities with their aliases")
def api_entities(request: Request, kind: str | None = None,
                 used: Annotated[bool, Query(description="only entities named in some event")] = False
                 ) -> dict[str, Any]:
    with session(request) as s:
        return {"entities": s.memo(("entities", kind, used), lambda: catalog.entities(s.store, kind, used))}


@router.get("/risk/{country}", response_model=Risk, summary="Risk score by year, its drivers and method")
def api_risk(request: Request, country: str) -> dict[str, Any]:
    risk_report = _need("watchfloor.analyse.risk", "risk_report", "risk analysis")
    with session(request) as s:
        iso3 = s.country(country).iso3 or ""
        return s.memo(("risk", iso3), lambda: risk_report(s.store, iso3))  # type: ignore[no-any-return]


@router.get("/actors/{country}", response_model=ActorGraph, summary="The actor graph: nodes and evidenced edges")
def api_actors(request: Request, country: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    actor_graph = _need("watchfloor.analyse.actors", "actor_graph", "the actor graph")
    to_dict = _need("watchfloor.analyse.actors", "graph_to_dict", "the actor graph")
    with session(request) as s:
        iso3 = s.country(country).iso3 or ""
        period = parse_period(since, until)
        graph = s.memo(("actors", iso3, period), lambda: to_dict(actor_graph(s.store, iso3, period)))
        return {"country": iso3} | graph


@router.get("/alerts", response_model=Alerts, summary="Spikes and changes worth a look")
def api_alerts(request: Request, country: str = DEFAULT_COUNTRY) -> dict[str, Any]:
    alerts = _need("watchfloor.analyse.alerts", "alerts", "alerts")
    from watchfloor.web.pages.overview import plain

    with session(request) as s:
        iso3 = s.country(country).iso3 or ""
        return {"country": iso3, "alerts": s.memo(("alerts", iso3), lambda: plain(alerts(s.store, iso3)))}


@router.post("/check", response_model=CheckReport, summary="Check a report against the store",
             description="Send JSON (Content-Type: application/json); the answer follows the check report "
                         "contract. A text over the check limit (default 200 kB) gets 413. Browsers cannot "
                         "send JSON across sites without our consent, so no CSRF token is needed here.",
             responses={413: {"description": "The report is over the check limit (or the body over the "
                                              "upload limit)"}})
async def api_check(request: Request, body: Annotated[CheckIn, Body()]) -> Any:
    web = web_of(request)
    size = len(body.text.encode("utf-8"))
    if size > web.upload_limit:
        raise UploadTooLarge(web.upload_limit, size)
    within_limit(body.text, web.check_limit)  # 413 before any work: a long report could take minutes
    check_text = _need("watchfloor.check", "check_text", "the checker")

    def run() -> dict[str, Any]:
        with session(request) as s:
            return check_text(s.store, body.text, body.name).to_dict()  # type: ignore[no-any-return]

    try:
        return await run_while_connected(request, run)
    except ClientGone:
        return Response(status_code=499)  # nobody reads it: the client has left


def _need(module: str, name: str, what: str) -> Any:
    fn = lib(module, name)
    if fn is None:
        raise ConfigError(f"{what} is not available in this build", hint=f"install watchfloor with {module}")
    return fn
