import json
from pathlib import Path

import pytest

from tests.conftest import FACTS
from watchfloor.errors import ImportRejected
from watchfloor.ingest import ImportOptions, import_path
from watchfloor.store import Store

GOOD = {"date": "2024-06-11", "event_type": "arrest", "summary": "Eight Tajik men were detained.",
        "actors": ["ICE", "Federal Bureau of Investigation"], "location": "Philadelphia",
        "country": "United States", "numbers": {"detained": 8}, "source_url": "https://example.org/a"}


def write(tmp_path: Path, lines: list[str], name: str = "pack.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(store: Store) -> dict[str, int]:
    return store.counts() | {"links": store.scalar("SELECT count(*) FROM event_source")}


def test_shared_pack_imports_whole(fresh_db: Store) -> None:
    result = import_path(fresh_db, FACTS, ImportOptions())
    assert result.rows_read == 202
    assert result.added == fresh_db.scalar("SELECT count(*) FROM event") == 202
    assert fresh_db.scalar("SELECT count(*) FROM event e WHERE NOT EXISTS "
                           "(SELECT 1 FROM event_source l WHERE l.event_id = e.id)") == 0


def test_reimport_adds_nothing(fresh_db: Store, tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(GOOD)])
    import_path(fresh_db, path, ImportOptions())
    before = snapshot(fresh_db)
    again = import_path(fresh_db, path, ImportOptions())
    assert again.unchanged and snapshot(fresh_db) == before
    copy = write(tmp_path, [json.dumps(GOOD), ""], "copy.jsonl")
    assert import_path(fresh_db, copy, ImportOptions()).added == 0


def test_fact_fields_land_in_the_store(fresh_db: Store, tmp_path: Path) -> None:
    import_path(fresh_db, write(tmp_path, [json.dumps(GOOD)]), ImportOptions())
    row = fresh_db.query("SELECT * FROM event")[0]
    assert (str(row["date"]), row["date_precision"], row["type"], row["country_iso3"]) == \
        ("2024-06-11", "day", "arrest", "USA")
    assert "TJK" in row["countries"]
    assert round(row["lat"]) == 40
    names = {r["entity_id"] for r in fresh_db.query("SELECT entity_id FROM event_actor")}
    assert "org:federal-bureau-of-investigation" in names


@pytest.mark.parametrize(("change", "field", "shown"), [
    ({"date": "2024-02-30"}, "date", "2024-02-30"),
    ({"date": "June 2024"}, "date", "June 2024"),
    ({"source_url": None}, "source_url", None),
    ({"country": "Narnia"}, "country", "Narnia"),
    ({"numbers": {"killed": "many"}}, "numbers", "many"),
    ({"event_type": "Big Arrest"}, "event_type", "Big Arrest"),
])
def test_bad_second_line_rejects_the_file(fresh_db: Store, tmp_path: Path, change: dict, field: str,
                                          shown: str | None) -> None:
    bad = {k: v for k, v in (GOOD | change).items() if v is not None}
    path = write(tmp_path, [json.dumps(GOOD | {"summary": "other"}), json.dumps(bad)])
    before = snapshot(fresh_db)
    with pytest.raises(ImportRejected) as info:
        import_path(fresh_db, path, ImportOptions())
    assert info.value.line == 2 and info.value.field == field
    assert str(path) in str(info.value) and "line 2" in str(info.value)
    if shown:
        assert shown in str(info.value)
    assert snapshot(fresh_db) == before


def test_invalid_json_names_the_line(fresh_db: Store, tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(GOOD), '{"date": "2024", oops}'])
    with pytest.raises(ImportRejected, match="line 2.*invalid JSON"):
        import_path(fresh_db, path, ImportOptions())
    assert fresh_db.scalar("SELECT count(*) FROM event") == 0


def test_wrong_encoding_is_named(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + json.dumps(GOOD | {"summary": "Khujand caf\xe9"})
                     .encode().replace(b"\\u00e9", b"\xe9") + b"\n")
    path.write_bytes(path.read_bytes().replace(b"caf\\u00e9", b"caf\xe9"))
    with pytest.raises(ImportRejected, match="line 2.*not UTF-8"):
        import_path(fresh_db, path, ImportOptions())


def test_skip_bad_rows_writes_a_report(fresh_db: Store, tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(GOOD), json.dumps(GOOD | {"date": "2024-13"})])
    result = import_path(fresh_db, path, ImportOptions(skip_bad_rows=True))
    assert (result.added, result.skipped) == (1, 1)
    report = (tmp_path / "pack.jsonl.bad-rows.csv").read_text()
    assert "2,date,2024-13" in report
