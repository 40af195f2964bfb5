"""The Typer application, its global options, and the one place errors become messages."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Annotated

import typer
from rich.markup import escape

from watchfloor import __version__
from watchfloor.cli.common import Group, State, err_console
from watchfloor.errors import WatchfloorError

app = typer.Typer(
    name="watchfloor",
    cls=Group,
    help="An evidence-grounded watch floor for country risk: import sourced evidence, see the situation, "
         "write cited briefs, and check reports for what is wrong.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"watchfloor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", metavar="PATH", help="Store file (default: $WATCHFLOOR_DB or "
                                                        "./watchfloor.duckdb).", show_default=False)] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    ctx.obj = State(db=db)


def _register_all() -> None:
    import watchfloor.cli as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name in ("app", "common"):
            continue
        mod = importlib.import_module(f"watchfloor.cli.{info.name}")
        register = getattr(mod, "register", None)
        if register:
            register(app)


_register_all()


def run(args: list[str] | None = None) -> int:
    """Run the CLI and return its exit code: a user's mistake is one clean message and 2, never a traceback."""
    try:
        rc = app(args=args, prog_name="watchfloor", standalone_mode=False)
    except WatchfloorError as exc:
        err_console.print(f"[bold red]error:[/] {escape(exc.message)}", highlight=False)
        if exc.hint:
            err_console.print(f"  [dim]→ {escape(exc.hint)}[/]", highlight=False)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        err_console.print("aborted")
        return 1
    except KeyboardInterrupt:
        err_console.print("interrupted")
        return 130
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        err_console.print(f"[bold red]error:[/] could not read or write{escape(where)}: "
                          f"{escape((exc.strerror or str(exc)).lower())}", highlight=False)
        err_console.print("  [dim]→ check the path, its permissions and the free disk space, then run the command "
                          "again[/]", highlight=False)
        return 2
    except typer.TyperException as exc:
        show = getattr(exc, "show", None)
        if show:
            show()
        else:
            err_console.print(f"error: {escape(str(exc))}")
        return int(getattr(exc, "exit_code", 2))
    return rc if isinstance(rc, int) else 0


def main() -> None:
    sys.exit(run())
