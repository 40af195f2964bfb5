import gzip
import zipfile
from pathlib import Path

import pytest

from tests.conftest import GDELT_SAMPLE
from tests.ingest.helpers import snapshot
from watchfloor.errors import ImportRejected
from watchfloor.ingest import ImportOptions, detect_format, import_path
from watchfloor.ingest.codes import FIPS_TO_ISO3, cameo_to_iso3, fips_to_iso3
from watchfloor.ingest.gdelt import LAYOUTS
from watchfloor.store import Store

GDELT = GDELT_SAMPLE


def lines(n: int | None = None) -> list[str]:
    text = GDELT.read_text(encoding="utf-8").splitlines()
    return text if n is None else text[:n]


def write(tmp_path: Path, rows: list[str], name: str = "events.export.CSV") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_real_file_twice_gives_exactly_2111_events(fresh_db: Store) -> None:
    first = import_path(fresh_db, GDELT, ImportOptions())
    assert (first.format, first.rows_read, first.added) == ("gdelt", 2111, 2111)
    again = import_path(fresh_db, GDELT, ImportOptions())
    assert again.unchanged and again.added == 0
    assert fresh_db.scalar("SELECT count(*) FROM event") == 2111
    assert fresh_db.scalar("SELECT count(*) FROM event_source") == 2111
    assert fresh_db.scalar("SELECT count(DISTINCT source_id) FROM event_source") == 1


def test_same_events_in_another_file_are_not_duplicated(fresh_db: Store, tmp_path: Path) -> None:
    import_path(fresh_db, GDELT, ImportOptions())
    zipped = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(GDELT, GDELT.name)
    assert detect_format(zipped) == "gdelt"
    result = import_path(fresh_db, zipped, ImportOptions())
    assert (result.rows_read, result.added) == (2111, 0)
    assert fresh_db.scalar("SELECT count(*) FROM event") == 2111


def test_zipped_and_gzipped_files_import(fresh_db: Store, tmp_path: Path) -> None:
    zipped = tmp_path / "a.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.export.CSV", "\n".join(lines(10)) + "\n")
    gz = tmp_path / "b.export.CSV.gz"
    gz.write_bytes(gzip.compress(("\n".join(lines()[10:30]) + "\n").encode()))
    assert import_path(fresh_db, zipped, ImportOptions()).added == 10
    assert import_path(fresh_db, gz, ImportOptions(format="gdelt")).added == 20


def test_fields_are_mapped(fresh_db: Store) -> None:
    import_path(fresh_db, GDELT, ImportOptions())
    row = fresh_db.query("SELECT * FROM event WHERE id = 'gdelt-881991064'")[0]
    assert (row["dataset"], str(row["date"]), row["type"], row["subtype"]) == ("gdelt", "2019-10-24", "fight", "190")
    assert (row["actor1_iso3"], row["actor2_iso3"], row["country_iso3"]) == ("AFG", "USA", "ISR")
    assert row["countries"] == ["ISR", "AFG", "USA"]
    assert (row["goldstein"], row["quad_class"], row["mentions"]) == (-10.0, 4, 5)
    assert round(row["tone"], 3) == -4.398
    assert row["source_url"] == "https://www.weeklyblitz.net/oped/free-speech-does-not-include-violence/"
    assert row["location"] == "Hatikva, Tel Aviv, Israel"
    assert "TALIBAN" in row["summary"] and "CAMEO 190" in row["summary"]
    # CAMEO codes are strings: the leading zero of 026 survives
    assert fresh_db.scalar("SELECT subtype FROM event WHERE id = 'gdelt-881991098'") == "026"
    # regional CAMEO codes (AFR, EUR ...) are no country
    assert fresh_db.scalar("SELECT count(*) FROM event WHERE list_contains(countries, 'EUR') "
                           "OR list_contains(countries, 'AFR')") == 0
    assert fresh_db.scalar("SELECT count(*) FROM event WHERE list_contains(countries, 'RUS')") == 119
    assert fresh_db.scalar("SELECT count(*) FROM event WHERE 'RUS' IN (actor1_iso3, actor2_iso3)") == 91


