"""What every importer shares: its options, its result, and the registry of formats.

An importer is a module with `detect(path, head) -> bool` and
`run(ctx) -> ImportResult`, registered in `watchfloor.ingest.registry`. It must
write inside `ctx.store.transaction()` and raise `ImportRejected` (file, line,
field, value) for a bad row unless `ctx.options.skip_bad_rows` is set, in which
case it calls `ctx.skip(line, field, value, reason)`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchfloor.errors import ImportRejected
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


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
