"""A store event's numbers, read from its count keys: what they count, in what unit, as a bound or a point.

`killed_min: 144` is "at least 144 killed"; `owed_to_graustark_usd_m: 900` is 900
million dollars owed to Graustark; `deported_2024_over: 30000` is "over 30,000
deported in 2024". The key grammar is small and generic: category words, a
subgroup, a year, a unit with its scale, and a qualifier, in any order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from watchfloor.extract.categories import KEY_QUALIFIERS, NOUN_CATEGORIES, category_of, subgroup_of
from watchfloor.extract.money import currency_unit, is_money
from watchfloor.extract.quantities import unit_named

_SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "mn": 1e6, "k": 1e3, "thousand": 1e3}
_NOISE = {"per", "of", "to", "from", "with", "in", "at", "the", "a", "cited", "reported", "official", "claimed",
          "time", "by", "estimate", "source", "sources", "initial", "total", "prev", "year", "h1", "h2", "q1", "q2",
          "q3", "q4", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "start",
          "end", "approx", "min", "max", "over", "upper", "lower", "about", "more", "at_least", "up_to", "number",
          "count"}


@dataclass(frozen=True)
class Figure:
    key: str
    value: float
    """Scaled: 900 with `_usd_m` becomes 900,000,000."""
    unit: str
    """count, pct, a currency (extract/money.py), km, sqkm, mw, kwh, years, months, days, rank, age, year."""
    category: str | None
    subgroup: str | None
    qualifier: str | None
    year: int | None
    words: tuple[str, ...]
    """The key's remaining words: what is measured ('owed', 'graustark'; 'remittances', 'gdp')."""
    of_gdp: bool = False
    derived: str | None = None
    """How a figure not in the store was computed ('900m of 3.2bn')."""
    prev_year: bool = False
    """The key speaks of the year before the event's ('rsf_rank_prev_year')."""

    @property
    def interval(self) -> tuple[float, float]:
        v = self.value
        if self.qualifier == "min":
            return v, v * 1.3 + 1
        if self.qualifier == "max":
            return 0.0, v
        if self.qualifier == "approx":
            return v * 0.92, v * 1.08
        slack = 0.05 if self.unit == "pct" else 0.005 * v
        return v - slack, v + slack

    def human(self) -> str:
        v = self.value
        if self.unit == "pct":
            text = f"{v:g}%"
        elif is_money(self.unit):
            sym = {"usd": "$", "eur": "€"}.get(self.unit, "")
            suffix = "" if sym else f" {self.unit.upper()}"
            text = (f"{sym}{v / 1e9:.3g}bn" if v >= 1e9 else f"{sym}{v / 1e6:.4g}m" if v >= 1e6 else f"{sym}{v:,.0f}"
                    ) + suffix
        else:
            text = f"{v:,.0f}" if v == int(v) else f"{v:,}"
        qual = {"min": "at least ", "max": "up to ", "approx": "about "}.get(self.qualifier or "", "")
        return qual + text


def parse_key(key: str, value: float) -> Figure:
    """Read one count key ('deported_2024_over', 'owed_to_china_usd_m', 'police_killed')."""
    tokens = [t for t in re.split(r"_+", key.lower()) if t]
    unit, scale, qualifier, year, prev_year = "count", 1.0, None, None, False
    cats: list[tuple[str, str]] = []
    category = subgroup = None
    words: list[str] = []
    of_gdp = any(a == "pct" and b == "gdp" for a, b in zip(tokens, tokens[1:], strict=False))
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if re.fullmatch(r"(?:19|20)\d\d", t):
            year = int(t)
        elif currency_unit(t):
            unit = currency_unit(t) or unit
            if nxt in _SCALE:
                scale = _SCALE[nxt]
                i += 1
        elif t in ("pct", "percent"):
            unit = "pct"
        elif t in _SCALE and nxt in ("kwh",):
            unit, scale = "kwh", _SCALE[t]
            i += 1
        elif (named := unit_named(t)) is not None:
            unit, scale = named
        elif t == "sq" and nxt == "km":
            unit = "sqkm"
            i += 1
        elif t in ("years", "months", "days") and unit == "count":
            unit = t
        elif t == "prev" and nxt == "year":
            prev_year = True
            i += 1
        elif t == "year" and i == len(tokens) - 1 and tokens[i - 1] != "per":
            unit = "year"
        elif t == "rank":
            unit = "rank"
            words.append(t)
        elif t in ("age",):
            unit = "age"
            tokens = [x for x in tokens if x != "years"]
        elif t in KEY_QUALIFIERS:
            qualifier = KEY_QUALIFIERS[t]
        elif t in _SCALE and unit != "count":
            scale = _SCALE[t]
        elif t == "at" and nxt == "least" or t == "up" and nxt == "to":
            qualifier = "min" if t == "at" else "max"
            i += 1
        else:
            cat = category_of(t)
            if cat:
                cats.append((t, cat))
            else:
                sub = subgroup_of(t)
                if sub and subgroup is None:
                    subgroup = sub
                if t not in _NOISE and not (t == "gdp" and of_gdp):
                    words.append(t)
        i += 1
    if unit == "count" and any(t in ("million", "billion", "bn", "thousand") for t in tokens):
        scale = next(_SCALE[t] for t in tokens if t in ("million", "billion", "bn", "thousand"))
    if "death" in tokens and any(t.startswith("sentence") for t in tokens):
        cats = [("sentences", "sentenced")]
    verbs = [c for c in cats if c[1] not in NOUN_CATEGORIES]
    nouns = [c for c in cats if c[1] in NOUN_CATEGORIES]
    if verbs:
        category = verbs[0][1]
        for word, _ in nouns:
            subgroup = subgroup or subgroup_of(word)
            words.append(word)
    elif nouns:
        category = nouns[0][1]
    if unit == "years" and category in ("sentenced", "convicted"):
        category = "sentence_years"
    return Figure(key, round(float(value) * scale, 6), unit, category, subgroup, qualifier, year, tuple(words), of_gdp,
                  prev_year=prev_year)
