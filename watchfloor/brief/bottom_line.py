"""The bottom line up front: one sentence per watch-plan question, its answer and the signposts that carry it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from watchfloor.analyse.watchplan import WatchPlan
from watchfloor.brief.assess import facts_of, for_hypothesis, ranked, say, series_of, split, tied
from watchfloor.brief.judgments import likely_clause
from watchfloor.brief.model import Judgment, Sentence
from watchfloor.brief.signposts import Signpost
from watchfloor.brief.text import join

MAX_SENTENCES = 5
REASONS = 2


def bottom_line(plan: WatchPlan, signposts: Sequence[Signpost], judgments: Sequence[Judgment],
                as_of: dt.date) -> list[Sentence]:
    """For each question judged, in the plan's order: the leading answer and the signposts that weigh most for
    it, in the plan's words, hedged with the judgment's likelihood ('It is likely that …'); when the signposts are
    evenly split, both answers and one signpost for each; when they are split but one answer weighs more, that answer,
    its strongest signpost, and the other answer's strongest, which weighs less (the key judgment says why)."""
    judged = {j.topic: j for j in judgments}
    out: list[Sentence] = []
    for q in plan.questions:
        if q.id not in judged or len(out) == MAX_SENTENCES:
            continue
        mine = [sp for sp in signposts if sp.question is q]
        lead, alt = ranked(q, mine)[:2]
        hedged = likely_clause(judged[q.id].likelihood, q.answer(lead))  # a judgment, never a bare fact
        if tied(q, mine):
            a, b = reasons(lead, mine, 1), reasons(alt, mine, 1)
            topic = (f"On {q.short[0].lower()}{q.short[1:]}" if q.short[1:2].islower() else f"On {q.short}") \
                if q.short else f"Between the answers that {q.answer(lead)} and that {q.answer(alt)}"
            text = (f"{topic}, the signposts are split: {join(sp.says(as_of) for sp in a)}, but "
                    f"{join(sp.says(as_of) for sp in b)}")
            why = a + b
        elif split(q, mine):
            a, b = reasons(lead, mine, 1), reasons(alt, mine, 1)
            text = f"{hedged}: {join(sp.says(as_of) for sp in a)}"
            if b:
                # the other answer's signpost in the plan's words only: its reading and why it weighs less are in the
                # key judgment, and the summary must fit its page
                text += (f"; {join(sp.indicator.said(sp.status) or sp.says(as_of) for sp in b)}, but "
                         f"{'these weigh' if len(b) > 1 else 'this weighs'} less")
            why = a + b
        else:
            why = reasons(lead, mine, REASONS)
            text = f"{hedged}: {join(sp.says(as_of) for sp in why)}"
        if facts_of(why) or series_of(why):
            out.append(say(text, why))
    return out


def reasons(hypothesis: str, signposts: Sequence[Signpost], n: int) -> list[Signpost]:
    """The signposts that weigh most for a hypothesis; one that recorded nothing in either window is no reason."""
    telling = [sp for sp in for_hypothesis(hypothesis, signposts) if not sp.silent() and sp.source_ids()]
    return sorted(telling, key=lambda sp: -sp.supports()[hypothesis])[:n]
