"""Key judgments: each watch-plan question answered from its signposts, with a likelihood, a horizon, a confidence,
the assumption it rests on and the alternative weighed against it.

How the answer is reached (analysis of competing hypotheses, kept small): each
signpost's status speaks for a hypothesis (see `signposts`); a met signpost
adds its weight to its hypothesis, one not met half its weight to the others,
each divided by the number of signposts the plan gives the signpost's own
hypothesis, so that a hypothesis does not win by having more signposts. The
weight is the indicator's diagnosticity in the plan (high 1, moderate 0.5, low
0.25): a signpost that would be seen whichever answer holds counts for little.
The hypothesis with the most support leads. Its likelihood is (support + 1) /
(all support + 2), Laplace's rule on two outcomes (the leading answer holds, or
not), so a few signposts never make anything certain, put on the ICD 203 scale
and capped at "very likely", or at "likely" when the signposts are split (met
ones point to more than one answer); when two answers tie, the rule is applied to the two together (one of them
holds, or neither) and the term is the pair's, each as likely as the other. `Odds`
keeps the working, which the brief shows. The horizon runs from the evidence
cut-off.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from watchfloor.analyse.indicators import _met
from watchfloor.analyse.watchplan import DIAGNOSTICITY, Question
from watchfloor.brief import confidence, phrase
from watchfloor.brief.competing import Competing
from watchfloor.brief.evidence import Fact
from watchfloor.brief.judgments import CEILING, INSUFFICIENT, SPLIT_CEILING, TERMS, likely_clause, term_for
from watchfloor.brief.model import Judgment, Sentence, Table
from watchfloor.brief.signposts import Signpost, human, matrix
from watchfloor.brief.text import join, lower_first, number_word

HORIZON = "the twelve months from"


def horizon(as_of: dt.date, through: dt.date | None) -> str:
    """'From 31 December 2025 through 31 December 2027' when the plan sets the horizon's end, else 'Over the twelve
    months from 31 December 2025'."""
    if through is not None and through > as_of:
        return f"From {human(as_of)} through {human(through)}"
    return f"Over {HORIZON} {human(as_of)}"


def unweighable(question: Question, signposts: Sequence[Signpost]) -> list[str]:
    """The answers every signpost of which the collection is silent on (or that have none): they can be neither
    weighed nor ruled out. When the leading answer rests only on absences and weak signposts besides, no likelihood
    is given: 'insufficient evidence', not a coin flip."""
    return [h for h in question.hypotheses
            if not any(sp.indicator.hypothesis == h and not sp.silent() for sp in signposts)]
ABSENCE_CEILING = "roughly even chance"
"""The highest term for an answer resting only on what was not recorded and on weak signposts: in an open-source
collection an absence says little."""


def support(question: Question, signposts: Sequence[Signpost]) -> dict[str, float]:
    """Each hypothesis's support, every signpost's weight shared out over the signposts of its own hypothesis."""
    out = dict.fromkeys(question.hypotheses, 0.0)
    for sp in signposts:
        peers = sum(other.indicator.hypothesis == sp.indicator.hypothesis for other in signposts)
        for h, w in sp.supports().items():
            out[h] += w / peers
    return out


def tied(question: Question, signposts: Sequence[Signpost]) -> bool:
    score = support(question, signposts)
    lead, second = ranked(question, signposts)[:2]
    return abs(score[lead] - score[second]) < 1e-9


def split(question: Question, signposts: Sequence[Signpost]) -> bool:
    """Met signposts point to more than one answer: the evidence is mixed even when one answer weighs more."""
    return len({sp.indicator.hypothesis for sp in signposts if sp.status == "met"}) > 1


def weighing(question: Question, signposts: Sequence[Signpost], among: Sequence[Signpost] | None = None) -> str:
    """Why the leading answer wins when the signposts are split: ', since …', the reasons the plan gives for the
    other answers' met signposts (`among` them, when given) telling the answers apart less well than the leading
    answer's; '' when it gives none."""
    lead = ranked(question, signposts)[0]
    strongest = max((sp.indicator.weight for sp in signposts if sp.backs(lead)), default=0.0)
    whys = dict.fromkeys(sp.indicator.why for sp in (signposts if among is None else among)
                         if sp.status == "met" and sp.indicator.hypothesis != lead
                         and sp.indicator.weight < strongest and sp.indicator.why)
    return f", since {join(whys)}" if whys else ""


