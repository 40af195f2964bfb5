"""What the commands share: the store option, output formats and consoles."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from watchfloor.dates import FuzzyDate, parse_bound
from watchfloor.errors import ConfigError
from watchfloor.store import Store

console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
"""Piped output is not wrapped at 80 columns, so hints and paths copy and paste whole; tables keep a width."""
err_console = Console(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


@dataclass
class State:
    db: str | None = None

    def open(self, *, read_only: bool = False, create: bool = True) -> Store:
        return Store.open(self.db, read_only=read_only, create=create)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


def parse_date_option(value: str | None, name: str) -> FuzzyDate | None:
    if value is None:
        return None
    try:
        return parse_bound(value)
    except ValueError as exc:
        raise ConfigError(f"{name} {value!r}: {exc}", hint="write dates as 2024, 2024-06 or 2024-06-11") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def table(title: str, columns: list[str], rows: list[list[Any]], caption: str | None = None) -> None:
    t = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[escape("" if v is None else str(v)) for v in r])
    console.print(t)
