"""What every importer shares: its options, its result, and the registry of formats.

An importer is a module with `detect(path, head) -> bool` and
`run(ctx) -> ImportResult`, registered in `watchfloor.ingest.registry`. It must
write inside `ctx.writing()` (one transaction that also writes the bad-rows
report before committing, and names the store when the disk refuses a write) and
raise `ImportRejected` (file, line, field, value) for a bad row through
`ctx.reject`, which records it instead when `ctx.options.skip_bad_rows` is set.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from watchfloor.errors import ImportRejected, WriteError
from watchfloor.reference import Resolver
from watchfloor.store import Store


@dataclass(frozen=True)
class ImportOptions:
    format: str | None = None
    reliability: str | None = None
    skip_bad_rows: bool = False
    bad_rows_report: Path | None = None
    quiet: bool = False
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    encoding: str | None = None
    """Text encoding of CSV files (default UTF-8, with or without a BOM)."""


@dataclass
class BadRow:
    line: int
    field: str
    value: str
    reason: str


@dataclass
class ImportResult:
    path: str
    format: str
    rows_read: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    unchanged: bool = False
    per_country: Counter[str] = field(default_factory=Counter)
    bad_rows: list[BadRow] = field(default_factory=list)
    note: str = ""


Progress = Callable[[int, int | None], None]
"""Called as progress(done, total) with bytes or rows; total may be None."""


@dataclass
class ImportContext:
    """Everything one import of one file needs, passed explicitly."""

    store: Store
    resolver: Resolver
    path: Path
    options: ImportOptions
    result: ImportResult
    progress: Progress = lambda done, total: None  # noqa: E731
    within: bool = False
    """The caller holds the transaction (a pack folder's names and facts go in together)."""

    def reject(self, message: str, *, line: int | None = None, field: str | None = None,
               value: object = None, hint: str = "") -> None:
        """Refuse the row: raise, or record it when --skip-bad-rows is on."""
        if self.options.skip_bad_rows:
            self.result.bad_rows.append(BadRow(line or 0, field or "", str(value), message))
            self.result.skipped += 1
            return
        raise ImportRejected(message, file=str(self.path), line=line, field=field, value=value,
                             hint=hint or "fix the row, or pass --skip-bad-rows to import the good rows "
                                          "and write the bad ones to a report; nothing was imported")


    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The import's one transaction, which also writes the bad-rows report before it commits.

        A report that cannot be written then leaves the store as it was, and a store the disk refuses (full,
        read-only) is a WriteError naming the store instead of a complaint about the file being imported."""
        if self.within:
            yield self.store.con
            write_bad_rows(self)
            return
        try:
            with self.store.transaction() as con:
                yield con
                write_bad_rows(self)
        except duckdb.Error as exc:
            refused = refused_write(self.store, exc)
            if refused is None:
                raise
            raise refused from None


_DUCKDB_WRITE = re.compile(r'[Cc]ould not (?:write|fsync|truncate|create|open|sync|extend)\b[^"]*"[^"]*": ([^\n]+)')


def refused_write(store: Store, exc: duckdb.Error, hint: str = "") -> WriteError | None:
    """The WriteError naming the store when DuckDB failed to write its file, else None (a bad query)."""
    reason = store_write_failure(exc)
    return WriteError(str(store.path), reason, hint=hint) if reason is not None else None


def store_write_failure(exc: duckdb.Error) -> str | None:
    """The reason ("no space left on device") when DuckDB failed to write a file, else None (a bad query)."""
    text = str(exc)
    m = _DUCKDB_WRITE.search(text)
    if m:
        return m.group(1).strip().rstrip(".").lower()
    if isinstance(exc, duckdb.IOException):
        return text.splitlines()[0].removeprefix("IO Error: ").strip().rstrip(".").lower()
    return None


def bad_rows_report(path: Path, options: ImportOptions) -> Path:
    return options.bad_rows_report or path.with_name(path.name + ".bad-rows.csv")


_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0, 9), 11, 12, *range(14, 32), 127]}


def _visible(value: object) -> object:
    """A bad value as the report shows it: control characters spelled out (\\x00), so the CSV stays text."""
    return value.translate(_CONTROLS) if isinstance(value, str) else value


def write_bad_rows(ctx: ImportContext) -> None:
    """Write the --skip-bad-rows report (line, field, value, reason); a failed write is a WriteError naming it."""
    result = ctx.result
    if not (ctx.options.skip_bad_rows and result.bad_rows):
        return
    report = bad_rows_report(ctx.path, ctx.options)
    try:
        with report.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["line", "field", "value", "reason"])
            for b in result.bad_rows:
                w.writerow([b.line, b.field, _visible(b.value), b.reason])
    except OSError as exc:
        raise WriteError.from_os(report, exc, hint="free some disk space or pass --bad-rows-report with another "
                                                   "place; nothing was imported") from None
    result.note = f"{len(result.bad_rows)} bad rows written to {report}"


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
