"""How the datasets spell what the reference data does not know, read from data/datasets.json.

ACLED's and GTD's own actor names, GTD's former states and the columns of long World Bank panels are data, so
the importers name no group or country in Python (docs/importers.md describes each)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def spellings() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("watchfloor").joinpath("data", "datasets.json").read_text(encoding="utf-8"))
    return data
