"""A store holding only the bundled fact pack as given (not later additions), so the golden brief is stable."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from watchfloor.analyse.timeline import Period
from watchfloor.brief import Brief, write_brief
from watchfloor.dates import parse_iso
from watchfloor.ingest import ImportOptions, import_path
from watchfloor.store import Store

TODAY = date(2026, 1, 15)
PACK = Path(str(resources.files("watchfloor").joinpath("data", "tajikistan_facts.jsonl")))


def store_with(path: Path, pack: Path) -> Path:
    """A new store at `path` holding one fact pack."""
    with Store.open(path) as store:
        import_path(store, pack, ImportOptions(quiet=True))
    return path


@pytest.fixture(scope="session")
def _facts_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_with(tmp_path_factory.mktemp("brief") / "facts.duckdb", PACK)


@pytest.fixture
def facts_db_path(_facts_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "facts.duckdb"
    shutil.copy(_facts_template, path)
    return path


@pytest.fixture
def facts_db(facts_db_path: Path) -> Iterator[Store]:
    with Store.open(facts_db_path, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def template_brief(_facts_template: Path) -> Brief:
    """The default Tajikistan brief as the templates write it, before the self-check (pinned by the golden file)."""
    with Store.open(_facts_template, read_only=True) as store:
        return write_brief(store, "TJK", today=TODAY, self_check=False)


@pytest.fixture(scope="session")
def brief(_facts_template: Path) -> Brief:
    """The default Tajikistan brief as a user gets it: self-checked. Written once for the read-only tests."""
    with Store.open(_facts_template, read_only=True) as store:
        return write_brief(store, "TJK", today=TODAY)


CROCUS = Period(parse_iso("2024-03"), parse_iso("2024-04"))
"""The weeks of the Crocus City Hall attack: a short brief with the sentence the self-check tests tamper with."""
SHORT = ("2025-10", "2025-12")
"""A short period for tests that only need some brief: fewer facts, a faster self-check."""

EVIL_LINK = "[x](http://evil.example/)"
EVIL_IMAGE = "![](http://evil.example/i.png)"
MARKDOWN_FACT = {
    "date": "2025-11-20", "event_type": "attack", "country": "Tajikistan", "location": "Dushanbe",
    "summary": f"Gunmen attacked a post near Dushanbe, said {EVIL_LINK} and {EVIL_IMAGE} in a statement.",
    "actors": ["Unknown gunmen"], "numbers": {}, "source_url": "https://example.org/markdown-fact",
}


@pytest.fixture
def markdown_db(facts_db_path: Path) -> Iterator[Store]:
    """The facts store plus one event whose summary, and whose source's title, carry Markdown links and images."""
    import json

    pack = facts_db_path.with_name("markdown.jsonl")
    pack.write_text(json.dumps(MARKDOWN_FACT) + "\n", encoding="utf-8")
    with Store.open(facts_db_path) as store:
        import_path(store, pack, ImportOptions(quiet=True))
        store.con.execute("UPDATE source SET title = ? WHERE url = ?",
                          [f"Report {EVIL_IMAGE} and {EVIL_LINK}", MARKDOWN_FACT["source_url"]])
    with Store.open(facts_db_path, read_only=True) as store:
        yield store
