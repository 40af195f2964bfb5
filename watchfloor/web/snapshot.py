"""Serve a private, read-only copy of the store, so `watchfloor import` can run beside the dashboard.

DuckDB lets one process write a file, and while it does no other process may open it, even read-only;
and a reader that keeps the file open stops any writer from starting. So the server never keeps the
store open. When the store file has changed (modification time and size of the file and its WAL) and
no writer holds it, the server opens it read-only for just as long as it takes to copy it (the open
read-only connection keeps writers out mid-copy), closes it, and answers every request from a
read-only connection to the copy: one cursor per request, which DuckDB runs in parallel.

While a writer holds the store, the last copy keeps being served and `Snapshots.status()` says since
when. A snapshot that is replaced stays open until its last request has finished, then is deleted.
Library results for one snapshot never change, so `Snapshot.memo` keeps them for its lifetime.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from watchfloor.errors import StoreError
from watchfloor.store import Store

log = logging.getLogger("watchfloor.web")
T = TypeVar("T")
Signature = tuple[tuple[int, int] | None, tuple[int, int] | None]

MEMO_SIZE = 512
"""Results kept per snapshot (pages' library calls, API pages); the least recently used go first."""
MEMO_LARGE = 4
"""Large results kept per snapshot: the ordered ids of a filter (up to ORDER_CAP ids, some 20 MB)."""


def signature(path: Path) -> Signature:
    """(mtime_ns, size) of the store file and of its WAL: any commit changes one of them."""
    return _stat(path), _stat(path.with_name(path.name + ".wal"))


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_size


@dataclass
class Snapshot:
    """One copy of the store, open read-only; every request takes a cursor of its own."""

    generation: int
    path: Path
    store: Store
    source: Signature
    taken_at: dt.datetime
    refs: int = 0
    retired: bool = False
    _memo: OrderedDict[Any, Any] = field(default_factory=OrderedDict)
    _large: OrderedDict[Any, Any] = field(default_factory=OrderedDict)
    _pending: dict[Any, threading.Event] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def memo(self, key: Any, compute: Callable[[], T], large: bool = False) -> T:
        """The result of `compute()` for this snapshot, computed once: concurrent callers wait for the first.

        large: a big result (such as every id a filter matches, in order), kept in a much smaller pool.
        """
        pool, size = (self._large, MEMO_LARGE) if large else (self._memo, MEMO_SIZE)
        with self._lock:
            if key in pool:
                pool.move_to_end(key)
                return pool[key]  # type: ignore[no-any-return]
            pending = self._pending.get(key)
            owner = pending is None
            if pending is None:
                pending = self._pending[key] = threading.Event()
        if not owner:
            pending.wait()
            with self._lock:
                if key in pool:
                    return pool[key]  # type: ignore[no-any-return]
            return compute()  # the first caller failed: try for ourselves
        try:
            value = compute()
            with self._lock:
                pool[key] = value
                while len(pool) > size:
                    pool.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._pending.pop(key, None)
            pending.set()

    def close(self) -> None:
        self.store.close()
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            p.unlink(missing_ok=True)


@dataclass(frozen=True)
class Status:
    """What the pages say about freshness."""

    as_of: dt.datetime | None
    """When the served copy was taken."""
    waiting_since: dt.datetime | None
    """Set while the store has changed but a writer (an import) holds it: the served data is older."""
    error: str | None = None


class Snapshots:
    """Keeps a current snapshot of the store at `db_path`, refreshed at most every `refresh_seconds`."""

    def __init__(self, db_path: str | Path, refresh_seconds: float = 2.0, workdir: str | Path | None = None,
                 warm: Callable[[Snapshot], None] | None = None) -> None:
        self.db_path = Path(db_path)
        self.refresh_seconds = refresh_seconds
        self.warm = warm  # fills a new snapshot's memo: before it is served, or just after for the first one
        if not self.db_path.exists():
            raise StoreError(f"no store at {str(self.db_path)!r}",
                             hint="run `watchfloor demo` or `watchfloor import FILE` first, or pass --db")
        if self.db_path.is_dir():
            raise StoreError(f"store path {str(self.db_path)!r} is a folder, not a DuckDB file",
                             hint="pass a file path with --db")
        self._own_workdir = workdir is None
        self.workdir = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="watchfloor-serve-"))
        if self._own_workdir:
            atexit.register(shutil.rmtree, self.workdir, True)  # also when the server is not shut down cleanly
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._current: Snapshot | None = None
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._generation = 0
        self._last_check = 0.0
        self._waiting_since: dt.datetime | None = None
        self._error: str | None = None

    # -- serving -------------------------------------------------------------------------------------------

    @contextmanager
    def acquire(self) -> Iterator[Snapshot]:
        """The current snapshot, kept open until the caller is done; raises StoreError when there is none yet."""
        self._maybe_refresh()
        with self._lock:
            snap = self._current
            if snap is None:
                raise StoreError(self._error or f"store {str(self.db_path)!r} is in use by another process",
                                 hint="an import is probably running; the dashboard shows the store once it ends")
            snap.refs += 1
        try:
            yield snap
        finally:
            with self._lock:
                snap.refs -= 1
                done = snap.retired and snap.refs == 0
            if done:
                snap.close()

    @contextmanager
    def store(self) -> Iterator[tuple[Store, Snapshot]]:
        """A Store on a fresh cursor of the current snapshot: what one request uses."""
        with self.acquire() as snap:
            cur = snap.store.con.cursor()
            try:
                yield Store(cur, self.db_path, True), snap
            finally:
                cur.close()

    def status(self) -> Status:
        snap = self._current
        return Status(snap.taken_at if snap else None, self._waiting_since, self._error)

    # -- refreshing ----------------------------------------------------------------------------------------

    def _maybe_refresh(self) -> None:
        now = time.monotonic()
        if now - self._last_check < self.refresh_seconds:
            return
        self._last_check = now
        if self._current is None:
            self.refresh(blocking=True)
        elif not self._refreshing.locked():
            threading.Thread(target=self.refresh, name="watchfloor-snapshot", daemon=True).start()

    def refresh(self, blocking: bool = False) -> bool:
        """Take a new snapshot if the store changed and no writer holds it; True when one was taken."""
        if not self._refreshing.acquire(blocking=blocking):
            return False
        try:
            sig = signature(self.db_path)
            cur = self._current
            if cur is not None and cur.source == sig:
                self._waiting_since = None
                return False
            try:
                snap = self._take()
            except _Locked:
                if self._waiting_since is None:
                    self._waiting_since = dt.datetime.now()
                return False
            except (StoreError, OSError) as exc:
                self._error = exc.message if isinstance(exc, StoreError) else f"cannot copy the store: {exc}"
                log.warning("snapshot failed: %s", self._error)
                return False
            first = self._current is None
            if not first:
                self._warm(snap)  # users keep the old data until the new one is ready
            self._error = None
            self._waiting_since = None
            with self._lock:
                old, self._current = self._current, snap
                close_old = old is not None and old.refs == 0
                if old is not None:
                    old.retired = True
            if close_old and old is not None:
                old.close()
            if first and self.warm is not None:
                threading.Thread(target=self._warm, args=(snap,), name="watchfloor-warm", daemon=True).start()
            return True
        finally:
            self._refreshing.release()

    def _warm(self, snap: Snapshot) -> None:
        if self.warm is None:
            return
        with self._lock:
            snap.refs += 1
        try:
            self.warm(snap)
        except Exception:  # a page that fails to warm fails again, visibly, when asked for
            log.exception("warming snapshot %s failed", snap.generation)
        finally:
            with self._lock:
                snap.refs -= 1
                done = snap.retired and snap.refs == 0
            if done:
                snap.close()

    def _take(self) -> Snapshot:
        self._generation += 1
        self.workdir.mkdir(parents=True, exist_ok=True)  # again: a closed app may be started anew
        target = self.workdir / f"snapshot-{self._generation}.duckdb"
        try:
            src = duckdb.connect(str(self.db_path), read_only=True,
                                 config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise _Locked from None
            raise StoreError(f"cannot open store {str(self.db_path)!r}: {str(exc).splitlines()[0]}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {str(self.db_path)!r}: {str(exc).splitlines()[0]}") from None
        try:
            sig = signature(self.db_path)  # what we copy now, under the read lock
            shutil.copyfile(self.db_path, target)
            wal = self.db_path.with_name(self.db_path.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + ".wal"))
        finally:
            src.close()
        try:
            index_copy(target)
            store = Store.open(target, read_only=True)
        except Exception:
            for p in (target, target.with_name(target.name + ".wal")):
                p.unlink(missing_ok=True)
            raise
        return Snapshot(self._generation, target, store, sig, dt.datetime.now())

    def close(self) -> None:
        """Close every snapshot (one still in use, when its last user is done) and delete the copies."""
        with self._lock:
            snap, self._current = self._current, None
            if snap is not None:
                snap.retired = True
            idle = snap is not None and snap.refs == 0
        if snap is not None and idle:
            snap.close()
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


READ_INDEXES = (
    "CREATE INDEX IF NOT EXISTS snap_event_id ON event (id)",
    "CREATE INDEX IF NOT EXISTS snap_actor_event ON event_actor (event_id)",
    "CREATE INDEX IF NOT EXISTS snap_source_event ON event_source (event_id)",
)
"""Indexes for page lookups by event id. The store itself has none (they would make imports of millions
of rows hold gigabytes until COMMIT); the private copy is never written by an import, so it gets them."""


def index_copy(target: Path) -> None:
    with Store.open(target) as store:
        for sql in READ_INDEXES:
            store.con.execute(sql)


class _Locked(Exception):
    """A writer holds the store."""
