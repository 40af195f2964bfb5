"""Fast multi-row inserts: DuckDB's executemany runs one statement per row; unnest runs one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb


def bulk_insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """INSERT rows (tuples in `columns` order) into `table` with one statement."""
    if not rows:
        return
    cols = list(zip(*rows, strict=True))
    select = ", ".join(f"unnest(${i + 1}) AS c{i}" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}", [list(c) for c in cols])
