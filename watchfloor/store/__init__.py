"""The evidence store on one DuckDB file."""

from watchfloor.store.store import DEFAULT_PATH, ENV_VAR, Store, default_path

__all__ = ["DEFAULT_PATH", "ENV_VAR", "Store", "default_path"]