def alike(question: Question, signposts: Sequence[Signpost]) -> str:
    """'; …, which count for this answer, are discounted alike': the discount the other answer's signposts get is
    applied to the leading answer's too, and the reader is told so (one rule for both sides)."""
    lead = ranked(question, signposts)[0]
    discounted = {sp.indicator.weight for sp in signposts if sp.status == "met" and sp.indicator.hypothesis != lead
                  and sp.indicator.why}
    own = [sp for sp in signposts if sp.backs(lead) and sp.indicator.weight < DIAGNOSTICITY["high"]
           and sp.indicator.weight in discounted]
    if not own or not weighing(question, signposts):
        return ""
    names = join(lower_first(sp.indicator.name) for sp in own)
    return f"; {names}, which count for this answer, are discounted alike"


def ranked(question: Question, signposts: Sequence[Signpost]) -> list[str]:
    """Hypotheses from most to least supported; the plan's order breaks ties."""
    score = support(question, signposts)
    order = list(question.hypotheses)
    return sorted(order, key=lambda h: (-score[h], order.index(h)))


def positive(question: Question, signposts: Sequence[Signpost]) -> bool:
    """Whether the leading answer rests on something recorded: a signpost of its own, met, that tells the answers
    apart (diagnosticity above low), not only on what was not recorded."""
    lead = ranked(question, signposts)[0]
    return any(sp.backs(lead) and sp.indicator.weight > DIAGNOSTICITY["low"] for sp in signposts)


@dataclass(frozen=True)
class Odds:
    """How a judgment's likelihood was reached, to be shown: each answer's support, the leading answer's probability
    by the stated rule, the term that probability falls in, and the cap, if any, that lowered it."""

    support: dict[str, float]
    lead: str
    p: float
    band: str
    """The ICD 203 term the probability itself falls in."""
    term: str
    """The term the judgment uses: `band`, or lower when a cap applies."""
    cap: str = ""
    """Why the term is below the band ('' when it is not): the cap's reason in a few words."""
    pair: str = ""
    """The answer tied with the leading one ('' when none is): the probability is then of the two together, for
    the signposts cannot tell them apart (the eighth review: 'a roughly even chance that A and as good a chance that
    B' left the third answer near nothing and the reader unsure what the range applied to)."""

    def formula(self) -> str:
        """'(1.25 + 1) / (2 + 2)': the stated rule with this judgment's numbers, without a percentage (its band is
        beside it: a figure to a decimal claims more precision than the rule has); for a tied pair, '(0.5 + 0.5 + 1)
        / (1 + 2)', the two answers' support together."""
        total = sum(self.support.values())
        top = weight(self.support[self.lead]) + (f" + {weight(self.support[self.pair])}" if self.pair else "")
        return f"({top} + 1) / ({weight(total)} + 2)"


def weight(x: float) -> str:
    """A support to three places at most: 0.625, 1.25, 0 (a sum of quarters and thirds, shown whole enough to redo)."""
    return f"{x:.3f}".rstrip("0").rstrip(".") or "0"


def percent(p: float) -> str:
    """One decimal, so a value at a band's edge shows which side it falls (54.9%, not 55%)."""
    return f"{p * 100:.1f}%"


def odds(question: Question, signposts: Sequence[Signpost]) -> Odds:
    """The likelihood of the leading answer: Laplace's rule of succession on two outcomes, the leading answer holding
    or not, (its support + 1) / (all support + 2). Two outcomes, not one per answer: the judgment says whether the
    leading answer holds, and a pseudo-count for every answer would let answers nothing supports dilute it (with three
    answers and a few signposts no answer could pass an even chance). The term is the band the probability falls in,
    capped at "very likely", at "likely" when the signposts are split, and at "roughly even chance" when the answer
    rests on absences and weak signposts only; a tie is a roughly even chance whatever the rule gives."""
    score = support(question, signposts)
    lead = ranked(question, signposts)[0]
    p = (score[lead] + 1) / (sum(score.values()) + 2)
    band = term_for(p, TERMS[-1])
    blind = unweighable(question, signposts)
    if blind and not positive(question, signposts):
        return Odds(score, lead, p, band, INSUFFICIENT, "the collection is silent on every signpost of "
                    + join(question.label(h) for h in blind))
    if tied(question, signposts) and len(question.hypotheses) == 2:
        # the only two answers, tied: each a roughly even chance, which together make the whole
        return Odds(score, lead, p, band, "roughly even chance",
                    "" if band == "roughly even chance" else "the two answers weigh the same")
    if tied(question, signposts):
        # the two tied answers as one outcome (one of them holds, or neither): a probability for the pair, not two
        # even chances that would leave the third answer nothing
        pair = ranked(question, signposts)[1]
        p = (score[lead] + score[pair] + 1) / (sum(score.values()) + 2)
        band = term_for(p, TERMS[-1])
        ceiling, why = (SPLIT_CEILING, "the signposts are split") if split(question, signposts) else \
            (CEILING, "a few signposts never make an answer more than very likely")
        term = term_for(p, ceiling)
        return Odds(score, lead, p, band, term, why if term != band else "", pair)
    if not positive(question, signposts):
        ceiling, why = ABSENCE_CEILING, "the answer rests on what was not recorded and on weak signposts"
    elif split(question, signposts):
        ceiling, why = SPLIT_CEILING, "the signposts are split"
    else:
        ceiling, why = CEILING, "a few signposts never make an answer more than very likely"
    term = term_for(p, ceiling)
    return Odds(score, lead, p, band, term, why if term != band else "")


