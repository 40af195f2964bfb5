from pathlib import Path

import duckdb
import pytest

from watchfloor.errors import StoreError
from watchfloor.store import Store
from watchfloor.store.migrations import LATEST


def test_new_store_records_every_migration(db_path: Path) -> None:
    with Store.open(db_path) as store:
        versions = [r["version"] for r in store.query("SELECT version FROM migration ORDER BY version")]
        assert versions == list(range(1, LATEST + 1))
        assert store.scalar("SELECT count(*) FROM entity WHERE kind = 'country'") >= 249


def test_reopening_does_not_migrate_again(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert store.scalar("SELECT count(*) FROM migration") == LATEST


def test_store_from_a_newer_version_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO migration (version, name) VALUES (?, 'from the future')", [LATEST + 7])
    con.close()
    with pytest.raises(StoreError, match="newer watchfloor"):
        Store.open(db_path)


def test_missing_store_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at") as info:
        Store.open(tmp_path / "nope.duckdb", read_only=True)
    assert "watchfloor demo" in info.value.hint


def test_store_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "store.duckdb")


def test_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_not_a_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("hello, not a database")
    with pytest.raises(StoreError):
        Store.open(path)


def test_env_var_names_the_default_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.duckdb"
    monkeypatch.setenv("WATCHFLOOR_DB", str(path))
    Store.open().close()
    assert path.exists()
