from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_REPORT
from tests.ingest.helpers import snapshot, tiny_pdf
from watchfloor.errors import InputError
from watchfloor.ingest import ImportOptions, detect_format, import_path
from watchfloor.ingest.text import DocumentText, read_document
from watchfloor.store import Store

HOSTILE = """<!doctype html><html lang="en"><head><title>Border talks in Batken</title>
<meta property="og:site_name" content="Example Wire"><meta name="date" content="2024-03-22">
<link rel="canonical" href="https://news.example.org/border-talks">
<style>body { background: red }</style><script>alert(1)</script></head>
<body onload="alert(2)"><script>alert(1)</script><nav>Home | About</nav>
<article><h1>Border talks in Batken</h1>
<p>Delegations from Dushanbe and Bishkek met in Batken to go over the sections of the border still unmarked.</p>
<p>The commission plans to meet again within a month.<img src=x onerror="alert(3)"></p>
<script>document.write('injected')</script></article><noscript>enable scripts</noscript></body></html>
"""

NOTE = """---
title: "Remittances note"
publisher: Desk A
date: 22 March 2024
url: https://example.org/notes/remittances
---
# Remittances

Remittances were 49.9% of GDP in 2022.
"""


def passages_match(store: Store) -> bool:
    rows = store.query("SELECT d.text AS doc, p.start_offset AS s, p.end_offset AS e, p.text FROM passage p "
                       "JOIN document d ON d.id = p.document_id")
    return bool(rows) and all(r["doc"][r["s"]:r["e"]] == r["text"] for r in rows)


def test_example_report_reads_as_written() -> None:
    doc = read_document(EXAMPLE_REPORT)
    assert isinstance(doc, DocumentText)
    assert doc.text == EXAMPLE_REPORT.read_text(encoding="utf-8") and doc.offset == 0
    assert doc.title is not None and doc.title.startswith("Tajikistan Under Pressure in 2024")


def test_text_report_import(fresh_db: Store) -> None:
    result = import_path(fresh_db, EXAMPLE_REPORT, ImportOptions())
    assert (result.format, result.added) == ("document", 1)
    assert fresh_db.scalar("SELECT text FROM document") == EXAMPLE_REPORT.read_text(encoding="utf-8")
    assert fresh_db.scalar("SELECT count(*) FROM passage") == 12
    assert passages_match(fresh_db)
    assert fresh_db.scalar("SELECT kind FROM source") == "report"
    before = snapshot(fresh_db)
    assert import_path(fresh_db, EXAMPLE_REPORT, ImportOptions()).unchanged
    assert snapshot(fresh_db) == before


def test_markdown_front_matter(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    doc = read_document(path)
    assert (doc.title, doc.publisher, doc.date, doc.url) == \
        ("Remittances note", "Desk A", "2024-03-22", "https://example.org/notes/remittances")
    assert doc.text.startswith("# Remittances") and NOTE[doc.offset:] == doc.text
    import_path(fresh_db, path, ImportOptions())
    src = fresh_db.query("SELECT * FROM source")[0]
    assert (src["title"], src["publisher"], str(src["published_at"])) == ("Remittances note", "Desk A", "2024-03-22")
    # the same text under another name is the same document
    copy = tmp_path / "copy.md"
    copy.write_text(NOTE, encoding="utf-8")
    assert import_path(fresh_db, copy, ImportOptions()).added == 0


def test_hostile_html_stores_no_script(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HOSTILE, encoding="utf-8")
    doc = read_document(path)
    assert (doc.title, doc.publisher, doc.date, doc.url, doc.language) == (
        "Border talks in Batken", "Example Wire", "2024-03-22", "https://news.example.org/border-talks", "en")
    import_path(fresh_db, path, ImportOptions(reliability="B"))
    text = fresh_db.scalar("SELECT text FROM document")
    for bad in ("alert", "<script", "script>", "injected", "background", "<p>", "onerror"):
        assert bad not in text
    assert "Delegations from Dushanbe and Bishkek met in Batken" in text
    assert passages_match(fresh_db)
    assert fresh_db.scalar("SELECT count(*) FROM passage WHERE text LIKE '%alert%'") == 0
    src = fresh_db.query("SELECT * FROM source")[0]
    assert (src["kind"], src["reliability"], src["url"]) == ("article", "B", "https://news.example.org/border-talks")


def test_pdf(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(tiny_pdf(["Remittances to Tajikistan reached 49.9% of GDP in 2022.", "Second line."],
                              title="Remittances brief"))
    assert detect_format(path) == "document"
    doc = read_document(path)
    assert "49.9% of GDP" in doc.text
    assert (doc.title, doc.publisher, doc.date, doc.kind) == ("Remittances brief", "Test Desk", "2024-03-22", "pdf")
    import_path(fresh_db, path, ImportOptions())
    assert passages_match(fresh_db)


def test_flags_override_the_document(cli, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    res = cli("--db", db_path, "import", path, "--title", "Desk note", "--url", "https://www.rferl.org/a/x.html",
              "--date", "2024-04-01")
    assert res.code == 0, res.err
    with Store.open(db_path) as store:
        src = store.query("SELECT * FROM source")[0]
    assert (src["title"], src["url"], str(src["published_at"]), src["publisher"]) == \
        ("Desk note", "https://www.rferl.org/a/x.html", "2024-04-01", "Desk A")


def test_wrong_encoding_names_the_line(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("First line.\nSecond line.\nCaf\xe9 on the third.\n".encode("latin-1"))
    before = snapshot(fresh_db)
    with pytest.raises(InputError) as err:
        import_path(fresh_db, path, ImportOptions())
    assert err.value.line == 3 and "not UTF-8" in str(err.value) and str(path) in str(err.value)
    assert snapshot(fresh_db) == before


def test_bad_or_empty_documents(fresh_db: Store, tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n   \n", encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        import_path(fresh_db, blank, ImportOptions())
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(InputError, match="PDF"):
        import_path(fresh_db, broken, ImportOptions())
    scripts = tmp_path / "scripts.html"
    scripts.write_text("<html><body><script>alert(1)</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        import_path(fresh_db, scripts, ImportOptions())
