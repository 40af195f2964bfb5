"""The README's two commands on a fresh clone in an empty folder: what a person who downloads watchfloor gets.

It clones the committed HEAD (so commit before trusting it locally), with nothing beside the clone, and runs
`make demo` then `make test` there. The inner `make test` skips this test (WATCHFLOOR_FRESH_CLONE=1).
Deselect it while iterating with `-m "not slow"`; CI runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INNER = "WATCHFLOOR_FRESH_CLONE"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get(INNER) == "1", reason="already inside the fresh clone"),
    pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout"),
]


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_readme_commands_on_a_fresh_clone(tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    clone = alone / "watchfloor"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=120)
    assert sorted(p.name for p in alone.iterdir()) == ["watchfloor"]
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env[INNER] = "1"
    demo = _run(["make", "demo"], clone, env, timeout=1200)
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    assert "Check tajikistan-pressure-points-2024.txt" in demo.stdout
    assert "3 errors" in demo.stdout
    assert "not found" not in demo.stdout
    briefs = list((clone / "briefs").glob("*.md"))
    assert briefs, "the demo wrote no brief"
    for md in briefs:
        figures = re.findall(r"!\[[^\]]*\]\(([^)\s]+)", md.read_text(encoding="utf-8"))
        assert figures and all((md.parent / f).is_file() for f in figures), figures
    test = _run(["make", "test"], clone, env, timeout=1800)
    assert test.returncode == 0, test.stdout[-5000:] + test.stderr[-3000:]
    assert " passed" in test.stdout and " failed" not in test.stdout
