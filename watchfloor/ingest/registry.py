"""The import formats, in detection order. Each name maps to its module."""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS: dict[str, str] = {
    "facts": "watchfloor.ingest.facts",
}


def module(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])
