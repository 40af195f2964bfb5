"""Hostile and broken input: each is refused with one message naming the place, exit 2, the store unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest.helpers import snapshot
from watchfloor.store import Store

FACT = {"date": "2024-06-11", "event_type": "arrest", "summary": "Eight men were detained in Dushanbe.",
        "country": "Tajikistan", "source_url": "https://example.org/a"}


def counts(db_path: Path) -> dict[str, int]:
    """Row counts of the store at db_path, opened and closed again so the CLI can open it next."""
    with Store.open(db_path) as store:
        return snapshot(store)


def seeded(cli, db_path: Path, tmp_path: Path) -> dict[str, int]:
    """Put one good fact in the store, so 'unchanged' means something; return the counts."""
    good = tmp_path / "seed.jsonl"
    good.write_text(json.dumps(FACT) + "\n", encoding="utf-8")
    res = cli("--db", db_path, "import", good)
    assert res.code == 0, res.err
    return counts(db_path)


def test_deeply_nested_fact_is_refused(cli, db_path: Path, tmp_path: Path) -> None:
    before = seeded(cli, db_path, tmp_path)
    path = tmp_path / "deep.jsonl"
    deep = '{"a":' * 5000 + "1" + "}" * 5000
    other = dict(FACT, summary="Two men were released.")
    path.write_text(json.dumps(other) + "\n" + json.dumps(FACT)[:-1] + ', "extra": ' + deep + "}\n",
                    encoding="utf-8")
    res = cli("--db", db_path, "import", path)
    assert res.code == 2
    assert f"{path}, line 2: the JSON is nested more than 32 levels deep; a fact is one flat object" in res.err
    assert "Traceback" not in res.err
    assert counts(db_path) == before


def test_fact_nested_past_the_cap_but_not_the_recursion_limit(cli, db_path: Path, tmp_path: Path) -> None:
    before = seeded(cli, db_path, tmp_path)
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps(dict(FACT, extra=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]))
                    + "\n", encoding="utf-8")
    res = cli("--db", db_path, "import", path)
    assert res.code == 2
    assert f"{path}, line 1: the JSON is nested more than 32 levels deep" in res.err
    assert counts(db_path) == before
