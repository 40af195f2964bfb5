"""The actor graph: states, armed groups, organisations and people linked through a country's events.

Nodes are entities; an edge is either a typed relation (attacked, arrested, hosts_base_of, owes_debt_to …,
see relations.py) or `co_occurs` (named in the same events). Every edge keeps the events it rests on and
how many distinct sources back them, so a drawing or a brief can cite it.
"""

from __future__ import annotations

import io
from itertools import combinations
from typing import Any

import networkx as nx

from watchfloor.analyse.relations import Relation, event_relations, stored_relations
from watchfloor.analyse.timeline import Period
from watchfloor.store import Store


def _events(store: Store, iso3: str, period: Period) -> list[dict[str, Any]]:
    where, params = period.sql()
    return store.query(f"SELECT e.id, e.date, e.countries FROM event e WHERE {where} "
                       "AND list_contains(e.countries, ?) AND e.dataset <> 'gdelt' ORDER BY e.date, e.id",
                       [*params, iso3])


def actor_graph(store: Store, iso3: str, period: Period = Period()) -> nx.MultiDiGraph:
    """All entities linked through the country's events in the period (GDELT rows are left to `relation`)."""
    g = nx.MultiDiGraph(focus=f"country:{iso3}", country=iso3)
    events = _events(store, iso3, period)
    ids = [e["id"] for e in events]
    members: dict[str, set[str]] = {e["id"]: {f"country:{c}" for c in e["countries"] or []} for e in events}
    sources: dict[str, set[str]] = {i: set() for i in ids}
    if ids:
        for row in store.query("SELECT DISTINCT event_id, entity_id FROM event_actor WHERE entity_id IS NOT NULL "
                             "AND event_id IN (SELECT unnest(?))", [ids]):
            members[row["event_id"]].add(row["entity_id"])
        for s in store.query("SELECT event_id, source_id FROM event_source WHERE event_id IN (SELECT unnest(?))",
                             [ids]):
            sources[s["event_id"]].add(s["source_id"])
    mentions: dict[str, list[str]] = {}
    for eid in ids:
        for n in members[eid]:
            mentions.setdefault(n, []).append(eid)
    pairs: dict[tuple[str, str], list[str]] = {}
    for eid in ids:
        for x, y in combinations(sorted(members[eid]), 2):
            pairs.setdefault((x, y), []).append(eid)
    for (x, y), evs in sorted(pairs.items()):
        _edge(g, x, y, "co_occurs", evs, sources)
    relations = event_relations(store, ids)
    relations += stored_relations(store, sorted(mentions), period.since.start if period.since else None,
                                  period.until.end if period.until else None)
    typed: dict[tuple[str, str, str], list[Relation]] = {}
    for r in relations:
        typed.setdefault((r.subject, r.predicate, r.object), []).append(r)
    for (subj, pred, obj), rels in sorted(typed.items()):
        evs = sorted({r.event_id for r in rels if r.event_id})
        srcs = {x for r in rels for x in r.sources}
        latest = max(rels, key=lambda r: r.date)
        _edge(g, subj, obj, pred, evs, {"_": srcs}, latest.value, latest.unit, latest.date)
    _describe_nodes(store, g, mentions)
    return g


def _edge(g: nx.MultiDiGraph, a: str, b: str, kind: str, evs: list[str], sources: dict[str, set[str]],
          value: float | None = None, unit: str | None = None, date: str | None = None) -> None:
    srcs = set().union(*(sources.get(e, set()) for e in evs)) if kind == "co_occurs" else sources.get("_", set())
    attrs: dict[str, Any] = {"type": kind, "weight": len(evs) or 1, "events": list(evs), "sources": len(srcs)}
    if value is not None:
        attrs.update(value=value, unit=unit or "", date=date or "")
    g.add_edge(a, b, key=kind, **attrs)


def _describe_nodes(store: Store, g: nx.MultiDiGraph, mentions: dict[str, list[str]]) -> None:
    ids = sorted(g.nodes | set(mentions) | {g.graph["focus"]})
    rows = {r["id"]: r for r in store.query("SELECT id, kind, name, iso3 FROM entity WHERE id IN (SELECT unnest(?))",
                                            [ids])}
    for n in ids:
        r = rows.get(n)
        g.add_node(n, name=r["name"] if r else n.split(":", 1)[-1], kind=r["kind"] if r else n.split(":", 1)[0],
                   iso3=(r["iso3"] or "") if r else "", events=len(mentions.get(n, [])))


def graph_to_dict(g: nx.MultiDiGraph | nx.Graph) -> dict[str, Any]:
    """The JSON shape: nodes (id, name, kind, events) and edges (source, target, type, weight, events, sources)."""
    nodes = [{"id": n, "name": d.get("name", n), "kind": d.get("kind", "other"), "iso3": d.get("iso3") or None,
              "events": d.get("events", 0)} for n, d in sorted(g.nodes(data=True), key=lambda x: x[0])]
    edges = []
    for u, v, d in sorted(g.edges(data=True), key=lambda x: (x[2].get("type") == "co_occurs", x[0], x[1],
                                                             x[2].get("type", ""))):
        edge = {"source": u, "target": v, "type": d.get("type", "co_occurs"), "weight": d.get("weight", 1),
                "events": list(d.get("events", [])), "sources": d.get("sources", 0)}
        if "value" in d:
            edge.update(value=d["value"], unit=d.get("unit") or None, date=d.get("date") or None)
        edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def to_graphml(g: nx.MultiDiGraph | nx.Graph) -> str:
    """GraphML for Gephi: list attributes become ';'-joined strings (GraphML holds scalars only)."""
    h = g.copy()
    h.graph = {k: v for k, v in g.graph.items() if isinstance(v, str | int | float)}
    for _, _, d in h.edges(data=True):
        d["events"] = ";".join(d.get("events", []))
        d["label"] = d.get("type", "")
    for _, d in h.nodes(data=True):
        d["label"] = d.get("name", "")
    buf = io.BytesIO()
    nx.write_graphml(h, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def typed_edges(g: nx.MultiDiGraph | nx.Graph) -> list[dict[str, Any]]:
    """Only the typed relations, named: what a table or a brief shows."""
    out = []
    for u, v, d in g.edges(data=True):
        if d.get("type") != "co_occurs":
            out.append({"source": g.nodes[u].get("name", u), "type": d["type"], "target": g.nodes[v].get("name", v),
                        "weight": d.get("weight", 1), "sources": d.get("sources", 0), "value": d.get("value"),
                        "unit": d.get("unit"), "date": d.get("date"), "events": list(d.get("events", []))})
    return sorted(out, key=lambda r: (-r["weight"], r["source"], r["type"], r["target"]))
