"""Competing values: where the store holds different figures for the same measure and date, say so.

A brief must not resolve a disagreement silently. Five kinds are found: two
reports giving different figures for the same measure and year (or the same
event's toll on the same day), a stock two reports put too far apart within a
quarter to be a change, two reports one of the plan's series figures draws for
the same year, a report whose figure differs from an observation series the
watch plan names for that measure, and a figure a source itself disputes. Each
is written with both values and both sources in the Competing Values section,
and every other sentence or table cell of the brief that states one of the
values is made to give the others with their sources (`flag`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from watchfloor.analyse.argument_specs import FigureSpec
from watchfloor.analyse.watchplan import WatchPlan
from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Row, Sentence
from watchfloor.brief.signposts import add_source
from watchfloor.brief.text import fmt_number, join, quantity
from watchfloor.store import Store

if TYPE_CHECKING:
    from watchfloor.analyse.series_chart import Point  # imported when read: it brings matplotlib

KEY = re.compile(r"^(?P<base>.*?)(?:_(?P<year>(?:19|20)\d\d))?(?P<mod>_approx|_over|_min|_max)?$")
DISPUTE = re.compile(r"\b(disputed|disputes|contested|contests|discrepanc\w*|differing)\b", re.I)
"""A report that says a figure is disputed, or that two authorities' figures differ."""
APART = 1.02
"""Two values more than 2% apart compete; closer ones are the same figure rounded."""
UNITS = {"pct", "gdp", "usd", "bn", "m", "approx", "total"}
STOCK_DAYS = 92
"""Two reports of a stock (a debt, say) at most a quarter apart …"""
STOCK_APART = 1.10
"""… that differ by more than 10% compete: a stock does not move that much in a quarter without a report saying so."""


@dataclass(frozen=True)
class Value:
    """One of the competing values: its words, the date it is for, who gives it, and how a sentence states it."""

    words: str
    """'about 11,000', '45.3% of GDP'."""
    when: str
    """'for 2023', 'at the start of 2025'."""
    who: str
    sources: tuple[str, ...]
    stated: re.Pattern[str]

    def in_(self, text: str, sources: Sequence[str]) -> bool:
        """Whether a text citing `sources` states this value (its number, and a source of it among the citations)."""
        return bool(self.stated.search(text)) and bool(set(self.sources) & set(sources))


SHORT = "; sources differ on the figures (Annex: Competing Values)"
"""What a bottom-line sentence stating a competing value adds, in place of every value and source."""


@dataclass(frozen=True)
class Conflict:
    values: tuple[Value, ...]


