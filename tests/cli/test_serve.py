"""`watchfloor serve` as a real process: a taken port is one clear message, and a stop is a clean exit 0.

Before the fix, a taken port printed 'serving …' and then failed inside uvicorn, and Ctrl-C while the dashboard
was taking a snapshot of a freshly imported store aborted the process ('terminate called …', exit 134).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import GDELT_SAMPLE

WAIT = 60.0
"""Upper bound on every wait: start-up, a request, a shutdown (two shared cores can be slow)."""


def watchfloor() -> list[str]:
    script = Path(sys.executable).parent / "watchfloor"
    return [str(script)] if script.exists() else [sys.executable, "-m", "watchfloor"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A `watchfloor serve` process that answers over HTTP; killed if a test leaves it running."""
    port = free_port()
    env = dict(os.environ, WATCHFLOOR_TOKEN="")
    proc = subprocess.Popen([*watchfloor(), "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                httpx.get(base + "/healthz", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    pytest.fail(f"serve exited {proc.returncode}: {proc.communicate()[1]}")
                if time.monotonic() > deadline:
                    pytest.fail("serve did not answer within a minute")
                time.sleep(0.1)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=WAIT)


def stop(proc: subprocess.Popen[str], sig: signal.Signals) -> tuple[int, str]:
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=WAIT)
    return proc.returncode, err


def test_taken_port_is_one_message_before_anything_starts(demo_db_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = subprocess.run([*watchfloor(), "--db", str(demo_db_path), "serve", "--port", str(port)],
                             capture_output=True, text=True, timeout=WAIT, env=dict(os.environ, WATCHFLOOR_TOKEN=""))
    assert res.returncode == 2
    assert res.stdout == ""
    found = re.fullmatch(rf"error: port {port} is taken: stop the other server or pass --port (\d+)\n", res.stderr)
    assert found, res.stderr
    assert int(found.group(1)) != port


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_stop_signal_exits_0(demo_db_path: Path, sig: signal.Signals) -> None:
    with serving(demo_db_path) as (proc, base):
        assert httpx.get(base + "/", timeout=WAIT).status_code == 200
        code, err = stop(proc, sig)
    assert code == 0, err
    assert "terminate called" not in err and "Traceback" not in err


def test_ctrl_c_while_a_new_import_is_snapshotted_exits_0(demo_db_path: Path) -> None:
    with serving(demo_db_path) as (proc, base):
        imported = subprocess.run([*watchfloor(), "--db", str(demo_db_path), "import", "-q", str(GDELT_SAMPLE)],
                                  capture_output=True, text=True, timeout=WAIT)
        assert imported.returncode == 0, imported.stderr
        time.sleep(2.5)  # past the dashboard's refresh interval: the next request starts a new snapshot
        assert httpx.get(base + "/", timeout=WAIT).status_code == 200
        code, err = stop(proc, signal.SIGINT)  # while that snapshot is being copied and warmed
    assert code == 0, err
    assert "terminate called" not in err and "FATAL" not in err and "Traceback" not in err
