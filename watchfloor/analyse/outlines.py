"""Country outlines for offline maps, bundled as package data (no tiles, no network).

The file `watchfloor/data/outlines.json` is derived from Natural Earth (public domain) through the
npm package world-atlas 2.0.2: every country at 1:110m, and the countries of the first pack's region at
1:50m, coordinates rounded to 0.1° and 0.02°. `build()` regenerates it from world-atlas's TopoJSON:

    python -m watchfloor.analyse.outlines PATH/countries-110m.json PATH/countries-50m.json
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

Ring = list[tuple[float, float]]

DETAIL_BOX = (44.0, 24.0, 92.0, 56.0)
"""lon/lat box (west, south, east, north): countries wholly inside it are drawn at 1:50m (the region of the first
pack, 44–92° E, 24–56° N); all others at 1:110m."""


@lru_cache(maxsize=1)
def outlines() -> dict[str, dict[str, Any]]:
    """ISO3 → {"name", "rings": [[(lon, lat), …], …]}; empty when the file is missing."""
    path = resources.files("watchfloor").joinpath("data", "outlines.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return {}
    return {iso: {"name": c["name"], "rings": [[(p[0], p[1]) for p in ring] for ring in c["rings"]]}
            for iso, c in raw["countries"].items()}


def _decode(topo: dict[str, Any], digits: int) -> dict[str, dict[str, Any]]:
    import pycountry

    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((round(x * sx + tx, digits), round(y * sy + ty, digits)))
        arcs.append(pts)

    def ring(ids: list[int]) -> Ring:
        out: Ring = []
        for i in ids:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        dedup = [p for k, p in enumerate(out) if k == 0 or p != out[k - 1]]
        return dedup

    result: dict[str, dict[str, Any]] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=str(g.get("id", "")).zfill(3)) if g.get("id") else None
        if country is None or country.alpha_3 == "ATA":
            continue
        polys = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", [])
        rings = [ring(r) for poly in polys for r in poly[:1]]  # outer rings only: holes do not matter here
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            result[country.alpha_3] = {"name": g["properties"]["name"], "rings": rings}
    return result


def _in_box(rings: list[Ring]) -> bool:
    """Whole country inside the detail box: large countries reaching out of it stay coarse, which keeps the file
    small."""
    w, s, e, n = DETAIL_BOX
    return all(w <= x <= e and s <= y <= n for r in rings for x, y in r)


def build(coarse: Path, fine: Path, out: Path) -> int:
    """Write the bundled outline file; returns its size in bytes."""
    world = _decode(json.loads(coarse.read_text()), 1)
    detail = _decode(json.loads(fine.read_text()), 2)
    for iso, c in detail.items():
        if iso in world and _in_box(c["rings"]):
            world[iso] = c
    doc = {"source": "Natural Earth (public domain) via world-atlas 2.0.2; 1:50m for countries "
                     f"wholly inside lon/lat box {list(DETAIL_BOX)}, 1:110m for the others", "countries": world}
    text = json.dumps(doc, separators=(",", ":"), sort_keys=True)
    out.write_text(text, encoding="utf-8")
    return len(text)


if __name__ == "__main__":  # pragma: no cover - a maintenance tool
    target = Path(__file__).resolve().parents[1] / "data" / "outlines.json"
    print(build(Path(sys.argv[1]), Path(sys.argv[2]), target), "bytes written to", target)