def shares(question: Question, chances: Odds) -> list[tuple[str, float]]:
    """Each answer's own probability, by the same rule as the call's and adding up to one: the rule's two
    pseudo-counts are one for the call (halved between a tied pair) and one for its not holding, shared equally among
    the other answers, so the call keeps the probability `odds` gave it (a pair, the pair's) and with two answers
    this is exactly the rule on two outcomes: (support + its share of the two) / (all support + 2)."""
    total = sum(chances.support.values()) + 2
    called = [chances.lead] + ([chances.pair] if chances.pair else [])
    rest = [h for h in question.hypotheses if h not in called]
    out = []
    for h in question.hypotheses:
        prior = 1 / len(called) if h in called else 1 / len(rest)
        out.append((h, (chances.support[h] + prior) / total))
    return out


def each(question: Question, chances: Odds, as_of: dt.date, through: dt.date | None, sources: Sequence[Signpost],
         signposts: Sequence[Signpost] = ()) -> tuple[Sentence | None, str, tuple[str, ...]]:
    """For a plan that asks for one probability per outcome (`Question.outcomes`): the sentence that gives them, the
    summary table's cell, and the method annex's row; nothing when the call has no term."""
    if not question.outcomes or chances.term == INSUFFICIENT or len(question.hypotheses) < 3:
        return None, "", ()
    from watchfloor.brief.front import term_range

    parts = shares(question, chances)
    total = sum(chances.support.values())
    # an outcome every signpost of which the collection is silent on gets no figure: silence is no evidence (the
    # tenth review: 'very unlikely, about 19%' for an outcome nothing was recorded on either way)
    blind = [h for h in question.hypotheses if signposts and all(
        sp.silent() or sp.indicator.silence and sp.status != "met"
        for sp in signposts if sp.indicator.hypothesis == h)]
    terms = [(h, SILENT if h in blind else
              chances.term if h == chances.lead and not chances.pair else term_for(p, TERMS[-1]), p)
             for h, p in parts]
    words = "; ".join(f"{question.label(h)}, {term_range(t)}" for h, t, _p in terms)
    when = horizon(as_of, through)
    how = "an outcome nothing was recorded on either way getting no figure" if any(t == SILENT for _h, t, _p in terms) \
        else f"so that the {number_word(len(parts))} add up to one"
    sentence = say(f"Each outcome's own chance {when[0].lower()}{when[1:]}, by the same rule, {how}: {words}", sources)
    cell = "; ".join(f"{question.label(h)} {term_range(t)}" for h, t, _p in terms)
    # an outcome given no figure gets no number here either (the eleventh review: 'about 19% … (no figure …)')
    rule = "; ".join(f"{question.label(h)}, {SILENT}" if t == SILENT else
                     f"{question.label(h)} ({weight(chances.support[h])} + "
                     f"{weight(p * (total + 2) - chances.support[h])}) / ({weight(total)} + 2), about "
                     f"{round(p * 100)}%, {term_range(term_for(p, TERMS[-1]))}" for h, t, p in terms)
    return sentence, cell, (question.short or question.question, rule)


SILENT = "no figure, for the collection is silent on it"
"""An outcome's term when nothing either way was recorded on any of its signposts."""


def likelihood(question: Question, signposts: Sequence[Signpost]) -> str:
    """The ICD 203 term (`odds`)."""
    return odds(question, signposts).term


def settled(sp: Signpost, competing: Competing) -> bool:
    """A figure read from its series whose competing values for the year read all meet (or all miss) the threshold:
    the sources differ on how much, not on the signpost's status, so the dispute does not lower confidence."""
    ind = sp.indicator
    if not ind.measure or not sp.reading.observed:
        return False
    return competing.one_side(str(ind.measure), sp.reading.observed[0][0],
                              lambda v: _met(v, ind) == "met")


def facts_of(signposts: Sequence[Signpost]) -> list[Fact]:
    return sorted({f.id: f for sp in signposts for f in sp.cited()}.values(), key=lambda f: (f.date.start, f.id))


def series_of(signposts: Sequence[Signpost]) -> tuple[str, ...]:
    """The observation series' sources some signposts were read from: cited beside their facts."""
    return tuple(dict.fromkeys(s for sp in signposts for s in sp.series_sources()))


