"""The store is the bottom layer: schema and queries, no country knowledge, nothing imported from above it.

The layers above (reference, ingest, analyse, check, brief, web, cli) may import the store; the store may import
only the package's plain values (errors, the model's nouns, dates). The reference rows a new store starts with
are contributed by watchfloor.reference.seed (tests/store/test_store.py checks the rows)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "watchfloor" / "store"
BELOW = {"watchfloor", "watchfloor.store", "watchfloor.errors", "watchfloor.model", "watchfloor.dates"}
"""What a store module may import from the package (watchfloor.store's own modules included)."""
MODULES = sorted(f"watchfloor.store.{p.stem}" if p.stem != "__init__" else "watchfloor.store"
                 for p in STORE.glob("*.py"))


def _allowed(module: str) -> bool:
    return module in BELOW or module.startswith("watchfloor.store.")


def _imports(path: Path) -> list[str]:
    """Every watchfloor module a file imports, at its top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append(node.module)
        elif isinstance(node, ast.ImportFrom):
            found.append("watchfloor.store")
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)):
            found.append(str(node.args[0].value))
    return [m for m in found if m == "watchfloor" or m.startswith("watchfloor.")]


@pytest.mark.parametrize("path", sorted(STORE.glob("*.py")), ids=lambda p: p.name)
def test_store_files_import_nothing_above_the_store(path: Path) -> None:
    above = [m for m in _imports(path) if not _allowed(m)]
    assert not above, f"{path.relative_to(ROOT)} imports {above}: the store must not depend on the layers above it"


def test_importing_the_store_loads_nothing_above_it() -> None:
    code = ("import importlib, json, sys\n"
            f"for m in {MODULES!r}: importlib.import_module(m)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('watchfloor'))))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                       cwd=ROOT).stdout)
    assert set(MODULES) <= set(loaded)
    assert [m for m in loaded if not _allowed(m)] == []


def test_the_check_catches_an_import_from_above(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from watchfloor.reference.seed import STEPS\n    import watchfloor.analyse\n")
    assert [m for m in _imports(bad) if not _allowed(m)] == ["watchfloor.reference.seed", "watchfloor.analyse"]
