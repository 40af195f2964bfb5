"""Read commands: timeline, sources, entities."""

from __future__ import annotations

from typing import Annotated

import typer

from watchfloor.cli.common import (
    CountryArg,
    FormatOpt,
    SinceOpt,
    TableOrJson,
    UntilOpt,
    clip,
    console,
    parse_date_option,
    print_json,
    resolve_country,
    state,
    table,
)

SOURCES_SHOWN = 50
"""Rows `sources` prints by default: a screenful or two, not all 200 of the demo store."""
ALIASES_SHOWN = 8


def timeline_cmd(
    ctx: typer.Context,
    country: CountryArg,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: Annotated[list[str] | None, typer.Option("--type", "-t", metavar="TYPE", help=(
        "Event type (arrest, attack…; a wrong one lists the store's); repeat for several."))] = None,
    limit: Annotated[int | None, typer.Option(metavar="N", help="At most this many events.")] = None,
    format: FormatOpt = TableOrJson.table,
) -> None:
    """Events involving a country, oldest first, each with its sources."""
    from watchfloor.analyse.timeline import Period, timeline
    from watchfloor.store import catalog

    with state(ctx).open(read_only=True) as store:
        ent = resolve_country(store, country)
        period = Period(parse_date_option(since, "--since"), parse_date_option(until, "--until"))
        known = catalog.event_types(store)
        types = [catalog.require(t, known, "event type") for t in type or []]
        events = timeline(store, ent.iso3, period, types, limit)
    if format is TableOrJson.json:
        print_json({"country": ent.iso3, "events": events})
        return
    table(f"Timeline: {ent.name} ({len(events)} events)", ["date", "type", "where", "summary", "sources"],
          [[e["date"], e["type"], e["location"] or e["country"], e["summary"],
            "; ".join(s["publisher"] or s["title"] for s in e["sources"])] for e in events])


def sources_cmd(
    ctx: typer.Context,
    publisher: Annotated[str | None, typer.Option(metavar="TEXT", help="Only publishers whose name contains "
                                                                       "TEXT (case aside).")] = None,
    grade: Annotated[list[str] | None, typer.Option("--grade", "-g", metavar="A-F", help=(
        "Only sources of this Admiralty reliability grade; repeat for several."))] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", metavar="KIND", help=(
        "Only sources of this kind: dataset, article, report or curated; repeat for several."))] = None,
    match: Annotated[str | None, typer.Option("--match", "-m", metavar="TEXT", help=(
        "Only sources whose title, publisher or URL contains TEXT (case aside)."))] = None,
    limit: Annotated[int | None, typer.Option(metavar="N", min=0, show_default=False, help=(
        f"At most N sources (default: {SOURCES_SHOWN} in the table, all in JSON; 0 for all)."))] = None,
    format: FormatOpt = TableOrJson.table,
) -> None:
    """Sources with their reliability grade and what in the store rests on them."""
    from watchfloor.store import catalog

    with state(ctx).open(read_only=True) as store:
        rows = catalog.sources(store, publisher=publisher, grades=grade or [], kinds=kind or [], match=match)
    if limit is None and format is TableOrJson.table:
        limit = SOURCES_SHOWN
    shown = rows[:limit] if limit else rows
    if format is TableOrJson.json:
        print_json({"sources": shown, "total": len(rows)})
        return
    filtered = any((publisher, grade, kind, match))
    table(f"Sources ({len(rows)}{' matching' if filtered else ''})",
          ["grade", "publisher", "title", "events", "docs", "obs", "url"],
          [[r["reliability"], r["publisher"], r["title"], r["events"], r["documents"], r["observations"], r["url"]]
           for r in shown], caption="Admiralty reliability: A completely reliable … E unreliable, F cannot be judged")
    if len(shown) < len(rows):
        console.print(f"… and {len(rows) - len(shown)} more: narrow with --publisher, --grade, --kind or --match, "
                      "or show them all with --limit 0")


def entities_cmd(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(metavar="KIND", help="country, organisation, armed_group, person, "
                                                                  "place, facility or other.")] = None,
    used: Annotated[bool, typer.Option("--used", help="Only entities named in some event.")] = False,
    format: FormatOpt = TableOrJson.table,
) -> None:
    """Entities (countries, groups, organisations, people, places) with their aliases."""
    from watchfloor.store import catalog

    with state(ctx).open(read_only=True) as store:
        rows = catalog.entities(store, kind, used)
    if format is TableOrJson.json:
        print_json({"entities": rows})
        return
    table(f"Entities ({len(rows)})", ["kind", "name", "code", "events", "aliases"],
          [[r["kind"], r["name"], r["iso3"] or "", r["events"], clip(r["aliases"], ALIASES_SHOWN)] for r in rows],
          caption=f"at most {ALIASES_SHOWN} aliases each; --format json for all")


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cmd)
    app.command("sources")(sources_cmd)
    app.command("entities")(entities_cmd)
