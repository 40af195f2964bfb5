"""Bilateral GDELT trend on synthetic rows in the real layout, and on the real export in shared/data."""

import csv
import statistics

import pytest

from tests.analyse import gdelt_rows
from tests.conftest import GDELT_SAMPLE
from watchfloor.analyse.bilateral import relation_trend
from watchfloor.analyse.timeline import Period
from watchfloor.dates import parse_bound


def test_synthetic_rows(fresh_db, tmp_path):
    lines = [gdelt_rows.line(1, "20240105", "TJK", "CHN", 4.0, 10, 2.5),
             gdelt_rows.line(2, "20240120", "CHN", "TJK", -2.0, 4, -1.5),
             gdelt_rows.line(3, "20240203", "TJK", "CHN", 7.0, 2, 3.0),
             gdelt_rows.line(4, "20240203", "TJK", "RUS", -10.0, 2, -8.0),
             gdelt_rows.line(5, "20240210", "USA", "CHN", 1.0, 1, 1.0)]
    path = tmp_path / "20240210000000.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gdelt_rows.load(fresh_db, path)
    trend = relation_trend(fresh_db, "TJK", "CHN")
    assert [(t["month"], t["events"], t["goldstein"], t["tone"], t["a_to_b"], t["b_to_a"]) for t in trend] == [
        ("2024-01", 2, 1.0, 0.5, 1, 1), ("2024-02", 1, 7.0, 3.0, 1, 0)]
    assert relation_trend(fresh_db, "CHN", "TJK")[0]["a_to_b"] == 1
    assert relation_trend(fresh_db, "TJK", "CHN", Period(parse_bound("2024-02"), None))[0]["month"] == "2024-02"
    assert relation_trend(fresh_db, "TJK", "USA") == []


def test_real_gdelt_export(fresh_db):
    path = GDELT_SAMPLE
    gdelt_rows.load(fresh_db, path)
    with path.open(encoding="utf-8") as f:
        pair = [r for r in csv.reader(f, delimiter="\t") if {r[7], r[17]} == {"NOR", "RUS"}]
    trend = relation_trend(fresh_db, "RUS", "NOR")
    assert sum(t["events"] for t in trend) == len(pair) == 17
    months = {t["month"]: t for t in trend}
    for month in months:
        rows = [r for r in pair if f"{r[1][:4]}-{r[1][4:6]}" == month]
        assert months[month]["goldstein"] == pytest.approx(statistics.mean(float(r[30]) for r in rows), abs=1e-3)
        assert months[month]["tone"] == pytest.approx(statistics.mean(float(r[34]) for r in rows), abs=1e-3)
