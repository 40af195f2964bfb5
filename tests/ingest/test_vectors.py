"""Curated summaries are embedded at import, once; a check reads their vectors from the store."""

import json
from pathlib import Path

import numpy as np
import pytest

from tests.ingest.test_facts import GOOD, write
from watchfloor.check.vectors import TextVectors
from watchfloor.extract import embeddings
from watchfloor.ingest import ImportOptions, import_path
from watchfloor.ingest.vectors import embed_summaries
from watchfloor.store import Store

OTHER = GOOD | {"summary": "Border guards fired on a boat crossing the river.", "event_type": "border_clash"}


def test_import_embeds_each_summary_once(fresh_db: Store, tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(GOOD), json.dumps(OTHER | {"date": "2024-06-12"}), json.dumps(OTHER)])
    import_path(fresh_db, path, ImportOptions())
    rows = fresh_db.query("SELECT key, vector FROM text_vector ORDER BY key")
    assert len(rows) == 2
    keys = {embeddings.text_key(GOOD["summary"]), embeddings.text_key(OTHER["summary"])}
    assert {r["key"] for r in rows} == keys
    stored = np.asarray(next(r["vector"] for r in rows if r["key"] == embeddings.text_key(GOOD["summary"])))
    assert stored.shape == (embeddings.DIM,)
    assert np.allclose(stored, embeddings.embed([GOOD["summary"]])[0], atol=1e-6)
    with fresh_db.transaction() as con:
        assert embed_summaries(con) == 0


def test_check_reads_stored_vectors_and_embeds_only_the_rest(fresh_db: Store, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import_path(fresh_db, write(tmp_path, [json.dumps(GOOD)]), ImportOptions())
    asked: list[list[str]] = []
    real = embeddings.embed
    monkeypatch.setattr(embeddings, "embed", lambda texts: asked.append(list(texts)) or real(texts))
    vectors = TextVectors(fresh_db.con)
    sentence = "Eight men from Central Asia were held by immigration officers."
    out = vectors([GOOD["summary"], sentence, GOOD["summary"]])
    assert asked == [[sentence]]
    assert out.shape == (3, embeddings.DIM) and np.array_equal(out[0], out[2])
    assert float(out[0] @ out[1]) > 0.3
    vectors([sentence])
    assert asked == [[sentence]]
