"""Numbered migrations, recorded in the store's `migration` table.

The store's own migrations are SQL files `schema_NNN_name.sql` beside this module, found by their number: schema
only, no knowledge of any country. A layer above adds the rows a new store starts with (the reference entities of
the country packs) as steps of its own under numbers of their own (`contribute`), so the store imports nothing
above it. Add new ones with the next free number; never edit one that has shipped. A store whose highest version
is above ours was written by a newer watchfloor, and we refuse to touch it.
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


def _discover() -> dict[int, Migration]:
    found = {}
    for entry in resources.files(__package__).iterdir():
        m = re.fullmatch(r"schema_(\d{3})(?:_(\w+))?\.sql", entry.name)
        if m:
            version = int(m.group(1))
            found[version] = Migration(version, (m.group(2) or "schema").replace("_", " "), _sql(entry.name))
    return found


SCHEMA: dict[int, Migration] = _discover()
_CONTRIBUTED: dict[int, Migration] = {}


def contribute(step: Migration) -> None:
    """Add a step from a layer above (seeding reference rows) to every store opened from now on in this process.

    A store that has the step's number recorded is left alone; one that lacks it (new, or made before the layer
    was loaded) gets it on its next writable open. A number taken by another step is a programming error."""
    taken = SCHEMA.get(step.version) or _CONTRIBUTED.get(step.version)
    if taken is not None and taken.name != step.name:
        raise ValueError(f"migration {step.version} is already {taken.name!r}, cannot also be {step.name!r}")
    _CONTRIBUTED[step.version] = step


def migrations() -> list[Migration]:
    """Every migration this process knows, in order: the schema's and those contributed."""
    known = SCHEMA | _CONTRIBUTED
    return [known[v] for v in sorted(known)]


def latest() -> int:
    return max(m.version for m in migrations())


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
        return migrations()
    have = {r[0] for r in con.execute("SELECT version FROM migration").fetchall()}
    return [m for m in migrations() if m.version not in have]


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