def say(text: str, signposts: Sequence[Signpost]) -> Sentence:
    """A sentence resting on what these signposts were read from: their facts and their series."""
    return phrase.say(text, facts_of(signposts), series_of(signposts))


def for_hypothesis(h: str, signposts: Sequence[Signpost]) -> list[Signpost]:
    """The signposts consistent with `h` (met, its own); when there are none, those inconsistent with the other
    answers (not met, theirs), which are why `h` ranks where it does."""
    backing = [sp for sp in signposts if sp.backs(h)]
    return backing or [sp for sp in signposts if sp.tells_against(sp.indicator.hypothesis)
                       and sp.indicator.hypothesis != h]


def claim(question: Question, signposts: Sequence[Signpost], term: str) -> str:
    """The judgment's claim, without its horizon: the leading answer's forecast hedged with its likelihood. The bottom
    line states exactly this, so the two never make different claims."""
    lead = ranked(question, signposts)[0]
    if term == INSUFFICIENT:
        blind = unweighable(question, signposts)  # the leading answer's own signposts are weak, as `odds` found
        return (f"{likely_clause(term, question.forecast(lead))}: the collection is silent on every signpost for "
                f"{join(question.label(h) for h in blind)}, so that answer can be neither weighed nor ruled out")
    if tied(question, signposts) and len(question.hypotheses) == 2:
        alt = ranked(question, signposts)[1]
        return (f"{likely_clause(term, question.forecast(lead))}, and the same chance that {question.forecast(alt)}: "
                "the signposts for the two weigh the same, and one of the two must hold")
    if tied(question, signposts):
        alt = ranked(question, signposts)[1]
        # the term is the pair's: said so, and that neither of the two is ahead of the other
        return (f"{likely_clause(term, 'one of two things will happen')}, and the signposts give no way yet to choose "
                f"between them: either {question.forecast(lead)}, or {question.forecast(alt)}; the signposts for the "
                "two weigh the same, so each is about as likely as the other")
    return likely_clause(term, question.forecast(lead))


def judge(question: Question, signposts: Sequence[Signpost], as_of: dt.date, competing: Competing,
          earlier: Sequence[Signpost] = (), earlier_as_of: dt.date | None = None,
          through: dt.date | None = None, written: dt.date | None = None) -> Judgment | None:
    """The key judgment on one question, or None when nothing in the brief's evidence bears on it; `earlier` are
    the same signposts read a year before, to say whether the answer changed; `written`, the date of writing, against
    which the evidence's age is measured."""
    if len(question.hypotheses) < 2:
        return None
    lead, alt = ranked(question, signposts)[:2]
    if question.rival(lead) and question.rival(lead) != lead:
        alt = question.rival(lead)  # the plan's named rival is the alternative tested, not merely the runner-up
    backers = [sp for sp in for_hypothesis(lead, signposts) if sp.source_ids()] or list(signposts)
    if not facts_of(backers) and not series_of(backers):
        return None
    backing = facts_of(backers)
    chances = odds(question, signposts)
    term = chances.term
    clause = claim(question, signposts, term)
    mixed = split(question, signposts) and not tied(question, signposts) and term != INSUFFICIENT
    if mixed:
        others = "answers" if len(question.hypotheses) > 2 else "answer"
        clause += f": the signposts are split, but those for the other {others} weigh less"
        clause += weighing(question, signposts)
        clause += alike(question, signposts)
    statement = say(f"{horizon(as_of, through)}, {clause[0].lower()}{clause[1:]}",
                    signposts if mixed else backers)
    contested = competing.about([str(sp.indicator.measure) for sp in signposts
                                 if sp.indicator.measure and not settled(sp, competing)], facts_of(signposts))
    gaps = sum(sp.silent() for sp in signposts)
    cited_series = [sp for sp in signposts if sp.series_by and sp.series_sources()]
    level, words = confidence.rate(facts_of(signposts), backing, gaps, contested, as_of,
                                   [sp.series_by for sp in backers if sp.series_by], positive(question, signposts),
                                   term, [sp.series_by for sp in cited_series], written,
                                   not contradicted(question, signposts),
                                   list({sp.series_by: sp.series_grade for sp in cited_series}.values()),
                                   facts_of([sp for sp in signposts if sp.supports()]))
    implication = question.implication(lead)
    # no call, no 'If so': the bottom line gives none either, and an implication would state an answer not given
    # a tie makes no call, so it has no one meaning: the bottom line gives none either
    meaning = judged(say(f"If so, {implication}", backers)) \
        if implication and term != INSUFFICIENT and not tied(question, signposts) else None
    # no call, no explanation: 'the evidence fits this best' would state the answer the judgment declines to give
    why = "" if tied(question, signposts) or term == INSUFFICIENT else question.explanation(lead)
    reason = say(f"The evidence fits this explanation best: {why}", backers) if why else None
    assumption = linchpin(question, signposts, as_of, backers)
    warned = caveats(question, signposts, lead, alt)
    rare = str(getattr(question, "low_probability_high_impact", "") or "").strip().rstrip(".")
    # the plan's unlikely case that would matter most: our judgment, not a report, so laid out without markers
    low_impact = judged(say(f"Unlikely, but of high impact: {lower_first(rare)}", backers)) if rare else None
    outcome, cell, row = each(question, chances, as_of, through, backers, signposts)
    return Judgment(question.id, question.question, statement, say(words, signposts), term, level,
                    assumption, alternative(question, alt, signposts, as_of),
                    weighed(question, signposts, as_of, chances), reason,
                    since(question, signposts, earlier, earlier_as_of, backers) if earlier_as_of else None, meaning,
                    question.short, answer_label(question, signposts), working=working(question, chances),
                    pair=bool(chances.pair), low_impact=low_impact, caveats=warned,
                    undecided=undecided(question, signposts) if term != INSUFFICIENT else "",
                    each=outcome, each_cell=cell, each_working=row)


