"""`watchfloor actors COUNTRY`: who is involved with whom, as a table, JSON or GraphML for Gephi."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from watchfloor.cli.common import (
    CountryArg,
    SinceOpt,
    UntilOpt,
    err_console,
    parse_date_option,
    print_json,
    resolve_country,
    state,
    table,
)


class GraphFormat(StrEnum):
    table = "table"
    json = "json"
    graphml = "graphml"


def actors_cmd(
    ctx: typer.Context,
    country: CountryArg,
    since: SinceOpt = None,
    until: UntilOpt = None,
    format: Annotated[GraphFormat, typer.Option("--format", "-f", help="Output format.")] = GraphFormat.table,
    plot: Annotated[Path | None, typer.Option(
        "--plot", metavar="FILE", help="Also draw the graph to FILE.svg or FILE.png.")] = None,
) -> None:
    """The actor graph: states, groups, organisations and people linked through the country's events."""
    from watchfloor.analyse.actors import actor_graph, graph_to_dict, to_graphml, typed_edges
    from watchfloor.analyse.timeline import Period

    with state(ctx).open(read_only=True) as store:
        ent = resolve_country(store, country)
        period = Period(parse_date_option(since, "--since"), parse_date_option(until, "--until"))
        graph = actor_graph(store, ent.iso3 or "", period)
    if plot:
        from watchfloor.analyse import figures

        err_console.print(f"figure written to {figures.write(figures.build_actor_graph_figure(graph), plot)}")
    if format is GraphFormat.json:
        print_json({"country": ent.iso3, "name": ent.name} | graph_to_dict(graph))
        return
    if format is GraphFormat.graphml:
        sys.stdout.write(to_graphml(graph))
        return
    nodes = sorted(graph.nodes(data=True), key=lambda n: (-n[1].get("events", 0), n[0]))
    table(f"Actors: {ent.name} ({graph.number_of_nodes()} entities, {graph.number_of_edges()} links)",
          ["kind", "name", "events"], [[d["kind"], d["name"], d["events"]] for _, d in nodes[:25]],
          caption="the 25 most named; --format json or graphml for all")
    table("Relations", ["source", "relation", "target", "events", "sources", "value", "latest"],
          [[r["source"], r["type"].replace("_", " "), r["target"], r["weight"], r["sources"],
            "" if r["value"] is None else f"{r['value']:g} {r['unit'] or ''}", r["date"] or ""]
           for r in typed_edges(graph)])


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_cmd)
