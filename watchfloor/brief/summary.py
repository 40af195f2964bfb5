"""The executive summary: three to five sentences, each the headline of a section, each cited."""

from __future__ import annotations

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence
from watchfloor.brief.model import Sentence
from watchfloor.brief.sections.base import VIOLENCE, Context, is_terrorism
from watchfloor.brief.sections.relations import yearly
from watchfloor.brief.sections.terrorism import KILLED, spread
from watchfloor.brief.text import number_word, period_text

MAX_SENTENCES = 5


def terrorism(ev: Evidence) -> Sentence | None:
    now = spread(ev, [f for f in ev.period if is_terrorism(f)])
    if not now:
        return None
    attacks = [f for fs in now.values() for f in fs if f.type in VIOLENCE and (f.count(*KILLED) or 0) > 0]
    text = (f"{period_text(ev.start, ev.end)}, {ev.demonym} nationals were tied to jihadist attacks, plots or "
            f"prosecutions in {number_word(len(now))} countries besides {ev.name}")
    facts = [fs[0] for fs in now.values()]
    if attacks:
        worst = max(attacks, key=lambda f: (f.count(*KILLED) or 0, f.date.start))
        where = (worst.location or "").split(",")[0]
        text += f", the deadliest case being the attack on {where} {phrase.when(worst.date)}"
        facts.append(worst)
    return phrase.say(text, facts)


def russia(ev: Evidence) -> Sentence | None:
    from watchfloor.brief.sections.russia import PARTNER

    points = yearly([f for f in ev.facts if PARTNER.involved(f)], PARTNER.yearly_prefixes)
    if len(points) < 2:
        return None
    (y0, k0, v0, f0), (y1, k1, v1, f1) = points[0], points[-1]
    from watchfloor.brief.text import quantity

    verb = "rose" if v1 > v0 else "fell"
    return phrase.say(f"Reported deportations of {ev.demonym} citizens from Russia {verb} from {quantity(k0, v0)} "
                      f"in {y0} to {quantity(k1, v1)} in {y1}", [f0, f1])


def united_states(ev: Evidence, ctx: Context) -> Sentence | None:
    facts = [f for f in ev.period if ctx.owner.get(f.id) == "united_states" and f.type in ("arrest",)]
    if not facts:
        return None
    top = max(facts, key=lambda f: (f.count("arrested", "detained") or 0, f.date.start))
    return phrase.brief_event(ev, top)


def china(ev: Evidence) -> Sentence | None:
    facts = [f for f in ev.period if f.type in VIOLENCE and f.country == ev.iso3 and "CHN" in f.countries]
    if not facts:
        return None
    span = (f"between {facts[0].date.human()} and {facts[-1].date.human()}" if len(facts) > 1
            else phrase.when(facts[0].date))
    killed = [f for f in facts if (f.count(*KILLED) or 0) > 0]
    text = (f"Inside {ev.name}, the evidence records {number_word(len(facts))} attacks from Afghan territory on "
            f"Chinese workers or Chinese-run sites {span}")
    if len(killed) == len(facts):
        text += ", each of them deadly"
    return phrase.say(text, facts)


def economy(ctx: Context) -> Sentence | None:
    return ctx.headlines.get("economy")


def executive_summary(ctx: Context) -> list[Sentence]:
    ev = ctx.ev
    parts = [terrorism(ev), russia(ev), united_states(ev, ctx), china(ev), economy(ctx), ctx.headlines.get("politics")]
    out: list[Sentence] = []
    for s in parts:
        if s is not None and len(out) < MAX_SENTENCES:
            out.append(Sentence(s.text, s.sources, s.events))
    return out