DISPUTED = re.compile(r"\b(while|whereas)\b[^.;]*\b(said|says|called|denied|denies|blamed|dismissed|named|"
                      r"attributed)\b", re.I)
"""A report that carries a second party's account against the first: 'it called them terrorists, while the other
government's spokesman said they were smugglers'."""


def caveats(question: Question, signposts: Sequence[Signpost], lead: str, alt: str) -> Sentence | None:
    """What the key judgment's own sentences must say about the evidence they state (the eighth review found these in
    the annex only): a met signpost for the call or its alternative whose events all rest on one outlet; an event it
    counts that rests only on sources graded F (reliability cannot be judged); and an event whose report gives a
    second party's account against the first. One sentence, cited to the events it names; None when there is none."""
    parts: list[str] = []
    cited: list[Fact] = []
    for sp in signposts:
        for f in (*sp.now, *sp.before):  # any event a signpost counts, in either window
            if f.best_grade == "F":
                who = join(sorted({str(src.get("publisher") or src["id"]) for src in f.sources}))
                parts.append(f"the event of {f.date.human()} counted under “{sp.indicator.name}” rests only on "
                             f"{who}, graded F (its reliability cannot be judged)")
                cited.append(f)
        if sp.status != "met" or sp.indicator.hypothesis not in (lead, alt) or not sp.now:
            continue
        said = sp.indicator.said("met") or lower_first(sp.indicator.name)
        outlets = {str(src.get("publisher") or src["id"]) for f in sp.now for src in f.sources}
        if len(outlets) == 1:
            parts.append(f"that {said} rests on reports by one outlet, {next(iter(outlets))}, which no other outlet "
                         "in the collection confirms")
            cited += sp.now
        # an event the count relies on that one outlet alone reports is caveated here, as the graded-F ones are
        # (the ninth review: one such incident was counted and mapped with its caveat in the annex only)
        alone = [(f, str(f.sources[0].get("publisher") or f.sources[0]["id"])) for f in sp.now
                 if len(outlets) > 1 and f.best_grade != "F"
                 and len({str(src.get("publisher") or src["id"]) for src in f.sources}) == 1]
        if len(alone) == 1:
            parts.append(f"the event of {alone[0][0].date.human()} counted under “{sp.indicator.name}” rests on one "
                         f"outlet, {alone[0][1]}, which no other outlet in the collection confirms")
        elif alone:
            parts.append(f"{number_word(len(alone))} of the events counted under “{sp.indicator.name}” rest each on "
                         "one outlet that no other outlet in the collection confirms: "
                         + join(f"that of {f.date.human()} ({who})" for f, who in alone))
        cited += [f for f, _who in alone]
        for f in sp.now:
            found = DISPUTED.search(f.summary)
            if found:
                other = f.summary[found.end(1):].rstrip(".").strip()
                parts.append(f"the report of {f.date.human()} gives a second account against the first ({other}), "
                             "and no third source settles which is right")
                cited.append(f)
    parts = list(dict.fromkeys(parts))
    if not parts:
        return None
    text = "Caveats on this evidence: " + "; ".join(parts)
    return phrase.say(text, sorted({f.id: f for f in cited}.values(), key=lambda f: (f.date.start, f.id)), ())


VARIANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"We hold this judgment with (\w+) confidence, which rates the evidence, not the odds: ",
     ("Confidence is \\1: ", "We hold it with \\1 confidence: ", "Our confidence is \\1: ")),
    (r"it fails the recency test, for the evidence stops \w+ months before the date of writing",
     ("it fails the recency test",)),
    (r"^The evidence fits this explanation best: ", ("The likeliest explanation: ", "What best explains the evidence: ",
                                                    "The reading that fits best: ")),
    (r"^The judgment's linchpin assumption is that ",
     ("The call rests on the assumption that ", "Its linchpin is that ", "It assumes above all that ")),
    (r"^A year earlier, at [^,]+, the counting rule's signposts gave ", ("A year earlier the counting rule gave ",)),
    (r": the signposts are split, but those for the other (answers?) weigh less",
     (": the evidence is mixed, but what speaks for the other \\1 weighs less",)),
    (r"^Caveats on this evidence: ", ("Read the evidence with care: ", "On the sources: ")),
    (r"; the signposts for the two weigh the same, so each is about as likely as the other",
     ("; nothing yet sets one of the two above the other",)),
)
"""Words every judgment's sentences would otherwise repeat alike (the eighth review: 'the prose is templated'): the
first judgment keeps the full wording, which says what is meant; later ones take the variants in turn."""


def as_varied(text: str, statement: str) -> str:
    """A claim as `vary` reworded it in the judgment's statement, so a summary states it word for word."""
    if text[1:] in statement:
        return text
    for pattern, variants in VARIANTS:
        for variant in variants:
            new = re.sub(pattern, variant, text, count=1)
            if new != text and new[1:] in statement:
                return new
    return text


def vary(judgments: Sequence[Judgment]) -> None:
    """Reword the sentences of the second and later judgments that open (or run) the same way as the first's, so no
    boilerplate clause is read five times; the citations and the claims are unchanged."""
    seen: dict[str, int] = {}
    for j in judgments:
        for sentence in j.sentences():
            for pattern, variants in VARIANTS:
                if not re.search(pattern, sentence.text):
                    continue
                n = seen.get(pattern, 0)
                seen[pattern] = n + 1
                if n == 0:
                    continue
                new = re.sub(pattern, variants[(n - 1) % len(variants)], sentence.text, count=1)
                sentence.text = sentence.template = new[:1].upper() + new[1:]


def undecided(question: Question, signposts: Sequence[Signpost]) -> str:
    """What a split call would mean for the reader, for the summary's table: no one meaning until the signpost that
    decides between the two tied answers (the most diagnostic of their own, the plan's order breaking ties) settles
    it: 'either answer, until … settles it'; '' when the call is not split."""
    if not tied(question, signposts):
        return ""
    pair = ranked(question, signposts)[:2]
    deciding = [sp for sp in signposts if sp.indicator.hypothesis in pair and not sp.indicator.silence]
    if not deciding:
        return ""
    best = max(deciding, key=lambda sp: sp.indicator.weight)  # max keeps the first (the plan's order) on a tie
    return (f"plan for either {question.label(pair[0])} or {question.label(pair[1])} until the signpost "
            f"'{best.indicator.name}' settles it")


def weighed(question: Question, signposts: Sequence[Signpost], as_of: dt.date, chances: Odds) -> Table:
    """The consistency matrix with a last row summing each answer's support, and the likelihood it gives."""
    # the arithmetic (each answer's support, the rule, the band) is the method annex's, not the reader's first page
    return matrix(question, signposts, as_of)


def working(question: Question, chances: Odds) -> tuple[str, ...]:
    """The method annex's row for this judgment: question, support, rule, band, term, in plain words: what the rule
    gave, and, when the term used differs, that it was lowered and why ('lowered from likely to roughly even chance,
    because the signposts are split'), not 'held below the band', which a review read as a rating raised."""
    from watchfloor.brief.front import term_range

    support_words = "; ".join(f"{question.label(h)} {weight(chances.support[h])}" for h in question.hypotheses)
    others = [h for h in question.hypotheses if h != chances.lead]
    even = len(question.hypotheses) == 2 and abs(chances.support[chances.lead] - chances.support[others[0]]) < 1e-9
    rule = chances.formula() + (f", for {question.label(chances.lead)} and {question.label(chances.pair)} together"
                                if chances.pair else
                                f", for each of {question.label(chances.lead)} and {question.label(others[0])}"
                                if even else f", for {question.label(chances.lead)}")
    if chances.term == INSUFFICIENT:
        term = f"no term: {chances.cap}"
    elif chances.cap:
        term = f"lowered from {chances.band} to {chances.term}, because {chances.cap}"
    else:
        term = f"{chances.term}, as the rule gives"
    return (question.short or question.question, support_words, rule, term_range(chances.band), term)


