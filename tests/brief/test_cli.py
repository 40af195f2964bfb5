"""`watchfloor brief`: files where asked, the self-check summary, clean errors."""

from __future__ import annotations

import os
from pathlib import Path


def test_brief_writes_all_formats(cli, facts_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tj.md"
    res = cli("--db", facts_db_path, "brief", "tajikistan", "--format", "all", "-o", out, "--since", "2025-10")
    assert res.code == 0, res.err
    for suffix in (".md", ".html", ".pdf"):
        assert f"wrote {out.with_suffix(suffix)}" in res.out
    assert out.read_text().startswith("# Tajikistan: ")
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert "<svg" in out.with_suffix(".html").read_text() or "self-check" in res.err
    assert "self-check:" in res.err and "cited sentences" in res.err


def test_brief_default_path_is_dated(cli, facts_db_path: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = cli("--db", facts_db_path, "brief", "TJ", "--since", "2025-10", "--until", "2025-12")
    assert res.code == 0, res.err
    written = sorted(os.listdir(tmp_path / "briefs"))
    md = [w for w in written if w.endswith(".md")]
    assert len(md) == 1 and md[0].startswith("tajikistan-") and "Period covered:** October 2025 to December 2025" \
        in (tmp_path / "briefs" / md[0]).read_text()
    assert all(w.startswith(md[0][:-3]) for w in written), "figures sit beside the Markdown, named after it"


def test_brief_errors_are_clean(cli, facts_db_path: Path, tmp_path: Path) -> None:
    res = cli("--db", facts_db_path, "brief", "narnia")
    assert res.code == 2 and "unknown country 'narnia'" in res.err and "Traceback" not in res.err
    res = cli("--db", facts_db_path, "brief", "tj", "--since", "2025", "--until", "2024")
    assert res.code == 2 and "--since 2025 is after --until 2024" in res.err
    res = cli("--db", facts_db_path, "brief", "tj", "-o", tmp_path / "nope" / "x.md")
    assert res.code == 2 and "does not exist" in res.err
