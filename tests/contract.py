"""The check report's contract, checked: JSON Schema (bundled in the package) plus quote == text[start:end]."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema


def schema(name: str) -> dict[str, Any]:
    """A bundled JSON Schema by file name (check-report.schema.json, fact.schema.json)."""
    return json.loads(resources.files("watchfloor").joinpath("data", "schemas", name).read_text(encoding="utf-8"))


def report_problems(text: str, data: dict[str, Any]) -> list[str]:
    """Every way `data` breaks the check report contract for the report `text`; empty when it keeps it."""
    validator = jsonschema.Draft202012Validator(schema("check-report.schema.json"))
    problems = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
    findings = data.get("findings", [])
    for item in findings + [r for f in findings for r in f.get("related", [])]:
        s, e, q = item.get("start"), item.get("end"), item.get("quote")
        if isinstance(s, int) and isinstance(e, int) and text[s:e] != q:
            problems.append(f"offsets {s}:{e} give {text[s:e]!r}, quote is {q!r}")
    return problems


def check_report(text_path: str | Path, json_path: str | Path) -> list[str]:
    """The contract problems of a check report saved as JSON for the report at text_path."""
    text = Path(text_path).read_text(encoding="utf-8")
    return report_problems(text, json.loads(Path(json_path).read_text(encoding="utf-8")))


def fact_problems(path: Path) -> list[str]:
    """Lines of a fact pack that break the fact schema, as 'line N: field: message'."""
    validator = jsonschema.Draft202012Validator(schema("fact.schema.json"))
    problems: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            problems += [f"line {n}: {'/'.join(map(str, e.path)) or 'fact'}: {e.message}"
                         for e in validator.iter_errors(json.loads(line))]
    return problems
