"""Briefs: write one for a country and period, watch it being written, read it, download it; and the briefs
already written, listed from the app's brief folder (the one `watchfloor brief` writes to by default).

The form is a POST (it writes files): it starts a background job and sends the browser to the job's page,
which shows each step until the brief is ready (see `watchfloor.web.jobs`). A brief's address
(`/briefs?country=…&since=…&until=…&write=1`) still shows it directly, so it can be shared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response

from watchfloor.errors import ConfigError, NotFound
from watchfloor.store import Store
from watchfloor.web.context import Session, parse_period, session, web_of
from watchfloor.web.jobs import BriefJobs, brief_file, written_briefs
from watchfloor.web.optional import lib
from watchfloor.web.security import CSRF_FIELD, CsrfRejected

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
        return s.render("briefs.html", page="briefs", country=ent, query=query, brief=brief, available=available,
                        written=written_briefs(s.web.brief_dir), brief_dir=s.web.brief_dir, job=None)


@router.post("/briefs", response_class=HTMLResponse)
async def brief_start(request: Request) -> Response:
    """Start writing a brief in the background; the browser goes to the job's page to watch it."""
    web = web_of(request)
    form = await request.form(max_files=0, max_fields=20)
    if not web.csrf.valid(request, _str(form.get(CSRF_FIELD))):
        raise CsrfRejected()
    if lib("watchfloor.brief", "write_brief") is None:
        raise ConfigError("briefs are not available in this build", hint="install watchfloor with its brief module")
    since, until, title = (_str(form.get(k)).strip() for k in ("since", "until", "title"))
    period = parse_period(since, until)  # a bad date is a 400 now, not a failed job later
    if period.since and period.until and period.since.start > period.until.end:
        raise ConfigError(f"since {since} is after until {until}", hint="swap the two dates")
    with session(request) as s:
        ent = s.country(_str(form.get("country")) or None)
    job = jobs(request).start(web, ent.iso3 or "", ent.name, since, until, title)
    return RedirectResponse(f"/briefs/jobs/{job.id}", status_code=303)


@router.get("/briefs/jobs/{job_id}", response_class=HTMLResponse)
def brief_job(request: Request, job_id: str) -> Response:
    """The job's page: its step while it runs, then the brief (or what went wrong)."""
    job = jobs(request).get(job_id)
    if job is None:
        raise NotFound("no brief is being written under this address (the dashboard may have restarted)",
                       hint="write the brief again from the Briefs page")
    if job.state == "done":
        return RedirectResponse("/briefs?" + urlencode({**_present(job.query), "write": "1"}), status_code=303)
    with session(request) as s:
        ent = s.country(job.iso3)
        query = job.query
        return s.render("briefs.html", page="briefs", country=ent, query=query, brief=None, available=True,
                        written=written_briefs(s.web.brief_dir), brief_dir=s.web.brief_dir, job=job)


@router.get("/briefs/jobs/{job_id}/status")
def brief_job_status(request: Request, job_id: str) -> JSONResponse:
    """What the job page's script polls: state, step, elapsed seconds, and where the brief is once done."""
    job = jobs(request).get(job_id)
    if job is None:
        return JSONResponse({"state": "missing", "error": "no brief is being written under this address"},
                            status_code=404)
    status = job.status()
    if job.state == "done":
        status["location"] = "/briefs?" + urlencode({**_present(job.query), "write": "1"})
    return JSONResponse(status, headers={"cache-control": "no-store"})


@router.get("/briefs/files/{name}")
def brief_written_file(request: Request, name: str) -> Response:
    """A written brief from the folder: .md, .html or .pdf (nothing else, and nothing outside it)."""
    folder = web_of(request).brief_dir
    path = brief_file(folder, name)
    if path is None:
        raise NotFound(f"no brief named {name!r} in {folder}", hint="pick one from the list on the Briefs page")
    fmt = path.suffix.lstrip(".")
    disposition = "inline" if fmt == "html" else "attachment"
    return FileResponse(path, media_type=MEDIA[fmt], content_disposition_type=disposition, filename=path.name)


@router.get("/briefs/view", response_class=HTMLResponse)
def brief_view(request: Request, country: str | None = None, since: str | None = None, until: str | None = None,
               title: str | None = None) -> HTMLResponse:
    """The brief as its own standalone page (what the HTML download holds), framed by the Briefs page."""
    with session(request) as s:
        ent = s.country(country)
        brief = _brief(s, ent.iso3 or "", since, until, title)
        return HTMLResponse(s.memo(html_key(ent.iso3 or "", since, until, title), brief.html))


@router.get("/briefs/download")
def brief_download(request: Request, format: Literal["md", "html", "pdf"] = "md", country: str | None = None,
                   since: str | None = None, until: str | None = None, title: str | None = None) -> Response:
    with session(request) as s:
        ent = s.country(country)
        brief = _brief(s, ent.iso3 or "", since, until, title)
        if format == "md":
            content: Any = brief.markdown
        elif format == "html":
            content = s.memo(html_key(ent.iso3 or "", since, until, title), brief.html)
        else:
            content = s.memo(("brief-pdf", ent.iso3, since or None, until or None, title or None), brief.pdf)
        name = "-".join(p for p in ["brief", (ent.iso3 or "").lower(), _slug(since), _slug(until)] if p)
        return Response(content, media_type=MEDIA[format],
                        headers={"content-disposition": f'attachment; filename="{name}.{format}"'})


def jobs(request: Request) -> BriefJobs:
    return web_of(request).jobs


def memo_key(iso3: str, since: str | None, until: str | None, title: str | None) -> tuple[Any, ...]:
    """The snapshot memo key of a brief: the page, its frame, its downloads and a job share one brief."""
    return ("brief", iso3, parse_period(since, until), (title or "").strip() or None)


def html_key(iso3: str, since: str | None, until: str | None, title: str | None) -> tuple[Any, ...]:
    return ("brief-html", iso3, since or None, until or None, title or None)


def write(store: Store, iso3: str, since: str | None, until: str | None, title: str | None,
          progress: Callable[[str], None] | None = None) -> Any:
    """write_brief with the page's arguments; `progress` hears each step."""
    write_brief = lib("watchfloor.brief", "write_brief")
    if write_brief is None:
        raise ConfigError("briefs are not available in this build", hint="install watchfloor with its brief module")
    return write_brief(store, iso3, parse_period(since, until), title=(title or "").strip() or None,
                       progress=progress)


def _brief(s: Session, iso3: str, since: str | None, until: str | None, title: str | None) -> Any:
    memo_key(iso3, since, until, title)  # a bad date is a 400 before anything is written
    if lib("watchfloor.brief", "write_brief") is None:
        raise ConfigError("briefs are not available in this build", hint="install watchfloor with its brief module")
    return s.memo(memo_key(iso3, since, until, title), lambda: write(s.store, iso3, since, until, title))


def _present(query: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in query.items() if v}


def _slug(value: str | None) -> str:
    return re.sub(r"[^0-9A-Za-z-]+", "", value or "")


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""
