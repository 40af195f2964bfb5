"""Historical background: independence, civil war and peace, the ruler and how his power was secured."""

from __future__ import annotations

from watchfloor.brief import phrase
from watchfloor.brief.model import Paragraph
from watchfloor.brief.sections.base import Builder, Context, para

KIND = "history"
FOUNDING = ("independence", "war_start", "leadership", "peace_agreement", "membership", "referendum")
LIMIT = 6


def build(ctx: Context) -> list[Paragraph]:
    ev = ctx.ev
    picked = []
    for t in FOUNDING:
        picked += [f for f in ev.before if f.type == t and f.country in (ev.iso3, None)][:1]
    picked = sorted(picked, key=lambda f: (f.date.start, f.id))[:LIMIT]
    mine = [f for f in picked if ctx.owner.setdefault(f.id, KIND) == KIND]
    return [para(phrase.events(ev, mine))]


BUILDER = Builder(KIND, "Historical background", build)