def judged(sentence: Sentence) -> Sentence:
    """The sentence marked as the analyst's inference, laid out without source markers (`Sentence.judged`)."""
    sentence.judged = True
    return sentence


def contradicted(question: Question, signposts: Sequence[Signpost]) -> bool:
    """Whether the signpost the plan names to test the linchpin assumption now reads against it: the judgment then
    loses confidence (the seventh review: an assumption the evidence 'now tells against' left the judgment as it
    was)."""
    if not question.assumption:
        return False
    name, holds = question.test
    tester = next((sp for sp in signposts if sp.indicator.name == name), None)
    return tester is not None and not tester.silent() and tester.status in ("met", "not met") \
        and tester.status != holds


def linchpin(question: Question, signposts: Sequence[Signpost], as_of: dt.date,
             backers: Sequence[Signpost]) -> Sentence | None:
    """The assumption the judgment rests on, marked as its linchpin and, when the plan names a signpost that tests it,
    set against that signpost's reading (cited to it: the evidence on the assumption, not on the answer)."""
    if not question.assumption:
        return None
    name, holds = question.test
    tester = next((sp for sp in signposts if sp.indicator.name == name), None)
    if tester is None or tester.silent() or tester.status not in ("met", "not met"):
        return say(f"This judgment assumes that {question.assumption}", backers)
    weaker = tester.reading.trend == ("falling" if holds == "met" else "rising")
    way = ("so far it holds, if less firmly than a year before" if weaker else "so far it holds") \
        if tester.status == holds else "the evidence now tells against it, so the judgment is held with less confidence"
    # a figure's reading (with its competing values) is in the matrix below: the plan's words suffice here
    reading = (tester.indicator.said(tester.status) or tester.says(as_of)) if tester.indicator.measure \
        else tester.says(as_of)
    return say(f"The judgment's linchpin assumption is that {question.assumption}; {way}: {reading}",
               [tester] if tester.source_ids() else backers)


NO_CALL = "no call (insufficient evidence)"
"""The answer every place that states one gives for a judgment the evidence cannot make."""


def answer_label(question: Question, signposts: Sequence[Signpost]) -> str:
    """The judgment's answer in a few words, the one definition every place that states the answer renders (the
    summary table, the bottom line, the change since): the leading hypothesis's name; both leading names when the
    signposts are split; `NO_CALL` when the evidence is insufficient to judge (a review found the table saying
    'Contested' beside a judgment that declined to choose)."""
    if odds(question, signposts).term == INSUFFICIENT:
        return NO_CALL
    lead, alt = ranked(question, signposts)[:2]
    if tied(question, signposts):
        return f"split: {question.label(lead)} or {question.label(alt)}"
    if split(question, signposts):
        return f"{question.label(lead)}, on balance"
    return question.label(lead)


