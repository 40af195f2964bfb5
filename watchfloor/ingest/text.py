"""Read a document (text, Markdown, HTML, PDF) into plain text plus what it says about itself.

The importer stores this text and the checker checks it, so both must see the
same characters: `read_document` is the one place that turns a file into text.
Plain text and Markdown are kept as written (with universal newlines, like
`Path.read_text`), minus a `---` front-matter block, whose length is recorded in
`DocumentText.offset`. HTML goes through trafilatura for the main text, and
scripts, styles and markup never reach the text. PDF goes through pypdf.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchfloor.errors import ConfigError, InputError

MAX_BYTES = 200 * 1024 * 1024
"""Documents larger than this are refused: they are archives, not reading."""

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES

NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
"""C0 control characters other than tab, newline and carriage return, and lone UTF-16 surrogates (which JSON
escapes can make): never text, unstorable or unexportable (XML, so GraphML, cannot hold them)."""
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
"""Characters a text hardly ever holds: controls (C0, DEL, C1) and the replacement character."""
MAX_JUNK_SHARE = 0.05
"""A document with more than this share of `_JUNK` characters is binary or mis-decoded, not text."""
_LETTER = re.compile(r"[^\W\d_]")


def not_text(value: str) -> str | None:
    """Why a value read from a file is not text (its first control character or lone surrogate), or None.

    Importers refuse such CSV cells and JSON values with file, line and field instead of storing them."""
    m = NOT_TEXT.search(value)
    if m is None:
        return None
    code = ord(m.group())
    what = "a lone UTF-16 surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"character {m.start() + 1} is U+{code:04X}, {what}, which is not text"

_FRONT_KEYS = {"title": "title", "publisher": "publisher", "source": "publisher", "site": "publisher",
               "date": "date", "published": "date", "url": "url", "link": "url", "language": "language",
               "lang": "language"}
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


@dataclass
class DocumentText:
    """A document as text, with the metadata found in it (None where it says nothing)."""

    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    """ISO date YYYY-MM-DD when the document gives one."""
    language: str | None = None
    kind: str = "text"
    """text, markdown, html or pdf."""
    offset: int = 0
    """Characters dropped before `text` (BOM, front matter) in the file as `Path.read_text` gives it."""
    controls_removed: int = 0
    """Control characters taken out of the text (they are never text, and XML exports cannot hold them)."""
    controls_line: int | None = None
    """The file's line holding the first of them (text and Markdown; None for HTML and PDF)."""


