"""`watchfloor check` as a user meets it: exit codes, bad input, --skip, -o."""

from pathlib import Path

import pytest

CLEAN = "In March 2018 Shavkat Mirziyoyev paid a state visit to Dushanbe, where the sides signed 27 agreements.\n"
WRONG = "In March 2019 Shavkat Mirziyoyev paid a state visit to Dushanbe, where the sides signed 27 agreements.\n"


def test_exit_code_is_0_without_errors_and_1_with_some(cli, demo_db_path: Path, tmp_path: Path) -> None:
    clean, wrong = tmp_path / "clean.txt", tmp_path / "wrong.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    wrong.write_text(WRONG, encoding="utf-8")
    ok = cli("--db", demo_db_path, "check", clean, "-f", "json")
    assert ok.code == 0 and '"errors": 0' in ok.out
    bad = cli("--db", demo_db_path, "check", wrong, "-f", "json")
    assert '"kind": "wrong_date"' in bad.out
    assert bad.code == 1


@pytest.mark.parametrize("content,message", [
    (None, "no such file"), (b"", "the file is empty"), (b"Caf\xe9 in Dushanbe\n", "not UTF-8"),
    (b"   \n\n", "has no text"),
])
def test_bad_input_is_one_clean_message_and_exit_2(cli, demo_db_path: Path, tmp_path: Path, content, message) -> None:
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    res = cli("--db", demo_db_path, "check", path)
    assert res.code == 2 and message in res.err and "report.txt" in res.err and "Traceback" not in res.err


def test_skip_switches_kinds_off(cli, demo_db_path: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(WRONG, encoding="utf-8")
    res = cli("--db", demo_db_path, "check", wrong, "-f", "json", "--skip", "wrong_date,missing_source")
    assert '"wrong_date"' not in res.out and '"missing_source"' not in res.out
    unknown = cli("--db", demo_db_path, "check", wrong, "--skip", "spelling")
    assert unknown.code == 2 and "unknown check 'spelling'" in unknown.err


def test_output_folder_must_exist(cli, demo_db_path: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(CLEAN, encoding="utf-8")
    res = cli("--db", demo_db_path, "check", report, "-o", tmp_path / "nope" / "out.html")
    assert res.code == 2 and "does not exist" in res.err


def test_html_reports_are_read_as_text_and_quoted_exactly(cli, demo_db_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text("<html><head><title>Note</title><script>var x = 1;</script></head><body><article>"
                    "<h1>Moscow attack</h1><p>In 2023 gunmen attacked Crocus City Hall near Moscow, a venue outside "
                    "the capital, and killed many people in what became one of the deadliest attacks in years.</p>"
                    "<p>The Islamic State claimed responsibility for it, and Russia blamed Ukraine without proof; "
                    "four Tajik men were charged within days.</p></article></body></html>", encoding="utf-8")
    import json

    res = cli("--db", demo_db_path, "check", page, "-f", "json")
    data = json.loads(res.out)
    dates = [f for f in data["findings"] if f["kind"] == "wrong_date"]
    assert dates and "var x" not in json.dumps(data)
    from watchfloor.ingest.text import read_document

    text = read_document(page).text
    assert all(text[f["start"]:f["end"]] == f["quote"] for f in data["findings"])
