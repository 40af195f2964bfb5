"""`watchfloor export COUNTRY`: the country's evidence as a STIX 2.1 bundle for OpenCTI or MISP."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from watchfloor.analyse.timeline import Period
from watchfloor.cli.common import err_console, parse_date_option, state
from watchfloor.reference import Resolver
from watchfloor.share import export_bundle


def export_cmd(
    ctx: typer.Context,
    country: Annotated[str, typer.Argument(help="Country name, alias or ISO code.")],
    since: Annotated[str | None, typer.Option(help="First date: 2024, 2024-06 or 2024-06-11.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date (inclusive, to its precision).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the bundle here (default: stdout).")
                      ] = None,
) -> None:
    """Export a country's events, actors and sources as a STIX 2.1 bundle (deterministic ids)."""
    with state(ctx).open(read_only=True) as store:
        ent = Resolver(store).country(country)
        bundle = export_bundle(store, ent.iso3 or "", Period(parse_date_option(since, "--since"),
                                                             parse_date_option(until, "--until")))
    text = json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    reports = sum(1 for o in bundle["objects"] if o["type"] == "report")
    err_console.print(f"wrote {output}: {len(bundle['objects'])} STIX objects, {reports} reports")


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)
