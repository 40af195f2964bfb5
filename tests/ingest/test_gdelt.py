import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import GDELT_SAMPLE
from tests.ingest.helpers import snapshot
from watchfloor.errors import ImportRejected
from watchfloor.ingest import ImportOptions, detect_format, gdelt, import_path
from watchfloor.ingest.codes import FIPS_TO_ISO3, cameo_to_iso3, code_tables, fips_to_iso3
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


# --- bad input: long lines, compressed junk, control characters, out of memory -------------------------------

HINT_ROW = ("fix the line, or pass --skip-bad-rows to import the other rows and write this one to a report; "
            "nothing was imported")


def with_line(tmp_path: Path, line: int, raw: bytes, name: str = "events.export.CSV", n: int = 10) -> Path:
    """The first n real rows with line `line` replaced by raw bytes (no newline in raw)."""
    rows = [r.encode() for r in lines(n)]
    rows[line - 1] = raw
    path = tmp_path / name
    path.write_bytes(b"\n".join(rows) + b"\n")
    return path


def test_a_41_mb_line_is_refused_naming_it(fresh_db: Store, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    fields = lines(6)[5].split("\t")
    fields[-1] = "https://example.org/" + "a" * 41_000_000
    path = with_line(tmp_path, 6, "\t".join(fields).encode())
    before = snapshot(fresh_db)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions())
    assert str(err.value) == (f"{path}, line 6: the line is longer than 1,048,576 bytes; a GDELT row is a few "
                              f"kilobytes\n  → is this a GDELT events file? {HINT_ROW}")
    assert snapshot(fresh_db) == before
    fresh_db.close()
    res = cli("--db", fresh_db.path, "import", path, "--quiet")
    assert res.code == 2
    assert "line 6: the line is longer than 1,048,576 bytes" in res.err


def test_a_long_line_with_skip_bad_rows_is_reported_and_the_rest_imported(fresh_db: Store, tmp_path: Path) -> None:
    path = with_line(tmp_path, 6, b"x" * 41_000_000)
    report = tmp_path / "bad.csv"
    result = import_path(fresh_db, path, ImportOptions(skip_bad_rows=True, bad_rows_report=report))
    assert (result.rows_read, result.added, result.skipped) == (10, 9, 1)
    assert report.read_text().splitlines()[1] == "6,,,"+'"the line is longer than 1,048,576 bytes"'


def test_a_gigabyte_line_is_refused_after_max_line_bytes(fresh_db: Store, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The mechanism behind a 1 GB line, with a 4 KB cap: refused at its line, the file read only so far."""
    monkeypatch.setattr(gdelt, "MAX_LINE", 4096)
    path = with_line(tmp_path, 3, b"\x00" * 300_000)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions())
    assert (err.value.line, err.value.message.split(": ", 1)[1]) == (
        3, "the line is longer than 4,096 bytes; a GDELT row is a few kilobytes")
    with path.open("rb") as fh:
        found = gdelt.scan(path, fh, keep_going=False)
        assert fh.tell() < 20_000  # stopped soon after the cap, not at the end of the line
    assert found.long == [(sum(len(r.encode()) + 1 for r in lines(2)), -1)]


def test_a_long_first_line_is_refused(fresh_db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gdelt, "MAX_LINE", 4096)
    path = with_line(tmp_path, 1, lines(1)[0].encode() + b"\t" * 10_000)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions(format="gdelt"))
    assert err.value.line == 1 and "longer than 4,096 bytes" in err.value.message


def test_junk_members_of_zip_and_gz_are_refused_or_reported(fresh_db: Store, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A .zip or .gz whose rows end in a long run of junk (1 GB in the field; here past a 4 KB cap)."""
    monkeypatch.setattr(gdelt, "MAX_LINE", 4096)
    body = ("\n".join(lines(5)) + "\n").encode() + b"\xff\x00junk" * 50_000 + b"\n" + (lines(6)[5] + "\n").encode()
    gz = tmp_path / "a.export.CSV.gz"
    gz.write_bytes(gzip.compress(body))
    zipped = tmp_path / "b.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("b.export.CSV", body)
    for path in (gz, zipped):
        with pytest.raises(ImportRejected) as err:
            import_path(fresh_db, path, ImportOptions())
        assert (str(err.value.file), err.value.line) == (str(path), 6)
    assert fresh_db.scalar("SELECT count(*) FROM event") == 0
    result = import_path(fresh_db, gz, ImportOptions(skip_bad_rows=True, bad_rows_report=tmp_path / "r.csv"))
    assert (result.rows_read, result.added, result.skipped) == (7, 6, 1)
    assert result.bad_rows[0].line == 6


def test_a_compressed_file_expanding_past_the_cap_is_refused(fresh_db: Store, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gdelt, "MAX_EXPANDED", 100_000)
    gz = tmp_path / "a.export.CSV.gz"
    gz.write_bytes(gzip.compress(GDELT.read_bytes()))
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, gz, ImportOptions(skip_bad_rows=True))
    assert err.value.message == f"{gz}: the file expands to more than 100,000 bytes when decompressed"


