"""Lay out the actor graph for the page: positions only; the template draws it and escapes every label.

We draw it ourselves (not as an image) so that each edge can be a link to the events behind it.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

WIDTH, HEIGHT, MARGIN = 960, 560, 70
MAX_NODES = 40
"""Busier graphs show their best-connected actors; the table below lists every edge."""


def node_id(node: dict[str, Any]) -> str:
    return str(node.get("id") or node.get("name") or node.get("label"))


def node_label(node: dict[str, Any]) -> str:
    return str(node.get("name") or node.get("label") or node.get("id"))


def layout(graph: dict[str, Any], max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """{"width", "height", "nodes": [{id, label, kind, x, y, r}], "edges": [{index, x1, y1, x2, y2, width, type}]}."""
    nodes = {node_id(n): n for n in graph.get("nodes", [])}
    edges = [(i, e) for i, e in enumerate(graph.get("edges", [])) if e.get("source") and e.get("target")]
    g = nx.Graph()
    for _, e in edges:
        w = float(e.get("weight") or 1)
        a, b = str(e["source"]), str(e["target"])
        if g.has_edge(a, b):
            g[a][b]["weight"] += w
        else:
            g.add_edge(a, b, weight=w)
    g.add_nodes_from(nodes)
    strength = dict(g.degree(weight="weight"))
    keep = sorted(g.nodes, key=lambda n: (-strength.get(n, 0), str(n)))[:max_nodes]
    sub = g.subgraph(keep)
    if not sub.number_of_nodes():
        return {"width": WIDTH, "height": HEIGHT, "nodes": [], "edges": [], "hidden": 0}
    pos = nx.spring_layout(sub, seed=7, k=1.6 / math.sqrt(sub.number_of_nodes()), iterations=120, weight=None)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    sx = (WIDTH - 2 * MARGIN) / ((max(xs) - min(xs)) or 1)
    sy = (HEIGHT - 2 * MARGIN) / ((max(ys) - min(ys)) or 1)
    at = {n: (round(MARGIN + (p[0] - min(xs)) * sx, 1), round(MARGIN + (p[1] - min(ys)) * sy, 1))
          for n, p in pos.items()}
    top = max(strength.get(n, 0) for n in keep) or 1
    out_nodes = [{"id": n, "label": node_label(nodes.get(n, {"id": n})), "kind": nodes.get(n, {}).get("kind") or "",
                  "x": at[n][0], "y": at[n][1], "r": round(6 + 12 * math.sqrt(strength.get(n, 0) / top), 1)}
                 for n in keep]
    wmax = max((float(e.get("weight") or 1) for _, e in edges), default=1.0)
    out_edges = [{"index": i, "x1": at[str(e["source"])][0], "y1": at[str(e["source"])][1],
                  "x2": at[str(e["target"])][0], "y2": at[str(e["target"])][1], "type": e.get("type") or "",
                  "width": round(1.5 + 5 * float(e.get("weight") or 1) / wmax, 1)}
                 for i, e in edges if str(e["source"]) in at and str(e["target"]) in at]
    out_edges.sort(key=lambda e: (e["type"] != "co_occurs", e["index"]))  # typed relations drawn on top
    return {"width": WIDTH, "height": HEIGHT, "nodes": out_nodes, "edges": out_edges,
            "hidden": g.number_of_nodes() - len(keep)}
