"""The proposition a minister cares about, judged: the watch plan states it, the likelihood the analyst gives it and
the signposts that judgment rests on; the evidence decides whether the judgment stands.

The tenth review found the counting rule setting the odds of what a minister asks ('still dependent on its neighbour
through the horizon: roughly even chance', with remittances near half of output and the neighbour's base in place).
Here the rule is only a cross-check, shown in the method annex. The judged term stands while every signpost it rests
on reads as the plan expects; each that does not, or on which the collection is silent (nothing either way), lowers
it one band; a proposition every signpost of which is silent gets no figure, for silence is no evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from watchfloor.analyse.indicators import meets
from watchfloor.analyse.watchplan import LIKELIHOODS, Proposition, Question
from watchfloor.brief.assess import alternative, facts_of, horizon, say, series_of
from watchfloor.brief.judgments import likely_clause
from watchfloor.brief.model import Judgment, Sentence
from watchfloor.brief.signposts import Signpost
from watchfloor.brief.text import join, lower_first

NO_FIGURE = "no figure (silence)"
"""The term of a proposition one of whose signposts the collection holds nothing on."""


@dataclass(frozen=True)
class Judged:
    term: str
    """An ICD 203 term, or NO_FIGURE."""
    sentence: Sentence
    working: tuple[str, str]
    """The method annex's row: the judged term, what moved it, and the counting rule beside it."""


def fits(sp: Signpost, want: str, prop: Proposition) -> bool:
    """Whether the signpost reads as the proposition needs: its expected status, or, for a claim that a level holds
    ('stays as frequent or grows'), a signpost of change at its level and no lower than the window before."""
    if sp.status == want:
        return True
    r = sp.reading
    return prop.holds_level and want == "met" and sp.indicator.change and r.value is not None \
        and r.previous is not None and r.value >= r.previous and meets(r.value, sp.indicator)


def lowered(term: str, bands: int) -> str:
    """The term `bands` steps down the scale, never below its lowest."""
    return LIKELIHOODS[max(0, LIKELIHOODS.index(term) - bands)]


def judge(q: Question, signposts: Sequence[Signpost], as_of: dt.date, through: dt.date | None,
          rule: str, fallback: tuple[str, ...] = ()) -> Judged | None:
    """The proposition's sentence and term, or None when the plan states none; `rule` is what the counting rule
    gives, for the method annex's cross-check; `fallback`, the sources cited when the named signposts recorded
    nothing (the judgment's own)."""
    prop = q.proposition
    if prop is None:
        return None
    by_name = {sp.indicator.name: sp for sp in signposts}
    named = [(by_name[name], want) for name, want in prop.rests_on if name in by_name]
    if not named:
        return None
    silent = [sp for sp, _w in named if sp.silent()]
    missed = [sp for sp, want in named if not sp.silent() and not fits(sp, want, prop)]
    when = horizon(as_of, through)
    quiet = join(lower_first(sp.indicator.name) for sp in silent)
    if len(silent) == len(named):
        text = (f"{when}, we give no likelihood that {prop.claim}: it rests on {quiet}, on which the collection "
                "holds nothing either way, and silence is no evidence")
        return Judged(NO_FIGURE, cited(text, [sp for sp, _w in named], fallback),
                      (q.short or q.question, f"no figure, for the collection is silent on {quiet}; the counting "
                       f"rule gives {rule}"))
    term = lowered(prop.term, len(missed) + len(silent))
    clause = likely_clause(term, prop.claim)
    text = f"{when}, {clause[0].lower()}{clause[1:]}, for {prop.why}"
    if missed:
        text += f"; but {join(sp.says(as_of) for sp in missed)}, which lowers the term from {prop.term}"
    if silent:
        text += f"; the collection holds nothing either way on {quiet}, which {'also ' if missed else ''}lowers " \
            f"the term from {prop.term}, for silence is no evidence"
    short = [*missed, *silent]
    moved = f", lowered {len(short)} band{'s' if len(short) != 1 else ''} from {prop.term} for " + \
        join(sp.indicator.name + (" (silent)" if sp in silent else "") for sp in short) if short else ""
    return Judged(term, cited(text, [sp for sp, _w in named], fallback),
                  (q.short or q.question, f"{term}, the analyst's judgment: {prop.why}{moved}; the counting rule "
                   f"gives {rule}"))


def cited(text: str, signposts: Sequence[Signpost], fallback: tuple[str, ...]) -> Sentence:
    """The sentence cited to what the signposts were read from, or to `fallback` when they recorded nothing."""
    if facts_of(signposts) or series_of(signposts):
        return say(text, signposts)
    return Sentence(text[0].upper() + text[1:], fallback)


CROSS_CHECK = "Cross-check by the counting rule (Annex: Method and Scales), of a different statement from the key " \
    "judgment's (which of the competing answers holds), so not a second likelihood for the judgment: "
"""The eleventh review read the rule's band beside the judged one as two likelihoods for one proposition."""


def rule_statement(q: Question, answer: str) -> str:
    """The statement the counting rule's term belongs to, named in the plan's words ('Hedging: Strelsau stays
    dependent … while widening its ties'), so its band is not read as a second likelihood for the proposition."""
    named = [h for h in q.hypotheses if q.label(h) in answer]
    said = " or ".join(f"{q.label(h)} ({q.answer(h)})" if q.answer(h) != q.label(h) else q.label(h) for h in named)
    return f"“{'either ' if len(named) > 1 else ''}{said}”" if named else answer


def attach(j: Judgment, q: Question, signposts: Sequence[Signpost], as_of: dt.date, through: dt.date | None) -> None:
    """Lead the judgment with the plan's proposition, judged; its counting-rule call becomes the cross-check."""
    rule = f"{j.likelihood} to a different statement, {rule_statement(q, j.answer)}, not to the proposition"
    judged = judge(q, signposts, as_of, through, rule, j.statement.sources)
    if judged is None or q.proposition is None:
        return
    j.proposition, j.judged, j.judged_working = judged.sentence, judged.term, judged.working
    j.label = q.proposition.label
    if q.proposition.rival:
        j.alternative = alternative(q, q.proposition.rival, signposts, as_of) or j.alternative
    if q.proposition.so_what:
        j.so_what = Sentence(f"So what: {q.proposition.so_what}", judged.sentence.sources, judged=True)
    for attr in ("text", "template"):
        words = getattr(j.statement, attr)
        setattr(j.statement, attr, CROSS_CHECK + words[0].lower() + words[1:])
