"""Briefs: write one for a country and period, read it here, download it as Markdown, HTML or PDF.

Writing a brief only reads the store, so the form is a GET: the address of a brief is shareable.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from watchfloor.errors import ConfigError
from watchfloor.web.context import Session, parse_period, session
from watchfloor.web.optional import lib

router = APIRouter(include_in_schema=False)
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@router.get("/briefs", response_class=HTMLResponse)
def briefs_page(request: Request, country: str | None = None, since: str | None = None, until: str | None = None,
                title: str | None = None, write: str | None = None) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        available = lib("watchfloor.brief", "write_brief") is not None
        query = {"country": ent.iso3, "since": since or "", "until": until or "", "title": title or ""}
        brief = _brief(s, ent.iso3 or "", since, until, title) if write and available else None
        return s.render("briefs.html", page="briefs", country=ent, query=query, brief=brief, available=available)


@router.get("/briefs/view", response_class=HTMLResponse)
def brief_view(request: Request, country: str | None = None, since: str | None = None, until: str | None = None,
               title: str | None = None) -> HTMLResponse:
    """The brief as its own standalone page (what the HTML download holds), framed by the Briefs page."""
    with session(request) as s:
        ent = s.country(country)
        brief = _brief(s, ent.iso3 or "", since, until, title)
        return HTMLResponse(s.memo(("brief-html", ent.iso3, since, until, title), brief.html))


@router.get("/briefs/download")
def brief_download(request: Request, format: Literal["md", "html", "pdf"] = "md", country: str | None = None,
                   since: str | None = None, until: str | None = None, title: str | None = None) -> Response:
    with session(request) as s:
        ent = s.country(country)
        brief = _brief(s, ent.iso3 or "", since, until, title)
        if format == "md":
            content: Any = brief.markdown
        elif format == "html":
            content = s.memo(("brief-html", ent.iso3, since, until, title), brief.html)
        else:
            content = s.memo(("brief-pdf", ent.iso3, since, until, title), brief.pdf)
        name = "-".join(p for p in ["brief", (ent.iso3 or "").lower(), _slug(since), _slug(until)] if p)
        return Response(content, media_type=MEDIA[format],
                        headers={"content-disposition": f'attachment; filename="{name}.{format}"'})


def _brief(s: Session, iso3: str, since: str | None, until: str | None, title: str | None) -> Any:
    write_brief = lib("watchfloor.brief", "write_brief")
    if write_brief is None:
        raise ConfigError("briefs are not available in this build", hint="install watchfloor with its brief module")
    period = parse_period(since, until)
    clean_title = (title or "").strip() or None
    return s.memo(("brief", iso3, period, clean_title),
                  lambda: write_brief(s.store, iso3, period, title=clean_title))  # type: ignore[misc]


def _slug(value: str | None) -> str:
    return re.sub(r"[^0-9A-Za-z-]+", "", value or "")
