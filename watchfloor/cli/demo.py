"""`watchfloor demo`: load the bundled Tajikistan pack and show what to try next."""

from __future__ import annotations

from typing import Annotated

import typer

from watchfloor import demo
from watchfloor.cli.common import console, state
from watchfloor.store import default_path


def demo_cmd(
    ctx: typer.Context,
    reset: Annotated[bool, typer.Option("--reset", help="Start from an empty store (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --reset.")] = False,
) -> None:
    """Load the bundled Tajikistan evidence into the store; safe to run again."""
    st = state(ctx)
    path = default_path(st.db)
    if reset and path.exists():
        if not yes and not typer.confirm(f"Delete everything in {path} and start again?", default=False):
            raise typer.Abort()
        demo.reset(path)
    with st.open() as store:
        results = demo.load_demo(store)
        counts = store.counts()
        tj = store.scalar("SELECT count(*) FROM event WHERE list_contains(countries, 'TJK')")
    for r in results:
        what = "already loaded" if r.unchanged else f"{r.added} new events from {r.rows_read} facts"
        console.print(f"[bold]{r.path.rsplit('/', 1)[-1]}[/]: {what}")
    console.print(f"Store [bold]{path}[/]: {counts['event']} events, {counts['source']} sources, "
                  f"{counts['entity']} entities; {tj} events involve Tajikistan.")
    console.print("\nTry next:\n  watchfloor timeline tajikistan --since 2024\n  watchfloor sources\n"
                  "  watchfloor entities --kind armed_group")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cmd)
