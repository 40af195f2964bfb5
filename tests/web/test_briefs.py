"""The Briefs page: briefs already written are listed, and a new one shows its progress while it is written."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.conftest import csrf_token
from watchfloor.web.optional import lib

needs_briefs = pytest.mark.skipif(lib("watchfloor.brief", "write_brief") is None, reason="briefs not built yet")


def folder(app: FastAPI) -> Path:
    return Path(app.state.web.brief_dir)


def test_written_briefs_are_listed_newest_first(app: FastAPI, client: TestClient) -> None:
    briefs = folder(app)
    briefs.mkdir()
    (briefs / "tajikistan-2025-01-02.md").write_text("# Tajikistan: Russia, 2024\n\nBody.\n", encoding="utf-8")
    (briefs / "tajikistan-2025-01-02.pdf").write_bytes(b"%PDF-1.7 older")
    (briefs / "kyrgyzstan-2025-03-04.md").write_text("# Kyrgyzstan \\[draft\\], 2025\n", encoding="utf-8")
    (briefs / "kyrgyzstan-2025-03-04.html").write_text("<!DOCTYPE html><title>K</title><p>Kyrgyz brief</p>",
                                                        encoding="utf-8")
    (briefs / "notes.txt").write_text("not a brief", encoding="utf-8")
    (briefs / "kyrgyzstan-2025-03-04-events.svg").write_text("<svg/>", encoding="utf-8")
    os.utime(briefs / "tajikistan-2025-01-02.md", (1_700_000_000, 1_700_000_000))
    os.utime(briefs / "tajikistan-2025-01-02.pdf", (1_700_000_000, 1_700_000_000))

    page = client.get("/briefs").text
    listed = page[page.index('id="written-briefs"'):]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>", listed, re.S)
    assert rows == ["Kyrgyzstan [draft], 2025", "Tajikistan: Russia, 2024"]  # newest first, titles from the .md
    assert '<a href="/briefs/files/kyrgyzstan-2025-03-04.md" download>Markdown</a>' in listed
    assert '<a href="/briefs/files/kyrgyzstan-2025-03-04.html">HTML</a>' in listed
    assert '<a href="/briefs/files/tajikistan-2025-01-02.pdf" download>PDF</a>' in listed
    assert "notes.txt" not in listed and "events.svg" not in listed

    html = client.get("/briefs/files/kyrgyzstan-2025-03-04.html")
    assert html.status_code == 200 and "Kyrgyz brief" in html.text
    assert html.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in html.headers["content-security-policy"]
    pdf = client.get("/briefs/files/tajikistan-2025-01-02.pdf")
    assert pdf.content == b"%PDF-1.7 older" and pdf.headers["content-disposition"].startswith("attachment")
    for bad in ["notes.txt", "..%2Fdemo.duckdb", "kyrgyzstan-2025-03-04-events.svg", "missing.md"]:
        r = client.get(f"/briefs/files/{bad}")
        assert r.status_code == 404, bad


def test_no_written_briefs_says_where_they_would_be(app: FastAPI, client: TestClient) -> None:
    page = client.get("/briefs").text
    assert f"No briefs in {folder(app)} yet" in page


def test_writing_a_brief_needs_the_forms_token(client: TestClient) -> None:
    r = client.post("/briefs", data={"since": "2024-06", "until": "2024-06"})
    assert r.status_code == 403
    bad = client.post("/briefs", data={"csrf_token": csrf_token(client, "/briefs"), "since": "June"})
    assert bad.status_code == 400 and "since &#39;June&#39;" in bad.text and "2024-06-11" in bad.text


@needs_briefs
def test_a_brief_shows_its_progress_then_itself_and_its_files(app: FastAPI, client: TestClient) -> None:
    start = client.post("/briefs", data={"csrf_token": csrf_token(client, "/briefs"), "country": "TJK",
                                         "since": "2024-06", "until": "2024-06", "title": ""},
                        follow_redirects=False)
    assert start.status_code == 303
    job_page = start.headers["location"]
    assert re.fullmatch(r"/briefs/jobs/[\w-]+", job_page)
    running = client.get(job_page, follow_redirects=False)
    if running.status_code == 200:  # still at work: the page says which step, and reloads without a script
        assert "Writing the brief on Tajikistan…" in running.text and 'id="job-step"' in running.text
        assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in running.text
    steps: list[str] = []
    deadline = time.monotonic() + 300
    while True:
        status = client.get(job_page + "/status").json()
        if status["step"] not in steps:
            steps.append(status["step"])
        if status["state"] != "running":
            break
        assert time.monotonic() < deadline, f"the brief took too long; last step {status['step']}"
        time.sleep(0.1)
    assert status["state"] == "done", status
    assert status["steps"] == 7 and status["elapsed"] > 0
    assert "Writing the PDF" in steps or len(steps) >= 2, steps  # the page saw the work move on
    assert steps[-1] == "Done"
    stem = "tajikistan-" + time.strftime("%Y-%m-%d") + "-2024-06-2024-06"
    assert status["files"] == [f"{stem}.md", f"{stem}.html", f"{stem}.pdf"]
    written = folder(app)
    assert (written / f"{stem}.md").read_text(encoding="utf-8").startswith("# Tajikistan")
    assert (written / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
    assert status["location"] == "/briefs?country=TJK&since=2024-06&until=2024-06&write=1"

    done = client.get(job_page, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == status["location"]
    page = client.get(status["location"]).text
    assert 'id="brief-frame"' in page
    assert f'<a href="/briefs/files/{stem}.pdf" download>PDF</a>' in page
    assert client.get(f"/briefs/files/{stem}.md").text.startswith("# Tajikistan")


@needs_briefs
def test_a_brief_that_cannot_be_written_says_why(client: TestClient) -> None:
    start = client.post("/briefs", data={"csrf_token": csrf_token(client, "/briefs"), "since": "1900",
                                         "until": "1900"}, follow_redirects=False)
    job_page = start.headers["location"]
    deadline = time.monotonic() + 60
    while (status := client.get(job_page + "/status").json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert status["state"] == "failed"
    assert "the store holds no evidence on Tajikistan" in status["error"]
    page = client.get(job_page).text
    assert "The brief could not be written" in page and "the store holds no evidence on Tajikistan" in page
    assert client.get("/briefs/jobs/nonexistent").status_code == 404


@needs_briefs
def test_markdown_in_the_store_downloads_as_text_and_as_a_pdf(demo_db_path: Path, tmp_path: Path) -> None:
    """Store text carrying Markdown links and images: the HTML download fetches nothing, the PDF is a PDF."""
    import json
    import shutil

    from tests.brief.conftest import EVIL_IMAGE, MARKDOWN_FACT
    from watchfloor.ingest import ImportOptions, import_path
    from watchfloor.store import Store
    from watchfloor.web import create_app

    store_path = tmp_path / "markdown.duckdb"
    shutil.copy(demo_db_path, store_path)
    pack = tmp_path / "markdown.jsonl"
    pack.write_text(json.dumps(MARKDOWN_FACT) + "\n", encoding="utf-8")
    with Store.open(store_path) as store:
        import_path(store, pack, ImportOptions(quiet=True))
    app = create_app(store_path, snapshot_dir=tmp_path / "s", warm=False, brief_dir=tmp_path / "briefs")
    query = "country=TJK&since=2025-11-20&until=2025-11-20&title=" + EVIL_IMAGE.replace("!", "%21")
    with TestClient(app) as c:
        html = c.get("/briefs/download?format=html&" + query)
        assert html.status_code == 200 and "evil.example" in html.text
        assert "<img" not in html.text and 'src="http://evil' not in html.text
        assert 'href="http://evil' not in html.text
        pdf = c.get("/briefs/download?format=pdf&" + query)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
