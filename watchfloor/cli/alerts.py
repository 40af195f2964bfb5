"""`watchfloor alerts [COUNTRY]`: months whose events or fatalities jump far above the trailing year."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from watchfloor.cli.common import (
    FormatOpt,
    TableOrJson,
    console,
    err_console,
    print_json,
    resolve_country,
    state,
    table,
)
from watchfloor.errors import ConfigError


def alerts_cmd(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Argument(
        metavar="COUNTRY", help="Country name, alias or ISO code; all countries when left out.")] = None,
    format: FormatOpt = TableOrJson.table,
    dataset: Annotated[list[str] | None, typer.Option(
        "--dataset", metavar="DATASET", help="Count only this dataset (facts, acled, gtd, gdelt…); repeat for "
                                             "several; default: all but gdelt.")] = None,
    plot: Annotated[Path | None, typer.Option("--plot", metavar="FILE", help=(
        "Draw the monthly series with its alerts to FILE.svg or FILE.png (needs COUNTRY)."))] = None,
) -> None:
    """Spikes: a robust z-score of each month against the twelve before it."""
    if plot and not country:
        raise ConfigError("--plot needs a COUNTRY", hint="e.g. watchfloor alerts COUNTRY --plot alerts.png")
    from watchfloor.analyse.alerts import RULE, alerts, monthly_series
    from watchfloor.store import catalog

    with state(ctx).open(read_only=True) as store:
        iso3 = resolve_country(store, country).iso3 if country else None
        known = catalog.datasets(store)
        dataset = [catalog.require(d, known, "dataset") for d in dataset or []] or None
        found = alerts(store, iso3, dataset)
        if plot and iso3:
            from watchfloor.analyse import figures

            fig = figures.build_alerts_figure(monthly_series(store, iso3, dataset), found, f"{iso3}: monthly alerts")
            err_console.print(f"figure written to {figures.write(fig, plot)}")
    if format is TableOrJson.json:
        print_json({"country": iso3, "rule": RULE, "alerts": found})
        return
    table(f"Alerts{': ' + iso3 if iso3 else ''} ({len(found)})",
          ["month", "country", "metric", "value", "where", "baseline", "z", "events"],
          [[a["month"], a["country"], a["metric"], f"{a['value']:g}", _where(a), f"{a['baseline']:g}",
            f"{a['score']:.1f}", len(a["events"])] for a in found])
    console.print(f"[dim]Rule: {RULE}[/]")


def register(app: typer.Typer) -> None:
    app.command("alerts")(alerts_cmd)


def _where(alert: dict) -> str:
    """Home, abroad (with where), or how the month splits between them ('40 abroad (…)' when part of the month's
    toll fell on the country's nationals or state elsewhere)."""
    away = alert.get("abroad_value") or 0
    if not away:
        return "home"
    places = ", ".join(alert.get("where") or [])
    if not alert.get("domestic"):
        return f"abroad ({places})"
    return f"{away:g} abroad ({places})"

