"""`watchfloor indicators COUNTRY`: the indicator board of the country's watch plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from watchfloor.cli.common import CountryArg, FormatOpt, TableOrJson, console, print_json, resolve_country, state, table
from watchfloor.errors import ConfigError

_ARROW = {"rising": "↑", "falling": "↓", "steady": "→", "no data": "–"}


def indicators_cmd(
    ctx: typer.Context,
    country: CountryArg,
    plan: Annotated[Path | None, typer.Option(
        "--plan", metavar="FILE", help="A watch plan of your own (default: the one bundled for the country).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", metavar="DATE", help="Read the board as of YYYY-MM-DD (default: the newest event).")] = None,
    format: FormatOpt = TableOrJson.table,
) -> None:
    """Each indicator of the country's watch plan: met or not, trend, and the events behind it (docs/indicators.md)."""
    from watchfloor.analyse.indicators import board
    from watchfloor.analyse.watchplan import bundled_plan, load_plan

    when = None
    if as_of:
        try:
            when = dt.date.fromisoformat(as_of)
        except ValueError as exc:
            raise ConfigError(f"--as-of {as_of!r}: not a date", hint="use YYYY-MM-DD, e.g. --as-of 2025-06-30") from exc
    with state(ctx).open(read_only=True) as store:
        ent = resolve_country(store, country)
        watch = load_plan(plan) if plan else bundled_plan(ent.iso3 or "")
        result = board(store, watch, when)
    if format is TableOrJson.json:
        print_json(result.to_dict())
        return
    for question in dict.fromkeys(r.question for r in result.readings):
        rows = [r for r in result.readings if r.question == question]
        table(question, ["indicator (for hypothesis)", "status", "now", "before", "threshold"],
              [[f"{r.name} ({r.hypothesis})", r.status, f"{_num(r.value)} {_ARROW[r.trend]}", _num(r.previous),
                r.threshold] for r in rows])
    console.print(f"[bold]{escape(ent.name)}[/]: {escape(result.summary())}; windows end at the evidence cut-off. "
                  "--format json lists the events behind each indicator.")


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def register(app: typer.Typer) -> None:
    app.command("indicators")(indicators_cmd)
