"""Dashboard fixtures: the app on a private copy of the demo store, in-process or on a real port."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from watchfloor.web import create_app

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_FACT = {
    "date": "2024-07-01", "event_type": "attack", "country": "Tajikistan", "location": "Dushanbe",
    "summary": f"Marker hostile event {HOSTILE} ends here.", "actors": [f"Actor {HOSTILE}"], "numbers": {},
    "source_url": "https://example.org/hostile?q=<script>alert(1)</script>",
}
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def add_hostile(path: Path) -> None:
    """Import one fact whose every text field carries markup, as an attacker's document would."""
    pack = path.with_name("hostile.jsonl")
    pack.write_text(json.dumps(HOSTILE_FACT) + "\n", encoding="utf-8")
    from watchfloor.ingest import ImportOptions, import_path
    from watchfloor.store import Store

    with Store.open(path) as store:
        import_path(store, pack, ImportOptions(quiet=True))


@pytest.fixture
def app(demo_db_path: Path, tmp_path: Path) -> Iterator[FastAPI]:
    application = create_app(demo_db_path, snapshot_dir=tmp_path / "snapshots", refresh_seconds=3600, warm=False,
                             brief_dir=tmp_path / "briefs")
    yield application
    application.state.web.snapshots.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def csrf_token(client: TestClient, path: str = "/check") -> str:
    """GET a form page and read its CSRF token, as a browser would."""
    html = client.get(path).text
    marker = 'name="csrf_token" value="'
    return html[html.index(marker) + len(marker):].split('"', 1)[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a background thread on 127.0.0.1 and a free port."""

    def __init__(self, app: FastAPI) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def demo_counts(_demo_template: Path) -> dict[str, int]:
    """What the bundled packs hold today (they grow): Tajikistan's events, sources, B-graded sources."""
    from watchfloor.analyse.timeline import timeline
    from watchfloor.store import Store, catalog

    with Store.open(_demo_template, read_only=True) as store:
        sources = catalog.sources(store)
        return {"tjk": len(timeline(store, "TJK")), "sources": len(sources),
                "b": sum(1 for s in sources if s["reliability"] == "B")}


@pytest.fixture(scope="module")
def hostile_store(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store plus one hostile fact (module-scoped: the browser tests share it)."""
    path = tmp_path_factory.mktemp("hostile") / "store.duckdb"
    shutil.copy(_demo_template, path)
    add_hostile(path)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page that records console errors, failed requests and uncaught exceptions."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", self._failed)

    def _failed(self, request) -> None:  # type: ignore[no-untyped-def]
        """A request the browser itself cancelled because the page navigated away (a favicon mid-load) is no
        failure of the server; anything else is."""
        if "ERR_ABORTED" in (request.failure or "") and request.url.endswith("favicon.svg"):
            return
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.close()
