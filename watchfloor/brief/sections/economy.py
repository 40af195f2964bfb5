"""The economy: remittances, growth, public and external debt, big projects."""

from __future__ import annotations

import re

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Fact
from watchfloor.brief.model import Paragraph
from watchfloor.brief.sections.base import MONEY, Builder, Context, para

KIND = "economy"
DISPUTE = re.compile(r"\b(disput\w*|contest\w*|denied|reject\w*)\b", re.I)
SERIES = [
    ("Remittances", ("remittances_pct_gdp", "remittances_pct_gdp_2024")),
    ("Real GDP growth", ("gdp_growth_pct",)),
    ("External debt", ("external_debt_usd_bn",)),
]


def ev_disputed(facts: list[Fact], fact_id: str) -> bool:
    """A figure someone disputes is told in full, dispute and all, even when a change sentence uses it."""
    return any(f.id == fact_id and DISPUTE.search(f.summary) for f in facts)


def build(ctx: Context) -> list[Paragraph]:
    ev = ctx.ev

    def economic(f: Fact) -> bool:
        return f.type in MONEY | {"loan", "aid", "trade_figure"} and f.country in (ev.iso3, None)

    window = [f for f in ev.facts if economic(f) and f.date.start >= ev.start.start.replace(
        year=ev.start.start.year - 1) and f.date.end <= ev.end.end]
    changes = [phrase.change(label, phrase.series(window, keys)) for label, keys in SERIES]
    mine = ctx.claim(KIND, ev.select(economic))
    used = {e for s in changes if s for e in s.events[:-1] if not ev_disputed(ev.facts, e)}
    figures = [f for f in mine if f.type.endswith("_figure") and f.id not in used]
    projects = [f for f in mine if not f.type.endswith("_figure") and f.id not in used]
    for s in changes:
        if s is not None:
            ctx.headlines.setdefault(KIND, s)
            break
    return [para(changes), para(phrase.events(ev, figures)), para(phrase.events(ev, projects))]


BUILDER = Builder(KIND, "Economy", build)
