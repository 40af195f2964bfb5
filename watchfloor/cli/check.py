"""`watchfloor check REPORT`: what a report gets wrong against the store, and what it cannot support."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from watchfloor.cli.common import command, err_console, print_json, state
from watchfloor.errors import ConfigError


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def check_cmd(
    ctx: typer.Context,
    report: Annotated[Path, typer.Argument(metavar="REPORT", help="The report: .txt, .md, .html or .pdf.",
                                           show_default=False)],
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="text (terminal), json (the contract in "
                                                                      "docs/checks.md) or html (the report, marked).")
                      ] = CheckFormat.text,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="PATH", help="Write to this file instead of stdout.")] = None,
    skip: Annotated[list[str] | None, typer.Option("--skip", metavar="KIND", help=(
        "Switch a kind of check off; repeat or separate with commas ({kinds})."))] = None,
    llm: Annotated[bool, typer.Option("--llm", help="Let the language model at $WATCHFLOOR_LLM_URL point out claims "
                                                    "the rules missed; the same rules still check them.")] = False,
) -> None:
    """Check a report against the store: wrong dates, numbers, actors, contradictions, unsupported claims.

    Exit code 0 when no error was found, 1 when some were, 2 on bad input.
    """
    from watchfloor.check import check_file
    from watchfloor.check.render import render_html, render_text

    kinds = frozenset(k.strip() for s in skip or [] for k in s.split(",") if k.strip())
    if output is not None and not output.parent.exists():
        raise ConfigError(f"-o {str(output)!r}: folder {str(output.parent)!r} does not exist",
                          hint="create the folder first or choose another path")
    with state(ctx).open(read_only=True) as store:
        text, result = check_file(store, report, kinds, llm=llm)
    if format is CheckFormat.json and output is None:
        print_json(result.to_dict())
    else:
        import json

        rendered = {CheckFormat.text: lambda: render_text(result, text),
                    CheckFormat.json: lambda: json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n",
                    CheckFormat.html: lambda: render_html(result, text)}[format]()
        if output is None:
            sys.stdout.write(rendered)
        else:
            output.write_text(rendered, encoding="utf-8")
            s = result.summary()
            err_console.print(f"wrote {output}: {s['errors']} errors, {s['warnings']} warnings", highlight=False,
                              markup=False)
    raise typer.Exit(result.exit_code)


def _kinds() -> str:
    from watchfloor.check.registry import KINDS

    return ", ".join(KINDS)


def register(app: typer.Typer) -> None:
    app.command("check", cls=command(kinds=_kinds))(check_cmd)
