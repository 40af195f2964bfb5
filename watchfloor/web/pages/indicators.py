"""Indicators: the country's watch plan as an indications-and-warning board, each indicator with its events."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from watchfloor.analyse.indicators import board
from watchfloor.analyse.watchplan import bundled_plan
from watchfloor.errors import NotFound
from watchfloor.web.context import session
from watchfloor.web.queries import EventFilter

router = APIRouter(include_in_schema=False)


@router.get("/indicators", response_class=HTMLResponse)
def indicators_page(request: Request, country: str | None = None) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        try:
            plan = bundled_plan(ent.iso3 or "")
        except NotFound as exc:
            return s.render("indicators.html", page="indicators", country=ent, board=None, questions=[],
                            missing=exc.hint, events={}, query={"country": ent.iso3})
        result = s.memo(("indicators", ent.iso3), lambda: board(s.store, plan))
        ids = tuple(dict.fromkeys(e for r in result.readings for e in r.events))
        rows, _ = s.events(EventFilter(ids=ids), max(len(ids), 1)) if ids else ([], 0)
        rows = s.placed(rows, ent.iso3)
        questions = [(q.question, q.hypotheses, [r for r in result.readings if r.question == q.question])
                     for q in plan.questions]
        return s.render("indicators.html", page="indicators", country=ent, board=result, questions=questions,
                        missing=None, events={e["id"]: e for e in rows}, query={"country": ent.iso3})