def read_document(path: Path) -> DocumentText:
    """The text and metadata of a .txt, .md, .html or .pdf file; InputError when it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", file=str(path), hint="check the path")
    if path.is_dir():
        raise InputError("is a folder, not a file", file=str(path), hint="name the files inside it")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"the document is too large ({size // (1024 * 1024)} MB; the limit is "
                         f"{MAX_BYTES // (1024 * 1024)} MB)", file=str(path), hint="split it or import the parts")
    raw = path.read_bytes()
    kind = _kind(path, raw)
    if kind != "pdf" and (nul := raw.find(b"\x00")) >= 0:
        raise InputError(f"this is a binary file, not a text document (a NUL byte at byte offset {nul})",
                         file=str(path), line=raw[:nul].count(b"\n") + 1,
                         hint="import .txt, .md, .html or .pdf documents; a UTF-16 text must be saved as UTF-8 "
                              "first; nothing was imported")
    if kind == "pdf":
        doc = _read_pdf(path, raw)
    elif kind == "html":
        doc = _read_html(path, raw)
    else:
        doc = _read_text(path, raw, kind)
    if not doc.text.strip():
        raise InputError("the document has no text", file=str(path),
                         hint="a scanned PDF needs OCR first; an HTML page may hold its text in scripts")
    if not _LETTER.search(doc.text):
        raise InputError("the document has no letters, so no text to read", file=str(path),
                         hint="import reports and articles; a table of numbers belongs in a dataset import; "
                              "nothing was imported")
    return doc


def _clean(path: Path, doc: DocumentText, lines_before: int | None = None) -> DocumentText:
    """Refuse a text that is mostly control characters; take the stray ones out and count them.

    Form feeds and vertical tabs (page breaks, as pdftotext writes them) become newlines; the other controls go.
    `lines_before` is the number of file lines before `doc.text` (front matter) when the text is the file's."""
    text = doc.text
    _, junk = _JUNK.subn("", text)
    if junk > MAX_JUNK_SHARE * max(len(text), 1):
        raise InputError(f"this is not a text document: {junk:,} of its {len(text):,} characters are control "
                         "characters", file=str(path),
                         hint=("a PDF whose fonts have no Unicode map needs OCR or a re-export; "
                               if doc.kind == "pdf" else "is it a binary file? ") + "nothing was imported")
    for name in ("title", "publisher", "url", "date", "language"):
        value = getattr(doc, name)
        if value:
            setattr(doc, name, NOT_TEXT.sub("", value).strip() or None)
    first = NOT_TEXT.search(text)
    if first is None:
        return doc
    if lines_before is not None:
        doc.controls_line = lines_before + text.count("\n", 0, first.start()) + 1
    breaks = text.count("\x0b") + text.count("\x0c")
    doc.text, removed = NOT_TEXT.subn("", text.replace("\x0b", "\n").replace("\x0c", "\n"))
    doc.controls_removed = removed + breaks
    return doc


def _kind(path: Path, raw: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES or raw[:5] == b"%PDF-":
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix not in TEXT_SUFFIXES and re.match(rb"\s*(<!doctype html|<html)", raw[:512], re.I):
        return "html"
    return "text"


def decode(path: Path, raw: bytes, encoding: str = "utf-8") -> str:
    """Bytes to str with universal newlines; a bad byte becomes an InputError naming its line."""
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"the file is not {encoding.upper()} text (byte 0x{raw[exc.start]:02x} "
                         f"at byte offset {exc.start})", file=str(path), line=line,
                         hint="save the file as UTF-8 and import it again") from None
    except LookupError:
        raise InputError(f"unknown text encoding {encoding!r}", file=str(path),
                         hint="save the file as UTF-8 and import it again") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(path: Path, raw: bytes, kind: str) -> DocumentText:
    text = decode(path, raw)
    offset = 0
    if text.startswith("\ufeff"):
        text, offset = text[1:], 1
    meta: dict[str, str] = {}
    lines_before = 0
    if text.startswith("---\n"):
        end = _FRONT_END.search(text, 4)
        if end:
            meta = _front_matter(path, text[4:end.start()])
            cut = end.end() + 1 if text[end.end():end.end() + 1] == "\n" else end.end()
            lines_before = text.count("\n", 0, cut)
            text, offset = text[cut:], offset + cut
    title = meta.get("title") or _first_line_title(text)
    date = _iso_date(path, meta["date"], "date") if meta.get("date") else None
    return _clean(path, DocumentText(text=text, title=title, publisher=meta.get("publisher"), url=meta.get("url"),
                                     date=date, language=meta.get("language"), kind=kind, offset=offset), lines_before)


