"""Stream a CSV file row by row, with the line each row starts on.

Every CSV importer reads through here so that every error names the same
things: the file, the physical line, the column and the value. The file is read
line by line (memory stays bounded), decoded strictly (a bad byte is an error
naming its line, never a silent replacement), and a line longer than
`MAX_LINE` bytes is refused instead of swallowing memory.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from watchfloor.errors import ImportRejected, InputError
from watchfloor.ingest.base import ImportContext
from watchfloor.ingest.text import NOT_TEXT, not_text

MAX_LINE = 16 * 1024 * 1024
csv.field_size_limit(MAX_LINE)


@dataclass
class Header:
    names: list[str]
    line: int

    def index(self) -> dict[str, int]:
        return {n: i for i, n in enumerate(self.names)}


def encoding_of(ctx: ImportContext) -> str:
    return ctx.options.encoding or "utf-8"


def physical_lines(ctx: ImportContext, *, start: int = 0) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line, BOM dropped, newline kept; progress reported in bytes."""
    path, encoding = ctx.path, encoding_of(ctx)
    total = path.stat().st_size
    done = 0
    with path.open("rb") as fh:
        n = 0
        while True:
            raw = fh.readline(MAX_LINE + 1)
            if not raw:
                break
            n += 1
            done += len(raw)
            if len(raw) > MAX_LINE:
                raise ImportRejected(f"line is longer than {MAX_LINE // (1024 * 1024)} MB", file=str(path), line=n,
                                     hint="is this the right file and format? nothing was imported")
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportRejected(f"the file is not {encoding.upper()} text (byte 0x{raw[exc.start]:02x} at "
                                     f"position {exc.start + 1} of the line)", file=str(path), line=n,
                                     hint="save it as UTF-8, or pass --encoding (e.g. latin-1) with the file's "
                                          "encoding; nothing was imported") from None
            except LookupError:
                raise InputError(f"unknown encoding {encoding!r}", hint="pass --encoding utf-8 or latin-1") from None
            if n % 4096 == 0:
                ctx.progress(done, total)
            if n > start:
                yield n, text
        ctx.progress(done, total)


def records(ctx: ImportContext, *, start: int = 0, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, fields) for each CSV record after the first `start` lines; blank lines skipped."""
    lines = physical_lines(ctx, start=start)
    current = [start]

    def feed() -> Iterator[str]:
        for n, text in lines:
            current[0] = n
            yield text

    reader = csv.reader(feed(), delimiter=delimiter)
    first = start + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportRejected(f"the CSV is malformed: {exc}", file=str(ctx.path), line=current[0],
                                 hint="check the quoting on this line; nothing was imported") from None
        if row and any(cell.strip() for cell in row):
            yield first, row
        first = current[0] + 1


def read_header(ctx: ImportContext, rows: Iterator[tuple[int, list[str]]], what: str) -> Header:
    """The first record as a header; a file without one is an InputError."""
    try:
        line, names = next(rows)
    except StopIteration:
        raise ImportRejected(f"the file has no {what} header and no rows", file=str(ctx.path),
                             hint="export the data again; nothing was imported") from None
    header = Header([n.strip().lstrip("\ufeff") for n in names], line)
    for name in header.names:
        if (why := not_text(name)) is not None:
            raise ImportRejected(f"a column name is not text: {why}", file=str(ctx.path), line=line, field=name,
                                 hint="remove the control characters from the header; nothing was imported")
    return header


def require_columns(ctx: ImportContext, header: Header, required: tuple[str, ...], what: str) -> None:
    missing = [c for c in required if c not in header.names]
    if missing:
        raise ImportRejected(f"not a {what} file: missing column(s) {', '.join(missing)}", file=str(ctx.path),
                             line=header.line, hint=f"export the {what} data with its standard columns, or pass "
                                                    "--format to choose another importer; nothing was imported")


def no_rows(ctx: ImportContext, what: str) -> ImportRejected:
    return ImportRejected(f"the {what} file has a header but no rows", file=str(ctx.path),
                          hint="export the data again; nothing was imported")


def as_dict(ctx: ImportContext, header: Header, line: int, row: list[str]) -> dict[str, str] | None:
    """The row keyed by column name, or None (after ctx.reject) when it has the wrong number of fields or a cell
    holds a control character (never data, and they break exports such as GraphML later)."""
    if len(row) != len(header.names):
        if len(row) == len(header.names) + 1 and row[-1] == "":
            row = row[:-1]
        elif len(row) == len(header.names) - 1 and header.names[-1] == "":
            row = [*row, ""]
        else:
            ctx.reject(f"expected {len(header.names)} columns, found {len(row)}", line=line,
                       value=",".join(row)[:80])
            return None
    if NOT_TEXT.search("".join(row)):
        name, cell = next((n, c) for n, c in zip(header.names, row, strict=True) if NOT_TEXT.search(c))
        ctx.reject(f"the value is not text: {not_text(cell)}", line=line, field=name, value=cell,
                   hint="remove the control characters (NUL often means a binary or UTF-16 file), or pass "
                        "--skip-bad-rows to import the good rows; nothing was imported")
        return None
    return dict(zip(header.names, row, strict=True))


def number(ctx: ImportContext, line: int, field: str, text: str, *, integer: bool = False,
           missing: tuple[str, ...] = ("", ".."), check: Callable[[float], bool] | None = None,
           why: str = "") -> tuple[bool, float | None]:
    """(ok, value): a number cell, None when missing; a bad one is rejected and gives ok=False."""
    text = text.strip()
    if text in missing:
        return True, None
    try:
        value = float(int(text)) if integer else float(text)
    except ValueError:
        ctx.reject("expected a whole number" if integer else "expected a number", line=line, field=field, value=text)
        return False, None
    if value != value or value in (float("inf"), float("-inf")) or (check and not check(value)):
        ctx.reject(why or "number out of range", line=line, field=field, value=text)
        return False, None
    return True, value


def within(limit: float) -> Callable[[float], bool]:
    """A check for number(): the value lies between -limit and limit."""
    return lambda v: abs(v) <= limit



def coordinates(ctx: ImportContext, line: int, row: dict[str, str]) -> tuple[bool, float | None, float | None]:
    """(ok, lat, lon) from a row's latitude and longitude cells; an out-of-range one rejects the row."""
    coords: list[float | None] = []
    for field, limit in (("latitude", 90), ("longitude", 180)):
        ok, value = number(ctx, line, field, row.get(field, ""), check=within(limit),
                           why=f"{field} must be between -{limit} and {limit}")
        if not ok:
            return False, None, None
        coords.append(value)
    return True, coords[0], coords[1]
