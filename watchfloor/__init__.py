"""watchfloor: an evidence-grounded watch floor for country risk.

The library is the product; the CLI and the dashboard are thin shells over these names:

    from watchfloor import Store, ImportOptions, import_path, timeline, check_file, write_brief
    with Store.open("watchfloor.duckdb") as store:
        import_path(store, Path("facts.jsonl"), ImportOptions())
        events = timeline(store, iso3)   # a country's ISO 3166 alpha-3 code

Names load on first use, so `import watchfloor` stays cheap for the CLI.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "CheckReport": "watchfloor.check",
    "FuzzyDate": "watchfloor.dates",
    "ImportOptions": "watchfloor.ingest",
    "ImportResult": "watchfloor.ingest",
    "InputError": "watchfloor.errors",
    "NotFound": "watchfloor.errors",
    "Period": "watchfloor.analyse.timeline",
    "Resolver": "watchfloor.reference",
    "Store": "watchfloor.store",
    "StoreError": "watchfloor.errors",
    "WatchfloorError": "watchfloor.errors",
    "actor_graph": "watchfloor.analyse.actors",
    "alerts": "watchfloor.analyse.alerts",
    "check_file": "watchfloor.check",
    "check_text": "watchfloor.check",
    "import_path": "watchfloor.ingest",
    "import_paths": "watchfloor.ingest",
    "parse_iso": "watchfloor.dates",
    "relation_trend": "watchfloor.analyse.bilateral",
    "risk_report": "watchfloor.analyse.risk",
    "timeline": "watchfloor.analyse.timeline",
    "write_brief": "watchfloor.brief",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'watchfloor' has no attribute {name!r}")
