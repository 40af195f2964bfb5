"""Overview: a country's risk score and its trend, its drivers, the latest events and the alerts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from watchfloor.analyse.timeline import Period
from watchfloor.reference.resolver import Entity
from watchfloor.store import Store
from watchfloor.web.context import DEFAULT_COUNTRY, Session, Web, session
from watchfloor.web.filters import safe_svg
from watchfloor.web.optional import lib
from watchfloor.web.queries import EventFilter
from watchfloor.web.snapshot import Snapshot

router = APIRouter(include_in_schema=False)
LATEST = 8


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, country: str | None = None) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        return s.render("overview.html", page="overview", country=ent, **gather(s, ent))


def gather(s: Session, ent: Entity) -> dict[str, Any]:
    """What the overview shows, each part computed once per snapshot."""
    iso3 = ent.iso3 or ""
    latest, total = s.events(EventFilter(iso3), LATEST, newest_first=True)
    latest = s.placed(latest, iso3)
    risk_report = lib("watchfloor.analyse.risk", "risk_report")
    risk = s.memo(("risk", iso3), lambda: risk_report(s.store, iso3)) if risk_report else None
    alerts_fn = lib("watchfloor.analyse.alerts", "alerts")
    alerts = s.memo(("alerts", iso3), lambda: plain(alerts_fn(s.store, iso3))) if alerts_fn else None
    figure = lib("watchfloor.analyse.figures", "events_over_time")
    trend_svg = s.memo(("trend-svg", iso3), lambda: safe_svg(figure(s.store, iso3, Period()))) if figure else None
    years = (risk or {}).get("years") or []
    return {"latest": latest, "total": total, "risk": risk, "years": years, "current": years[-1] if years else None,
            "alerts": alerts, "trend_svg": trend_svg, "has_risk": risk_report is not None}


def warmer(web: Web, country: str = DEFAULT_COUNTRY) -> Any:
    """A Snapshots.warm hook: compute the default country's overview on a new snapshot before anyone asks."""
    def warm(snap: Snapshot) -> None:
        cur = snap.store.con.cursor()
        try:
            s = Session(None, Store(cur, web.snapshots.db_path, True), snap, web)
            s.countries()
            gather(s, s.country(country))
        finally:
            cur.close()

    return warm


def plain(value: Any) -> list[dict[str, Any]]:
    """Alerts as dicts, whatever the library returns (dicts, dataclasses or objects with to_dict)."""
    import dataclasses

    out = []
    for a in value or []:
        if isinstance(a, dict):
            out.append(a)
        elif hasattr(a, "to_dict"):
            out.append(a.to_dict())
        elif dataclasses.is_dataclass(a) and not isinstance(a, type):
            out.append(dataclasses.asdict(a))
        else:
            out.append({"message": str(a)})
    return out
