"""`watchfloor demo`: load the bundled evidence, write a brief, check the example report.

Which country the brief, the board and the suggestions are about is data (data/demo.json).
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from watchfloor.cli.common import console, err_console, state

if TYPE_CHECKING:
    from watchfloor import demo
    from watchfloor.store import Store


def demo_cmd(
    ctx: typer.Context,
    reset: Annotated[bool, typer.Option("--reset", help="Start from an empty store (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --reset.")] = False,
    brief_dir: Annotated[Path, typer.Option(
        "--brief-dir", metavar="PATH", help="Where the brief is written.")] = Path("briefs"),
    report: Annotated[Path | None, typer.Option(
        "--report", metavar="PATH", help="Report to check (default: the bundled example report).")] = None,
    no_brief: Annotated[bool, typer.Option("--no-brief", help="Only load the evidence.")] = False,
) -> None:
    """Load the bundled evidence, write a brief and check the example report; safe to run again."""
    from watchfloor import demo
    from watchfloor.store import default_path

    st = state(ctx)
    path = default_path(st.db)
    if reset and path.exists():
        if not yes and not typer.confirm(f"Delete everything in {path} and start again?", default=False):
            raise typer.Abort()
        demo.reset(path)
    run = demo.DemoRun()
    with st.open() as store:
        run.imports = demo.load_demo(store)
        counts = store.counts()
        iso3, name = demo.country(store)
        involved = store.scalar("SELECT count(*) FROM event WHERE list_contains(countries, ?)", [iso3])
        _print_loaded(run, counts, involved, name, path)
        if not no_brief:
            _brief(store, brief_dir, run, name)
            _indicators(store, iso3, name)
            _check(store, report or demo.example_report(), run)
    arg = escape(shlex.quote(name.lower()))
    console.print(f"\n[bold]Try next[/]\n  watchfloor timeline {arg} --since 2024\n  watchfloor risk {arg}\n"
                  f"  watchfloor actors {arg}\n  watchfloor indicators {arg}\n  watchfloor check REPORT.txt\n"
                  "  watchfloor serve")


def _print_loaded(run: demo.DemoRun, counts: dict[str, int], involved: int, name: str, path: Path) -> None:
    for r in run.imports:
        if r.unchanged:
            what = "already loaded"
        elif r.format == "facts":
            what = f"{r.added} new events from {r.rows_read} facts"
        else:
            what = f"{r.added} new rows from {r.rows_read} read"
        path_ = Path(r.path)
        label = path_.name if path_.parent.name == "data" else f"{path_.parent.name}/{path_.name}"
        console.print(f"[bold]{escape(label)}[/]: {what}")
    console.print(f"Store [bold]{escape(str(path))}[/]: {counts['event']} events, {counts['observation']} "
                  f"observations, {counts['source']} sources, {counts['entity']} entities; "
                  f"{involved} events involve {escape(name)}.")


def _brief(store: Store, brief_dir: Path, run: demo.DemoRun, name: str) -> None:
    from watchfloor import demo

    with err_console.status(f"writing the {escape(name)} brief…"):
        demo.write_demo_brief(store, brief_dir, run)
    summary = run.brief_check or {}
    console.print(f"\n[bold]Brief[/]: {run.brief_sentences} cited sentences, self-check "
                  f"{summary.get('errors', '?')} errors → " + ", ".join(escape(str(p)) for p in run.brief_paths))


def _indicators(store: Store, iso3: str, name: str) -> None:
    from watchfloor.analyse.indicators import board
    from watchfloor.analyse.watchplan import bundled_plan

    result = board(store, bundled_plan(iso3))
    console.print(f"\n[bold]Indicators[/] (watch plan): {escape(result.summary())}")
    for r in result.readings:
        if r.status == "met" and r.trend == "rising":
            console.print(f"  ↑ {escape(r.name)} ({escape(r.hypothesis)}): {r.value:g}, was {r.previous or 0:g}")
    console.print(f"  the board: watchfloor indicators {escape(shlex.quote(name.lower()))}")


def _check(store: Store, report: Path, run: demo.DemoRun) -> None:
    from watchfloor import demo

    demo.check_example(store, report, run)
    data = run.report_check or {}
    s = data.get("summary", {})
    console.print(f"\n[bold]Check[/] {escape(report.name)}: {s.get('claims')} claims, {s.get('supported')} supported, "
                  f"{s.get('contradicted')} contradicted, {s.get('unsupported')} unsupported; "
                  f"[red]{_count(s.get('errors'), 'error')}[/], {_count(s.get('warnings'), 'warning')}")
    for f in [f for f in data.get("findings", []) if f["severity"] == "error"]:
        console.print(f"  [red]✗[/] {escape(f['kind'])}: “{escape(f['quote'][:90])}” — {escape(f['message'])}")
    shown = report.resolve()
    if shown.is_relative_to(Path.cwd()):
        shown = shown.relative_to(Path.cwd())
    console.print(f"  full report: watchfloor check {escape(str(shown))} --format html -o check.html")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cmd)


def _count(n: object, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

