"""Lay out the actor graph for the page: positions only; the template draws it and escapes every label.

We draw it ourselves (not as an image) so that each edge can be a link to the events behind it.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

WIDTH, HEIGHT, MARGIN = 960, 560, 70
LABEL_CHARS = 28
"""Longer names are cut with an ellipsis (the node's tooltip has the whole name)."""
CHAR_WIDTH, LABEL_HEIGHT = 6.3, 12.0
"""Rough size of an 11px label (watchfloor.css), in drawing units: enough to keep labels apart and in the frame."""
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
    place_labels(out_nodes)
    wmax = max((float(e.get("weight") or 1) for _, e in edges), default=1.0)
    out_edges = [{"index": i, "x1": at[str(e["source"])][0], "y1": at[str(e["source"])][1],
                  "x2": at[str(e["target"])][0], "y2": at[str(e["target"])][1], "type": e.get("type") or "",
                  "width": round(1.5 + 5 * float(e.get("weight") or 1) / wmax, 1)}
                 for i, e in edges if str(e["source"]) in at and str(e["target"]) in at]
    out_edges.sort(key=lambda e: (e["type"] != "co_occurs", e["index"]))  # typed relations drawn on top
    return {"width": WIDTH, "height": HEIGHT, "nodes": out_nodes, "edges": out_edges,
            "hidden": g.number_of_nodes() - len(keep)}


def place_labels(nodes: list[dict[str, Any]]) -> None:
    """Give each node `text`, `lx`, `ly`: its label cut to LABEL_CHARS, below the node, or above it (or a line
    further off) when that spot is taken by a label already placed (the best-connected actors are placed first) or
    by another node, and always wholly inside the frame."""
    taken: list[tuple[float, float, float, float]] = [
        (n["x"] - n["r"], n["y"] - n["r"], n["x"] + n["r"], n["y"] + n["r"]) for n in nodes]
    for n in nodes:  # nodes come best-connected first
        label = n["label"]
        text = label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"
        half = len(text) * CHAR_WIDTH / 2
        lx = min(max(n["x"], half + 4), WIDTH - half - 4)
        below, above = n["y"] + n["r"] + 13, n["y"] - n["r"] - 5
        tries = (below, above, below + LABEL_HEIGHT, above - LABEL_HEIGHT)
        spots = [min(max(y, LABEL_HEIGHT + 2), HEIGHT - 4) for y in tries]
        own = (n["x"] - n["r"], n["y"] - n["r"], n["x"] + n["r"], n["y"] + n["r"])
        boxes = [(lx - half, y - LABEL_HEIGHT + 2, lx + half, y + 2) for y in spots]
        free = [i for i, b in enumerate(boxes) if not any(_overlap(b, t) for t in taken if t != own)]
        pick = free[0] if free else 0
        n.update(text=text, lx=round(lx, 1), ly=round(spots[pick], 1))
        taken.append(boxes[pick])


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
