"""Competing values: where the store holds different figures for the same measure and date, say so.

A brief must not resolve a disagreement silently. Three kinds are found: two
reports giving different figures for the same measure and year (or the same
event's toll on the same day), a report whose figure differs from an
observation series the watch plan names for that measure, and a figure a
source itself disputes. Each is written with both values and both sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from watchfloor.analyse.watchplan import WatchPlan
from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Sentence
from watchfloor.brief.text import join, quantity
from watchfloor.store import Store

KEY = re.compile(r"^(?P<base>.*?)(?:_(?P<year>(?:19|20)\d\d))?(?P<mod>_approx|_over|_min|_max)?$")
DISPUTE = re.compile(r"\b(disputed|disputes|contested|contests|discrepanc\w*|differing)\b", re.I)
"""A report that says a figure is disputed, or that two authorities' figures differ."""
APART = 1.02
"""Two values more than 2% apart compete; closer ones are the same figure rounded."""
UNITS = {"pct", "gdp", "usd", "bn", "m", "approx", "total"}


@dataclass
class Competing:
    sentences: list[Sentence] = field(default_factory=list)
    contested: dict[str, str] = field(default_factory=dict)
    """Measure key → its name in words, for every measure with competing or disputed values."""
    facts: dict[str, str] = field(default_factory=dict)
    """Fact id → the name of the figure it gives a competing or disputed value for."""

    def about(self, keys: Sequence[str], facts: Sequence[Fact]) -> str:
        """The contested measures among these keys, or the figures these facts contest, in words ('' if none)."""
        names = [self.contested[k] for k in keys if k in self.contested]
        names += [self.facts[f.id] for f in facts if f.id in self.facts]
        return join(dict.fromkeys(names))

    def add(self, sentence: Sentence, key: str, facts: Sequence[Fact]) -> None:
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
                if max(v, value) <= APART * min(v, value) or not _add_source(store, ev, source_id):
                    continue
                name = str(ev.sources[source_id].get("publisher") or "an observation")
                text = (f"For {ref[:4]}, {label(measure)} were {quantity(k, v)} according to {publisher(f)} and "
                        f"{quantity(measure, value)} in the {name} series in the store")
                s = phrase.say(text, [f])
                out.add(Sentence(s.text, (*s.sources, source_id), s.events), measure, [f])


def _add_source(store: Store, ev: Evidence, source_id: str) -> bool:
    if source_id not in ev.sources:
        rows = store.query("SELECT * FROM source WHERE id = ?", [source_id])
        if not rows:
            return False
        ev.sources[source_id] = dict(rows[0])
    return True


def _disputed(ev: Evidence, facts: Sequence[Fact], out: Competing) -> None:
    for f in facts:
        if f.counts and DISPUTE.search(f.summary):
            out.add(phrase.event(ev, f), base(sorted(f.counts)[0]), [f])


def find(store: Store, ev: Evidence, plan: WatchPlan | None) -> Competing:
    """Competing values among the facts from the year before the period to its end."""
    first = ev.start.value.year - 1
    facts = [f for f in ev.facts if f.date.value.year >= first]
    out = Competing()
    _between_reports(ev, facts, out)
    if plan is not None:
        _against_series(store, ev, plan, facts, out)
    _disputed(ev, facts, out)
    return out
