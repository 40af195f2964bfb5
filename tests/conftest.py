"""Shared fixtures: real DuckDB files in temporary folders, never mocks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchfloor import demo
from watchfloor.cli import run
from watchfloor.store import Store

DATA = Path(__file__).parent / "data"
PUBLIC = DATA / "public"
"""Real public files (GDELT, World Bank DataBank) kept in the repo with their SOURCES.md."""
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "watchfloor" / "data"
FACTS = PACKAGE_DATA / "tajikistan_facts.jsonl"
WORLD_BANK = PACKAGE_DATA / "worldbank"
EXAMPLE_REPORT = PACKAGE_DATA / "examples" / "tajikistan-pressure-points-2024.txt"
GDELT_SAMPLE = PUBLIC / "gdelt2_events_20191024143000.export.CSV"


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.duckdb"
    with Store.open(path) as store:
        demo.load_demo(store)
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new, empty store file."""
    return tmp_path / "store.duckdb"


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    Store.open(path).close()
    return path


@pytest.fixture
def fresh_db(db_path: Path, _empty_template: Path) -> Iterator[Store]:
    """An open, empty (reference data only) store at db_path."""
    shutil.copy(_empty_template, db_path)
    with Store.open(db_path) as store:
        yield store


@pytest.fixture
def demo_db_path(_demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of a store holding the bundled Tajikistan pack."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(_demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_db_path: Path) -> Iterator[Store]:
    with Store.open(demo_db_path) as store:
        yield store


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `watchfloor ARGS…` in-process; returns exit code, stdout and stderr."""
    from watchfloor.cli import common

    def invoke(*args: str) -> CliResult:
        monkeypatch.setattr(common.console, "width", 200)
        monkeypatch.setattr(common.err_console, "width", 200)
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke
