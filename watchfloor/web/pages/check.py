"""Check: paste a report or upload a file, see it with its findings highlighted and the evidence for each.

`POST /check` takes the form field `text`, or `file` for an upload (.txt, .md, .html, .pdf), plus the
form's CSRF token. The report is read as text and never rendered as markup; a text over the check limit
gets 413, and the check runs in a thread the request stops waiting for when the browser leaves.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from watchfloor.errors import ConfigError, InputError
from watchfloor.web.context import session, web_of
from watchfloor.web.marks import highlight
from watchfloor.web.optional import lib
from watchfloor.web.security import CSRF_FIELD, CsrfRejected, UploadTooLarge
from watchfloor.web.work import ClientGone, run_while_connected, within_limit

router = APIRouter(include_in_schema=False)
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf")


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request, country: str | None = None) -> HTMLResponse:
    with session(request) as s:
        ent = s.country(country)
        return s.render("check.html", page="check", country=ent, available=_available(), error=None, text="",
                        query={"country": ent.iso3})


@router.post("/check", response_class=HTMLResponse)
async def check_post(request: Request) -> Response:
    web = web_of(request)
    form = await request.form(max_part_size=web.upload_limit + 1, max_files=1, max_fields=20)
    if not web.csrf.valid(request, _str(form.get(CSRF_FIELD))):
        raise CsrfRejected()
    upload = form.get("file")
    text, name = _str(form.get("text")), _str(form.get("name")).strip()
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(web.upload_limit + 1)
        if len(raw) > web.upload_limit:
            raise UploadTooLarge(web.upload_limit, upload.size or len(raw))
        if raw:
            text, name = _read_upload(upload.filename, raw), name or Path(upload.filename).name
    if len(text.encode("utf-8")) > web.upload_limit:
        raise UploadTooLarge(web.upload_limit, len(text.encode("utf-8")))
    within_limit(text, web.check_limit)  # 413 before any work: a long report could take minutes
    try:
        return await run_while_connected(request, _result, request, text, name or "pasted report",
                                         _str(form.get("country")))
    except ClientGone:
        return Response(status_code=499)  # nobody reads it: the browser has left


def _result(request: Request, text: str, name: str, country: str) -> Response:
    with session(request) as s:
        ent = s.country(country or None)
        check_text = lib("watchfloor.check", "check_text")
        if not text.strip():
            return s.render("check.html", status_code=400, page="check", country=ent, available=_available(),
                            error="Paste a report or choose a file to check.", text="", query={"country": ent.iso3})
        if check_text is None:
            raise ConfigError("the checker is not available in this build",
                              hint="install watchfloor with its check module")
        report = check_text(s.store, text, name)
        data: dict[str, Any] = report.to_dict()
        # Our own marks, not check.render.render_html: its fragment brings a heading, the findings and an
        # inline <script>, which this page has already and which its Content-Security-Policy refuses.
        marked = highlight(text, data["findings"])
        return s.render("check_result.html", page="check", country=ent, report=data, marked=marked, text=text,
                        name=name, query={"country": ent.iso3})


def _read_upload(filename: str, raw: bytes) -> str:
    """An uploaded file as text, through the same reader the importer and the CLI checker use."""
    safe = re.sub(r"[^0-9A-Za-z._-]+", "_", Path(filename).name)[:100] or "upload.txt"
    if not safe.lower().endswith(SUFFIXES):
        safe += ".txt"
    read_document = lib("watchfloor.ingest.text", "read_document")
    if read_document is None:
        return raw.decode("utf-8", errors="replace")
    with tempfile.TemporaryDirectory(prefix="watchfloor-upload-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(raw)
        try:
            return str(read_document(path).text)
        except InputError as exc:
            raise InputError(exc.message.replace(str(path), Path(filename).name), hint=exc.hint) from None


def _available() -> bool:
    return lib("watchfloor.check", "check_text") is not None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""