def _front_matter(path: Path, block: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in block.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
        if not m:
            continue
        key = _FRONT_KEYS.get(m.group(1).lower())
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if key and value and key not in meta:
            meta[key] = value
    return meta


def _first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 200 else None
    return None


def _iso_date(path: Path, value: str, field: str) -> str:
    """A date from front matter, HTML or a flag, as YYYY-MM-DD."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise InputError("cannot read this date", file=str(path), field=field, value=value,
                         hint="write it as YYYY-MM-DD")
    return parsed.date().isoformat()


def document_date(path: Path, value: str) -> str:
    """A --date flag or other date as YYYY-MM-DD (InputError when it cannot be read)."""
    return _iso_date(path, value, "date")


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head")


def _read_html(path: Path, raw: bytes) -> DocumentText:
    try:
        html = decode(path, raw)
    except InputError:
        declared = _CHARSET.search(raw[:4096])
        if not declared or declared.group(1).lower() in (b"utf-8", b"utf8"):
            raise
        html = decode(path, raw, declared.group(1).decode("ascii"))
    html = html.lstrip("\ufeff")
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml_html_clean, split out of lxml 5.2 and needed by trafilatura's jusText
        raise ConfigError(f"HTML documents cannot be read: a package is missing from this install ({exc})",
                          hint="reinstall watchfloor with its dependencies (pip install watchfloor, or "
                               "pip install lxml_html_clean)") from None

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=True, favor_recall=True)
    meta = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else (extracted or {})
    body = meta.get("text") or ""
    if len(body.strip()) < 40:
        body = _fallback_html_text(html) or body
    text = _paragraphs(body)
    lang = re.search(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z-]+)""", html[:4096], re.I)
    date = meta.get("date")
    return _clean(path, DocumentText(
        text=text, title=meta.get("title") or None, publisher=meta.get("sitename") or None,
        url=meta.get("url") or None, date=_safe_date(path, date),
        language=meta.get("language") or (lang.group(1).lower() if lang else None), kind="html"))


