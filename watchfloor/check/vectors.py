"""Sentence vectors for a check: the store's where import made them, embedded now where not.

Why: embedding is the costliest step of a check (about 20 MFLOP a token). Curated summaries are embedded
once at import (ingest/vectors.py); a check embeds its own sentences and the few dataset rows it weighs.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import numpy as np


class TextVectors:
    """Unit vectors for texts, looked up by key in the store, computed for the rest, kept for this check."""

    def __init__(self, con: duckdb.DuckDBPyConnection | None) -> None:
        self.con = con
        self.known: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        from watchfloor.extract.embeddings import DIM, embed, text_key

        unique = [t for t in dict.fromkeys(texts) if t not in self.known]
        if unique and self.con is not None:
            keys = {text_key(t): t for t in unique}
            rows = self.con.execute("SELECT key, vector FROM text_vector WHERE key IN (SELECT unnest(?))",
                                    [list(keys)]).fetchall()
            for key, vector in rows:
                self.known[keys[key]] = np.asarray(vector, dtype=np.float32)
            unique = [t for t in unique if t not in self.known]
        if unique:
            for t, v in zip(unique, embed(unique), strict=True):
                self.known[t] = v
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self.known[t] for t in texts])
