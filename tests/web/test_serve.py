"""`watchfloor serve`: refuses an exposed address without a token, and answers on a real port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.web.conftest import free_port


def test_non_loopback_host_needs_a_token(cli, demo_db_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("WATCHFLOOR_TOKEN", raising=False)
    r = cli("--db", demo_db_path, "serve", "--host", "0.0.0.0")
    assert r.code == 2
    assert "--host 0.0.0.0 makes the dashboard reachable from other machines, so it needs a token" in r.err
    assert "pass --token TOKEN or set WATCHFLOOR_TOKEN" in r.err


def test_short_token_is_refused(cli, demo_db_path: Path) -> None:
    r = cli("--db", demo_db_path, "serve", "--host", "0.0.0.0", "--token", "abc")
    assert r.code == 2 and "the token is too short" in r.err


def test_missing_store_is_a_clear_error(cli, tmp_path: Path) -> None:
    r = cli("--db", tmp_path / "none.duckdb", "serve")
    assert r.code == 2 and "no store at" in r.err and "watchfloor demo" in r.err


def test_serve_answers_on_a_port(demo_db_path: Path, demo_counts: dict[str, int]) -> None:
    port = free_port()
    env = dict(os.environ, WATCHFLOOR_TOKEN="")
    args = [sys.executable, "-m", "watchfloor", "--db", str(demo_db_path), "serve", "--port", str(port)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        assert "<h1>Tajikistan</h1>" in httpx.get(base + "/").text
        events = httpx.get(base + "/api/events", params={"country": "TJK"}).json()
        assert events["total"] == demo_counts["tjk"]
        assert "/api/events" in httpx.get(base + "/openapi.json").json()["paths"]
        assert httpx.get(base + "/", headers={"host": "attacker.example"}).status_code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_whitespace_token_is_refused_at_start(demo_db_path: Path) -> None:
    """Twelve spaces pass a length check but guard nothing: serve stops with a clear error instead of serving."""
    args = [sys.executable, "-m", "watchfloor", "--db", str(demo_db_path), "serve", "--host", "0.0.0.0",
            "--port", str(free_port()), "--token", " " * 12]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, WATCHFLOOR_TOKEN=""))
    assert done.returncode == 2
    assert "the access token is empty or only spaces" in done.stderr and "Traceback" not in done.stderr
