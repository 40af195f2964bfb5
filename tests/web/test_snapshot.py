"""The dashboard keeps answering while another process writes the store, and shows the import once it ends."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from watchfloor.web import create_app
from watchfloor.web.queries import EventFilter
from watchfloor.web.snapshot import Snapshots

WRITER = """
import sys
from watchfloor.store import Store
store = Store.open(sys.argv[1])
store.con.execute("INSERT INTO event (id, dataset, date, date_precision, type, summary, country_iso3, countries) "
                  "VALUES ('snapshot-test', 'test', DATE '2030-01-02', 'day', 'attack', "
                  "'Marker event written during the snapshot test', 'TJK', ['TJK'])")
print("written", flush=True)
sys.stdin.readline()
store.close()
"""


@contextmanager
def writer(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store open for writing, as `watchfloor import` does, until released."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "written"
        yield proc
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.wait(timeout=30)


def test_pages_answer_with_old_data_while_a_writer_holds_the_store(demo_db_path: Path, tmp_path: Path,
                                                                   demo_counts: dict[str, int]) -> None:
    app = create_app(demo_db_path, snapshot_dir=tmp_path / "snap", refresh_seconds=3600, warm=False)
    snapshots: Snapshots = app.state.web.snapshots
    with TestClient(app) as c:
        assert c.get("/api/events?country=TJK").json()["total"] == demo_counts["tjk"]
        with writer(demo_db_path):
            with pytest.raises(duckdb.IOException):  # the store really is locked against any other process
                duckdb.connect(str(demo_db_path), read_only=True)
            assert snapshots.refresh() is False
            for path in ["/", "/timeline", "/actors", "/sources", "/api/events?country=TJK", "/openapi.json"]:
                assert c.get(path).status_code == 200, path
            assert c.get("/api/events?country=TJK").json()["total"] == demo_counts["tjk"]
            page = c.get("/").text
            assert "Import in progress; showing data as of" in page
        assert snapshots.refresh() is True  # the writer has committed and let go
        body = c.get("/api/events?country=TJK&since=2030").json()
        assert [e["summary"] for e in body["events"]] == ["Marker event written during the snapshot test"]
        assert "Import in progress" not in c.get("/").text


def test_import_runs_while_the_dashboard_serves(demo_db_path: Path, tmp_path: Path, cli) -> None:
    app = create_app(demo_db_path, snapshot_dir=tmp_path / "snap", refresh_seconds=3600, warm=False)
    pack = tmp_path / "new.jsonl"
    pack.write_text(json.dumps({"date": "2031-05-06", "event_type": "arrest", "country": "Tajikistan",
                                "summary": "Marker arrest imported while the dashboard was serving.",
                                "source_url": "https://example.org/marker"}) + "\n", encoding="utf-8")
    with TestClient(app) as c:
        assert c.get("/timeline").status_code == 200
        result = cli("--db", demo_db_path, "import", pack)
        assert result.code == 0, result.err
        assert c.get("/api/events?since=2031").json()["total"] == 0  # the old snapshot until the next refresh
        assert app.state.web.snapshots.refresh()
        assert c.get("/api/events?since=2031").json()["events"][0]["type"] == "arrest"


def test_a_replaced_snapshot_lives_until_its_last_request_ends(demo_db_path: Path, tmp_path: Path) -> None:
    snaps = Snapshots(demo_db_path, workdir=tmp_path / "snap")
    try:
        assert snaps.refresh(blocking=True)
        with snaps.store() as (store, old):
            with writer(demo_db_path):
                pass
            assert snaps.refresh()  # a new snapshot while a request still reads the old one
            assert old.retired and old.path.exists()
            assert store.scalar("SELECT count(*) FROM event WHERE id = 'snapshot-test'") == 0
        assert not old.path.exists()  # closed and deleted once that request finished
        with snaps.store() as (store, new):
            assert new.generation == old.generation + 1
            assert store.scalar("SELECT count(*) FROM event WHERE id = 'snapshot-test'") == 1
        assert not snaps.refresh()  # unchanged store: no copy
    finally:
        snaps.close()
    assert not list((tmp_path / "snap").glob("*.duckdb"))


def test_a_locked_store_at_start_gives_503_until_it_is_free(demo_db_path: Path, tmp_path: Path) -> None:
    with writer(demo_db_path):
        app = create_app(demo_db_path, snapshot_dir=tmp_path / "snap", refresh_seconds=0, warm=False)
        with TestClient(app) as c:
            r = c.get("/")
            assert r.status_code == 503
            assert "in use by another process" in r.text and r.headers["refresh"] == "5"
            assert c.get("/healthz").status_code == 200
    with TestClient(app) as c:
        assert c.get("/").status_code == 200


def test_a_new_snapshot_is_warmed_before_it_is_served(demo_db_path: Path, tmp_path: Path) -> None:
    app = create_app(demo_db_path, snapshot_dir=tmp_path / "snap", refresh_seconds=3600)
    snapshots: Snapshots = app.state.web.snapshots
    with writer(demo_db_path):
        pass
    assert snapshots.refresh(blocking=True)
    with snapshots.acquire() as snap:
        assert snap.generation == 2
        assert ("countries",) in snap._memo  # the overview's data was ready before the swap
        assert ("order", EventFilter("TJK"), True) in snap._large
    snapshots.close()
