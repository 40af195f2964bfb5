"""Help shows what to type (COUNTRY, DATE, N, PATH), never a Python type, and `--help` loads no heavy library."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import typer

from watchfloor.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
PYTHON_TYPE = re.compile(r"<[\w\[\]|., ]+>")
"""What typer prints for an option without a metavar: <str>, <bool>, <list[Path]>, <int range>, <table|json>."""
HEAVY = {"matplotlib", "stix2", "networkx", "weasyprint", "fastapi", "uvicorn", "duckdb"}


def flat(text: str) -> str:
    """Help text without its box and line breaks, so a wrapped phrase reads whole."""
    return " ".join(text.replace("│", " ").split())


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERMINAL_WIDTH", "200")


def test_every_command_is_walked() -> None:
    assert {"timeline", "sources", "entities", "import", "check", "serve", "brief", "risk"} <= set(COMMANDS)


@pytest.mark.parametrize("args", [[], *([c] for c in COMMANDS)], ids=["root", *COMMANDS])
def test_help_shows_no_python_types(cli, wide, args: list[str]) -> None:
    res = cli(*args, "--help")
    assert res.code == 0, res.err
    assert "Usage: watchfloor" in res.out
    assert PYTHON_TYPE.findall(res.out) == []


def test_help_metavars(cli, wide) -> None:
    timeline = flat(cli("timeline", "--help").out)
    assert "Usage: watchfloor timeline [OPTIONS] {COUNTRY}" in timeline
    assert "--since DATE First date" in timeline and "--limit N At most" in timeline
    assert "--format -f [table|json] Output format." in timeline
    root = flat(cli("--help").out)
    assert "--db PATH Store file" in root and "--version Show the version" in root
    assert "--quiet -q No progress bar." in flat(cli("import", "--help").out)


def test_lists_in_help_come_from_the_library(cli, wide) -> None:
    from watchfloor.check.registry import KINDS
    from watchfloor.ingest.registry import FORMATS

    assert f"--format FORMAT Force a format: {', '.join(FORMATS)}." in flat(cli("import", "--help").out)
    assert f"separate with commas ({', '.join(KINDS)})." in flat(cli("check", "--help").out)


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = ("import watchfloor.cli, sys; print(__import__('json').dumps(sorted(m for m in sys.modules "
            f"if m.split('.')[0] in {sorted(HEAVY)!r})))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == []
