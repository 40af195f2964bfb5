"""`watchfloor relation A B`: the monthly GDELT trend between two countries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from watchfloor.analyse import figures
from watchfloor.analyse.bilateral import relation_trend
from watchfloor.analyse.timeline import Period
from watchfloor.cli.common import TableOrJson, console, err_console, parse_date_option, print_json, state, table
from watchfloor.reference import Resolver


def relation_cmd(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="First country: name, alias or ISO code (TJK).")],
    b: Annotated[str, typer.Argument(help="Second country (CHN).")],
    since: Annotated[str | None, typer.Option(help="First date: 2024, 2024-06 or 2024-06-11.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date (inclusive, to its precision).")] = None,
    format: Annotated[TableOrJson, typer.Option("--format", "-f", help="Output format.")] = TableOrJson.table,
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw the trend to FILE.svg or FILE.png.")] = None,
) -> None:
    """Events per month between two countries, with mean Goldstein scale and tone (GDELT)."""
    with state(ctx).open(read_only=True) as store:
        resolver = Resolver(store)
        ea, eb = resolver.country(a), resolver.country(b)
        period = Period(parse_date_option(since, "--since"), parse_date_option(until, "--until"))
        trend = relation_trend(store, ea.iso3 or "", eb.iso3 or "", period)
    if plot:
        fig = figures.build_relation_figure(trend, ea.iso3 or "", eb.iso3 or "")
        err_console.print(f"figure written to {figures.write(fig, plot)}")
    if format is TableOrJson.json:
        print_json({"a": ea.iso3, "b": eb.iso3, "months": trend})
        return
    table(f"{ea.name} ↔ {eb.name}: GDELT events per month", ["month", "events", f"{ea.iso3}→{eb.iso3}",
                                                            f"{eb.iso3}→{ea.iso3}", "mean Goldstein", "mean tone"],
          [[t["month"], t["events"], t["a_to_b"], t["b_to_a"],
            "" if t["goldstein"] is None else f"{t['goldstein']:+.2f}",
            "" if t["tone"] is None else f"{t['tone']:+.2f}"] for t in trend])
    if not trend:
        console.print(f"[dim]No events between {ea.iso3} and {eb.iso3} carry actor countries; import a GDELT "
                      "events file (watchfloor import FILE.export.CSV) to see this trend.[/]")


def register(app: typer.Typer) -> None:
    app.command("relation")(relation_cmd)