def test_country_code_maps() -> None:
    known = {"TJK", "RUS", "CHN", "USA", "AFG", "UZB", "KGZ", "KAZ", "TKM", "IRN", "PAK", "TUR", "GBR", "DEU", "ROU"}
    assert {c: fips_to_iso3(c, known) for c in ("TI", "RS", "CH", "US", "AF", "UZ", "KG", "KZ", "TX", "IR", "PK",
                                                "TU", "UK", "GM")} == {
        "TI": "TJK", "RS": "RUS", "CH": "CHN", "US": "USA", "AF": "AFG", "UZ": "UZB", "KG": "KGZ", "KZ": "KAZ",
        "TX": "TKM", "IR": "IRN", "PK": "PAK", "TU": "TUR", "UK": "GBR", "GM": "DEU"}
    assert fips_to_iso3("OS", known) is None and fips_to_iso3("", known) is None
    assert cameo_to_iso3("TJK", known) == "TJK" and cameo_to_iso3("ROM", known) == "ROU"
    assert cameo_to_iso3("EUR", known) is None
    assert len(FIPS_TO_ISO3) > 250


def test_a_bad_date_rejects_the_file_naming_the_line(fresh_db: Store, tmp_path: Path) -> None:
    rows = lines(20)
    fields = rows[4].split("\t")
    fields[1] = "2019x024"
    rows[4] = "\t".join(fields)
    path = write(tmp_path, rows)
    before = snapshot(fresh_db)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions())
    assert (err.value.line, err.value.field, err.value.value) == (5, "SQLDATE", "2019x024")
    assert snapshot(fresh_db) == before


def test_skip_bad_rows_reports_them(fresh_db: Store, tmp_path: Path) -> None:
    rows = lines(20)
    rows[8] = rows[8].rsplit("\t", 1)[0]  # line 9 loses its last column
    fields = rows[11].split("\t")
    fields[30] = "very negative"  # GoldsteinScale on line 12
    rows[11] = "\t".join(fields)
    path = write(tmp_path, rows)
    report = tmp_path / "bad.csv"
    result = import_path(fresh_db, path, ImportOptions(skip_bad_rows=True, bad_rows_report=report))
    assert (result.rows_read, result.added, result.skipped) == (20, 18, 2)
    text = report.read_text()
    assert '9,,,"expected 61 tab-separated columns, found 60"' in text
    assert "12,GoldsteinScale,very negative,expected a number" in text


def test_wrong_column_count_on_the_first_line(fresh_db: Store, tmp_path: Path) -> None:
    path = write(tmp_path, ["\t".join(lines(1)[0].split("\t")[:40])])
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions(format="gdelt"))
    assert err.value.line == 1 and "found 40" in str(err.value)


def test_gdelt_1_daily_files(fresh_db: Store, tmp_path: Path) -> None:
    """GDELT 1.0 has no ADM2 columns: 58 columns with SOURCEURL, 57 without."""
    v2 = LAYOUTS[61]
    drop = {v2.index(c) for c in ("Actor1Geo_ADM2Code", "Actor2Geo_ADM2Code", "ActionGeo_ADM2Code")}
    v1 = []
    for line in lines(30):
        fields = [f for i, f in enumerate(line.split("\t")) if i not in drop]
        fields[-2] = fields[-2][:8]  # DATEADDED was a day in 1.0
        v1.append(fields)
    with_url = write(tmp_path, ["\t".join(f) for f in v1[:15]], "20150218.export.CSV")
    without = write(tmp_path, ["\t".join(f[:-1]) for f in v1[15:]], "20130301.export.CSV")
    assert import_path(fresh_db, with_url, ImportOptions()).added == 15
    assert import_path(fresh_db, without, ImportOptions()).added == 15
    assert fresh_db.scalar("SELECT count(*) FROM event WHERE source_url IS NULL") == 15
    first = v1[0]
    assert fresh_db.scalar(f"SELECT location FROM event WHERE id = 'gdelt-{first[0]}'") == first[LAYOUTS[58].index(
        "ActionGeo_FullName")]
