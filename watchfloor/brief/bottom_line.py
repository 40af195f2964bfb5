"""The bottom line up front: for each watch-plan question, in short sentences, the judgment's own claim with its
likelihood, the one signpost that weighs most for it, and what it would mean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from watchfloor.analyse.watchplan import Question, WatchPlan
from watchfloor.brief.assess import as_varied, claim, facts_of, for_hypothesis, horizon, ranked, say, series_of, tied
from watchfloor.brief.judgments import INSUFFICIENT
from watchfloor.brief.model import Judgment, Sentence
from watchfloor.brief.signposts import Signpost, human

MAX_QUESTIONS = 5


def bottom_line(plan: WatchPlan, signposts: Sequence[Signpost], judgments: Sequence[Judgment],
                as_of: dt.date, through: dt.date | None = None) -> list[Sentence]:
    """For each question judged, in the plan's order, up to three short sentences: the judgment, stated exactly as
    the key judgment states it (the same forecast, likelihood and horizon); its main reason, the signpost that
    weighs most for the leading answer, with its reading (what it would mean is the front table's, `Judgment.meaning`).
    A question the evidence cannot judge gets its claim and what is known."""
    by_topic = {j.topic: j for j in judgments}
    out: list[Sentence] = []
    for q in [q for q in plan.questions if q.id in by_topic][:MAX_QUESTIONS]:
        mine = [sp for sp in signposts if sp.question is q]
        lead = ranked(q, mine)[0]
        j = by_topic[q.id]
        why = reasons(lead, mine, 1)
        if not facts_of(why) and not series_of(why):
            continue
        text = as_varied(claim(q, mine, j.likelihood), j.statement.text)
        # the key judgment's claim word for word; its horizon starts at the cut-off, which the cover gives
        when = f"Through {human(through)}" if through is not None and through > as_of else horizon(as_of, None)
        first = say(f"{when}, {text[0].lower()}{text[1:]}", why)
        first.lead = q.short or q.question
        out.append(first)
        out.append(key(q, mine, j, as_of, why))
        # what the call would mean is the front table's last column: said once, not again under each call
    return out


def key(q: Question, mine: Sequence[Signpost], j: Judgment, as_of: dt.date,
        why: Sequence[Signpost] | None = None) -> Sentence:
    """The key signpost's line: 'The main reason: …', the signpost that weighs most for the call, with its reading;
    for a tie, 'The signposts: …, but …', one for each answer; 'What is known: …' for a question with no call."""
    lead = ranked(q, mine)[0]
    why = list(why) if why is not None else reasons(lead, mine, 1)
    known = "What is known" if j.likelihood == INSUFFICIENT else "The main reason"
    other = reasons(ranked(q, mine)[1], mine, 1) if tied(q, mine) else []
    if other:  # a tie: one signpost for each answer, each with its own caveat; 'and' under a proposition both feed
        joined = "and" if j.proposition is not None else "but"
        return say(f"The signposts: {why[0].says(as_of)}{artefact(why[0], as_of)}, {joined} "
                   f"{other[0].says(as_of)}{artefact(other[0], as_of)}", why + other)
    return say(f"{known}: {why[0].says(as_of)}{artefact(why[0], as_of)}", why)


def artefact(sp: Signpost, as_of: dt.date) -> str:
    """A rise against a window the collection holds only as background may partly be the collection's: said right
    after the reading that rose, naming its own window (the tenth review found the caveat after a count that fell,
    and 'the year before' said of seven-year windows), or '' where it does not fit."""
    from watchfloor.brief.signposts import WINDOW_WORDS

    r = sp.reading
    if not sp.outside(as_of) or sp.indicator.measure or sp.indicator.spec or r.value is None \
            or r.previous is None or r.value <= r.previous:
        return ""
    window = WINDOW_WORDS[sp.indicator.window]
    if window.endswith("s"):
        return f", though the {window} before lie mostly outside the period the collection was gathered for, so " \
            "the rise says little by itself"
    return f", though the {window} before lies partly outside the period the collection was gathered for, so " \
        "part of the rise may come from how the evidence was collected"


def keys(plan: WatchPlan, signposts: Sequence[Signpost], judgments: Sequence[Judgment],
         as_of: dt.date) -> None:
    """Give each judgment its key signpost's line (`key`), which the body states beside the call."""
    by_topic = {j.topic: j for j in judgments}
    for q in plan.questions:
        j = by_topic.get(q.id)
        if j is None:
            continue
        mine = [sp for sp in signposts if sp.question is q]
        why = reasons(ranked(q, mine)[0], mine, 1)
        if facts_of(why) or series_of(why):
            j.key = key(q, mine, j, as_of, why)


def reasons(hypothesis: str, signposts: Sequence[Signpost], n: int) -> list[Signpost]:
    """The signposts that weigh most for a hypothesis; one that recorded nothing in either window is no reason."""
    telling = [sp for sp in for_hypothesis(hypothesis, signposts) if not sp.silent() and sp.source_ids()]
    return sorted(telling, key=lambda sp: -sp.supports()[hypothesis])[:n]