@dataclass
class Competing:
    sentences: list[Sentence] = field(default_factory=list)
    contested: dict[str, str] = field(default_factory=dict)
    """Measure key → its name in words, for every measure with competing or disputed values."""
    facts: dict[str, str] = field(default_factory=dict)
    """Fact id → the name of the figure it gives a competing or disputed value for."""
    conflicts: list[Conflict] = field(default_factory=list)
    """Each set of competing values, for flagging the sentences that state one of them."""
    numbers: dict[tuple[str, int], set[float]] = field(default_factory=dict)
    """(measure, year) → every value given for it, the series' among them: whether a dispute changes a reading."""

    def one_side(self, measure: str, year: int, met: Callable[[float], bool]) -> bool:
        """Whether every value given for a measure in a year meets a threshold alike (all above it, say): then the
        dispute is over how much, not over what the signpost reads, and need not lower confidence."""
        values = self.numbers.get((measure, year), set())
        return bool(values) and len({met(v) for v in values}) == 1

    def conflict(self, values: Sequence[Value]) -> None:
        if len(values) > 1 and all(set(c.values) != set(values) for c in self.conflicts):
            self.conflicts.append(Conflict(tuple(values)))

    def differ(self, text: str, sources: Sequence[str]) -> tuple[str, tuple[str, ...]]:
        """What a text stating competing values must add, '; sources differ: …' with the others and who gives them,
        and their sources ('', () when it states none or already gives the others)."""
        parts: list[str] = []
        extra: list[str] = []
        for c in self.conflicts:
            stated = [v for v in c.values if v.in_(text, sources)]
            others = [v for v in c.values if v not in stated and not v.stated.search(text)]
            if not stated or not others:
                continue
            shown = [stated[0], *others]
            if len({v.when for v in shown}) == 1:
                parts.append(f"{shown[0].when} ({', '.join(f'{v.words} according to {v.who}' for v in shown)})")
            else:
                parts.append(f"({', '.join(f'{v.words} {v.when} according to {v.who}' for v in shown)})")
            extra += [src for o in others for src in o.sources]
        if not parts:
            return "", ()
        return "; sources differ " + join(dict.fromkeys(parts)), tuple(dict.fromkeys(extra))

    def flag(self, sentences: Sequence[Sentence], rows: Sequence[Row], short: Sequence[Sentence] = (),
             short_rows: Sequence[Row] = ()) -> None:
        """Every sentence and table cell that states one of the competing values gives the others and their sources
        too (a reader of any one line must not take a disputed figure for settled). The `short` ones (the bottom
        line, read first and in a hurry) say only that sources differ and where the values are."""
        brief = {id(s) for s in short}
        for s in sentences:
            clause, extra = self.differ(s.text, s.sources)
            if clause and id(s) in brief:
                clause, extra = SHORT, ()
            if clause:
                s.text, s.template = s.text + clause, s.template + clause
                s.sources = tuple(dict.fromkeys((*s.sources, *extra)))
        brief_rows = {id(r) for r in short_rows}
        for r in rows:
            cells = list(r.cells)
            for i, cell in enumerate(cells):
                clause, extra = self.differ(cell, r.sources)
                if clause and id(r) in brief_rows:
                    clause, extra = SHORT, ()
                if clause:
                    cells[i] = cell + clause
                    r.sources = tuple(dict.fromkeys((*r.sources, *extra)))
            r.cells = tuple(cells)

    def about(self, keys: Sequence[str], facts: Sequence[Fact]) -> str:
        """The contested measures among these keys, or the figures these facts contest, in words ('' if none)."""
        names = [self.contested[k] for k in keys if k in self.contested]
        names += [self.facts[f.id] for f in facts if f.id in self.facts]
        return join(dict.fromkeys(names))

    def add(self, sentence: Sentence, key: str, facts: Sequence[Fact]) -> None:
        """Keep a competing-values sentence, once: the same dispute found from two sides (the series against a report,
        a report against the series) is one line of the annex, not two (the seventh review found it three times)."""
        if not any(s.text == sentence.text for s in self.sentences):
            self.sentences.append(sentence)
        self.contested.setdefault(key, label(key))
        for f in facts:
            self.facts.setdefault(f.id, label(key))


def base(key: str) -> str:
    m = KEY.match(key)
    return m.group("base") if m else key


def label(key: str) -> str:
    """A measure key in words, without its unit (the value carries it): remittances_pct_gdp → 'remittances'."""
    words = [w for w in key.split("_") if w not in UNITS]
    return " ".join(words) or key.replace("_", " ")


def publisher(f: Fact) -> str:
    return str(f.sources[0].get("publisher") or "one report") if f.sources else "one report"


def _reference(f: Fact, key: str) -> str | None:
    """What date a value applies to: the year a key names, a figure's year or day, an event's day."""
    m = KEY.match(key)
    if m and m.group("year"):
        return m.group("year")
    if f.type.endswith("_figure"):
        return str(f.date.value.year) if f.date.precision == "year" else f.date.value.isoformat()
    return f"{f.date.value.isoformat()} {f.type}" if f.date.precision == "day" else None


