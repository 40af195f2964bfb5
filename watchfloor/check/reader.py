"""Reading a report file: text and Markdown ourselves, HTML and PDF through the document reader.

Offsets are into the text as read: `Path.read_text(encoding="utf-8")` for
.txt and .md (universal newlines, a byte-order mark kept as a character), and
the document reader's text for .html and .pdf. Bad input is an InputError that
names the file (the CLI turns it into exit code 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from watchfloor.errors import InputError

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")


@dataclass(frozen=True)
class ReportText:
    text: str
    name: str
    date_year: int | None = None
    """The year the document says it was written, when it says so."""


def read_report(path: str | Path) -> ReportText:
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", file=str(p), hint="check the path of the report to check")
    if p.is_dir():
        raise InputError("is a folder, not a file", file=str(p), hint="name a .txt, .md, .html or .pdf report")
    if p.stat().st_size == 0:
        raise InputError("the file is empty", file=str(p), hint="there is nothing to check")
    if p.suffix.lower() in TEXT_SUFFIXES or not _document_reader():
        text = _read_text(p)
        year = None
    else:
        doc = _document_reader()(p)  # type: ignore[misc]
        text = doc.text
        year = int(doc.date[:4]) if getattr(doc, "date", None) else None
    if not text.strip():
        raise InputError("the file has no text", file=str(p), hint="there is nothing to check")
    return ReportText(text, p.name, year)


def _read_text(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raw = p.read_bytes()
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("the file is not UTF-8 text", file=str(p), line=line,
                         value=raw[exc.start:exc.start + 4], hint="save the report as UTF-8 and check it again"
                         ) from None


def _document_reader():  # type: ignore[no-untyped-def]
    try:
        from watchfloor.ingest.text import read_document
    except ImportError:
        return None
    return read_document
