"""Domestic politics: elections, laws, the opposition, the press, unrest."""

from __future__ import annotations

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Fact
from watchfloor.brief.model import Paragraph
from watchfloor.brief.sections.base import POLITICS, Builder, Context, background, para

KIND = "politics"


def build(ctx: Context) -> list[Paragraph]:
    ev = ctx.ev

    def domestic(f: Fact) -> bool:
        return f.type in POLITICS and f.country in (ev.iso3, None)

    mine = ctx.claim(KIND, ev.select(domestic))
    press = [f for f in mine if f.type == "press_freedom"]
    rest = [f for f in mine if f.type != "press_freedom"]
    elections = [f for f in rest if f.type in ("election", "referendum")]
    others = [f for f in rest if f not in elections]
    paragraphs = [para(phrase.events(ev, elections)), para(phrase.events(ev, others)),
                  para(phrase.events(ev, press))]
    earlier = background(ev, domestic, [{"election"}, {"referendum"}, {"appointment"}, {"designation"}])
    earlier = [f for f in earlier if ctx.owner.setdefault(f.id, KIND) == KIND]
    paragraphs.append(para(phrase.earlier(ev, earlier)))
    if elections:
        ctx.headlines.setdefault(KIND, phrase.event(ev, elections[-1]))
    return paragraphs


BUILDER = Builder(KIND, "Domestic politics", build)
