"""The check page and POST /api/check, on the example report and on hostile input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import EXAMPLE_REPORT
from tests.contract import report_problems
from tests.web.conftest import HOSTILE, csrf_token
from watchfloor.web.marks import highlight
from watchfloor.web.optional import lib

needs_checker = pytest.mark.skipif(lib("watchfloor.check", "check_text") is None, reason="checker not built yet")


@needs_checker
def test_posted_report_shows_with_its_findings(client: TestClient) -> None:
    text = EXAMPLE_REPORT.read_text(encoding="utf-8")
    r = client.post("/check", data={"csrf_token": csrf_token(client), "text": text})
    assert r.status_code == 200
    assert "<h1>Check: pasted report</h1>" in r.text
    report = r.text[r.text.index('id="report"'):r.text.index('aria-label="Findings"')]
    marked = re.findall(r'<mark [^>]*data-finding="([^"]+)"[^>]*>(.*?)</mark>', report, re.S)
    assert any(quote == "on Terrorism Charges" for _, quote in marked)
    cards = re.findall(r'<article class="finding-card sev-(\w+)" id="finding-(\w+)"', r.text)
    assert ("error", next(i for i, q in marked if q == "on Terrorism Charges").split()[0]) in cards
    assert "without terrorism charges" in r.text  # the evidence behind the finding


@needs_checker
def test_uploaded_file_is_checked(client: TestClient, tmp_path: Path) -> None:
    html = "<html><body><article><h1>Note</h1><p>On 22 March 2024 gunmen attacked Crocus City Hall near " \
           "Moscow, killing at least 144 people.</p><script>window.__pwned = 1</script></article></body></html>"
    r = client.post("/check", data={"csrf_token": csrf_token(client)},
                    files={"file": ("note.html", html.encode(), "text/html")})
    assert r.status_code == 200
    assert "<h1>Check: note.html</h1>" in r.text
    assert "Crocus City Hall" in r.text
    assert "window.__pwned" not in r.text  # the HTML reader keeps text, never scripts


@needs_checker
def test_hostile_report_is_escaped(client: TestClient) -> None:
    text = f"On 22 March 2023 gunmen attacked Crocus City Hall. {HOSTILE}\n"
    r = client.post("/check", data={"csrf_token": csrf_token(client), "text": text})
    assert r.status_code == 200
    assert HOSTILE not in r.text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=x onerror=" in r.text


def test_empty_report_asks_for_text(client: TestClient) -> None:
    r = client.post("/check", data={"csrf_token": csrf_token(client), "text": "  "})
    assert r.status_code == 400 and "Paste a report or choose a file to check." in r.text


@needs_checker
def test_api_check_follows_the_contract(client: TestClient) -> None:
    text = EXAMPLE_REPORT.read_text(encoding="utf-8")
    body = client.post("/api/check", json={"text": text, "name": "example"}).json()
    assert body["report"] == "example"
    assert report_problems(text, body) == []


def test_fallback_highlighter_escapes_and_marks() -> None:
    text = "A <b>bold</b> claim, and 2023."
    findings = [{"id": "f1", "start": 2, "end": 13, "severity": "warning", "message": "say <why>"},
                {"id": "f2", "start": 9, "end": 29, "severity": "error", "message": "wrong"}]
    html = str(highlight(text, findings))
    assert html == ('A <mark class="finding sev-warning" data-finding="f1" title="say &lt;why&gt;" tabindex="0">'
                    '&lt;b&gt;bold</mark><mark class="finding sev-error" data-finding="f1 f2" '
                    'title="say &lt;why&gt;; wrong" tabindex="0">&lt;/b&gt;</mark>'
                    '<mark class="finding sev-error" data-finding="f2" title="wrong" tabindex="0"> claim, and 2023'
                    '</mark>.')


def test_report_over_the_check_limit_is_413_before_any_work(demo_db_path: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from watchfloor.web import create_app

    app = create_app(demo_db_path, snapshot_dir=tmp_path / "s", warm=False)
    assert app.state.web.check_limit == 200_000
    long_report = "Gunmen attacked a border post on 3 May 2024. " * 6000  # 270 kB, within the 5 MB upload cap
    with TestClient(app) as c:
        api = c.post("/api/check", json={"text": long_report})
        assert api.status_code == 413
        assert api.json()["detail"] == "The report is 270 kB of text; the checker reads at most 200 kB at a time."
        assert "WATCHFLOOR_CHECK_LIMIT" in api.json()["hint"]
        form = c.post("/check", data={"csrf_token": csrf_token(c), "text": long_report})
        assert form.status_code == 413
        assert "<h1>Report too long</h1>" in form.text and "the checker reads at most 200 kB" in form.text
        assert "the checker reads up to 200 kB of text" in c.get("/check").text
    monkeypatch.setenv("WATCHFLOOR_CHECK_LIMIT", "50")
    small = create_app(demo_db_path, snapshot_dir=tmp_path / "s2", warm=False)
    with TestClient(small) as c:
        r = c.post("/api/check", json={"text": "x" * 60_000})
        assert r.status_code == 413 and "at most 50 kB" in r.json()["detail"]
    monkeypatch.setenv("WATCHFLOOR_CHECK_LIMIT", "lots")
    from watchfloor.errors import ConfigError

    with pytest.raises(ConfigError, match="WATCHFLOOR_CHECK_LIMIT='lots' is not a size in kB"):
        create_app(demo_db_path, snapshot_dir=tmp_path / "s3", warm=False)


@needs_checker
def test_a_check_stops_waiting_when_the_client_leaves(demo_db_path: Path, tmp_path: Path) -> None:
    """A slow check in a worker thread: when the client hangs up, the request lets go of it at once."""
    import json
    import socket
    import time

    from tests.web.conftest import LiveServer
    from watchfloor.web import create_app

    app = create_app(demo_db_path, snapshot_dir=tmp_path / "s", warm=False)
    waiting: set[int] = app.state.web.waiting
    body = json.dumps({"text": EXAMPLE_REPORT.read_text(encoding="utf-8") * 16}).encode()  # 44 kB: seconds of work
    with LiveServer(app) as server:
        sock = socket.create_connection(("127.0.0.1", server.port))
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        deadline = time.monotonic() + 10
        while not waiting:
            assert time.monotonic() < deadline, "the check never started"
            time.sleep(0.02)
        started = time.monotonic()
        sock.close()
        while waiting:
            assert time.monotonic() - started < 2, "the request kept waiting for a client that had left"
            time.sleep(0.02)
        healthz = socket.create_connection(("127.0.0.1", server.port))  # the server answers others meanwhile
        healthz.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        healthz.settimeout(10)
        answer = b""
        while chunk := healthz.recv(4096):  # headers and body may come in separate segments
            answer += chunk
        assert b'{"status":"ok"}' in answer
        healthz.close()
