"""What a request works with: a Store on the current snapshot, the country asked for, and the page renderer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from watchfloor import demo
from watchfloor.analyse.timeline import Period
from watchfloor.dates import parse_bound
from watchfloor.errors import ConfigError
from watchfloor.reference import Resolver
from watchfloor.reference.resolver import Entity
from watchfloor.store import Store
from watchfloor.web.jobs import BriefJobs
from watchfloor.web.places import placed
from watchfloor.web.queries import EventFilter, count, events_by_id, events_page, ordered_ids
from watchfloor.web.security import Csrf
from watchfloor.web.snapshot import Snapshot, Snapshots

T = TypeVar("T")
DEFAULT_COUNTRY: str = str(demo.config()["brief"])
"""The country pages open on: the one the demo briefs (data/demo.json)."""
CHECK_LIMIT = 200_000
"""Default largest report the checker is given, in bytes of UTF-8 text (about 30,000 words)."""
ORDER_CAP = 300_000
"""Above this many matching events a page is found by LIMIT/OFFSET each time instead of from kept ids."""
NAV = [("overview", "/", "Overview"), ("timeline", "/timeline", "Timeline"), ("actors", "/actors", "Actors"),
       ("map", "/map", "Map"), ("indicators", "/indicators", "Indicators"), ("briefs", "/briefs", "Briefs"),
       ("check", "/check", "Check"),
       ("sources", "/sources", "Sources")]


@dataclass
class Web:
    """The app's shared state: built once by `create_app`."""

    snapshots: Snapshots
    templates: Jinja2Templates
    csrf: Csrf
    upload_limit: int
    token: str | None
    check_limit: int = CHECK_LIMIT
    """Largest report text the checker is given, in bytes."""
    brief_dir: Path = Path("briefs")
    """Where briefs written from the Briefs page are kept, and which that page lists."""
    jobs: BriefJobs = field(default_factory=BriefJobs)
    """Briefs being written in the background (the Briefs page shows their progress)."""
    waiting: set[int] = field(default_factory=set)
    """Requests waiting for work in a thread (checks): the count falls as soon as a client leaves."""


def web_of(request: Request) -> Web:
    return request.app.state.web  # type: ignore[no-any-return]


class Session:
    """One request's view of the store: a cursor on the current snapshot, closed when the request ends."""

    def __init__(self, request: Request | None, store: Store, snap: Snapshot, web: Web) -> None:
        self.request, self.store, self.snap, self.web = request, store, snap, web

    def memo(self, key: Any, compute: Callable[[], T], large: bool = False) -> T:
        """Cache a result for the life of this snapshot (the data behind it cannot change)."""
        return self.snap.memo(key, compute, large)

    def country(self, name: str | None) -> Entity:
        """Resolve a country name or code; raises NotFound (a 404) for one we do not know."""
        text = (name or DEFAULT_COUNTRY).strip() or DEFAULT_COUNTRY
        resolver = self.resolver()
        return self.memo(("country", text.lower()), lambda: resolver.country(text))

    def resolver(self) -> Resolver:
        """The store's names, loaded once per snapshot."""
        return self.memo(("resolver",), lambda: Resolver(self.store))

    def placed(self, events: list[dict[str, Any]], iso3: str | None) -> list[dict[str, Any]]:
        """The events, each with `abroad`: the country it took place in when that is not `iso3` (web.places)."""
        return placed(self.resolver(), events, iso3)

    def countries(self) -> list[dict[str, Any]]:
        """Countries that some event involves, for the selector: iso3, name, events."""
        return self.memo(("countries",), lambda: self.store.query(
            "SELECT c.iso3, coalesce(en.name, c.iso3) AS name, c.events FROM "
            "(SELECT unnest(countries) AS iso3, count(*) AS events FROM event GROUP BY 1) c "
            "LEFT JOIN entity en ON en.kind = 'country' AND en.iso3 = c.iso3 ORDER BY name"))

    def events(self, f: EventFilter, limit: int, offset: int = 0,
               newest_first: bool = False) -> tuple[list[dict[str, Any]], int]:
        """A page of events and the total. The filter's ordered ids are kept for the snapshot (when there are
        at most ORDER_CAP of them), so every later page is a slice plus lookups by id."""
        total = self.memo(("count", f), lambda: count(self.store, f))
        if total > ORDER_CAP:
            return self.memo(("events", f, limit, offset, newest_first),
                             lambda: events_page(self.store, f, limit, offset, newest_first))
        order = self.memo(("order", f, newest_first), lambda: ordered_ids(self.store, f, newest_first), large=True)
        page = order[offset:offset + limit]
        return self.memo(("page", f, newest_first, offset, limit), lambda: events_by_id(self.store, page)), len(order)

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        """A page with the shared frame: nav, country selector, freshness note, CSRF token."""
        assert self.request is not None, "render needs a request"
        status = self.web.snapshots.status()
        country = context.get("country")
        choices = self.countries()
        if country is not None and not any(c["iso3"] == country.iso3 for c in choices):
            choices = sorted([*choices, {"iso3": country.iso3, "name": country.name, "events": 0}],
                             key=lambda c: c["name"])
        base = {"nav": NAV, "countries": choices, "status": status, "as_of": hhmm(status.as_of),
                "csrf_token": self.web.csrf.token(self.request), "upload_limit": self.web.upload_limit,
                "check_limit": self.web.check_limit}
        return self.web.templates.TemplateResponse(self.request, template, base | context, status_code=status_code)


@contextmanager
def session(request: Request) -> Iterator[Session]:
    web = web_of(request)
    with web.snapshots.store() as (store, snap):
        yield Session(request, store, snap, web)


def parse_period(since: str | None, until: str | None) -> Period:
    """Form fields to a Period; a bad date is a ConfigError (a 400 page that says what to type)."""
    def one(value: str | None, name: str) -> Any:
        if not value or not value.strip():
            return None
        try:
            return parse_bound(value.strip())
        except ValueError as exc:
            raise ConfigError(f"{name} {value!r}: {exc}", hint="write dates as 2024, 2024-06 or 2024-06-11") from None
    return Period(one(since, "since"), one(until, "until"))


def hhmm(when: dt.datetime | None) -> str:
    return when.strftime("%H:%M") if when else "—"