def test_a_damaged_gz_is_refused(fresh_db: Store, tmp_path: Path) -> None:
    gz = tmp_path / "a.export.CSV.gz"
    gz.write_bytes(gzip.compress(GDELT.read_bytes())[:5000])
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, gz, ImportOptions(format="gdelt"))
    assert err.value.message.startswith(f"{gz}: the compressed file is damaged: ")
    assert err.value.hint == "download it again; nothing was imported"


def test_compressed_exports_are_recognised_by_their_names(tmp_path: Path) -> None:
    data = ("\n".join(lines(3)) + "\n").encode()
    gz = tmp_path / "20191024143000.export.CSV.gz"
    gz.write_bytes(gzip.compress(data))
    zipped = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("20191024143000.export.CSV", data)
    assert (detect_format(gz), detect_format(zipped)) == ("gdelt", "gdelt")


def test_too_many_unreadable_rows_refuse_the_file(fresh_db: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gdelt, "MAX_REJECTS", 5)
    path = write(tmp_path, lines(3) + ["junk\tjunk"] * 8)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions(skip_bad_rows=True))
    assert err.value.message == f"{path}: more than 5 rows could not be read"


def test_a_row_with_many_missing_fields_is_one_bad_row(fresh_db: Store, tmp_path: Path) -> None:
    path = write(tmp_path, lines(5) + ["881990001\t20191024"] + lines(8)[5:])
    result = import_path(fresh_db, path, ImportOptions(skip_bad_rows=True, bad_rows_report=tmp_path / "r.csv"))
    assert (result.rows_read, result.added, result.skipped) == (9, 8, 1)
    assert [(b.line, b.reason) for b in result.bad_rows] == [(6, "expected 61 tab-separated columns, found 2")]


def test_control_characters_refuse_the_row_naming_line_and_field(fresh_db: Store, tmp_path: Path) -> None:
    rows = lines(10)
    fields = rows[3].split("\t")
    fields[6] = "TALI\x00BAN"  # Actor1Name
    rows[3] = "\t".join(fields)
    fields = rows[7].split("\t")
    fields[60] += "\x07"  # SOURCEURL
    rows[7] = "\t".join(fields)
    path = write(tmp_path, rows)
    before = snapshot(fresh_db)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions())
    assert (err.value.line, err.value.field, err.value.value) == (4, "Actor1Name", "TALI\x00BAN")
    assert err.value.message == (f"{path}, line 4, field 'Actor1Name': the value is not text: character 5 is "
                                 "U+0000, a control character, which is not text (value: 'TALI\\x00BAN')")
    assert snapshot(fresh_db) == before
    result = import_path(fresh_db, path, ImportOptions(skip_bad_rows=True, bad_rows_report=tmp_path / "r.csv"))
    assert (result.rows_read, result.added, result.skipped) == (10, 8, 2)
    assert [(b.line, b.field) for b in result.bad_rows] == [(4, "Actor1Name"), (8, "SOURCEURL")]
    assert fresh_db.scalar("SELECT count(*) FROM event WHERE regexp_matches(summary || coalesce(source_url, ''), "
                           "'[\\x00-\\x08]')") == 0


