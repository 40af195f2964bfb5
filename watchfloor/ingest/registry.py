"""The import formats, in detection order. Each name maps to its module.

Order matters: the first module whose `detect(path, head)` says yes wins, so
formats recognised by a distinctive header (ACLED, GTD, World Bank) come before
the ones recognised by shape (GDELT's tab-separated rows) or by extension
(documents), and fact packs last.
"""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS: dict[str, str] = {
    "acled": "watchfloor.ingest.acled",
    "gtd": "watchfloor.ingest.gtd",
    "worldbank": "watchfloor.ingest.worldbank",
    "gdelt": "watchfloor.ingest.gdelt",
    "facts": "watchfloor.ingest.facts",
    "document": "watchfloor.ingest.documents",
}


def module(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])