def _safe_date(path: Path, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return _iso_date(path, value, "date")
    except InputError:
        return None


def _fallback_html_text(html: str) -> str:
    """Visible text of a page trafilatura finds too short: markup, scripts and styles removed."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP)):
        bad.drop_tree()
    blocks = []
    for el in root.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre", "div"):
        if el.tag == "div" and any(c.tag in ("p", "div", "ul", "ol", "table") for c in el):
            continue
        words = " ".join(el.text_content().split())
        if words:
            blocks.append(words)
    if not blocks:
        body = root.find("body")
        blocks = [" ".join((body if body is not None else root).text_content().split())]
    seen: set[str] = set()
    return "\n".join(b for b in blocks if not (b in seen or seen.add(b)))  # type: ignore[func-returns-value]


def _paragraphs(text: str) -> str:
    """One paragraph per line, blank line between: how a text file of the same article reads."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


MAX_PDF_PAGES = 10_000
MAX_PDF_STREAM = 16 * 1024 * 1024
"""Largest a single PDF stream may decompress to: a page's drawing instructions are kilobytes, a bomb is gigabytes."""
MAX_PDF_CONTENT = 64 * 1024 * 1024
"""Decompressed page content summed over the pages: bounds the work for pages that all reuse one huge stream."""
MAX_PDF_OPERATIONS = 4_000_000
"""Drawing operations read (pages and the forms they call), about a minute of pypdf's time."""
MAX_PDF_SECONDS = 120.0
"""A last guard on time for the paths the other limits do not count (fonts, whitespace-only forms)."""


class _PdfTooBig(Exception):
    """Raised from inside pypdf's text extraction when a budget is spent."""


@contextlib.contextmanager
def _pdf_limits() -> Iterator[None]:
    """pypdf's own caps, tightened to what a readable report needs (pypdf 6.7+; older ones keep theirs)."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:
        yield
        return
    caps = {"zlib_maximum_output_length": MAX_PDF_STREAM, "lzw_maximum_output_length": MAX_PDF_STREAM,
            "run_length_maximum_output_length": MAX_PDF_STREAM, "brotli_maximum_output_length": MAX_PDF_STREAM,
            "jbig2_maximum_output_length": MAX_PDF_STREAM, "array_based_stream_maximum_output_length": MAX_PDF_STREAM,
            "stream_decoding_work_maximum_length": 2 * MAX_PDF_STREAM, "xform_maximum_invocations_per_extraction": 200,
            "page_tree_maximum_entries": MAX_PDF_PAGES}
    known = {f.name for f in dataclasses.fields(pypdf.Configuration)}
    with apply(**{k: v for k, v in caps.items() if k in known}):
        yield


def _encrypted(path: Path) -> InputError:
    return InputError("encrypted PDF: watchfloor cannot read it; save an unencrypted copy", file=str(path),
                      hint="open it with its password, save or print it to a new PDF without protection, "
                           "and import that; nothing was imported")


def _too_big(path: Path, why: str) -> InputError:
    return InputError(f"the PDF is too large to read safely: {why}", file=str(path),
                      hint="if it is a real report, extract its text (e.g. pdftotext FILE.pdf) and import the .txt; "
                           "nothing was imported")


def _read_pdf(path: Path, raw: bytes) -> DocumentText:
    """pypdf's text within bounded time and memory; every pypdf failure becomes an InputError naming the file.

    pypdf raises many kinds of exception on a malformed file (its own, but also KeyError, struct.error …);
    a PDF is user input, so any exception from inside pypdf is the file's fault, not a bug to show."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    reader = None
    try:
        with _pdf_limits():
            reader = pypdf.PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not reader.decrypt(""):
                raise _encrypted(path)
            pages = _pdf_pages(reader)
            info: Any = reader.metadata or {}
            title, author, created = (str(info.get(k) or "").strip() for k in ("/Title", "/Author", "/CreationDate"))
    except InputError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:
        if reader is None or reader.is_encrypted:
            raise _encrypted(path) from None
        raise InputError(f"cannot read this PDF: {exc}", file=str(path),
                         hint="re-export the PDF with a common PDF writer; nothing was imported") from None
    except LimitReachedError as exc:
        raise _too_big(path, f"part of it passes a size limit (pypdf: {exc})") from None
    except _PdfTooBig as exc:
        raise _too_big(path, str(exc)) from None
    except RecursionError:
        raise _too_big(path, "its objects nest too deeply") from None
    except Exception as exc:  # noqa: BLE001 - see the docstring
        raise InputError(f"cannot read this PDF: {type(exc).__name__}: {exc}"[:300], file=str(path),
                         hint="check that the file is a complete PDF; re-export it if needed") from None
    text = "\n\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages if p)
    date = None
    m = re.match(r"^D:(\d{4})(\d{2})(\d{2})", created)
    if m:
        try:
            date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            date = None
    return _clean(path, DocumentText(text=text, title=title or _first_line_title(text), publisher=author or None,
                                     date=date, kind="pdf"))


def _pdf_pages(reader: Any) -> list[str]:
    """Each page's text, refusing the file before the page count, content size or work passes its budget."""
    count = len(reader.pages)
    if count > MAX_PDF_PAGES:
        raise _PdfTooBig(f"{count:,} pages (the limit is {MAX_PDF_PAGES:,})")
    content = 0
    for page in reader.pages:
        stream = page.get_contents()
        content += len(stream.get_data()) if stream is not None else 0
        if content > MAX_PDF_CONTENT:
            raise _PdfTooBig(f"its pages decompress to more than {MAX_PDF_CONTENT // (1024 * 1024)} MB")
    work = {"ops": 0}
    deadline = time.monotonic() + MAX_PDF_SECONDS

    def spend(*_: object) -> None:
        work["ops"] += 1
        if work["ops"] > MAX_PDF_OPERATIONS:
            raise _PdfTooBig(f"more than {MAX_PDF_OPERATIONS:,} drawing operations")
        if work["ops"] % 4096 == 0 and time.monotonic() > deadline:
            raise _PdfTooBig(f"reading it took over {MAX_PDF_SECONDS:.0f} seconds")

    pages = []
    for page in reader.pages:
        pages.append((page.extract_text(visitor_operand_before=spend) or "").strip())
        if time.monotonic() > deadline:
            raise _PdfTooBig(f"reading it took over {MAX_PDF_SECONDS:.0f} seconds")
    return pages
