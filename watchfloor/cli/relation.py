"""`watchfloor relation A B`: the monthly GDELT trend between two countries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from watchfloor.cli.common import (
    FormatOpt,
    SinceOpt,
    TableOrJson,
    UntilOpt,
    console,
    err_console,
    parse_date_option,
    print_json,
    resolve_country,
    state,
    table,
)


def relation_cmd(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(metavar="COUNTRY_A", help="First country: name, alias or ISO code.")],
    b: Annotated[str, typer.Argument(metavar="COUNTRY_B", help="Second country, the same way.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    format: FormatOpt = TableOrJson.table,
    plot: Annotated[Path | None, typer.Option(
        "--plot", metavar="FILE", help="Also draw the trend to FILE.svg or FILE.png.")] = None,
) -> None:
    """Events per month between two countries, with mean Goldstein scale and tone (GDELT)."""
    from watchfloor.analyse.bilateral import relation_trend
    from watchfloor.analyse.timeline import Period
    from watchfloor.reference import Resolver

    with state(ctx).open(read_only=True) as store:
        resolver = Resolver(store)
        ea, eb = resolve_country(store, a, resolver), resolve_country(store, b, resolver)
        period = Period(parse_date_option(since, "--since"), parse_date_option(until, "--until"))
        trend = relation_trend(store, ea.iso3 or "", eb.iso3 or "", period)
    if plot:
        from watchfloor.analyse import figures

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
