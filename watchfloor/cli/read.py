"""Read commands: timeline, sources, entities."""

from __future__ import annotations

from typing import Annotated

import typer

from watchfloor.analyse.timeline import Period, timeline
from watchfloor.cli.common import TableOrJson, parse_date_option, print_json, state, table
from watchfloor.reference import Resolver
from watchfloor.store import catalog

FormatOpt = Annotated[TableOrJson, typer.Option("--format", "-f", help="Output format.")]


def timeline_cmd(
    ctx: typer.Context,
    country: Annotated[str, typer.Argument(help="Country name, alias or ISO code: tajikistan, TJ, TJK.")],
    since: Annotated[str | None, typer.Option(help="First date: 2024, 2024-06 or 2024-06-11.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date (inclusive, to its precision).")] = None,
    type: Annotated[list[str] | None, typer.Option("--type", "-t", help="Event type; repeat for several.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: FormatOpt = TableOrJson.table,
) -> None:
    """Events involving a country, oldest first, each with its sources."""
    with state(ctx).open(read_only=True) as store:
        ent = Resolver(store).country(country)
        period = Period(parse_date_option(since, "--since"), parse_date_option(until, "--until"))
        events = timeline(store, ent.iso3, period, type, limit)
    if format is TableOrJson.json:
        print_json({"country": ent.iso3, "events": events})
        return
    table(f"Timeline: {ent.name} ({len(events)} events)", ["date", "type", "where", "summary", "sources"],
          [[e["date"], e["type"], e["location"] or e["country"], e["summary"],
            "; ".join(s["publisher"] or s["title"] for s in e["sources"])] for e in events])


def sources_cmd(ctx: typer.Context, format: FormatOpt = TableOrJson.table) -> None:
    """Every source with its reliability grade and what in the store rests on it."""
    with state(ctx).open(read_only=True) as store:
        rows = catalog.sources(store)
    if format is TableOrJson.json:
        print_json({"sources": rows})
        return
    table(f"Sources ({len(rows)})", ["grade", "publisher", "title", "events", "docs", "obs", "url"],
          [[r["reliability"], r["publisher"], r["title"], r["events"], r["documents"], r["observations"], r["url"]]
           for r in rows], caption="Admiralty reliability: A completely reliable … E unreliable, F cannot be judged")


def entities_cmd(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(help="country, organisation, armed_group, person, place, "
                                                  "facility or other.")] = None,
    used: Annotated[bool, typer.Option("--used", help="Only entities named in some event.")] = False,
    format: FormatOpt = TableOrJson.table,
) -> None:
    """Entities (countries, groups, organisations, people, places) with their aliases."""
    with state(ctx).open(read_only=True) as store:
        rows = catalog.entities(store, kind, used)
    if format is TableOrJson.json:
        print_json({"entities": rows})
        return
    table(f"Entities ({len(rows)})", ["kind", "name", "code", "events", "aliases"],
          [[r["kind"], r["name"], r["iso3"] or "", r["events"], ", ".join(r["aliases"][:8])] for r in rows])


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cmd)
    app.command("sources")(sources_cmd)
    app.command("entities")(entities_cmd)
