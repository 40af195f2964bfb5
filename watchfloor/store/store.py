"""The Store: one DuckDB file holding the whole evidence store.

DuckDB lets one process open a file for writing, and while it does no other
process can open it at all. So writers hold the file only for the length of a
command, and a locked file becomes a clear error naming who to wait for.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

from watchfloor.errors import StoreError
from watchfloor.store.migrations import current_version, latest, pending, upgrade

DEFAULT_PATH = "watchfloor.duckdb"
ENV_VAR = "WATCHFLOOR_DB"
MEMORY_ENV = "WATCHFLOOR_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "700MB"
"""DuckDB spills to disk past this, so a five-million-row import stays under 1 GB of RAM."""


def default_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db wins, then WATCHFLOOR_DB, then ./watchfloor.duckdb."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)


class Store:
    """An open evidence store. Use `Store.open(path)`; close it or use it as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None = None, *, read_only: bool = False, create: bool = True
    ) -> Store:
        """Open (and create or upgrade, when writable) the store at `path`."""
        p = default_path(path)
        if p.is_dir():
            raise StoreError(f"store path {str(p)!r} is a folder, not a DuckDB file",
                             hint="pass a file path with --db, e.g. --db ./watchfloor.duckdb")
        if not p.exists():
            if read_only or not create:
                raise StoreError(f"no store at {str(p)!r}",
                                 hint="run `watchfloor demo` or `watchfloor import FILE` to create one, "
                                      "or point --db / WATCHFLOOR_DB at an existing store")
            if not p.parent.exists():
                raise StoreError(f"cannot create store {str(p)!r}: folder {str(p.parent)!r} does not exist",
                                 hint="create the folder first or choose another --db path")
        elif not os.access(p, os.R_OK):
            raise StoreError(f"cannot read store {str(p)!r}: permission denied",
                             hint="check the file's permissions or choose another --db path")
        con = _connect(p, read_only)
        try:
            version, known = current_version(con), latest()
            if version > known:
                raise StoreError(
                    f"store {str(p)!r} was written by a newer watchfloor (schema {version}, this one knows {known})",
                    hint="upgrade watchfloor (pip install -U watchfloor) or use another --db path")
            if pending(con):
                if read_only:
                    con.close()
                    con = _connect(p, False)
                    upgrade(con)
                    con.close()
                    con = _connect(p, True)
                else:
                    upgrade(con)
        except duckdb.OutOfMemoryException as exc:
            con.close()
            raise out_of_memory(exc) from None
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"store {str(p)!r} could not be prepared: {exc}",
                             hint="is it a watchfloor store? try another --db path") from None
        except Exception:
            con.close()
            raise
        return cls(con, p, read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: an exception inside rolls everything back.

        DuckDB running out of memory becomes a StoreError naming WATCHFLOOR_MEMORY_LIMIT: it is the setting
        to raise, not the file that is wrong (an import's caller would otherwise blame the file).
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except duckdb.OutOfMemoryException as exc:
            self._rollback()
            raise out_of_memory(exc) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.con.execute("COMMIT")
        except duckdb.OutOfMemoryException as exc:
            self._rollback()
            raise out_of_memory(exc) from None

    def _rollback(self) -> None:
        """ROLLBACK, which DuckDB may already have done itself after a fatal error in the transaction."""
        with suppress(duckdb.TransactionException):
            self.con.execute("ROLLBACK")

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query and return rows as dicts."""
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        """Rows per main table: what `demo` and `status` report."""
        tables = ["source", "document", "entity", "event", "relation", "observation"]
        return {t: int(self.scalar(f"SELECT count(*) FROM {t}")) for t in tables}


def memory_limit() -> str:
    """DuckDB's memory limit for store connections: WATCHFLOOR_MEMORY_LIMIT, else 700MB."""
    return os.environ.get(MEMORY_ENV) or DEFAULT_MEMORY_LIMIT


def out_of_memory(exc: BaseException) -> StoreError:
    """The error for DuckDB running out of memory: says so, and names the setting to raise."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return StoreError(f"DuckDB ran out of memory (limit {memory_limit()}; {MEMORY_ENV} sets it); "
                      f"nothing was written: {first}",
                      hint=f"raise the limit and run the command again, e.g. {MEMORY_ENV}=2GB, "
                           "or import the file in smaller parts")


def _connect(p: Path, read_only: bool, wait: float = 5.0) -> duckdb.DuckDBPyConnection:
    """Connect, waiting up to `wait` seconds for a lock held briefly (the dashboard's snapshot copy)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return _connect_once(p, read_only)
        except StoreError as exc:
            if "in use" not in exc.message or time.monotonic() >= deadline:
                raise
            time.sleep(0.25)


def _connect_once(p: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(p), read_only=read_only, config={
            "autoinstall_known_extensions": False, "autoload_known_extensions": False,
            "memory_limit": memory_limit()})
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise StoreError(f"store {str(p)!r} is in use by another process",
                             hint="wait for the other watchfloor command (an import?) to finish, "
                                  "or stop `watchfloor serve`, then try again") from None
        raise StoreError(f"cannot open store {str(p)!r}: {text.splitlines()[0]}",
                         hint="check the path and its permissions") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {str(p)!r}: {str(exc).splitlines()[0]}",
                         hint="is it a DuckDB file written by watchfloor?") from None
