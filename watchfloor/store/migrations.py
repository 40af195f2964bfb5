"""Numbered migrations, recorded in the store's `migration` table.

A migration is SQL (a file `schema_NNN.sql` beside this module, found by its
number) or a Python callable taking the connection. Add new ones with the next
free number; never edit one that has shipped. A store whose highest version is above ours was written by a newer
watchfloor, and we refuse to touch it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import duckdb


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


def _sql(filename: str) -> Callable[[duckdb.DuckDBPyConnection], None]:
    def run(con: duckdb.DuckDBPyConnection) -> None:
        con.execute(resources.files(__package__).joinpath(filename).read_text(encoding="utf-8"))

    return run


def _reference(con: duckdb.DuckDBPyConnection) -> None:
    from watchfloor.reference.seed import seed_reference

    seed_reference(con)


def _place_coordinates(con: duckdb.DuckDBPyConnection) -> None:
    """Map the packs' district places, so that two districts 40 km apart can be told apart by distance."""
    from watchfloor.reference.seed import district_coordinates

    for eid, (lat, lon) in district_coordinates().items():
        con.execute("UPDATE entity SET lat = ?, lon = ? WHERE id = ? AND lat IS NULL", [lat, lon, eid])


def _discover() -> list[Migration]:
    found = {2: Migration(2, "reference entities", _reference),
             4: Migration(4, "place coordinates", _place_coordinates)}
    for entry in resources.files(__package__).iterdir():
        m = re.fullmatch(r"schema_(\d{3})(?:_(\w+))?\.sql", entry.name)
        if m:
            version = int(m.group(1))
            found[version] = Migration(version, (m.group(2) or "schema").replace("_", " "), _sql(entry.name))
    return [found[v] for v in sorted(found)]


MIGRATIONS: list[Migration] = _discover()
LATEST = MIGRATIONS[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migration'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM migration").fetchone()
    return int(row[0]) if row else 0


def pending(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    if not current_version(con):
        return list(MIGRATIONS)
    have = {r[0] for r in con.execute("SELECT version FROM migration").fetchall()}
    return [m for m in MIGRATIONS if m.version not in have]


def upgrade(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Apply every pending migration, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
        "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    done = []
    for m in pending(con):
        con.execute("BEGIN TRANSACTION")
        try:
            m.apply(con)
            con.execute("INSERT INTO migration (version, name) VALUES (?, ?)", [m.version, m.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(m)
    return done
