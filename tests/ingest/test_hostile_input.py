"""Hostile and broken input: each is refused with one message naming the place, exit 2, the store unchanged."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from tests.ingest.helpers import ACLED, aes256_pdf, pdf_bomb, snapshot, tiny_pdf
from watchfloor.store import Store

FACT = {"date": "2024-06-11", "event_type": "arrest", "summary": "Eight men were detained in Dushanbe.",
        "country": "Tajikistan", "source_url": "https://example.org/a"}


@pytest.fixture(autouse=True)
def _empty_store(db_path: Path, _empty_template: Path) -> None:
    """Each test starts from a copy of an empty store: building one from scratch takes seconds."""
    shutil.copy(_empty_template, db_path)


def counts(db_path: Path) -> dict[str, int]:
    """Row counts of the store at db_path, opened and closed again so the CLI can open it next."""
    with Store.open(db_path) as store:
        return snapshot(store)


def seeded(cli, db_path: Path, tmp_path: Path) -> dict[str, int]:
    """Put one good fact in the store, so 'unchanged' means something; return the counts."""
    good = tmp_path / "seed.jsonl"
    good.write_text(json.dumps(FACT) + "\n", encoding="utf-8")
    res = cli("--db", db_path, "import", good)
    assert res.code == 0, res.err
    return counts(db_path)


def test_deeply_nested_fact_is_refused(cli, db_path: Path, tmp_path: Path) -> None:
    before = seeded(cli, db_path, tmp_path)
    path = tmp_path / "deep.jsonl"
    deep = '{"a":' * 5000 + "1" + "}" * 5000
    other = dict(FACT, summary="Two men were released.")
    path.write_text(json.dumps(other) + "\n" + json.dumps(FACT)[:-1] + ', "extra": ' + deep + "}\n",
                    encoding="utf-8")
    res = cli("--db", db_path, "import", path)
    assert res.code == 2
    assert f"{path}, line 2: the JSON is nested more than 32 levels deep; a fact is one flat object" in res.err
    assert "Traceback" not in res.err
    assert counts(db_path) == before


def test_fact_nested_past_the_cap_but_not_the_recursion_limit(cli, db_path: Path, tmp_path: Path) -> None:
    before = seeded(cli, db_path, tmp_path)
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps(dict(FACT, extra=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]))
                    + "\n", encoding="utf-8")
    res = cli("--db", db_path, "import", path)
    assert res.code == 2
    assert f"{path}, line 1: the JSON is nested more than 32 levels deep" in res.err
    assert counts(db_path) == before


def refused(cli, db_path: Path, tmp_path: Path, name: str, data: bytes, *args: str) -> str:
    """Import `data` as `name` into a seeded store; assert exit 2, no traceback, store unchanged; return stderr."""
    before = seeded(cli, db_path, tmp_path)
    path = tmp_path / name
    path.write_bytes(data)
    res = cli("--db", db_path, "import", path, *args)
    assert res.code == 2, res.err
    assert "Traceback" not in res.err and res.err.startswith("error: ")
    assert counts(db_path) == before
    return res.err


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_encrypted_pdf_is_refused(cli, db_path: Path, tmp_path: Path, algorithm: str) -> None:
    if algorithm == "AES-256":
        data = aes256_pdf()
    else:
        writer = PdfWriter()
        writer.add_blank_page(200, 200)
        writer.encrypt("pw", algorithm=algorithm)
        buf = io.BytesIO()
        writer.write(buf)
        data = buf.getvalue()
    err = refused(cli, db_path, tmp_path, "locked.pdf", data)
    assert f"{tmp_path / 'locked.pdf'}: encrypted PDF: watchfloor cannot read it; save an unencrypted copy" in err


def test_pdf_bomb_is_refused_quickly(cli, db_path: Path, tmp_path: Path) -> None:
    data = pdf_bomb(64 << 20)
    assert len(data) < 100_000
    started = time.monotonic()
    err = refused(cli, db_path, tmp_path, "bomb.pdf", data)
    assert time.monotonic() - started < 20
    assert f"{tmp_path / 'bomb.pdf'}: the PDF is too large to read safely: part of it passes a size limit" in err


def test_pdf_pages_reusing_a_big_stream_are_refused(cli, db_path: Path, tmp_path: Path) -> None:
    err = refused(cli, db_path, tmp_path, "reuse.pdf", pdf_bomb(15 << 20, pages=5))
    assert f"{tmp_path / 'reuse.pdf'}: the PDF is too large to read safely: its pages decompress to more than " \
           "64 MB" in err


def test_pdf_with_a_broken_object_is_an_input_error(cli, db_path: Path, tmp_path: Path) -> None:
    data = tiny_pdf(["Some text here."]).replace(b"trailer\n<<", b"trailer\n1<")
    err = refused(cli, db_path, tmp_path, "broken.pdf", data)
    assert f"{tmp_path / 'broken.pdf'}: cannot read this PDF" in err


def acled_rows(tmp_path: Path, name: str, change: dict[str, str]) -> Path:
    """The first two rows of the ACLED fixture, the second changed by `change`, written as a new export."""
    with ACLED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[:3]
    header = rows[0]
    for column, value in change.items():
        rows[2][header.index(column)] = value
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return path


def test_control_character_in_an_acled_cell_is_refused(cli, db_path: Path, tmp_path: Path) -> None:
    before = seeded(cli, db_path, tmp_path)
    path = acled_rows(tmp_path, "acled.csv", {"actor1": "Police\x00 Forces of Tajikistan"})
    res = cli("--db", db_path, "import", path)
    assert res.code == 2
    assert (f"{path}, line 3, field 'actor1': the value is not text: character 7 is U+0000, a control character, "
            "which is not text (value: 'Police\\x00 Forces of Tajikistan')") in res.err
    assert counts(db_path) == before


def test_control_character_row_can_be_skipped_and_reported(cli, db_path: Path, tmp_path: Path) -> None:
    path = acled_rows(tmp_path, "acled.csv", {"notes": "a bell \x07 here"})
    report = tmp_path / "bad.csv"
    res = cli("--db", db_path, "import", path, "--skip-bad-rows", "--bad-rows-report", report)
    assert res.code == 0, res.err
    with report.open(encoding="utf-8", newline="") as fh:
        assert list(csv.reader(fh))[1] == [
            "3", "notes", "a bell \\x07 here", "the value is not text: character 8 is U+0007, a control character, "
                                             "which is not text"]
    with Store.open(db_path) as store:
        assert store.scalar("SELECT count(*) FROM event") == 1


@pytest.mark.parametrize(("escaped", "field", "shown"), [
    ('"summary": "Eight men \\u0000 were detained."', "summary", "character 11 is U+0000, a control character"),
    ('"actors": ["ICE", "Bell\\u0007Corp"]', "actors[1]", "character 5 is U+0007, a control character"),
    ('"numbers": {"det\\u001bained": 8}', "numbers.det\x1bained", "character 4 is U+001B, a control character"),
    ('"location": "Dushanbe \\ud800"', "location", "character 10 is U+D800, a lone UTF-16 surrogate"),
])
def test_control_character_in_a_fact_is_refused(cli, db_path: Path, tmp_path: Path, escaped: str, field: str,
                                                shown: str) -> None:
    before = seeded(cli, db_path, tmp_path)
    path = tmp_path / "pack.jsonl"
    line = json.dumps(dict(FACT, summary="Another fact."))[:-1] + ", " + escaped + "}"
    path.write_text(json.dumps(dict(FACT, summary="A third fact.")) + "\n" + line + "\n", encoding="utf-8")
    res = cli("--db", db_path, "import", path)
    assert res.code == 2, res.err
    assert f"{path}, line 2, field {field!r}: the value is not text: {shown}, which is not text" in res.err
    assert counts(db_path) == before


def test_control_characters_are_taken_out_of_a_document(cli, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"---\ntitle: Bell\x07 note\n---\nBorder talks\n\nThe talks in Batken\x1b went on.\x0c"
                     b"Page two says more.\n")
    res = cli("--db", db_path, "import", path)
    assert res.code == 0, res.err
    assert "2 control characters removed, the first on line 6" in res.out
    with Store.open(db_path) as store:
        assert store.scalar("SELECT text FROM document") == \
            "Border talks\n\nThe talks in Batken went on.\nPage two says more.\n"
        assert store.scalar("SELECT title FROM source") == "Bell note"
        assert store.scalar("SELECT count(*) FROM passage WHERE regexp_matches(text, '[\\x00-\\x08]')") == 0


@pytest.mark.parametrize(("name", "data", "message"), [
    ("fake.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml" + bytes(range(256)),
     "line 1: this is a binary file, not a text document (a NUL byte at byte offset 5)"),
    ("report.txt", b"A report\nwith a second line\nand a NUL \x00 on the third\n",
     "line 3: this is a binary file, not a text document (a NUL byte at byte offset 38)"),
    ("noise.bin", bytes(range(1, 128)) * 30,
     "this is not a text document: 870 of its 3,810 characters are control characters"),
    ("table.txt", b"2021 2022 2023\n1.5 2.5 3.5\n-- -- --\n",
     "the document has no letters, so no text to read"),
])
def test_binary_or_letterless_document_is_refused(cli, db_path: Path, tmp_path: Path, name: str, data: bytes,
                                                  message: str) -> None:
    err = refused(cli, db_path, tmp_path, name, data, "--format", "document")
    assert f"{tmp_path / name}{', ' if message.startswith('line') else ': '}{message}" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, where every write fails with ENOSPC")
def test_bad_rows_report_on_a_full_disk_is_a_write_error(cli, db_path: Path, tmp_path: Path) -> None:
    before = seeded(cli, db_path, tmp_path)
    path = acled_rows(tmp_path, "acled.csv", {"fatalities": "-5"})
    res = cli("--db", db_path, "import", path, "--skip-bad-rows", "--bad-rows-report", "/dev/full")
    assert res.code == 2
    assert res.err.startswith("error: could not write /dev/full: no space left on device\n")
    assert "free some disk space or pass --bad-rows-report with another place; nothing was imported" in res.err
    assert counts(db_path) == before


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file size limits")
def test_store_write_failure_names_the_store(cli, db_path: Path, tmp_path: Path) -> None:
    """A store the disk refuses is a write error naming the store, not a complaint about the file read.

    The child process may write no file past 256 KB (RLIMIT_FSIZE), so DuckDB's log write fails for real (EFBIG,
    the same path as ENOSPC) when the import commits. It embeds the 400 summaries first (100 s alone on two shared
    cores), hence the generous timeout."""
    resource = pytest.importorskip("resource")
    before = seeded(cli, db_path, tmp_path)
    path = tmp_path / "big.jsonl"
    words = "Officials in Dushanbe said the border talks would continue next month. " * 12
    path.write_text("".join(json.dumps(dict(FACT, summary=f"{words}({i})", source_url=f"https://example.org/{i}"))
                            + "\n" for i in range(400)), encoding="utf-8")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, resource.RLIM_INFINITY))

    res = subprocess.run([sys.executable, "-m", "watchfloor", "--db", str(db_path), "import", "--quiet", str(path)],
                         capture_output=True, text=True, preexec_fn=small_files, timeout=600, check=False,
                         env={**os.environ, "COLUMNS": "400"})
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith(f"error: could not write {db_path}: file too large\n"), res.stderr
    assert "Traceback" not in res.stderr and "--format" not in res.stderr
    assert counts(db_path) == before


PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Water talks resume on the Vakhsh</title>
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://news.example.org/vakhsh-talks"></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<main><article>
<h1>Water talks resume on the Vakhsh</h1>
<p>Officials from Tajikistan and Uzbekistan met in Dushanbe on Monday to resume talks on sharing the water of
the Vakhsh river.</p>
<p>The delegations agreed to meet again in Tashkent before the end of the month, a spokesman said.</p>
</article></main>
<footer>Copyright 2024 Example Wire</footer>
</body></html>
"""


