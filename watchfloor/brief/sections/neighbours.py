"""Neighbours and the Afghan border: treaties, clashes, talks with the Taliban, other partners."""

from __future__ import annotations

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Fact
from watchfloor.brief.model import Paragraph
from watchfloor.brief.sections.base import DIPLOMACY, Builder, Context, para

KIND = "neighbours"
TYPES = DIPLOMACY | {"border_agreement", "border_clash", "cross_border_fire"}


def build(ctx: Context) -> list[Paragraph]:
    ev = ctx.ev

    def regional(f: Fact) -> bool:
        return f.type in TYPES

    mine = ctx.claim(KIND, ev.select(regional))
    borders = [f for f in mine if f.type.startswith("border") or f.type == "cross_border_fire"]
    talks = [f for f in mine if f not in borders]
    return [para(phrase.events(ev, borders)), para(phrase.events(ev, talks))]


BUILDER = Builder(KIND, "Neighbours, Afghanistan and other partners", build)
