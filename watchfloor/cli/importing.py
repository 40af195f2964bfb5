"""`watchfloor import`: event datasets, indicators, documents and fact packs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from watchfloor.cli.common import command, console, state, table

if TYPE_CHECKING:
    from watchfloor.ingest import ImportResult


def import_cmd(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Files to import, one after another, or country pack folders (facts.jsonl with "
                             "reference.json and aliases.json: docs/country-packs.md).", show_default=False)],
    format: Annotated[str | None, typer.Option("--format", metavar="FORMAT", help="Force a format: {formats}.")] = None,
    source_reliability: Annotated[str | None, typer.Option(
        "--source-reliability", metavar="A-F", help="Admiralty grade A–F for the sources of these files.")] = None,
    skip_bad_rows: Annotated[bool, typer.Option(
        "--skip-bad-rows", help="Import the good rows; write the bad ones with reasons to a report.")] = False,
    bad_rows_report: Annotated[Path | None, typer.Option(
        metavar="PATH", help="Where --skip-bad-rows writes the bad rows.")] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="Document title (documents only).")] = None,
    publisher: Annotated[str | None, typer.Option(metavar="TEXT", help="Document publisher (documents only).")] = None,
    url: Annotated[str | None, typer.Option(metavar="URL", help="Document URL (documents only).")] = None,
    date: Annotated[str | None, typer.Option(metavar="DATE", help="Document date YYYY-MM-DD (documents only).")] = None,
    encoding: Annotated[str | None, typer.Option(
        metavar="ENCODING", help="Text encoding of CSV files when not UTF-8, e.g. latin-1 for some GTD exports.")
                        ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Import files or country pack folders into the store, one transaction each: a bad file or pack changes
    nothing."""
    from watchfloor.cli.progress import delayed_bar
    from watchfloor.ingest import ImportOptions, import_path
    from watchfloor.ingest.packs import import_pack
    from watchfloor.reference import Resolver

    options = ImportOptions(format=format, reliability=source_reliability.upper() if source_reliability else None,
                            skip_bad_rows=skip_bad_rows, bad_rows_report=bad_rows_report, quiet=quiet,
                            title=title, publisher=publisher, url=url, date=date, encoding=encoding)
    results: list[ImportResult] = []
    with state(ctx).open() as store:
        resolver = Resolver(store)
        for path in paths:
            with delayed_bar(f"importing {path.name}", quiet) as bar:
                if path.is_dir():
                    results += import_pack(store, path, options, bar)
                    resolver = Resolver(store)
                else:
                    results.append(import_path(store, path, options, resolver, bar))
    summarise(results)


def summarise(results: list[ImportResult]) -> None:
    table("Import", ["file", "format", "read", "added", "updated", "skipped", "countries", "note"],
          [[_shown(Path(r.path)), r.format, r.rows_read, r.added, r.updated, r.skipped,
            ", ".join(f"{c} {n}" for c, n in r.per_country.most_common(6)), r.note] for r in results])
    if any(r.bad_rows for r in results):
        console.print("[yellow]Some rows were skipped; see the report named above.[/]")


def _shown(path: Path) -> str:
    """A file's name, with its pack folder's for a pack's files (<ISO3>/facts.jsonl)."""
    from watchfloor.ingest.packs import FILES

    return f"{path.parent.name}/{path.name}" if path.name in FILES else path.name


def _formats() -> str:
    from watchfloor.ingest.registry import FORMATS

    return ", ".join(FORMATS)


def register(app: typer.Typer) -> None:
    app.command("import", cls=command(formats=_formats))(import_cmd)
