"""Relations with one partner country: security and bases, migrants, money, diplomacy.

The same builder writes the Russia, China and United States sections; each
module gives the partner, the words that name it, and the figures to follow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Paragraph, Sentence
from watchfloor.brief.sections.base import (
    DIPLOMACY,
    MIGRATION,
    MILITARY,
    MONEY,
    SECURITY_CASE,
    VIOLENCE,
    Builder,
    Context,
    background,
    para,
)
from watchfloor.brief.text import quantity

GROUPS: list[tuple[str, set[str]]] = [
    ("security", MILITARY | VIOLENCE | SECURITY_CASE | {"policy", "border_clash"}),
    ("migration", MIGRATION),
    ("money", MONEY | {"loan", "aid"}),
    ("diplomacy", DIPLOMACY),
]
"""Paragraphs in reading order. A fact goes to the first of CLASSIFY that lists its type."""
CLASSIFY = ["migration", "money", "security", "diplomacy"]
BACKGROUND: list[tuple[set[str], int]] = [(MILITARY, 2), (MIGRATION, 1), (MONEY | {"loan", "aid"}, 1),
                                          (DIPLOMACY - {"membership"}, 1)]
"""What an earlier paragraph recalls: the latest bases and aid, migrants, money and visits, not old cases."""


@dataclass(frozen=True)
class Partner:
    iso3: str
    kind: str
    title: str
    words: tuple[str, ...]
    money_keys: tuple[str, ...] = ()
    money_label: str = ""
    yearly_prefixes: tuple[str, ...] = ()
    yearly_label: str = ""

    def pattern(self) -> re.Pattern[str]:
        """The words as one pattern; a word may itself be a regular expression (Washington(?! Post))."""
        return re.compile(r"(?<![\w-])(" + "|".join(self.words) + r")(?![\w-])")

    def involved(self, f: Fact) -> bool:
        """The partner took part: it is among the fact's countries and named, or it is where the fact happened;
        or one of the fact's actors is the partner's (the US Embassy in Dushanbe); or the fact is about
        migrants, money, bases or diplomacy and names the partner ('deportations … from Russia'). A partner
        merely named in an attack or a case ('US intelligence blamed ISKP') is not enough."""
        rx = self.pattern()
        if self.iso3 not in f.countries:
            if any(rx.search(a) for a in f.actors):
                return True
            return f.type in (MIGRATION | MONEY | MILITARY | DIPLOMACY | {"loan", "aid"}) and bool(rx.search(f.summary))
        return f.mentions(rx) or (f.country == self.iso3 and f.type != "report")


def group_of(f: Fact) -> str:
    types = dict(GROUPS)
    return next((name for name in CLASSIFY if f.type in types[name]), "diplomacy")


def yearly(facts: Sequence[Fact], prefixes: Sequence[str]) -> list[tuple[int, str, float, Fact]]:
    """A figure per year read off keys such as deported_2024 or expelled_2023_approx; the latest report wins."""
    rx = re.compile(r"^(" + "|".join(map(re.escape, prefixes)) + r")_(\d{4})(_[a-z]+)?$")
    per: dict[int, tuple[str, float, Fact]] = {}
    for f in sorted(facts, key=lambda x: (x.date.start, x.id)):
        for k, v in sorted(f.counts.items()):
            m = rx.match(k)
            if m and (m.group(3) or "") in ("", "_approx", "_over", "_min"):
                per[int(m.group(2))] = (k, v, f)
    return [(y, k, v, f) for y, (k, v, f) in sorted(per.items())]


def yearly_sentence(label: str, points: list[tuple[int, str, float, Fact]]) -> Sentence | None:
    if len(points) < 2:
        return None
    parts = [f"{quantity(k, v)} in {y}" for y, k, v, _f in points]
    first, rest = parts[0], parts[1:]
    direction = "rose" if points[-1][2] > points[0][2] else "fell"
    tail = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
    return phrase.say(f"{label} {direction} from {first} to {tail}", [p[3] for p in points])


def money_sentence(p: Partner, facts: Sequence[Fact]) -> Sentence | None:
    """The change in the partner figure that most reports in the period share a key for."""
    best: list[tuple[Fact, str, float]] = []
    for key in p.money_keys:
        pts = phrase.series(facts, [key])
        if len(pts) > len(best):
            best = pts
    return phrase.change(p.money_label, best) if p.money_label else None


def build_for(p: Partner, ctx: Context) -> list[Paragraph]:
    ev: Evidence = ctx.ev
    involved = [f for f in ev.period if p.involved(f)]
    mine = ctx.claim(p.kind, involved)
    paragraphs: list[Paragraph] = []
    for name, _types in GROUPS:
        facts = [f for f in mine if group_of(f) == name]
        extra: Sentence | None = None
        if name == "money":
            extra = money_sentence(p, [f for f in involved if f.type in MONEY])
        if name == "migration" and p.yearly_prefixes:
            extra = yearly_sentence(p.yearly_label, yearly([f for f in ev.facts if p.involved(f)],
                                                           p.yearly_prefixes))
        if extra is not None and name == "migration":
            ctx.headlines.setdefault(p.kind, extra)
        if extra is not None:
            facts = [f for f in facts if f.id not in extra.events[:-1]]
        paragraphs.append(para(extra, phrase.events(ev, facts)))
    earlier = []
    for types, n in BACKGROUND:
        earlier += background(ev, p.involved, [types], n)
    earlier = sorted({f.id: f for f in earlier}.values(), key=lambda f: (f.date.start, f.id))
    earlier = [f for f in earlier if ctx.owner.setdefault(f.id, p.kind) == p.kind]
    if earlier:
        paragraphs.append(para(phrase.earlier(ev, earlier)))
    return paragraphs


def builder(p: Partner) -> Builder:
    return Builder(p.kind, p.title, lambda ctx: build_for(p, ctx))