def since(question: Question, signposts: Sequence[Signpost], earlier: Sequence[Signpost], then: dt.date,
          backing: Sequence[Signpost]) -> Sentence | None:
    """What changed since the signposts were read a year earlier, and why, in one plain sentence: the answer and its
    likelihood then and now, and the signposts that moved, in the plan's words for their new status ('because no
    attack abroad was recorded and a jihadist group attacked the border'), not as 'went from met to not met'."""
    if not earlier:
        return None
    lead, before = ranked(question, signposts)[0], ranked(question, earlier)[0]
    # a signpost whose move changes no answer's support (a count the plan reads as silence when not met) is no reason
    moved = [(old, new) for old, new in zip(earlier, signposts, strict=True)
             if old.status != new.status and "no data" not in (old.status, new.status)
             and old.supports() != new.supports() and not (new.indicator.silence and new.status == "not met")]
    # a signpost whose status held but whose last event left both windows now counts for no answer: that moves the
    # support as surely as a change of status (the ninth review: a change of call with no reason given)
    lapsed = [(old, new) for old, new in zip(earlier, signposts, strict=True)
              if old.status == new.status and not old.silent() and new.silent() and old.supports() != new.supports()]
    moved += lapsed
    then_term, now_term = likelihood(question, earlier), likelihood(question, signposts)

    def stance(sps: Sequence[Signpost], h: str, term: str) -> str:
        if tied(question, sps):
            first, second = ranked(question, sps)[:2]
            return f"an even split between {question.label(first)} and {question.label(second)}"
        if term == INSUFFICIENT:
            return NO_CALL
        return f"{question.label(h)} ({term})"

    was, now = stance(earlier, before, then_term), stance(signposts, lead, now_term)
    # the rule's call, not the judged proposition's (the eleventh review read it as the headline's change)
    text = f"A year earlier, at {human(then)}, the counting rule's signposts gave {was}"
    def word(new: Signpost) -> str:
        if (old_new := next(((o, n) for o, n in lapsed if n is new), None)) is not None:
            last = f" (its latest event, of {new.earlier[0].date.human()}, is older than both windows)" \
                if new.earlier else ""
            lost = [question.label(h) for h in old_new[0].supports()]
            return f"the collection fell silent on “{new.indicator.name}”{last}, which no longer counts for " \
                f"{join(lost)}"
        return new.indicator.said(new.status) or f"“{new.indicator.name}” became {new.status}"

    def words(pairs: Sequence[tuple[Signpost, Signpost]]) -> str:
        return join(word(new) for _old, new in pairs)

    # the moved signposts that now speak for today's answer are why it leads; the others moved against it
    toward = [(old, new) for old, new in moved if new.supports().get(lead, 0) > 0]
    if was != now:
        # the call changed: a move that raised an answer now leading beside the former one, or took support from the
        # former leader, is the cause of the change, said as a cause, not as 'though' (the ninth review)
        leads = set(ranked(question, signposts)[:2]) if tied(question, signposts) else {lead}
        toward = [(old, new) for old, new in moved
                  if any(new.supports().get(h, 0) > old.supports().get(h, 0) for h in leads - {before})
                  or before in leads and tied(question, signposts)
                  and old.supports().get(before, 0) > new.supports().get(before, 0)] \
            or [(old, new) for old, new in moved if new.supports().get(lead, 0) > 0]
        if not toward and not moved:
            # no signpost's move accounts for the change: the brief's own rules cannot show it, so it claims none
            return None
    away = [pair for pair in moved if pair not in toward]
    if was == now:
        text += "; they give the same now"
        text += f", and since then {words(toward)}" if toward else ""
        text += f", though since then {words(away)}" if away else ""
        text += "" if moved else ", and no signpost moved"
    elif lead == before and not tied(question, earlier) and not tied(question, signposts):
        # the same answer, held more or less firmly: what moved is why
        text += f"; they now give {now}"
        text += f", firmer as since then {words(toward)}" if toward else ""
        text += f", weaker as since then {words(away)}" if away else ""
    else:
        text += f"; they now give {now}" + (f", because {words(toward)}" if toward else "")
        text += f"{', though' if toward else ', though since then'} {words(away)}" if away else ""
    held: list[Signpost] = []
    if before != lead and not tied(question, earlier):
        # the signposts for today's answer that already held then: the reader must not infer they came later
        held = [old for old, new in zip(earlier, signposts, strict=True)
                if old.status == new.status == "met" and old.backs(lead)]
        if held:
            text += "; then too " + join(old.says(then) for old in held)
    cited = [sp for pair in moved for sp in pair] + held
    # what moved is cited by the events of the two windows compared, not by the older report a silent reading names
    # (the seventh review: a change since last year cited a 2021 report)
    windows = sorted({f.id: f for sp in cited for f in (*sp.now, *sp.before)}.values(),
                     key=lambda f: (f.date.start, f.id))
    if windows or series_of(cited):
        return phrase.say(text, windows, series_of(cited))
    return say(text, cited if facts_of(cited) or series_of(cited) else backing)


def alternative(question: Question, alt: str, signposts: Sequence[Signpost], as_of: dt.date) -> Sentence | None:
    """'The alternative is that …; for it, …; against it, …', or None if nothing cites it. The signposts in the plan's
    words only: their readings are in the matrix that follows."""
    pro = [sp for sp in signposts if sp.backs(alt)]
    con = [sp for sp in signposts if sp.status == "met" and not sp.backs(alt) or sp.tells_against(alt)]
    if not facts_of(pro + con) and not series_of(pro + con):
        return None

    def side(sps: list[Signpost]) -> str:
        if not sps and alt in unweighable(question, signposts):
            return "no signpost, for the collection is silent on all of its own"
        # an absence is dated ("none recorded in 2025, against two in 2024"): the chronology may hold earlier ones
        return join(sp.says(as_of) if sp.status == "not met" and not sp.indicator.measure and not sp.indicator.spec
                    else sp.indicator.said(sp.status) or sp.says(as_of) for sp in sps) if sps else "no signpost"

    # a signpost the plan reads as silence when not met is neither for nor against: what it says is the reader's to
    # weigh (the tenth review: 'for it, no signpost' beside a foreign-manned outpost the collection holds)
    open_ = [sp for sp in signposts if sp.indicator.hypothesis == alt and sp.indicator.silence
             and sp.status == "not met" and sp.indicator.said("not met")]
    unsettled = f"; unsettled, {join(sp.indicator.said('not met') for sp in open_)}" if open_ else ""
    return say(f"The alternative is that {question.answer(alt)}; for it, {side(pro)}; against it, {side(con)}"
               f"{unsettled}", pro + con + open_)
