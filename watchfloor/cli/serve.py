"""`watchfloor serve`: the dashboard on a local port."""

from __future__ import annotations

import errno
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer

from watchfloor.cli.common import err_console, state
from watchfloor.errors import ConfigError

TOKEN_ENV = "WATCHFLOOR_TOKEN"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
BACKGROUND_WAIT = 30.0
"""Seconds to wait, after the server stops, for a snapshot being copied or warmed to finish."""


def serve_cmd(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to bind. Anything but loopback needs "
                                                              "a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on (0: any free one).", min=0,
                                      max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(metavar="TOKEN", show_default=False, help=(
        f"Access token every request must carry (or ${TOKEN_ENV})."))] = None,
    upload_limit: Annotated[float, typer.Option("--upload-limit", metavar="MB", help="Largest upload, in MB.",
                                                min=0.001)] = 5.0,
    check_limit: Annotated[int | None, typer.Option("--check-limit", metavar="KB", min=1, show_default=False, help=(
        "Largest report the Check page and /api/check take, in kB (default $WATCHFLOOR_CHECK_LIMIT, else 200)."))
                           ] = None,
    brief_dir: Annotated[Path, typer.Option("--brief-dir", metavar="PATH", help=(
        "Where briefs written from the dashboard are kept and listed."))] = Path("briefs"),
) -> None:
    """Serve the dashboard: overview, timeline, actors, map, indicators, briefs, check, sources, and a JSON API.

    The dashboard reads a private copy of the store, so `watchfloor import` can run in another terminal;
    pages show the new data once the import has finished.
    """
    with stop_signals() as stopped:  # from here on, Ctrl-C asks the server to stop and it exits 0
        from watchfloor.store import default_path
        from watchfloor.web.security import LOOPBACK_HOSTS, is_loopback

        token = token or os.environ.get(TOKEN_ENV) or None
        if not is_loopback(host) and not token:
            raise ConfigError(f"--host {host} makes the dashboard reachable from other machines, so it needs a "
                              "token", hint=f"pass --token TOKEN or set {TOKEN_ENV}, or keep the default --host "
                                            "127.0.0.1")
        if token is not None and len(token) < 12:
            raise ConfigError("the token is too short (fewer than 12 characters)", hint=(
                "use a long random one: python -c 'import secrets; print(secrets.token_urlsafe())'"))
        db = default_path(state(ctx).db)
        with listen(host, port) as sock:  # before anything is printed or started: a taken port is one message
            from watchfloor.web import create_app

            allowed = LOOPBACK_HOSTS if is_loopback(host) and not token else None
            app = create_app(db, token=token, upload_limit=int(upload_limit * 1_000_000), allowed_hosts=allowed,
                             check_limit=check_limit * 1000 if check_limit else None, brief_dir=brief_dir)
            server = make_server(app)
            server.should_exit = bool(stopped)  # asked to stop while loading: start and shut down at once
            if not stopped:
                shown = f"[{host}]" if ":" in host else host
                err_console.print(f"watchfloor: serving {db} at http://{shown}:{sock.getsockname()[1]}/ "
                                  "(Ctrl-C to stop)")
            if token and not stopped:
                err_console.print("  every request needs the token: open the page once with ?token=… or send "
                                  "'Authorization: Bearer …'")
            server.run(sockets=[sock])
        if not wait_for_background(BACKGROUND_WAIT):
            # Last resort: a thread still inside DuckDB at interpreter shutdown aborts the process (exit 134).
            err_console.print("watchfloor: stopped without waiting for the snapshot in progress")
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, as uvicorn would bind it; a port in use is a ConfigError naming a free one."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart need not wait out TIME_WAIT
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} is taken: stop the other server or pass --port {free_port(host, port)}"
                              ) from None
        if exc.errno == errno.EACCES:
            raise ConfigError(f"cannot listen on port {port}: permission denied",
                              hint="ports below 1024 need root; pass --port 8000") from None
        reason = exc.strerror or str(exc)
        raise ConfigError(f"cannot listen on {host}:{port}: {reason}",
                          hint="pass --host 127.0.0.1 or an address of this machine") from None
    return sock


def free_port(host: str, taken: int) -> int:
    """A port near `taken` that is free on `host` now (any free one when none of the next 20 is)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for port in [*range(taken + 1, min(taken + 21, 65536)), 0]:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    return 0


class _Stopped:
    """Whether SIGINT or SIGTERM has asked the server to stop; truthy once one has."""

    def __init__(self) -> None:
        self.signal: int | None = None

    def __bool__(self) -> bool:
        return self.signal is not None

    def __call__(self, sig: int, frame: FrameType | None) -> None:
        if self.signal is not None:  # asked twice: stop waiting for background work
            err_console.print("watchfloor: stopped")
            sys.stdout.flush()
            os._exit(0)
        self.signal = sig


@contextmanager
def stop_signals() -> Iterator[_Stopped]:
    """Make SIGINT and SIGTERM a request to stop, never a KeyboardInterrupt or a kill mid-shutdown.

    uvicorn installs its own handlers while it serves and, once it has shut down, raises the signal that
    stopped it again for the handler it found: ours, which only notes it, so Ctrl-C ends with exit 0.
    """
    stopped = _Stopped()
    if threading.current_thread() is not threading.main_thread():
        yield stopped
        return
    previous = {sig: signal.signal(sig, stopped) for sig in STOP_SIGNALS}
    try:
        yield stopped
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def make_server(app: Any) -> Any:
    """A uvicorn server that, once asked to stop, lets snapshot work finish before the app closes its snapshots.

    Closing them (the app's shutdown) deletes the folder a snapshot may still be being copied into.
    """
    import asyncio

    import uvicorn

    class Server(uvicorn.Server):
        async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
            for listener in getattr(self, "servers", []):
                listener.close()  # no new requests, so no new snapshot, while we wait
            await asyncio.to_thread(wait_for_background, BACKGROUND_WAIT, lambda: self.force_exit)
            await super().shutdown(sockets)

    return Server(uvicorn.Config(app, log_level="warning", access_log=False))


def wait_for_background(timeout: float, give_up: Callable[[], bool] = lambda: False) -> bool:
    """Wait up to `timeout` seconds for the dashboard's snapshot threads (copying or warming a snapshot);
    True when none is left.

    They run DuckDB queries, and a thread still inside DuckDB when the interpreter shuts down aborts the
    process ('terminate called …', exit 134). `give_up()` (a second Ctrl-C) ends the wait early.
    """
    start = time.monotonic()
    told = False
    for thread in threading.enumerate():
        if thread is threading.current_thread() or not thread.name.startswith("watchfloor-"):
            continue
        while thread.is_alive() and time.monotonic() - start < timeout and not give_up():
            if not told and time.monotonic() - start > 1:
                err_console.print("watchfloor: finishing the snapshot in progress (Ctrl-C again to stop now)")
                told = True
            thread.join(0.1)
        if thread.is_alive():
            return False
    return True


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