def test_html_page_imports_on_this_install(cli, db_path: Path, tmp_path: Path) -> None:
    """trafilatura imports jusText, which needs lxml.html.clean (the lxml_html_clean package since lxml 5.2):
    an install without it fails here, in CI, instead of at an analyst's first HTML page."""
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    res = cli("--db", db_path, "import", path)
    assert res.code == 0, res.err
    with Store.open(db_path) as store:
        assert store.scalar("SELECT text FROM document") == (
            "Water talks resume on the Vakhsh\n\n"
            "Officials from Tajikistan and Uzbekistan met in Dushanbe on Monday to resume talks on sharing the "
            "water of the Vakhsh river.\n\n"
            "The delegations agreed to meet again in Tashkent before the end of the month, a spokesman said.")
        assert store.query("SELECT title, publisher, url, kind FROM source") == [
            {"title": "Water talks resume on the Vakhsh", "publisher": "Example Wire",
             "url": "https://news.example.org/vakhsh-talks", "kind": "article"}]


def test_html_dependencies_are_declared() -> None:
    """What the HTML reader imports is in pyproject.toml, so `pip install watchfloor` brings it."""
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower().replace("-", "_")
                for d in pyproject["project"]["dependencies"]}
    assert {"trafilatura", "lxml_html_clean", "pypdf"} <= declared


def test_the_bad_rows_report_spells_out_control_characters(tmp_path: Path) -> None:
    from watchfloor.ingest.base import _visible

    assert _visible("a\x00b\x1fc\td\ne") == "a\\x00b\\x1fc\td\ne"
    assert _visible(12) == 12
