import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import PUBLIC, WORLD_BANK
from tests.ingest.helpers import snapshot
from watchfloor.errors import ImportRejected
from watchfloor.ingest import ImportOptions, detect_format, import_path
from watchfloor.ingest.worldbank import layout_of, unit_of
from watchfloor.store import Store

API = WORLD_BANK / "API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv"
DATABANK = PUBLIC / "wdi_databank_8series_1970-2019.csv"
PANEL = WORLD_BANK / "wdi_remittances_central_asia_panel_2009-2024.csv"


def value(store: Store, iso3: str, indicator: str, year: int) -> float:
    return store.scalar("SELECT value FROM observation WHERE country_iso3 = ? AND indicator = ? AND year = ?",
                        [iso3, indicator, year])


def test_the_three_layouts_are_detected() -> None:
    for path, name in ((API, "api"), (DATABANK, "databank"), (PANEL, "panel")):
        assert detect_format(path) == "worldbank"
        layout = layout_of(path.read_bytes()[:65536])
        assert layout is not None and layout.name == name
    assert layout_of(API.read_bytes()[:4096]).start == 4  # type: ignore[union-attr]


def test_api_file(fresh_db: Store) -> None:
    result = import_path(fresh_db, API, ImportOptions())
    assert (result.rows_read, result.added, result.skipped) == (264, 9379, 49)
    assert "aggregates" in result.note
    assert value(fresh_db, "TJK", "NY.GDP.PCAP.CD", 2017) == pytest.approx(800.966964138605)
    assert value(fresh_db, "ABW", "NY.GDP.PCAP.CD", 1960) is None  # empty cell: no observation
    assert fresh_db.scalar("SELECT count(*) FROM observation WHERE country_iso3 IN ('WLD', 'ARB')") == 0
    src = fresh_db.query("SELECT * FROM source")[0]
    assert (src["kind"], src["publisher"], src["reliability"], str(src["published_at"])) == \
        ("dataset", "World Bank", "B", "2018-10-18")
    assert src["url"] == "https://data.worldbank.org/indicator/NY.GDP.PCAP.CD"
    assert fresh_db.scalar("SELECT DISTINCT unit FROM observation") == "current US$"


def test_databank_export(fresh_db: Store) -> None:
    result = import_path(fresh_db, DATABANK, ImportOptions(reliability="A"))
    assert (result.rows_read, result.added) == (2112, 60293)
    assert fresh_db.scalar("SELECT count(DISTINCT indicator) FROM observation") == 8
    assert fresh_db.scalar("SELECT min(year) FROM observation") == 1970
    assert fresh_db.scalar("SELECT reliability FROM source") == "A"
    assert value(fresh_db, "AFG", "NY.GDP.PCAP.PP.KD", 2002) == pytest.approx(1189.784878)


def test_panel_gives_tajik_remittances_for_2022(fresh_db: Store) -> None:
    result = import_path(fresh_db, PANEL, ImportOptions())
    assert (result.rows_read, result.per_country["TJK"]) == (46, 48)
    row = fresh_db.query("SELECT o.*, s.publisher FROM observation o JOIN source s ON s.id = o.source_id "
                         "WHERE country_iso3 = 'TJK' AND indicator = 'BX.TRF.PWKR.DT.GD.ZS' AND year = 2022")[0]
    assert (row["value"], row["unit"], row["name"], row["publisher"]) == \
        (49.9, "% of GDP", "Personal remittances, received (% of GDP)", "World Bank")


def test_all_three_together_and_idempotent(fresh_db: Store, tmp_path: Path) -> None:
    for path in (API, DATABANK, PANEL):
        import_path(fresh_db, path, ImportOptions())
    before = snapshot(fresh_db)
    assert before["observation"] == 9379 + 60293 + 138
    for path in (API, DATABANK, PANEL):
        assert import_path(fresh_db, path, ImportOptions()).unchanged
    # the same content in a new file of the same name: nothing new, nothing updated
    copy = tmp_path / PANEL.name
    copy.write_text(PANEL.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = import_path(fresh_db, copy, ImportOptions())
    assert (again.added, again.updated) == (0, 0) and snapshot(fresh_db) == before


def test_a_revised_value_is_updated(fresh_db: Store, tmp_path: Path) -> None:
    import_path(fresh_db, PANEL, ImportOptions())
    revised = tmp_path / PANEL.name
    text = PANEL.read_text(encoding="utf-8")
    revised.write_text(text.replace("TJK,Tajikistan,2022,49.9,", "TJK,Tajikistan,2022,50.1,"), encoding="utf-8")
    result = import_path(fresh_db, revised, ImportOptions())
    assert (result.added, result.updated) == (0, 1)
    assert value(fresh_db, "TJK", "BX.TRF.PWKR.DT.GD.ZS", 2022) == 50.1


def test_a_bad_number_names_line_and_column(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "wb.csv"
    shutil.copy(DATABANK, path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace(",1189.784878,", ",12O9.5,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(fresh_db)
    with pytest.raises(ImportRejected) as err:
        import_path(fresh_db, path, ImportOptions())
    assert (err.value.line, err.value.field, err.value.value) == (2, "2002 [YR2002]", "12O9.5")
    assert snapshot(fresh_db) == before


def test_header_only_panel(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_text("iso3c,country,year,remit_gdp\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="header but no rows"):
        import_path(fresh_db, path, ImportOptions())


@given(st.integers(1000, 2999), st.sampled_from(["{y}", "{y} [YR{y}]", '"{y}"']))
def test_year_columns_are_read(year: int, form: str) -> None:
    cell = form.format(y=year)
    head = f"Series Name,Series Code,Country Name,Country Code,{cell}\nA,B,Tajikistan,TJK,1.5\n"
    from watchfloor.ingest.worldbank import _YEAR

    assert (layout_of(head.encode()) or layout_of(b"Series Code,Country Code,[YR")) is not None
    m = _YEAR.match(cell.strip('"'))
    assert m is not None and int(m.group(1)) == year


def test_units_come_from_the_series_name() -> None:
    assert unit_of("Personal remittances, received (% of GDP)") == "% of GDP"
    assert unit_of("Unemployment, female (% of female labor force) (national estimate)") == "% of female labor force"
    assert unit_of("Population, total") is None
