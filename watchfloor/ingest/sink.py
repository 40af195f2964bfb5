"""Writes a stream of events in batches, inside the import's one transaction.

A dataset row whose event id is already in the store is left alone, unless the
dataset says it is a newer version (ACLED's `timestamp`): then the old event,
its actors and its source links are replaced. Batching keeps memory bounded on
exports of millions of rows.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from watchfloor.ingest.base import ImportContext
from watchfloor.ingest.writer import delete_events, existing_versions, insert_events
from watchfloor.model import Event

Newer = Callable[[str | None, str | None], bool]
"""newer(incoming_version, stored_version) -> True when the incoming row should replace the stored one."""


def never(incoming: str | None, stored: str | None) -> bool:
    return False


def by_number(incoming: str | None, stored: str | None) -> bool:
    """Versions that are numbers (Unix timestamps): bigger is newer; a missing stored version loses."""
    if incoming is None:
        return False
    if stored is None:
        return True
    try:
        return float(incoming) > float(stored)
    except ValueError:
        return incoming > stored


class EventSink:
    """Collects events and writes them `batch` at a time; counts added and updated rows per country."""

    def __init__(self, ctx: ImportContext, con: duckdb.DuckDBPyConnection, *, newer: Newer = never,
                 batch: int = 20_000) -> None:
        self.ctx, self.con, self.newer, self.batch = ctx, con, newer, batch
        self.pending: dict[str, Event] = {}

    def add(self, event: Event) -> None:
        held = self.pending.get(event.id)
        if held is None or self.newer(event.version, held.version):
            self.pending[event.id] = event
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        events = list(self.pending.values())
        self.pending = {}
        have = existing_versions(self.con, [e.id for e in events])
        new = [e for e in events if e.id not in have]
        replace = [e for e in events if e.id in have and self.newer(e.version, have[e.id])]
        delete_events(self.con, [e.id for e in replace])
        insert_events(self.con, new + replace)
        result = self.ctx.result
        result.added += len(new)
        result.updated += len(replace)
        result.per_country.update(e.country_iso3 or "—" for e in new + replace)
