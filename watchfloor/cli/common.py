"""What the commands share: the store option, output formats, consoles, readable help, and option values
checked against what the store holds.

Only typer and rich are imported here: every command module imports this one at start-up, and `watchfloor
--help` should not wait for DuckDB or the analysis stack. Library modules are imported where they are used.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from watchfloor.errors import ConfigError

if TYPE_CHECKING:
    from watchfloor.dates import FuzzyDate
    from watchfloor.reference.resolver import Entity
    from watchfloor.store import Store

console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
"""Piped output is not wrapped at 80 columns, so hints and paths copy and paste whole; tables keep a width."""
err_console = Console(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


@dataclass
class State:
    db: str | None = None

    def open(self, *, read_only: bool = False, create: bool = True) -> Store:
        """The store, seeded with the country packs' reference rows (the reference layer contributes them)."""
        from watchfloor.reference import seed
        from watchfloor.store import Store

        store = Store.open(self.db, read_only=read_only, create=create)
        seed.prepare(store)
        return store


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


CountryArg = Annotated[str, typer.Argument(metavar="COUNTRY", show_default=False,
                                           help="Country name, alias or two- or three-letter ISO code.")]
SinceOpt = Annotated[str | None, typer.Option(metavar="DATE", help="First date: 2024, 2024-06 or 2024-06-11.")]
UntilOpt = Annotated[str | None, typer.Option(metavar="DATE", help="Last date (inclusive, to its precision).")]
FormatOpt = Annotated[TableOrJson, typer.Option("--format", "-f", help="Output format.")]


def parse_date_option(value: str | None, name: str) -> FuzzyDate | None:
    if value is None:
        return None
    from watchfloor.dates import parse_bound

    try:
        return parse_bound(value)
    except ValueError as exc:
        raise ConfigError(f"{name} {value!r}: {exc}", hint="write dates as 2024, 2024-06 or 2024-06-11") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def table(title: str, columns: list[str], rows: list[list[Any]], caption: str | None = None) -> None:
    from rich.table import Table

    t = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[escape("" if v is None else str(v)) for v in r])
    console.print(t)


def clip(items: list[str], limit: int) -> str:
    """At most `limit` items joined by commas; a cut list ends with '… (+N more)' so nobody takes it as whole."""
    shown = ", ".join(items[:limit])
    return f"{shown}, … (+{len(items) - limit} more)" if len(items) > limit else shown


# -- option values checked against the store ------------------------------------------------------------------

def resolve_country(store: Store, name: str, resolver: Any = None) -> Entity:
    """The country `name` means (name, alias or ISO code); a typo gets 'did you mean …?' from the store's names."""
    from watchfloor.reference import Resolver

    return (resolver or Resolver(store)).country(name)


# -- help that shows what to type, not Python types ------------------------------------------------------------

class _Argument(TyperArgument):
    """An argument whose help row shows its metavar (COUNTRY) and no Python type beside it (<str>)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def _readable(params: Iterable[object]) -> None:
    """Give each parameter a metavar a person reads: none for a flag, [a|b] for a choice, NAME otherwise.

    An option's own metavar (PATH, N, DATE…) is kept; this is the fallback, so no help shows `<list[Path]>`.
    """
    for p in params:
        if isinstance(p, TyperArgument):
            if type(p) is TyperArgument:
                p.__class__ = _Argument
            if p.metavar is None and p.name:
                p.metavar = p.name.upper()
        elif isinstance(p, TyperOption) and p.metavar is None:
            choices = getattr(getattr(p, "type_descriptor", None), "choices", None)
            if p.is_flag:
                p.metavar = ""
            elif choices:
                p.metavar = "[" + "|".join(str(c.value if isinstance(c, Enum) else c) for c in choices) + "]"
            elif p.name:
                p.metavar = p.name.upper()


class Command(TyperCommand):
    """A command whose option help may name a list that lives in a heavy library module (check kinds, import
    formats): `fills` maps `{name}` in the help to a function asked only when the help is shown."""

    fills: ClassVar[dict[str, Callable[[], str]]] = {}

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for p in self.params:
            for key, fill in self.fills.items():
                if isinstance(p, TyperArgument | TyperOption) and p.help and "{" + key + "}" in p.help:
                    p.help = p.help.replace("{" + key + "}", fill())
        super().format_help(ctx, formatter)


def command(**fills: Callable[[], str]) -> type[Command]:
    """A Command class whose option help fills `{name}` from `fills[name]()` when shown."""
    return type("Command", (Command,), {"fills": fills})


class Group(TyperGroup):
    """The root command: its help and every command's read well (see `_readable`), new commands included."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _readable(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        _readable([option])
        return option

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is not None:
            _readable(cmd.params)
            _readable([cmd.get_help_option(ctx)])
        return cmd
