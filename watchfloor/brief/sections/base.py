"""What every section builder shares: which facts it claims, and the sentence helpers.

Each in-period fact is narrated in full by one section only (the first that
claims it, in `ORDER`); other sections may still refer to it in a sentence of
their own. That keeps the brief free of repeated sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Paragraph, Section, Sentence

JIHADIST = re.compile(r"\b(IS|ISIS|ISIL|ISKP|IS-K|IS-KP|ISIS-K|Islamic State|Jamaat Ansarullah|Amaq|terror\w*|"
                      r"jihad\w*)\b")
"""Names of jihadist groups and terrorism words: what makes an arrest or a trial a terrorism case."""

SECURITY_CASE = {"arrest", "sentence", "trial", "extradition", "investigation", "deportation", "designation",
                 "statement", "report", "repatriation", "execution", "security_operation", "border_clash",
                 "defection", "reward", "military_strike"}
VIOLENCE = {"attack", "plot", "cross_border_fire", "prison_riot", "assassination"}
MONEY = {"economic_figure", "debt_figure", "loan", "trade_figure", "project", "concession", "agreement",
         "migration_figure"}
DIPLOMACY = {"visit", "diplomatic", "diplomatic_visit", "summit", "agreement", "membership"}
MILITARY = {"base_agreement", "military_exercise", "military_reinforcement", "security_assistance", "membership"}
MIGRATION = {"deportation", "migration_policy", "migration_figure"}
POLITICS = {"election", "referendum", "appointment", "policy", "designation", "press_freedom", "unrest",
            "sentence", "leadership", "assassination", "award"}


PLOTTING = re.compile(r"\b(attacks?|bomb\w*|plots?|plann\w+)\b", re.I)
CASES = {"arrest", "trial", "sentence", "investigation", "extradition"}


def is_terrorism(f: Fact) -> bool:
    """Violence, or a security case that names a jihadist group or (for arrests and trials) an attack or plot."""
    if f.type in VIOLENCE:
        return True
    return f.type in SECURITY_CASE and (f.mentions(JIHADIST) or (f.type in CASES and f.mentions(PLOTTING)))


@dataclass
class Context:
    """Shared state while a brief is built: the evidence and who has narrated which fact."""

    ev: Evidence
    owner: dict[str, str] = field(default_factory=dict)
    headlines: dict[str, Sentence] = field(default_factory=dict)

    def claim(self, kind: str, facts: Sequence[Fact]) -> list[Fact]:
        """The facts not yet narrated by an earlier section; they become this section's."""
        mine = [f for f in facts if self.owner.setdefault(f.id, kind) == kind]
        return sorted(mine, key=lambda f: (f.date.start, f.id))


@dataclass(frozen=True)
class Builder:
    kind: str
    title: str
    build: Callable[[Context], list[Paragraph]]

    def section(self, ctx: Context) -> Section | None:
        paragraphs = merge_short([p for p in self.build(ctx) if p.sentences])
        return Section(self.kind, self.title, paragraphs) if paragraphs else None


def merge_short(paragraphs: list[Paragraph], short: int = 1) -> list[Paragraph]:
    """A one-sentence paragraph joins the paragraph before it: no walls of one-liners."""
    out: list[Paragraph] = []
    for p in paragraphs:
        if out and (len(p.sentences) <= short or len(out[-1].sentences) <= short):
            out[-1] = Paragraph(out[-1].sentences + p.sentences)
        else:
            out.append(p)
    return out


def para(*groups: Sentence | None | Sequence[Sentence | None]) -> Paragraph:
    out: list[Sentence] = []
    for g in groups:
        if g is None:
            continue
        if isinstance(g, Sentence):
            out.append(g)
        else:
            out += [s for s in g if s is not None]
    return Paragraph(out)


def involves(f: Fact, iso3: str, pattern: re.Pattern[str] | None = None) -> bool:
    return iso3 in f.countries or f.country == iso3 or bool(pattern and f.mentions(pattern))


def latest(facts: Sequence[Fact], n: int = 1) -> list[Fact]:
    return sorted(facts, key=lambda f: (f.date.start, f.id))[-n:]


def background(ev: Evidence, keep: Callable[[Fact], bool], groups: Sequence[set[str]], per_group: int = 1,
               ) -> list[Fact]:
    """The latest earlier facts of each kind: what the period started from."""
    picked: dict[str, Fact] = {}
    for types in groups:
        for f in latest([f for f in ev.before if keep(f) and f.type in types], per_group):
            picked[f.id] = f
    return sorted(picked.values(), key=lambda f: (f.date.start, f.id))
