"""The dashboard: a FastAPI app over the same library calls as the CLI.

`create_app(db_path)` builds it; `watchfloor serve` runs it with uvicorn. Pages are server-rendered with
Jinja2 (autoescape on for every template); /api returns the same data as JSON, described at /openapi.json.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Scope

from watchfloor import __version__
from watchfloor.errors import ConfigError, InputError, NotFound, StoreError, WatchfloorError
from watchfloor.web import api, filters
from watchfloor.web.context import NAV, Web, hhmm
from watchfloor.web.pages import actors, briefs, check, indicators, mapview, overview, sources, timeline
from watchfloor.web.security import (
    MULTIPART_SLACK,
    Csrf,
    CsrfRejected,
    Guard,
    SafeHeaders,
    UploadTooLarge,
    check_token,
    describe_limit,
)
from watchfloor.web.snapshot import Snapshots
from watchfloor.web.work import ReportTooLong, check_limit_from_env

HERE = Path(__file__).parent
STATUS = {NotFound: 404, CsrfRejected: 403, ReportTooLong: 413, ConfigError: 400, InputError: 400, StoreError: 503}


class Dashboard(FastAPI):
    """FastAPI with the security headers outside everything, Starlette's own 500 answer included."""

    def build_middleware_stack(self) -> ASGIApp:
        return SafeHeaders(super().build_middleware_stack())


def create_app(db_path: str | Path, token: str | None = None, upload_limit: int = 5_000_000, *,
               allowed_hosts: tuple[str, ...] | None = None, refresh_seconds: float = 2.0,
               snapshot_dir: str | Path | None = None, warm: bool = True, check_limit: int | None = None,
               brief_dir: str | Path | None = None) -> FastAPI:
    """The dashboard over the store at `db_path`.

    token: when set, every request must carry it (blank, spaced or short tokens are a ConfigError).
    allowed_hosts: Host header names answered (None: any). refresh_seconds: how often to look for a newer
    store. snapshot_dir: where the private copy lives (default: a new temporary folder, removed on shutdown).
    warm: compute the default country's overview on each new snapshot before it is served. check_limit: the
    largest report the checker is given, in bytes (default $WATCHFLOOR_CHECK_LIMIT kB, else 200 kB).
    brief_dir: where written briefs are kept and listed (default ./briefs, as `watchfloor brief`).
    """
    token = check_token(token)
    limit = check_limit if check_limit is not None else check_limit_from_env()
    if limit <= 0:
        raise ConfigError(f"check_limit {limit}: the checker needs room for at least one byte",
                          hint="give the limit in bytes, e.g. 200000")
    snapshots = Snapshots(db_path, refresh_seconds=refresh_seconds, workdir=snapshot_dir)
    templates = Jinja2Templates(env=_environment())
    web = Web(snapshots, templates, Csrf(), upload_limit, token, check_limit=limit,
              brief_dir=Path(brief_dir or "briefs").resolve())
    snapshots.warm = overview.warmer(web) if warm else None
    snapshots.refresh(blocking=True)  # a locked store is fine: pages say so until the import ends
    first = snapshots.status()
    if first.as_of is None and first.error:
        snapshots.close()
        raise StoreError(first.error, hint="is it a watchfloor store? check --db / WATCHFLOOR_DB")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        snapshots.close()

    app = Dashboard(title="watchfloor", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="The evidence store as JSON: events, sources, entities, risk, actors, alerts, "
                              "and the report checker. Pages are served beside it; see docs/web.md.")
    app.state.web = web

    def too_large(scope: Scope, size: int | None) -> Response:
        return _too_large(web, scope, size)

    app.add_middleware(Guard, token=token, allowed_hosts=allowed_hosts,  # type: ignore[arg-type]
                       body_limit=upload_limit + MULTIPART_SLACK, too_large=too_large)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (overview, timeline, actors, mapview, indicators, briefs, check, sources):
        app.include_router(module.router)
    app.include_router(api.router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        """Liveness, without touching the store: the benchmark's baseline."""
        return {"status": "ok"}

    _errors(app, web)
    return app


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    filters.install(env)
    return env


def _wants_json(request_path: str) -> bool:
    return request_path.startswith("/api") or request_path == "/openapi.json"


def _error_page(web: Web, request: Request, status: int, title: str, message: str, hint: str = "") -> Response:
    if _wants_json(request.url.path):
        return JSONResponse({"detail": message, "hint": hint or None}, status_code=status)
    html = web.templates.get_template("error.html").render(
        request=request, nav=NAV, countries=[], status=web.snapshots.status(), page="",
        as_of=hhmm(web.snapshots.status().as_of),
        title=title, message=message, hint=hint, code=status, csrf_token="", country=None, query={})
    headers = {"refresh": "5"} if status == 503 else None
    return HTMLResponse(html, status_code=status, headers=headers)


def _too_large(web: Web, scope: Scope, size: int | None) -> Response:
    request = Request(scope)
    got = f"The upload is {describe_limit(size)}; " if size else "The upload is too large; "
    message = got + f"the limit is {describe_limit(web.upload_limit)}."
    return _error_page(web, request, 413, "Upload too large", message,
                       "Check a shorter extract, or restart the dashboard with a larger --upload-limit.")


def _errors(app: FastAPI, web: Web) -> None:
    @app.exception_handler(WatchfloorError)
    def _watchfloor(request: Request, exc: WatchfloorError) -> Response:
        status = next((s for cls, s in STATUS.items() if isinstance(exc, cls)), 400)
        title = {403: "Forbidden", 404: "Not found", 413: "Report too long",
                 503: "Store unavailable"}.get(status, "Cannot do that")
        return _error_page(web, request, status, title, exc.message, exc.hint)

    @app.exception_handler(UploadTooLarge)
    def _upload(request: Request, exc: UploadTooLarge) -> Response:
        return _too_large(web, request.scope, exc.size)

    @app.exception_handler(StarletteHTTPException)
    def _http(request: Request, exc: StarletteHTTPException) -> Response:
        title = {404: "Not found", 405: "Method not allowed", 403: "Forbidden"}.get(exc.status_code, "Error")
        detail: Any = exc.detail
        message = detail if isinstance(detail, str) else "This address is not part of the dashboard."
        return _error_page(web, request, exc.status_code, title, message)

    @app.exception_handler(Exception)
    def _internal(request: Request, exc: Exception) -> Response:
        """A bug: say so plainly (the traceback goes to the server's log, never to the page)."""
        message = "The dashboard hit an internal error while answering this request; it is logged on the server."
        try:
            return _error_page(web, request, 500, "Internal error", message,
                               "Try again; if it happens again, report it with the address you opened.")
        except Exception:  # the error page itself failed: plain text still says what happened
            return PlainTextResponse(message, status_code=500)

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request.url.path):
            return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "input"
        return _error_page(web, request, 422, "Cannot do that", f"{where}: {first.get('msg', 'invalid value')}")


def jsonable(value: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)
