"""The bundled Tajikistan demo: what `watchfloor demo` loads."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from watchfloor.ingest import ImportOptions, ImportResult, import_path
from watchfloor.store import Store

PACKS = ["tajikistan_facts.jsonl", "tajikistan_more.jsonl"]
"""The shared pack as given, then our additions (same format, each fact with its source link)."""


def bundled_packs() -> list[Path]:
    base = resources.files("watchfloor").joinpath("data")
    paths = [Path(str(base.joinpath(name))) for name in PACKS]
    return [p for p in paths if p.exists() and p.stat().st_size]


def load_demo(store: Store) -> list[ImportResult]:
    """Load the bundled packs; idempotent, so a second run adds nothing."""
    return [import_path(store, p, ImportOptions(quiet=True)) for p in bundled_packs()]


def reset(path: Path) -> None:
    """Delete a store file (and its WAL) so the next open starts empty."""
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
