"""What changed since an earlier reading: judgments whose likelihood or confidence moved, signposts whose status
changed, and the events that are new.

The earlier reading is a previous brief (`previous.from_file`) or the store as of a date (`as_of`). "As of a date"
goes by the events' own dates, not by when they were imported: a store loaded in one sitting has one import time
for everything, and the reader asks what happened since, not what was typed in since. The comparison with a
previous brief's JSON also counts events it did not hold in its own period (learned since it was written).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from watchfloor.analyse.watchplan import Question, WatchPlan
from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Judgment, Row, Sentence, Table
from watchfloor.brief.previous import Snapshot, human
from watchfloor.brief.signposts import Signpost
from watchfloor.brief.text import number_word, sentence_case
from watchfloor.store import Store

MAX_NEW = 8
"""New events listed by name; more are counted, and the annex has them all."""


@dataclass
class Changes:
    heading: str
    table: Table
    events: list[Sentence] = field(default_factory=list)


Judge = Callable[[Question, list[Signpost], dt.date], Judgment | None]
"""A question and its signposts read at a date → the key judgment (`brief.assess` closes over the rest)."""


def as_of(store: Store, ev: Evidence, plan: WatchPlan | None, judge: Judge, day: dt.date) -> Snapshot:
    """The signposts and judgments as the store reads them at `day` (events dated up to it)."""
    from watchfloor.analyse.indicators import board
    from watchfloor.brief import signposts

    if plan is None:
        return Snapshot(human(day), day, {}, {})

    posts = signposts.read(ev, plan, board(store, plan, day), store)
    judged: list[Judgment] = [j for q in plan.questions
                              if (j := judge(q, [sp for sp in posts if sp.question is q], day)) is not None]
    return Snapshot(human(day), day, {j.question: (j.headline(), j.level) for j in judged},
                    {sp.indicator.name: sp.status for sp in posts})


def compare(before: Snapshot, ev: Evidence, judgments: Sequence[Judgment], readings: Sequence[Signpost]) -> Changes:
    rows = []
    for j in judgments:
        was = before.judgments.get(j.question)
        if was != (j.headline(), j.level) and (was is not None or before.judgments):
            rows.append(Row((f"Judgment: {j.short or j.question}",
                             f"{was[0]}, {was[1]} confidence" if was else "no judgment",
                             f"{j.headline()}, {j.level} confidence"), j.statement.sources))
    for sp in readings:
        status = before.signposts.get(sp.indicator.name)
        if status is not None and status != sp.status:
            rows.append(Row((f"Signpost: {sp.indicator.name}", status, sp.status), phrase.cite(sp.cited())))
    new = new_events(before, ev)
    if not rows and not new:
        rows.append(Row(("No new event; no judgment or signpost changed", "–", "–")))
    heading = "What Changed Since " + before.label.replace("the brief of", "the Brief of").replace("(evidence",
                                                                                                     "(Evidence")
    return Changes(heading, Table(("What", "Was", "Now"), rows), listed(ev, new, before))


def new_events(before: Snapshot, ev: Evidence) -> list[Fact]:
    """The period's events dated after the earlier cut-off, and those in the earlier period it did not hold."""
    def learned(f: Fact) -> bool:
        return (before.events is not None and before.since is not None and f.id not in before.events
                and f.date.start >= before.since)

    return [f for f in ev.period if f.date.end > before.cutoff or learned(f)]


def listed(ev: Evidence, new: list[Fact], before: Snapshot) -> list[Sentence]:
    """The new events as sentences; past MAX_NEW, a count first and the latest ones."""
    if len(new) <= MAX_NEW:
        return phrase.events(ev, new)
    lead = phrase.say(f"{sentence_case(number_word(len(new)))} events are new since {before.label}; the "
                      f"{number_word(MAX_NEW)} latest follow", new)
    return [lead, *phrase.events(ev, new[-MAX_NEW:])]
