import contextlib
import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.helpers import ACLED, snapshot
from watchfloor.errors import ImportRejected
from watchfloor.ingest import ImportOptions, import_path
from watchfloor.ingest.acled import COLUMNS, parse_date
from watchfloor.store import Store


def rows() -> list[dict[str, str]]:
    with ACLED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write(tmp_path: Path, data: list[dict[str, str]], name: str = "acled.csv") -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    w.writerows(data)
    path = tmp_path / name
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_fixture_has_the_exact_31_columns() -> None:
    assert len(COLUMNS) == 31
    assert ACLED.read_text(encoding="utf-8").splitlines()[0].split(",") == list(COLUMNS)


def test_rows_become_events(fresh_db: Store) -> None:
    result = import_path(fresh_db, ACLED, ImportOptions())
    assert (result.format, result.rows_read, result.added, result.per_country["TJK"]) == ("acled", 3, 3, 3)
    clash = fresh_db.query("SELECT * FROM event WHERE id = 'acled-TJK1001'")[0]
    assert (str(clash["date"]), clash["type"], clash["subtype"], clash["killed"]) == \
        ("2024-03-22", "armed_clash", "armed_clash", 2.0)
    assert clash["countries"] == ["TJK", "KGZ"] and clash["version"] == "1711300000"
    assert "Synthetic test row" not in clash["summary"]  # ACLED's notes are not copied
    assert fresh_db.scalar("SELECT date FROM event WHERE id = 'acled-TJK1002'") == dt.date(2024, 5, 5)
    # time_precision 3: the month is all ACLED knows
    assert fresh_db.query("SELECT date, date_precision FROM event WHERE id = 'acled-TJK1003'")[0] == \
        {"date": dt.date(2024, 6, 1), "date_precision": "month"}
    roles = fresh_db.query("SELECT entity_id, role FROM event_actor WHERE event_id = 'acled-TJK1003' ORDER BY role")
    assert roles == [{"entity_id": "org:police-forces-of-tajikistan-1994", "role": "actor1"},
                     {"entity_id": "group:islamic-state-khorasan-province", "role": "actor2"}]
    assert fresh_db.scalar("SELECT DISTINCT s.publisher FROM event_source l JOIN source s ON s.id = l.source_id "
                           "WHERE l.event_id LIKE 'acled-%'") == "ACLED"


def test_newer_timestamp_updates_older_does_not(fresh_db: Store, tmp_path: Path) -> None:
    import_path(fresh_db, ACLED, ImportOptions())
    data = rows()
    newer = [dict(data[0], fatalities="3", timestamp="1711400000"), dict(data[1], fatalities="9"),
             dict(data[2], fatalities="7", timestamp="1700000000")]
    result = import_path(fresh_db, write(tmp_path, newer), ImportOptions())
    assert (result.added, result.updated) == (0, 1)
    killed = dict(fresh_db.con.execute("SELECT id, killed FROM event WHERE dataset = 'acled'").fetchall())
    assert killed == {"acled-TJK1001": 3.0, "acled-TJK1002": 0.0, "acled-TJK1003": 0.0}
    assert fresh_db.scalar("SELECT count(*) FROM event_actor WHERE event_id = 'acled-TJK1001'") == 2
    assert fresh_db.scalar("SELECT count(*) FROM event_source WHERE event_id = 'acled-TJK1001'") == 1
    added = import_path(fresh_db, write(tmp_path, [dict(data[0], event_id_cnty="TJK2000")], "more.csv"),
                        ImportOptions())
    assert (added.added, added.updated) == (1, 0)


def test_reimport_is_a_no_op(fresh_db: Store, tmp_path: Path) -> None:
    import_path(fresh_db, ACLED, ImportOptions())
    before = snapshot(fresh_db)
    copy = write(tmp_path, rows(), "copy.csv")  # same rows, other bytes
    result = import_path(fresh_db, copy, ImportOptions())
    assert (result.added, result.updated) == (0, 0) and snapshot(fresh_db) == before


def test_bad_date_on_line_2_via_the_cli(cli, db_path: Path, tmp_path: Path) -> None:
    data = rows()
    data[0]["event_date"] = "2024-02-30"
    bad = write(tmp_path, data)
    res = cli("--db", db_path, "import", bad)
    assert res.code == 2
    assert "line 2, field 'event_date': bad date: no such day in the calendar (value: '2024-02-30')" in res.err
    assert "nothing was imported" in res.err and "Traceback" not in res.err + res.out
    with Store.open(db_path) as store:
        assert store.scalar("SELECT count(*) FROM event") == 0
        assert store.scalar("SELECT count(*) FROM import_log") == 0


def test_skip_bad_rows_writes_a_report(cli, db_path: Path, tmp_path: Path) -> None:
    data = rows()
    data[1]["fatalities"] = "many"
    data[2]["event_date"] = "sometime"
    report = tmp_path / "bad.csv"
    res = cli("--db", db_path, "import", write(tmp_path, data), "--skip-bad-rows", "--bad-rows-report", report,
              "--quiet")
    assert res.code == 0, res.err
    assert "2 bad rows written to" in res.out
    lines = report.read_text().splitlines()
    assert lines[1:] == ["3,fatalities,many,expected a whole number",
                         '4,event_date,sometime,bad date: expected a date such as 2024-03-22 or 22 March 2024']
    with Store.open(db_path) as store:
        assert store.scalar("SELECT count(*) FROM event") == 1


def test_wrong_row_length_names_the_line(fresh_db: Store, tmp_path: Path) -> None:
    text = ACLED.read_text(encoding="utf-8").splitlines()
    text[3] = text[3].rsplit(",", 2)[0]
    path = tmp_path / "short.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions())
    assert err.value.line == 4 and "expected 31 columns, found 29" in str(err.value)


def test_header_only_empty_and_wrong_encoding(fresh_db: Store, tmp_path: Path) -> None:
    before = snapshot(fresh_db)
    header = tmp_path / "header.csv"
    header.write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="has a header but no rows"):
        import_path(fresh_db, header, ImportOptions())
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(Exception, match="the file is empty"):
        import_path(fresh_db, empty, ImportOptions(format="acled"))
    latin = tmp_path / "latin.csv"
    data = rows()
    data[1]["location"] = "Khujand Caf\xe9"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    w.writerows(data)
    latin.write_bytes(buf.getvalue().encode("latin-1"))
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, latin, ImportOptions())
    assert err.value.line == 3 and "not UTF-8" in str(err.value) and "--encoding" in str(err.value)
    assert snapshot(fresh_db) == before
    assert import_path(fresh_db, latin, ImportOptions(encoding="latin-1")).added == 3


def test_a_huge_line_is_refused(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.write((",".join(COLUMNS) + "\n").encode())
        fh.write(b"TJK9," + b"x" * (17 * 1024 * 1024) + b"\n")
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions())
    assert err.value.line == 2 and "longer than 16 MB" in str(err.value)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_date_forms_agree(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day} {day.strftime('%B')} {day.year}") == day
    assert parse_date(f"{day.day:02d} {day.strftime('%b')} {day.year}") == day


@given(st.text(max_size=30))
def test_date_parser_never_crashes(text: str) -> None:
    with contextlib.suppress(ValueError):
        parse_date(text)
