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


RowParser = Callable[..., "Event | None"]


def import_rows(ctx: ImportContext, what: str, required: tuple[str, ...], source: object, parse_row: RowParser,
                newer: Callable[[str | None, str | None], bool] = never) -> None:
    """The loop every CSV event importer shares: header, required columns, one transaction, rows into a sink.

    `parse_row(ctx, line, row, source, actors)` turns one row into an Event, or calls ctx.reject and
    returns None; `newer` decides when a re-imported row replaces the stored one (ACLED's timestamp)."""
    from watchfloor.ingest.csvrows import as_dict, no_rows, read_header, records, require_columns
    from watchfloor.ingest.names import Actors

    rows = records(ctx)
    header = read_header(ctx, rows, what)
    require_columns(ctx, header, required, what)
    with ctx.writing() as con:
        sink = EventSink(ctx, con, newer=newer)
        actors = Actors(ctx.resolver)
        for line, raw in rows:
            ctx.result.rows_read += 1
            row = as_dict(ctx, header, line, raw)
            event = parse_row(ctx, line, row, source, actors) if row is not None else None
            if event is not None:
                sink.add(event)
        if ctx.result.rows_read == 0:
            raise no_rows(ctx, what)
        sink.flush()
