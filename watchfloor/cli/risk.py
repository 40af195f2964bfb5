"""`watchfloor risk COUNTRY`: terrorism impact by the GTI method, attacks abroad, structural drivers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from watchfloor.cli.common import (
    CountryArg,
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

PlotOpt = Annotated[Path | None, typer.Option("--plot", metavar="FILE",
                                              help="Also draw the figure to FILE.svg or FILE.png.")]


def risk_cmd(
    ctx: typer.Context,
    country: CountryArg,
    years: Annotated[int, typer.Option(
        "--years", metavar="N", help="How many years to score, ending at the store's latest.")] = 10,
    format: FormatOpt = TableOrJson.table,
    plot: PlotOpt = None,
) -> None:
    """How bad is it, is it getting worse, and what drives it (GTI method; docs/risk.md)."""
    if years < 1:
        raise ConfigError(f"--years {years}: must be at least 1", hint="e.g. --years 10")
    from watchfloor.analyse.risk import risk_report

    with state(ctx).open(read_only=True) as store:
        ent = resolve_country(store, country)
        report = risk_report(store, ent.iso3 or "", years)
    if plot:
        from watchfloor.analyse import figures

        err_console.print(f"figure written to {figures.write(figures.build_risk_figure(report), plot)}")
    if format is TableOrJson.json:
        print_json(report)
        return
    table(f"Risk: {report['name']} — terrorism impact inside the country (GTI method)",
          ["year", "incidents", "killed", "injured", "hostages", "raw", "5-yr avg", "score", "band"],
          [[y["year"], y["incidents"], f"{y['fatalities']:g}", f"{y['injuries']:g}", f"{y['hostages']:g}",
            f"{y['raw']:g}", f"{y['weighted']:.2f}", f"{y['score']:.3f}", f"{y['band']:g}"] for y in report["years"]])
    table("Abroad: attacks, plots and arrests elsewhere involving its nationals (not scored)",
          ["year", "attacks", "plots", "arrests", "killed", "injured", "where"],
          [[a["year"], a["attacks"], a["plots"], a["arrests"], f"{a['fatalities']:g}", f"{a['injuries']:g}",
            ", ".join(a["countries"])] for a in report["abroad"]])
    table("Structural drivers", ["driver", "value", "unit", "year", "change", "trend", "source"],
          [[d["name"], f"{d['value']:g}", d["unit"], d["year"],
            "" if d["change"] is None else f"{d['change']:+g}",
            " → ".join(f"{t['year']}: {t['value']:g}" for t in d["trend"][-3:]),
            d["source"]["publisher"] or d["source"]["title"]] for d in report["drivers"]],
          caption="competing values for the same year: --format json (field 'competing')")
    console.print(f"[dim]{report['method']}[/]")


def register(app: typer.Typer) -> None:
    app.command("risk")(risk_cmd)
