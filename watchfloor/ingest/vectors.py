"""Sentence vectors of what people wrote, embedded once at import and kept in the store.

Why: the checker weighs how closely a report's sentence means an event's summary. Embedding curated
summaries when they arrive leaves a check only its own sentences to embed. Rows of event datasets (GDELT,
ACLED, GTD) have generated or very many summaries; a check embeds the few it needs when it needs them.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from watchfloor.store.bulk import bulk_insert

EMBEDDED = ("facts",)
"""Datasets whose summaries are written by people, one short sentence each, and few enough to embed."""
BATCH = 64


def missing(con: duckdb.DuckDBPyConnection, texts: list[str]) -> dict[str, str]:
    """Key → text for the texts the store holds no vector for."""
    from watchfloor.extract.embeddings import text_key

    keys = {text_key(t): t for t in texts}
    have = {r[0] for r in con.execute("SELECT key FROM text_vector WHERE key IN (SELECT unnest(?))",
                                      [list(keys)]).fetchall()}
    return {k: t for k, t in keys.items() if k not in have}


def embed_summaries(con: duckdb.DuckDBPyConnection,
                    progress: Callable[[int, int | None], None] = lambda done, total: None) -> int:
    """Embed every summary of the EMBEDDED datasets that has no vector yet; how many were embedded."""
    from watchfloor.extract.embeddings import embed

    texts = [r[0] for r in con.execute(
        "SELECT DISTINCT summary FROM event WHERE dataset IN (SELECT unnest(?)) ORDER BY summary",
        [list(EMBEDDED)]).fetchall()]
    todo = list(missing(con, texts).items())
    for start in range(0, len(todo), BATCH):
        part = todo[start:start + BATCH]
        vecs = embed([t for _, t in part])
        bulk_insert(con, "text_vector", ["key", "vector"], [(k, v.tolist()) for (k, _), v in zip(part, vecs,
                                                                                               strict=True)])
        progress(start + len(part), len(todo))
    return len(todo)
