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
