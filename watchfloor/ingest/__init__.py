"""Importers: event datasets, indicator tables, documents and curated fact packs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from watchfloor.errors import ConfigError, ImportRejected, InputError
from watchfloor.ingest.base import ImportContext, ImportOptions, ImportResult, Progress, file_hash, refused_write
from watchfloor.ingest.registry import FORMATS, module
from watchfloor.model import RELIABILITY
from watchfloor.reference import Resolver
from watchfloor.store import Store

__all__ = ["FORMATS", "ImportOptions", "ImportResult", "detect_format", "import_path", "import_paths"]


def detect_format(path: Path) -> str:
    """The format of a file from its name and first bytes, or an InputError naming the choices."""
    with path.open("rb") as fh:
        head = fh.read(65536)
    for name in FORMATS:
        if module(name).detect(path, head):
            return name
    raise InputError("cannot tell what format this file is", file=str(path),
                     hint=f"pass --format with one of: {', '.join(FORMATS)}")


def import_path(store: Store, path: Path, options: ImportOptions, resolver: Resolver | None = None,
                progress: Progress | None = None, *, within: bool = False) -> ImportResult:
    """Import one file in one transaction (the caller's, when `within`); the same content twice is a no-op."""
    if options.reliability and options.reliability not in RELIABILITY:
        raise ConfigError(f"source reliability must be one of A–F, not {options.reliability!r}")
    if not path.exists():
        raise InputError("no such file", file=str(path), hint="check the path")
    if path.is_dir():
        raise InputError("is a folder, not a file", file=str(path),
                         hint="import a country pack folder with import_paths (`watchfloor import FOLDER`), or "
                              "name the files inside it")
    if path.stat().st_size == 0:
        raise InputError("the file is empty", file=str(path), hint="export the data again; nothing was imported")
    fmt = options.format or detect_format(path)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}", hint=f"choose one of: {', '.join(FORMATS)}")
    digest = file_hash(path)
    result = ImportResult(path=str(path), format=fmt)
    if store.scalar("SELECT count(*) FROM import_log WHERE content_hash = ? AND format = ?", [digest, fmt]):
        result.unchanged = True
        result.note = "already imported (same content); nothing to do"
        return result
    ctx = ImportContext(store, resolver or Resolver(store), path, options, result,
                        progress or (lambda done, total: None), within)
    try:
        module(fmt).run(ctx)
    except duckdb.Error as exc:
        refused = refused_write(store, exc)
        if refused is not None:
            raise refused from None
        raise ImportRejected(f"the {fmt} import failed: {str(exc).splitlines()[0]}", file=str(path),
                             hint="check that the file is what --format says; nothing was imported") from None
    try:
        store.con.execute("INSERT INTO import_log (path, format, content_hash, rows_read, added, updated, skipped) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [str(path), fmt, digest, result.rows_read, result.added, result.updated, result.skipped])
    except duckdb.Error as exc:
        refused = refused_write(store, exc, hint="the rows were imported; importing the file again finds them and "
                                                 "adds nothing")
        if refused is None:
            raise
        raise refused from None
    return result


def import_paths(store: Store, paths: list[Path], options: ImportOptions,
                 progress_for: Callable[[Path], Progress] | None = None) -> list[ImportResult]:
    """Import files one after another, and country pack folders (their names and facts) as they come."""
    from watchfloor.ingest.packs import import_pack

    resolver = Resolver(store)
    results: list[ImportResult] = []
    for p in paths:
        progress = progress_for(p) if progress_for else None
        if p.is_dir():
            results += import_pack(store, p, options, progress)
            resolver = Resolver(store)
        else:
            results.append(import_path(store, p, options, resolver, progress))
    return results
