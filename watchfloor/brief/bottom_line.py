"""The bottom line up front: one sentence per watch-plan question, its answer and the signposts that carry it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from watchfloor.analyse.watchplan import WatchPlan
from watchfloor.brief import phrase
from watchfloor.brief.assess import facts_of, for_hypothesis, ranked
from watchfloor.brief.model import Judgment, Sentence
from watchfloor.brief.signposts import Signpost
from watchfloor.brief.text import join

MAX_SENTENCES = 5
REASONS = 2


def bottom_line(plan: WatchPlan, signposts: Sequence[Signpost], judgments: Sequence[Judgment],
                as_of: dt.date) -> list[Sentence]:
    """For each question judged, in the plan's order: the leading answer, then why, in the plan's words (the
    signposts that weigh most for it; one that recorded nothing in either window is no reason)."""
    judged = {j.topic for j in judgments}
    out: list[Sentence] = []
    for q in plan.questions:
        if q.id not in judged or len(out) == MAX_SENTENCES:
            continue
        mine = [sp for sp in signposts if sp.question is q]
        lead = ranked(q, mine)[0]
        telling = [sp for sp in for_hypothesis(lead, mine) if not sp.silent()]
        why = sorted(telling, key=lambda sp: -sp.supports()[lead])[:REASONS]
        facts = facts_of(why)
        if not facts:
            continue
        out.append(phrase.say(f"{q.answer(lead)}: {join(sp.says(as_of) for sp in why)}", facts))
    return out