def _between_reports(ev: Evidence, facts: Sequence[Fact], out: Competing) -> None:
    groups: dict[tuple[str, str, str], list[tuple[Fact, str, float]]] = defaultdict(list)
    for f in facts:
        for k, v in sorted(f.counts.items()):
            ref = _reference(f, k)
            if ref is not None and v > 0:
                groups[(base(k), ref, f.country or "")].append((f, k, v))
    for (b, _ref, _c), pts in sorted(groups.items(), key=lambda kv: (kv[1][0][0].date.start, kv[0])):
        by_fact = {f.id: (f, k, v) for f, k, v in pts}
        values = [v for _f, _k, v in by_fact.values()]
        if len(by_fact) < 2 or max(values) <= APART * min(values):
            continue
        first = pts[0][0]
        parts = [f"{quantity(k, v)} according to {publisher(f)}" for f, k, v in by_fact.values()]
        if first.type.endswith("_figure"):
            text = f"Reports differ on {label(b)} {phrase.as_of(first, pts[0][1])}: {join(parts)}"
        else:
            text = (f"Reports of the {first.type.replace('_', ' ')} {phrase.when(first.date)} differ on the number "
                    f"of {label(b)}: {join(parts)}")
        cited = [f for f, _k, _v in by_fact.values()]
        out.add(phrase.say(text, cited), b, cited)
        out.conflict([value_of(f, k, v, f"for {_ref}" if _ref.isdigit() else phrase.as_of(f, k))
                      for f, k, v in by_fact.values()])


def _against_series(store: Store, ev: Evidence, plan: WatchPlan, facts: Sequence[Fact], out: Competing) -> None:
    for ind in (i for q in plan.questions for i in q.indicators if i.measure and i.series):
        measure = str(ind.measure)
        rows = store.query("SELECT year, value, source_id FROM observation WHERE country_iso3 = ? AND indicator = ? "
                           "ORDER BY year", [plan.country, ind.series])
        series = {int(r["year"]): (float(r["value"]), str(r["source_id"])) for r in rows}
        for f in facts:
            for k, v in sorted(f.counts.items()):
                ref = _reference(f, k)
                if base(k) != measure or ref is None or not ref[:4].isdigit() or int(ref[:4]) not in series:
                    continue
                value, source_id = series[int(ref[:4])]
                if max(v, value) <= APART * min(v, value) or not add_source(store, ev, source_id):
                    continue
                name = str(ev.sources[source_id].get("publisher") or "an observation")
                text = (f"For {ref[:4]}, {label(measure)} were {quantity(k, v)} according to {publisher(f)} and "
                        f"{quantity(measure, value)} in the {name} series")
                s = phrase.say(text, [f])
                out.add(Sentence(s.text, (*s.sources, source_id), s.events), measure, [f])
                out.numbers.setdefault((measure, int(ref[:4])), set()).update({v, value})
                out.conflict([value_of(f, k, v, f"for {ref[:4]}"),
                              Value(quantity(measure, value), f"for {ref[:4]}", f"the {name} series",
                                    (source_id,), stated(measure, value))])


def value_of(f: Fact, key: str, v: float, when: str) -> Value:
    return Value(quantity(key, v), when, publisher(f), f.source_ids, stated(key, v))


def stated(key: str, v: float) -> re.Pattern[str]:
    """How a text states a value of this key: its number with the key's unit ('$820m', '45.3%', '11,000'), not
    part of a longer number."""
    n = re.escape(fmt_number(v))
    k = key.lower()
    if "usd_bn" in k:
        return re.compile(rf"\$\s?{n}\s?(?:bn|billion)\b")
    if "usd_m" in k:
        return re.compile(rf"\$\s?{n}\s?(?:m|million)\b")
    if "pct" in k or k.endswith("%"):
        return re.compile(rf"(?<![\d.,]){n}\s?%")
    return re.compile(rf"(?<![\d.,]){n}(?!\d|[.,]\d)")


def normal(key: str, v: float) -> tuple[str, float]:
    """A key's measure and value in one unit, so that $820m and about $1bn are compared: usd_m → usd_bn."""
    b = base(key)
    return (b[:-2] + "_bn", v / 1000) if b.endswith("_usd_m") else (b, v)


