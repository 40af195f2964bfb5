"""`watchfloor export COUNTRY`: the country's evidence as a STIX 2.1 bundle for OpenCTI or MISP."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from watchfloor.cli.common import (
    CountryArg,
    SinceOpt,
    UntilOpt,
    err_console,
    parse_date_option,
    resolve_country,
    state,
)


def export_cmd(
    ctx: typer.Context,
    country: CountryArg,
    since: SinceOpt = None,
    until: UntilOpt = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="PATH", help="Write the bundle here (default: stdout).")] = None,
) -> None:
    """Export a country's events, actors and sources as a STIX 2.1 bundle (deterministic ids)."""
    from watchfloor.analyse.timeline import Period
    from watchfloor.share import export_bundle

    with state(ctx).open(read_only=True) as store:
        ent = resolve_country(store, country)
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
