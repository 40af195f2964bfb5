"""`watchfloor import FOLDER`: a country pack folder, checked whole before anything is written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import PACKAGE_DATA
from watchfloor.errors import InputError
from watchfloor.ingest import ImportOptions, import_paths
from watchfloor.ingest.packs import read_pack
from watchfloor.store import Store

MLI = PACKAGE_DATA / "countries" / "MLI"
TABLES = ("event", "event_actor", "event_source", "source", "entity", "alias", "import_log")


def _counts(path: Path) -> dict[str, int]:
    with Store.open(path, read_only=True) as store:
        return {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES}


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the bundled Mali pack, to break one file of."""
    return Path(shutil.copytree(MLI, tmp_path / "MLI"))


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("folder", sorted(p for p in (PACKAGE_DATA / "countries").iterdir() if p.is_dir()),
                         ids=lambda p: p.name)
def test_every_bundled_pack_passes_the_import_checks(folder: Path) -> None:
    pack = read_pack(folder)
    assert pack is not None and pack.iso3 == folder.name


def test_the_bundled_mali_pack_imports_its_facts(cli, db_path: Path) -> None:
    res = cli("--db", db_path, "import", MLI, "--quiet")
    assert res.code == 0, res.err
    facts = sum(1 for line in (MLI / "facts.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
    assert "MLI/facts.jsonl" in res.out and "MLI/reference.json" in res.out and "names known already" in res.out
    with Store.open(db_path, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM event WHERE dataset = 'facts'") == facts
        assert store.scalar("SELECT count(*) FROM event WHERE country_iso3 = 'MLI'") >= 0.9 * facts
        groups = store.scalar("SELECT count(*) FROM event_actor x JOIN entity e ON e.id = x.entity_id "
                              "WHERE e.kind = 'armed_group'")
        assert groups > 0
    before = _counts(db_path)
    again = cli("--db", db_path, "import", MLI, "--quiet")
    assert again.code == 0 and "already imported" in again.out
    assert _counts(db_path) == before


@pytest.mark.parametrize(("file", "break_it", "field", "where"), [
    ("facts.jsonl", lambda t: t.replace('"date": "2012-03-11"', '"date": "2012-13-11"', 1), "date",
     '"2012-13-11"'),
    ("reference.json", lambda t: t.replace('{"name": "Kati", "kind": "place"}', '{"name": "Kati", "kind": "town"}'),
     "kind", '"Kati"'),
    ("reference.json", lambda t: t.replace('"iso3": "MLI"', '"iso3": "NER"'), "iso3", '"iso3"'),
    ("aliases.json", lambda t: t.replace("{", '{"Broken Front": "BF",', 1), "Broken Front", "Broken Front"),
])
def test_a_broken_pack_names_file_line_and_field_and_changes_nothing(cli, db_path: Path, broken: Path, file: str,
                                                                     break_it, field: str, where: str) -> None:
    Store.open(db_path).close()
    before = _counts(db_path)
    path = broken / file
    text = path.read_text(encoding="utf-8")
    path.write_text(break_it(text), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    res = cli("--db", db_path, "import", broken, "--quiet")
    assert res.code == 2, res.out
    message = " ".join(res.err.split())
    assert f"{path}, line {_line(path, where)}, field {field!r}" in message, message
    assert "Traceback" not in res.err
    assert _counts(db_path) == before


def test_a_pack_file_that_is_not_json_names_its_line(broken: Path) -> None:
    path = broken / "reference.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = _line(path, '"The Hague"')
    lines[n - 1] = lines[n - 1].rstrip(",")
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON") as info:
        read_pack(broken)
    assert info.value.file == str(path) and info.value.line == n + 1


def test_a_folder_that_is_no_pack_is_refused(cli, db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    res = cli("--db", db_path, "import", tmp_path / "notes")
    assert res.code == 2 and "not a country pack" in res.err


def test_a_pack_for_a_country_not_bundled_brings_its_names(fresh_db: Store, tmp_path: Path) -> None:
    """An invented group and district of a country without a bundled pack: its facts resolve to them."""
    folder = tmp_path / "NER"
    folder.mkdir()
    (folder / "reference.json").write_text(json.dumps({
        "iso3": "NER", "iso2": "NE", "neighbourhood": [],
        "entities": [{"name": "Strelsau Liberation Front", "kind": "armed_group", "nationality": "NER"},
                     {"name": "Strelsau District", "kind": "place", "lat": 14.1, "lon": 1.4}]}), encoding="utf-8")
    (folder / "aliases.json").write_text(json.dumps({"Strelsau Liberation Front": ["SLF"],
                                                     "Strelsau District": []}), encoding="utf-8")
    (folder / "facts.jsonl").write_text(json.dumps({
        "date": "2024-05-02", "event_type": "attack", "summary": "The SLF attacked a post in Strelsau District.",
        "actors": ["SLF"], "location": "Strelsau District", "country": "Niger",
        "source_url": "https://example.org/slf"}) + "\n", encoding="utf-8")
    results = import_paths(fresh_db, [folder], ImportOptions(quiet=True))
    assert [r.format for r in results] == ["reference", "facts"] and results[1].added == 1
    assert results[0].added > 2, "the group, the district and the country's towns"
    assert fresh_db.query("SELECT entity_id FROM event_actor") == [{"entity_id": "group:strelsau-liberation-front"}]
    assert fresh_db.query("SELECT lat, lon FROM entity WHERE id = 'place:strelsau-district-ne'") == [
        {"lat": 14.1, "lon": 1.4}]
