"""Hostile and broken input: each is refused with one message naming the place, exit 2, the store unchanged."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from tests.ingest.helpers import aes256_pdf, pdf_bomb, snapshot, tiny_pdf
from watchfloor.store import Store

FACT = {"date": "2024-06-11", "event_type": "arrest", "summary": "Eight men were detained in Dushanbe.",
        "country": "Tajikistan", "source_url": "https://example.org/a"}


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
