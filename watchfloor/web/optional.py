"""Library calls that other parts of watchfloor provide, imported when first used.

A page whose library is not installed in this build says so instead of failing; a library that is
present but broken still raises, so a real bug is never hidden.
"""

from __future__ import annotations

import importlib
from typing import Any


def lib(module: str, name: str) -> Any | None:
    """`module.name`, or None when `module` itself (not one of its imports) does not exist."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        parts = module.split(".")
        if exc.name in {".".join(parts[: i + 1]) for i in range(len(parts))}:
            return None
        raise
    return getattr(mod, name, None)
