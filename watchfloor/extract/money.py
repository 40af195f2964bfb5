"""Currencies as data: which written forms are money, and in which currency.

Why: a report's '$1.2bn', '500 billion CFA francs' and '3 million roubles' are compared with the store's figures
by unit, and the units are ISO 4217 codes in lower case ('usd', 'xof'). The forms come from world.json and
each country pack's reference.json (reference/catalogue.py), so a new country's currency is a line of data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from watchfloor.reference.catalogue import currencies


@lru_cache(maxsize=1)
def _written() -> dict[str, str]:
    """Written form (lower case, single spaces) → unit."""
    out: dict[str, str] = {}
    for c in currencies():
        for form in (c.code, *c.symbols, *c.words):
            out.setdefault(" ".join(form.lower().split()), c.code.lower())
    return out


@lru_cache(maxsize=1)
def money_units() -> frozenset[str]:
    """Every currency unit a figure can have."""
    return frozenset(_written().values())


def is_money(unit: str | None) -> bool:
    return unit is not None and unit in money_units()


def currency_unit(written: str) -> str | None:
    """The unit of a written currency form ('US$' → 'usd', 'CFA  francs' → 'xof'), or None."""
    return _written().get(" ".join(written.lower().split()))


def _alternation(forms: list[str]) -> str:
    """Longest first, spaces matching any run of spaces, letters bounded as words."""
    parts = []
    for f in sorted(set(forms), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in f.split())
        parts.append(rf"\b{body}\b" if f[:1].isalnum() and f[-1:].isalnum() else body)
    return "|".join(parts)


def before_number() -> str:
    """A regular expression for what may stand before a number: symbols and codes ('$', 'US$', 'EUR ')."""
    forms = [s for c in currencies() for s in c.symbols] + [c.code for c in currencies()]
    return rf"(?:{_alternation(forms)})\s?"


def after_number() -> str:
    """A regular expression for what may follow a number: words and codes ('dollars', 'CFA francs', 'TJS')."""
    return _alternation([w for c in currencies() for w in c.words] + [c.code for c in currencies()])
