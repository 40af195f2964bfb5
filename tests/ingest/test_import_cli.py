import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_REPORT, FACTS, GDELT_SAMPLE, WORLD_BANK
from tests.ingest.helpers import ACLED, GTD, tiny_pdf
from watchfloor.errors import ConfigError, InputError
from watchfloor.ingest import ImportOptions, detect_format, import_path
from watchfloor.store import Store

GDELT = GDELT_SAMPLE
PANEL = WORLD_BANK / "wdi_remittances_central_asia_panel_2009-2024.csv"


def test_every_format_is_detected(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(tiny_pdf(["Hello."]))
    html = tmp_path / "a.html"
    html.write_text("<html><body><p>Hello there, this is a page.</p></body></html>", encoding="utf-8")
    zipped = tmp_path / "g.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("g.export.CSV", GDELT.read_text(encoding="utf-8").splitlines()[0] + "\n")
    expected = {ACLED: "acled", GTD: "gtd", GDELT: "gdelt", zipped: "gdelt", PANEL: "worldbank",
                FACTS: "facts", EXAMPLE_REPORT: "document", pdf: "document",
                html: "document"}
    assert {p: detect_format(p) for p in expected} == expected


def test_unknown_file_names_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x00\x01\x02 nothing we know")
    with pytest.raises(InputError, match="pass --format with one of: acled, gtd, worldbank, gdelt"):
        detect_format(path)


def test_bad_options_and_paths(fresh_db: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        import_path(fresh_db, ACLED, ImportOptions(reliability="Z"))
    with pytest.raises(ConfigError, match="unknown format"):
        import_path(fresh_db, ACLED, ImportOptions(format="excel"))
    with pytest.raises(InputError, match="no such file"):
        import_path(fresh_db, tmp_path / "missing.csv", ImportOptions())
    with pytest.raises(InputError, match="folder"):
        import_path(fresh_db, tmp_path, ImportOptions())


def test_forcing_the_wrong_format_is_a_clean_error(fresh_db: Store) -> None:
    with pytest.raises(InputError, match="not a ACLED file|missing column"):
        import_path(fresh_db, GTD, ImportOptions(format="acled"))
    with pytest.raises(InputError, match="expected 61 tab-separated columns"):
        import_path(fresh_db, ACLED, ImportOptions(format="gdelt"))


def test_progress_is_reported(fresh_db: Store) -> None:
    for path in (GDELT, ACLED):
        calls: list[tuple[int, int | None]] = []
        import_path(fresh_db, path, ImportOptions(), progress=lambda done, total, c=calls: c.append((done, total)))
        size = path.stat().st_size
        assert calls and calls[-1] == (size, size)


def test_cli_imports_every_format_with_a_summary(cli, db_path: Path) -> None:
    res = cli("--db", db_path, "import", ACLED, GTD, GDELT, PANEL, EXAMPLE_REPORT, "--quiet")
    assert res.code == 0, res.err
    for word in ("acled", "gtd", "gdelt", "worldbank", "document", "2111", "USA 711", "TJK 48"):
        assert word in res.out
    with Store.open(db_path) as store:
        assert store.scalar("SELECT count(*) FROM event") == 3 + 3 + 2111
        assert store.scalar("SELECT count(*) FROM import_log") == 5
    again = cli("--db", db_path, "import", ACLED, GDELT, "--quiet")
    assert again.code == 0 and "already imported" in again.out


def test_cli_bad_reliability_and_missing_file(cli, db_path: Path, tmp_path: Path) -> None:
    res = cli("--db", db_path, "import", ACLED, "--source-reliability", "Q")
    assert res.code == 2 and "A–F" in res.err and "Traceback" not in res.err
    res = cli("--db", db_path, "import", tmp_path / "nope.csv")
    assert res.code == 2 and "no such file" in res.err
