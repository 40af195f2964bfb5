import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from watchfloor.errors import StoreError
from watchfloor.reference import Resolver, seed
from watchfloor.store import Store
from watchfloor.store.migrations import Migration, contribute, latest

TABLES = {"entity": "id, kind, name, iso2, iso3, country_iso3, lat, lon", "alias": "entity_id, alias, norm"}


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT {cols} FROM {t} ORDER BY rowid").fetchall() for t, cols in TABLES.items()}
    finally:
        con.close()


def test_new_store_records_every_migration(db_path: Path) -> None:
    with Store.open(db_path) as store:
        versions = [r["version"] for r in store.query("SELECT version FROM migration ORDER BY version")]
        assert versions == list(range(1, latest() + 1))
        assert store.scalar("SELECT count(*) FROM entity WHERE kind = 'country'") >= 249


def test_reference_rows_are_contributed_by_the_reference_layer() -> None:
    from watchfloor.store.migrations import SCHEMA, migrations

    assert {2, 4}.isdisjoint(SCHEMA)
    assert [m for m in migrations() if m.version in (2, 4)] == list(seed.STEPS)
    with pytest.raises(ValueError, match="already 'reference entities'"):
        contribute(Migration(2, "something else", seed.seed_reference))


def test_a_store_made_before_the_reference_layer_loaded_gets_the_same_rows(db_path: Path, tmp_path: Path) -> None:
    """A library user may open a store before importing anything that seeds it: the first Resolver seeds it, row
    for row as Store.open does once the reference layer is loaded."""
    early = tmp_path / "early.duckdb"
    subprocess.run([sys.executable, "-c", "import sys; from watchfloor.store import Store; "
                    "Store.open(sys.argv[1]).close(); assert 'watchfloor.reference' not in sys.modules", str(early)],
                   check=True)
    assert _rows(early) == {"entity": [], "alias": []}
    with Store.open(early, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM entity") > 0
    Store.open(db_path).close()
    assert _rows(early) == _rows(db_path)


def test_the_first_resolver_seeds_a_store_opened_before_the_steps_were_known(db_path: Path, tmp_path: Path) -> None:
    Store.open(db_path).close()
    bare = tmp_path / "bare.duckdb"
    shutil.copy(db_path, bare)
    con = duckdb.connect(str(bare))
    con.execute("DELETE FROM alias; DELETE FROM entity; DELETE FROM migration WHERE version IN (2, 4)")
    store = Store(con, bare, read_only=False)
    try:
        assert Resolver(store).country("ML").iso3 == "MLI"
        assert not seed.prepare(store)
    finally:
        store.close()
    assert _rows(bare) == _rows(db_path)


def test_an_existing_store_is_left_as_it_was(db_path: Path) -> None:
    Store.open(db_path).close()
    before = _rows(db_path)
    with Store.open(db_path) as store:
        assert not seed.prepare(store)
    assert _rows(db_path) == before


def test_reopening_does_not_migrate_again(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert store.scalar("SELECT count(*) FROM migration") == latest()


def test_store_from_a_newer_version_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO migration (version, name) VALUES (?, 'from the future')", [latest() + 7])
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
