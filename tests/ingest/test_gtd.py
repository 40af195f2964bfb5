import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.helpers import GTD, snapshot
from watchfloor.errors import ImportRejected
from watchfloor.ingest import ImportOptions, import_path
from watchfloor.ingest.gtd import gtd_date
from watchfloor.store import Store


def rows() -> tuple[list[str], list[dict[str, str]]]:
    with GTD.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write(tmp_path: Path, names: list[str], data: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
    w.writeheader()
    w.writerows(data)
    path = tmp_path / "gtd.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_fixture_has_the_codebook_columns() -> None:
    names, _ = rows()
    assert len(names) == 135 and names[:4] == ["eventid", "iyear", "imonth", "iday"] and names[-1] == "related"


def test_rows_become_events(fresh_db: Store) -> None:
    result = import_path(fresh_db, GTD, ImportOptions())
    assert (result.format, result.rows_read, result.added) == ("gtd", 3, 3)
    got = {r["id"]: r for r in fresh_db.query("SELECT * FROM event")}
    danghara = got["gtd-201807290001"]
    assert (danghara["date"], danghara["date_precision"], danghara["killed"], danghara["injured"]) == \
        (dt.date(2018, 7, 29), "day", 4.0, 3.0)
    assert danghara["countries"] == ["TJK", "USA"] and danghara["location"] == "Danghara, Khatlon"
    assert "Synthetic test row" not in danghara["summary"]
    assert (got["gtd-201811060002"]["date"], got["gtd-201811060002"]["date_precision"]) == \
        (dt.date(2018, 11, 1), "month")
    assert got["gtd-201811060002"]["hostages"] is None  # -99 means unknown
    kidnap = got["gtd-201500000003"]
    assert (kidnap["date_precision"], kidnap["type"], kidnap["hostages"]) == ("year", "kidnapping", 2.0)
    actors = dict(fresh_db.con.execute("SELECT event_id, entity_id FROM event_actor").fetchall())
    assert actors == {"gtd-201807290001": "group:islamic-state",
                      "gtd-201811060002": "group:islamic-state-khorasan-province"}


def test_impossible_day_is_rejected(fresh_db: Store, tmp_path: Path) -> None:
    names, data = rows()
    data[2].update(imonth="2", iday="30")
    before = snapshot(fresh_db)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, write(tmp_path, names, data), ImportOptions())
    assert (err.value.line, err.value.field) == (4, "iday")
    assert snapshot(fresh_db) == before


def test_reimport_is_a_no_op(fresh_db: Store, tmp_path: Path) -> None:
    import_path(fresh_db, GTD, ImportOptions())
    before = snapshot(fresh_db)
    names, data = rows()
    result = import_path(fresh_db, write(tmp_path, names, data), ImportOptions())
    assert (result.rows_read, result.added) == (3, 0) and snapshot(fresh_db) == before


@given(st.integers(1970, 2030), st.integers(0, 12), st.integers(0, 31))
def test_unknown_month_or_day_lowers_the_precision(year: int, month: int, day: int) -> None:
    try:
        date = gtd_date(year, month, day)
    except ValueError:
        assert month and day  # only a real month with an impossible day can fail
        return
    assert date.value.year == year
    assert date.precision == ("year" if month == 0 else "month" if day == 0 else "day")
    if month:
        assert date.value.month == month