def test_out_of_memory_names_the_setting_not_the_file(db_path: Path, _empty_template: Path,
                                                      monkeypatch: pytest.MonkeyPatch, cli) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(_empty_template, db_path)
    monkeypatch.setenv("WATCHFLOOR_MEMORY_LIMIT", "2MB")
    res = cli("--db", db_path, "import", GDELT, "--quiet")
    assert res.code == 2
    first, hint = res.err.strip().splitlines()[:2]
    assert first.startswith("error: DuckDB ran out of memory (limit 2MB; WATCHFLOOR_MEMORY_LIMIT sets it); "
                            "nothing was written: Out of Memory Error: ")
    assert hint.strip() == ("→ raise the limit and run the command again, e.g. WATCHFLOOR_MEMORY_LIMIT=2GB, or "
                            "import the file in smaller parts")
    monkeypatch.delenv("WATCHFLOOR_MEMORY_LIMIT")
    with Store.open(db_path) as store:
        assert store.scalar("SELECT count(*) FROM event") == 0


def test_sql_code_lookup_matches_the_python_maps_and_needs_no_join(fresh_db: Store) -> None:
    """The staging query maps codes without a join: a join's sides were once swapped by DuckDB's optimizer
    (it guesses a CSV holds 42 rows), building hash tables on a 5-million-row file until memory ran out."""
    known = {r[0] for r in fresh_db.con.execute("SELECT iso3 FROM entity WHERE kind = 'country' "
                                                "AND iso3 IS NOT NULL").fetchall()}
    cameo, fips = code_tables(known)
    assert len(cameo) > 240 and len(fips) > 240
    for pairs, to_iso3 in ((cameo, cameo_to_iso3), (fips, fips_to_iso3)):
        codes = [c for c, _ in pairs] + ["EUR", "AFR", "OS", "PG", "", "XX"]
        got = fresh_db.con.execute(f"SELECT r.c, {gdelt.code_lookup('c', pairs)} FROM (SELECT unnest(?) AS c) r",
                                   [codes]).fetchall()
        assert {c: iso3 for c, iso3 in got} == {c: to_iso3(c, known) for c in codes}
    plan = fresh_db.con.execute("EXPLAIN " + gdelt.stage_sql(LAYOUTS[61], cameo, fips).split(" AS", 1)[1],
                                [str(GDELT), "none"]).fetchall()[0][1]
    assert "READ_CSV" in plan.upper() and "JOIN" not in plan.upper()


def test_a_row_both_unreadable_and_holding_a_control_character_is_reported_once(fresh_db: Store,
                                                                                 tmp_path: Path) -> None:
    rows = lines(6)
    fields = rows[2].split("\t")
    fields[1], fields[6] = "2019x024", "A\x01B"
    rows[2] = "\t".join(fields)
    fields = rows[4].split("\t")
    fields[16] = "C\x02D"  # Actor2Name
    rows[4] = "\t".join(fields)
    fields = rows[1].split("\t")
    fields[1] = "2019x024"
    rows[1] = "\t".join(fields)
    path = write(tmp_path, rows)
    result = import_path(fresh_db, path, ImportOptions(skip_bad_rows=True, bad_rows_report=tmp_path / "r.csv"))
    assert (result.rows_read, result.added, result.skipped) == (6, 3, 3)
    assert [(b.line, b.field) for b in result.bad_rows] == [(2, "SQLDATE"), (3, "Actor1Name"), (5, "Actor2Name")]
