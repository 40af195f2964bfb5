"""The annex: the period's events as a dated chronology, one section per watch-plan question.

A fact goes to the first question one of whose signposts would count it (its
type, the countries it involves, at home or abroad, the words it says), a
signpost naming one of its countries first; what no signpost counts
goes under "Other events". Each year of a section is a paragraph.
"""

from __future__ import annotations

import re

from watchfloor.analyse.watchplan import Indicator, WatchPlan
from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Paragraph, Section

OTHER = "Other events"


def counts(ind: Indicator, f: Fact, iso3: str) -> bool:
    """Whether the signpost would count this fact (as `analyse.indicators` does in SQL)."""
    if not ind.types or f.type not in ind.types:
        return False
    if ind.countries and not set(ind.countries) & set(f.countries):
        return False
    if ind.not_countries and set(ind.not_countries) & set(f.countries):
        return False
    if ind.mentions and not re.search(r"(?i)\b(" + "|".join(re.escape(m) for m in ind.mentions) + r")\b", f.summary):
        return False
    if ind.where == "home":
        return f.country == iso3
    if ind.where == "abroad":
        return f.country not in (None, iso3)
    return True


def chronology(ev: Evidence, plan: WatchPlan | None) -> list[Section]:
    questions = list(plan.questions) if plan else []
    groups: dict[str, list[Fact]] = {q.id: [] for q in questions}
    groups[OTHER] = []
    for f in ev.period:
        # a signpost naming a country the fact involves claims it first (a state visit from Zenda goes to the
        # question about Zenda, not to one counting any partner)
        home = next((q.id for q in questions if any(i.countries and counts(i, f, ev.iso3) for i in q.indicators)),
                    next((q.id for q in questions if any(counts(i, f, ev.iso3) for i in q.indicators)), OTHER))
        groups[home].append(f)
    titles = {q.id: q.short or q.question for q in questions} | {OTHER: OTHER}
    out = []
    for key, facts in groups.items():
        years = sorted({f.date.value.year for f in facts})
        paragraphs = [Paragraph(phrase.events(ev, [f for f in facts if f.date.value.year == y])) for y in years]
        if paragraphs:
            out.append(Section(key, titles[key], paragraphs))
    return out
