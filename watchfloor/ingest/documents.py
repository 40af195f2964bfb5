"""Documents (.txt, .md, .html, .pdf): stored with their text and split into passages.

The text comes from `watchfloor.ingest.text.read_document`, the same reader the
checker uses. Title, publisher, date and URL come from the document (front
matter, HTML metadata, PDF info) unless --title/--publisher/--date/--url say
otherwise. The same text imported twice is one document (content hash).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from watchfloor.errors import ImportRejected
from watchfloor.ingest.base import ImportContext, ImportResult
from watchfloor.ingest.passages import split_passages
from watchfloor.ingest.sources import source_for_url, source_id
from watchfloor.ingest.text import SUFFIXES, DocumentText, document_date, read_document
from watchfloor.ingest.writer import upsert_sources
from watchfloor.model import Source
from watchfloor.store.bulk import bulk_insert

NAME = "document"


def detect(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in SUFFIXES or head[:5] == b"%PDF-"


def run(ctx: ImportContext) -> ImportResult:
    doc = read_document(ctx.path)
    apply_flags(ctx, doc)
    digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    ctx.result.rows_read = 1
    if ctx.store.scalar("SELECT count(*) FROM document WHERE content_hash = ?", [digest]):
        ctx.result.note = "the same text is already stored; nothing to do"
        return ctx.result
    source = source_of(ctx, doc, digest)
    doc_id = "doc-" + digest[:16]
    passages = split_passages(doc.text)
    if not passages:
        raise ImportRejected("the document has no text", file=str(ctx.path), hint="nothing was imported")
    with ctx.writing() as con:
        upsert_sources(con, [source])
        con.execute("INSERT INTO document (id, source_id, path, title, text, language, content_hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [doc_id, source.id, str(ctx.path), doc.title, doc.text, doc.language, digest])
        bulk_insert(con, "passage", ["document_id", "seq", "start_offset", "end_offset", "text"],
                    [(doc_id, p.seq, p.start, p.end, p.text) for p in passages])
    ctx.result.added = 1
    ctx.result.note = f"{len(passages)} passages"
    if doc.controls_removed:
        where = f", the first on line {doc.controls_line}" if doc.controls_line else ""
        ctx.result.note += (f"; {doc.controls_removed} control character{'s' if doc.controls_removed > 1 else ''} "
                            f"removed{where}")
    return ctx.result


def apply_flags(ctx: ImportContext, doc: DocumentText) -> None:
    """--title, --publisher, --url and --date win over what the document says about itself."""
    opts = ctx.options
    doc.title = opts.title or doc.title or ctx.path.stem
    doc.publisher = opts.publisher or doc.publisher
    doc.url = opts.url or doc.url
    if opts.date:
        doc.date = document_date(ctx.path, opts.date)


def source_of(ctx: ImportContext, doc: DocumentText, digest: str) -> Source:
    """An article when the document has a URL, a report otherwise; the analyst's grade wins."""
    kind = "article" if doc.url and doc.kind == "html" else "report"
    if doc.url:
        base = source_for_url(doc.url, kind=kind, reliability=ctx.options.reliability)
        return Source(id=base.id, kind=kind, title=doc.title or base.title, publisher=doc.publisher or base.publisher,
                      url=doc.url, published_at=doc.date, reliability=base.reliability)
    return Source(id=source_id(f"document:{digest}"), kind=kind, title=doc.title or ctx.path.stem,
                  publisher=doc.publisher, url=None, published_at=doc.date,
                  reliability=ctx.options.reliability or "F")
