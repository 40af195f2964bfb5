"""`watchfloor brief COUNTRY`: write a cited, self-checked brief as Markdown, HTML and/or PDF."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from watchfloor.cli.common import CountryArg, console, err_console, parse_date_option, resolve_country, state
from watchfloor.errors import ConfigError

if TYPE_CHECKING:
    from datetime import date

    from watchfloor.brief import Brief
    from watchfloor.brief.previous import Snapshot
    from watchfloor.check import CheckReport
    from watchfloor.store import Store


class BriefFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"
    all = "all"


def brief_cmd(
    ctx: typer.Context,
    country: CountryArg,
    since: Annotated[str | None, typer.Option(metavar="DATE", help=(
        "First date covered: 2024, 2024-06 or 2024-06-11 (default: 1 January of the year before the latest "
        "evidence)."))] = None,
    until: Annotated[str | None, typer.Option(
        metavar="DATE", help="Last date covered (default: the latest evidence).")] = None,
    format: Annotated[BriefFormat, typer.Option("--format", "-f", help=(
        "md, html, pdf, all three, or json (the judgments, signposts and events as data, for --since-brief)."))
                      ] = BriefFormat.md,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="PATH", help=(
        "Output file (default: briefs/COUNTRY-TODAY.FORMAT, named after the country and today's date)."))] = None,
    title: Annotated[str | None, typer.Option(
        metavar="TEXT", help="Title (default: from the country, topics and years).")] = None,
    plan: Annotated[Path | None, typer.Option(
        "--plan", metavar="FILE", help="A watch plan of your own (default: the one bundled for the country).")] = None,
    against: Annotated[Path | None, typer.Option(
        "--against", metavar="REPORT", help=("A report to check (.txt, .md, .html or .pdf): its errors go in a box, "
                                             "Correcting the Record, with the store's evidence."))] = None,
    since_brief: Annotated[Path | None, typer.Option(
        "--since-brief", metavar="FILE", help=("A brief written earlier (its .md or .json): adds what changed since "
                                               "it (new events, signposts and judgments that moved)."))] = None,
    changed_since: Annotated[str | None, typer.Option(
        "--changed-since", metavar="DATE", help=("Adds what changed since the store as of this date (by the events' "
                                                 "own dates): new events, signposts and judgments that moved."))
                             ] = None,
    llm: Annotated[bool, typer.Option("--llm", help="Let the language model at $WATCHFLOOR_LLM_URL rewrite "
                                                    "sentences for fluency; the checker guards every rewrite.")
                   ] = False,
) -> None:
    """Write a brief on a country in which every sentence is cited, checked before it is written out."""
    if output is not None and not output.parent.exists():
        raise ConfigError(f"-o {str(output)!r}: folder {str(output.parent)!r} does not exist",
                          hint="create the folder first or choose another path")
    from watchfloor.analyse.timeline import Period
    from watchfloor.analyse.watchplan import load_plan
    from watchfloor.brief import write_brief

    watch = load_plan(plan) if plan else None
    if since_brief and changed_since:
        raise ConfigError("--since-brief and --changed-since both given", hint="choose one earlier reading")
    earlier = previous_reading(since_brief, changed_since)
    with state(ctx).open(read_only=True) as store:
        ent = resolve_country(store, country)
        period = Period(parse_date_option(since, "--since"), parse_date_option(until, "--until"))
        if period.since and period.until and period.since.start > period.until.end:
            raise ConfigError(f"--since {since} is after --until {until}", hint="swap the two dates")
        report = check_report(store, against) if against else None
        brief = write_brief(store, ent.iso3 or country, period, title=title, llm=llm, plan=watch, against=report,
                            since=earlier)
    for d in brief.dropped:
        err_console.print(f"[yellow]self-check:[/] {d.action}: {escape(d.text[:100])}… ({escape(d.reason)})",
                          highlight=False)
    written = write_files(brief, format, output)
    for p in written:
        console.print(f"wrote [bold]{escape(str(p))}[/]")
    err_console.print(check_summary(brief), highlight=False)


def previous_reading(path: Path | None, day: str | None) -> Snapshot | date | None:
    """--since-brief FILE read back, or --changed-since DATE as the last day it names."""
    from watchfloor.brief.previous import from_file

    if path is not None:
        return from_file(path)
    if day is not None:
        when = parse_date_option(day, "--changed-since")
        return when.end if when else None
    return None


def check_report(store: Store, path: Path) -> CheckReport:
    """The check library's report on `--against REPORT` (a missing or unreadable file is its clean error)."""
    from watchfloor.check import check_file

    return check_file(store, path)[1]


def write_files(brief: Brief, fmt: BriefFormat, output: Path | None) -> list[Path]:
    """The files for the chosen format(s); figures go beside the Markdown, which links to them."""
    from watchfloor.brief.brief import slug

    base = output or Path("briefs") / f"{slug(brief.country)}-{brief.today.isoformat()}.md"
    base.parent.mkdir(parents=True, exist_ok=True)
    formats = ["md", "html", "pdf"] if fmt is BriefFormat.all else [fmt.value]
    stem = base.with_suffix("") if base.suffix.lower() in (".md", ".html", ".pdf", ".htm", ".json") else base
    out: list[Path] = []
    for f in formats:
        path = base if (fmt is not BriefFormat.all and output is not None) else stem.with_suffix("." + f)
        if f == "md":
            path.write_text(brief.markdown, encoding="utf-8")
            for name, svg in brief.figure_files().items():
                (path.parent / name).write_text(svg, encoding="utf-8")
        elif f == "html":
            path.write_text(brief.html(), encoding="utf-8")
        elif f == "json":
            from watchfloor.brief.previous import to_json

            path.write_text(to_json(brief), encoding="utf-8")
        else:
            path.write_bytes(brief.pdf())
        out.append(path)
    return out


def check_summary(brief: Brief) -> str:
    n = len(brief.sentences)
    if brief.check is None:
        return f"self-check: skipped (the checker is not installed); {n} cited sentences"
    s = brief.check.to_dict().get("summary", {})
    return (f"self-check: {s.get('errors', 0)} errors, {s.get('warnings', 0)} warnings, "
            f"{s.get('supported', 0)} of {s.get('claims', 0)} claims supported; {n} cited sentences"
            + (f"; {len(brief.dropped)} sentences dropped or reverted" if brief.dropped else ""))


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_cmd)