def _close_stocks(ev: Evidence, facts: Sequence[Fact], out: Competing, names: dict[str, str]) -> None:
    """A stock (a figure dated to a day) two reports put more than 10% apart within a quarter."""
    stocks: dict[str, list[tuple[Fact, str, float, float]]] = defaultdict(list)
    for f in facts:
        if f.type.endswith("_figure") and f.date.precision == "day":
            for k, v in sorted(f.counts.items()):
                m = KEY.match(k)
                if v > 0 and not (m and m.group("year")):
                    b, n = normal(k, v)
                    stocks[b].append((f, k, v, n))
    for b, pts in sorted(stocks.items()):
        pts.sort(key=lambda p: (p[0].date.value, p[0].id))
        for (f0, k0, v0, n0), (f1, k1, v1, n1) in zip(pts, pts[1:], strict=False):
            days = (f1.date.value - f0.date.value).days
            if f0.id == f1.id or not 0 < days <= STOCK_DAYS or max(n0, n1) <= STOCK_APART * min(n0, n1):
                continue
            name = names.get(b, f"“{label(b)}”")
            text = (f"Reports less than a quarter apart differ on {name}: {quantity(k0, v0)} {phrase.as_of(f0, k0)} "
                    f"according to {publisher(f0)} and {quantity(k1, v1)} {phrase.as_of(f1, k1)} according to "
                    f"{publisher(f1)}")
            out.add(phrase.say(text, [f0, f1]), b, [f0, f1])
            out.conflict([value_of(f0, k0, v0, phrase.as_of(f0, k0)), value_of(f1, k1, v1, phrase.as_of(f1, k1))])


def _within_figures(store: Store, ev: Evidence, specs: Sequence[FigureSpec], out: Competing) -> None:
    """Two reports a series figure of the plan draws for the same date, more than 2% apart: the plan says their keys
    measure one thing ('expelled in 2023' and 'deported a year before' a 2024 figure)."""
    from watchfloor.analyse.series_chart import QUALIFIER_WORDS, read_series

    first = ev.start.value.year - 1
    for spec in (s for s in specs if s.kind == "series"):
        for series in read_series(store, spec, ev.iso3, ev.end.end):
            if not series.events:
                continue
            by_x: dict[float, list[Point]] = defaultdict(list)
            for p in series.points:
                if int(p.x) >= first:
                    by_x[p.x].append(p)
            for pts in by_x.values():
                if len(pts) < 2 or max(p.value for p in pts) <= APART * min(p.value for p in pts):
                    continue
                values, cited = [], []
                for p in pts:
                    facts = [f for e in p.events if (f := ev.fact(e)) is not None]
                    if not facts:
                        continue
                    words = f"{QUALIFIER_WORDS.get(p.qualifier, '')}{fmt_number(p.value)}"
                    unit = "pct" if "%" in spec.unit else "usd_bn" if "bn" in spec.unit else "count"
                    values.append(Value(words, f"for {p.when}", publisher(facts[0]), phrase.cite(facts),
                                        stated(unit, p.value)))
                    cited += facts
                if len(values) < 2:
                    continue
                text = (f"Reports differ on “{spec.title}” for {pts[0].when}: "
                        + join(f"{v.words} according to {v.who}" for v in values))
                out.add(phrase.say(text, cited), spec.name, cited)
                out.conflict(values)


def _series_names(specs: Sequence[FigureSpec]) -> dict[str, str]:
    """A measure's name as the plan's figures label it (“Owed to Ruritania …”), for a key a series reads."""
    out: dict[str, str] = {}
    for spec in specs:
        for series in spec.series:
            for key, _scale in series.keys:
                b, _v = normal(key.replace("{year}", "2000"), 1.0)
                out.setdefault(b, f"“{series.label}”")
    return out


def _disputed(ev: Evidence, facts: Sequence[Fact], out: Competing) -> None:
    for f in facts:
        if f.counts and DISPUTE.search(f.summary):
            out.add(phrase.event(ev, f), base(sorted(f.counts)[0]), [f])


def find(store: Store, ev: Evidence, plan: WatchPlan | None, specs: Sequence[FigureSpec] = ()) -> Competing:
    """Competing values among the facts from the year before the period to its end; `specs`, the plan's figures,
    say which keys of different reports measure one thing."""
    first = ev.start.value.year - 1
    facts = [f for f in ev.facts if f.date.value.year >= first]
    out = Competing()
    _between_reports(ev, facts, out)
    _close_stocks(ev, facts, out, _series_names(specs))
    _within_figures(store, ev, specs, out)
    if plan is not None:
        # a series' latest year lags the period by one, and its signpost reads it against the year before: a report
        # on that earlier year competes too (the eleventh review: a caption's disputed 2023 the annex left out)
        _against_series(store, ev, plan, [f for f in ev.facts if f.date.value.year >= first - 1], out)
    _disputed(ev, facts, out)
    return out
