"""`watchfloor serve`: the dashboard on a local port."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from watchfloor.cli.common import err_console, state
from watchfloor.errors import ConfigError
from watchfloor.store import default_path

TOKEN_ENV = "WATCHFLOOR_TOKEN"


def serve_cmd(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to bind. Anything but loopback needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(help=f"Access token every request must carry (or ${TOKEN_ENV}).",
                                              show_default=False)] = None,
    upload_limit: Annotated[float, typer.Option("--upload-limit", help="Largest upload, in MB.", min=0.001)] = 5.0,
) -> None:
    """Serve the dashboard: overview, timeline, actors, map, briefs, check, sources, and a JSON API under /api.

    The dashboard reads a private copy of the store, so `watchfloor import` can run in another terminal;
    pages show the new data once the import has finished.
    """
    from watchfloor.web.security import LOOPBACK_HOSTS, is_loopback

    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        raise ConfigError(f"--host {host} makes the dashboard reachable from other machines, so it needs a token",
                          hint=f"pass --token TOKEN or set {TOKEN_ENV}, or keep the default --host 127.0.0.1")
    if token is not None and len(token) < 12:
        raise ConfigError("the token is too short (fewer than 12 characters)",
                          hint="use a long random one: python -c 'import secrets; print(secrets.token_urlsafe())'")
    import uvicorn

    from watchfloor.web import create_app

    db = default_path(state(ctx).db)
    allowed = LOOPBACK_HOSTS if is_loopback(host) and not token else None
    app = create_app(db, token=token, upload_limit=int(upload_limit * 1_000_000), allowed_hosts=allowed)
    shown = f"[{host}]" if ":" in host else host
    err_console.print(f"watchfloor: serving {db} at http://{shown}:{port}/ (Ctrl-C to stop)")
    if token:
        err_console.print("  every request needs the token: open the page once with ?token=… or send "
                          "'Authorization: Bearer …'")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
