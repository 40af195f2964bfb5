"""Terrorism and extremism: attacks and plots abroad and at home, arrests, trials and deportations."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Paragraph, Sentence
from watchfloor.brief.sections.base import Builder, Context, background, is_terrorism, para
from watchfloor.brief.text import join, number_word, period_text, the

KIND = "terrorism"
KILLED = ("killed", "killed_min", "killed_approx", "killed_total", "killed_over")


def abroad(ev: Evidence, f: Fact) -> bool:
    return f.country not in (None, ev.iso3)


def previous_window(ev: Evidence) -> list[Fact]:
    """The same length of time just before the period, to say what changed."""
    length = ev.end.end - ev.start.start
    first = ev.start.start - length - timedelta(days=1)
    return [f for f in ev.before if f.date.start >= first]


COUNTED = {"attack", "plot", "arrest", "trial", "sentence", "investigation", "extradition", "deportation",
           "execution", "assassination"}
"""What places a case in a country; a statement made in Astana or a report filed in New York does not."""


def spread(ev: Evidence, cases: list[Fact]) -> dict[str, list[Fact]]:
    """Cases abroad per country, each country's facts oldest first."""
    by: dict[str, list[Fact]] = defaultdict(list)
    for f in sorted(cases, key=lambda x: (x.date.start, x.id)):
        if abroad(ev, f) and f.country and f.type in COUNTED:
            by[f.country].append(f)
    return dict(by)


def overview(ev: Evidence) -> Sentence | None:
    """How many countries the period's cases span, against the window before it."""
    now = spread(ev, [f for f in ev.period if is_terrorism(f)])
    if not now:
        return None
    names = [the(ev.country_name(c)) for c in now]
    firsts = [fs[0] for fs in now.values()]
    before = spread(ev, [f for f in previous_window(ev) if is_terrorism(f)])
    text = (f"{period_text(ev.start, ev.end)}, the evidence ties {ev.demonym} nationals to jihadist attacks, "
            f"plots or prosecutions in {number_word(len(now))} countries other than {ev.name}: {join(names)}")
    if before:
        text += (f", against {number_word(len(before))} in the two years before")
        firsts += [fs[0] for fs in before.values()]
    return phrase.say(text, firsts)


def build(ctx: Context) -> list[Paragraph]:
    ev = ctx.ev
    cases = [f for f in ev.period if is_terrorism(f)]
    mine = ctx.claim(KIND, cases)
    lead = overview(ev)
    if lead is not None:
        ctx.headlines[KIND] = lead
    paragraphs = [para(lead)]
    foreign: dict[str, list[Fact]] = defaultdict(list)
    for f in mine:
        if abroad(ev, f) and f.country:
            foreign[f.country].append(f)
    singles: list[Fact] = []
    order = sorted(foreign.items(), key=lambda kv: (-max(f.count(*KILLED) or 0 for f in kv[1]),
                                                    kv[1][0].date.start))
    for _country, facts in order:
        if len(facts) >= 2:
            paragraphs.append(para(phrase.events(ev, facts)))
        else:
            singles += facts
    if singles:
        paragraphs.append(para(phrase.events(ev, sorted(singles, key=lambda f: (f.date.start, f.id)))))
    home = [f for f in mine if not abroad(ev, f)]
    if home:
        paragraphs.append(para(phrase.events(ev, home)))
    earlier = background(ev, lambda f: is_terrorism(f) and not abroad(ev, f), [{"attack"}, {"statement", "report"}])
    earlier = [f for f in earlier if ctx.owner.setdefault(f.id, KIND) == KIND]
    if earlier:
        paragraphs.append(para(phrase.earlier(ev, earlier)))
    return paragraphs


BUILDER = Builder(KIND, "Terrorism and extremism", build)
