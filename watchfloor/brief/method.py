"""The method annex: what the brief's words and scales mean, and what each signpost counts.

A reader of a brief should not have to guess what "likely", "moderate confidence", a grade "C" or "the collection is
silent" mean, nor how a signpost was counted. This annex says so in tables (no sentence of it states a fact about the
country, so none needs a citation): the ICD 203 likelihood scale, the confidence rubric (`confidence`), the Admiralty
source grades, the watch plan's signposts with their counting rules and weights, and the terms the readings use.
It also gives, per signpost, what to check now: the horizon runs from the evidence cut-off, which may be long past.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from watchfloor.analyse.watchplan import DIAGNOSTICITY
from watchfloor.brief.evidence import ADMIRALTY
from watchfloor.brief.judgments import SCALE
from watchfloor.brief.model import Judgment
from watchfloor.brief.signposts import OPERATOR_SIGNS, WINDOW_WORDS, Signpost, human

HEADING = "Annex: Method and Scales"

LIKELIHOOD_LOW = {"almost no chance": 1, "very unlikely": 5, "unlikely": 20, "roughly even chance": 45,
                  "likely": 55, "very likely": 80, "almost certain": 95}
"""The lower end of each ICD 203 band, in per cent (the upper ends are judgments.SCALE)."""

CONFIDENCE = (
    ("high", "the judgment passes every test below"),
    ("moderate", "it fails one or two"),
    ("low", "it fails three or more"),
)
TESTS = (
    ("Source grades", "at least half the reports behind the question's signposts are graded A to C, and no event a "
                      "signpost that weighs in the call counts rests only on sources graded D to F"),
    ("Corroboration", "the evidence for the leading answer comes from two or more publishers"),
    ("Recency", "its newest report is at most six months older than the date of writing: a brief written more "
                "than six months after its cut-off fails this test for every judgment, so none is held with high "
                "confidence"),
    ("No gaps", "the collection holds events of every signpost's kind, now or the year before"),
    ("No disputed figure", "no figure the judgment uses has competing values, and no source disputes one, unless "
                           "every value for the year read falls on the same side of the signpost's threshold"),
    ("Not absence alone", "the leading answer rests on at least one signpost met that tells the answers apart, "
                          "not only on what was not recorded"),
    ("Linchpin holds", "the evidence does not tell against the judgment's linchpin assumption"),
)
TERMS = (
    ("the collection", "the reports gathered for this brief, each summarised in our words, dated and graded, and the "
                       "statistical series the watch plan names; open sources only"),
    ("met, not met", "whether a signpost reached its threshold in its window (the year, or quarter, to the cut-off)"),
    ("none recorded", "the collection holds events of the signpost's kind, but none that the signpost counts"),
    ("none", "the collection holds no event of the signpost's kind in that window, though it holds some in the "
             "other window compared; the signpost is scored"),
    ("silent, gap", "the collection holds no event of the signpost's kind at all in either window compared: absent "
                    "from the collection, not necessarily from the world; a gap counts for no answer"),
    ("diagnosticity", "how well a signpost tells the answers apart: high counts 1, moderate 0.5, low 0.25; a signpost "
                      "that would be seen whichever answer holds is low"),
    ("support", "what the signposts give an answer: a met signpost its diagnosticity weight, one not met half its "
                "weight shared among the other answers, each divided by the number of signposts of its own answer"),
    ("likelihood", "the leading answer's support plus one over all support plus two (Laplace's rule on two outcomes: "
                   "the leading answer holds, or not), placed on the scale above; never above very likely, never "
                   "above likely when met signposts point to more than one answer, never above roughly even chance "
                   "when the answer rests on what was not recorded and on weak signposts; when two answers tie, "
                   "the rule is applied to the two together (one of them holds, or neither), and the term is the "
                   "pair's, each about as likely as the other"),
    ("confidence", "how good the evidence is (the tests above), not how probable the answer is: high confidence in a "
                   "roughly even chance means sound evidence, evenly balanced"),
    ("contested incident", "an incident whose report gives two parties' accounts of who fought: one rule for all, "
                           "it counts under each account's signpost, once under each, where the plan's signpost "
                           "says so, and the judgment's caveats name it as contested"),
    ("judged likelihood", "the term the analyst gives the proposition a key judgment leads with (see above); the "
                          "counting rule's term is its cross-check"),
    ("state media", "a source owned or run by a state, marked in the source list: it may carry its government's line"),
)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def likelihood_rows() -> list[tuple[str, str]]:
    out = []
    for hi, term in SCALE:
        top = min(99, round(hi * 100))
        out.append((term, f"{LIKELIHOOD_LOW[term]}–{top}%"))
    return out


def answer_rows(signposts: Sequence[Signpost]) -> list[tuple[str, str, str]]:
    """Each question's answers with the plan's definition, so no label the tables use goes undefined (the tenth
    review: 'Isolated' appeared only as a column)."""
    questions = list({id(sp.question): sp.question for sp in signposts}.values())
    return [(q.short or q.question, q.label(h), q.explanation(h)) for q in questions for h in q.hypotheses]


def counting_rows(signposts: Sequence[Signpost]) -> list[tuple[str, str, str, str]]:
    level = {v: k for k, v in DIAGNOSTICITY.items()}
    return [(sp.indicator.name, sp.question.label(sp.indicator.hypothesis),
             sp.indicator.counts or ("the latest figure" if sp.indicator.measure or sp.indicator.spec
                                     else "each event of its kind once"),
             f"{sp.threshold()}; {level[sp.indicator.weight]}" + (f": {sp.indicator.why}" if sp.indicator.why else ""))
            for sp in signposts]


def annex(signposts: Sequence[Signpost], judged: Sequence[Judgment] = ()) -> str:
    """The annex's Markdown below its heading: tables only."""
    parts = [
        "### Likelihood (ICD 203)",
        _table(("Term", "Probability"), likelihood_rows()),
        "### Confidence",
        _table(("Level", "When"), CONFIDENCE),
        _table(("Test", "Passed when"), TESTS),
        "### Source grades (Admiralty)",
        _table(("Grade", "Meaning"), list(ADMIRALTY.items())),
    ]
    propositions = [j.judged_working for j in judged if j.judged_working]
    if propositions:
        # the tenth review: the likelihood is the analyst's judgment on the proposition a minister cares about, the
        # counting rule below only its cross-check
        parts += ["### The likelihood of each proposition, judged",
                  PROPOSITIONS,
                  _table(("Question", "Term, why, and the counting rule's cross-check"), propositions)]
    if judged:
        parts += ["### How each likelihood was reached" if not propositions else
                  "### The counting rule, a cross-check",
                  _table(("Question", "Support of each answer", "(support + 1) / (all support + 2)",
                          "Band the rule gives", "Term used"), [j.working for j in judged if j.working])]
        outcomes = [j.each_working for j in judged if j.each_working]
        if outcomes:
            # one probability per outcome (the ninth review): the same rule, its two pseudo-counts one for the call
            # and one shared among the other answers, so the call keeps its figure and the outcomes add up to one
            parts += ["### Each outcome's own probability",
                      _table(("Question", "Each outcome: (support + its share of the rule's two) / (all support + 2), "
                              "the band; the shares add up to 2 and the outcomes to one"), outcomes)]
    if signposts:
        parts += ["### The answers weighed", _table(("Question", "Answer", "What it means"), answer_rows(signposts))]
        parts += ["### How each signpost is counted",
                  _table(("Signpost", "Points to", "What is counted", "Threshold; diagnosticity"),
                         counting_rows(signposts))]
    parts += ["### Terms", _table(("Term", "Meaning"), TERMS)]
    return "\n\n".join(parts)


PROPOSITIONS = ("Each key judgment leads with the proposition the watch plan states for its question, and the "
                "likelihood the analyst judges for it, with the reason. That term stands only while every signpost "
                "the plan names for it reads as the plan expects: each that does not, or on which the collection is "
                "silent, lowers it one band, and a proposition whose every signpost is silent gets no figure, for "
                "silence is no evidence. The counting rule's call on the competing answers is shown beside it as a "
                "cross-check.")

CALL = "What would change the call"
"""The board's last column: for each signpost, what reading after the cut-off would move the question's answer."""


def check_now(sp: Signpost, lead: str, cutoff: dt.date) -> str:
    """What reading after the cut-off would change the call, for a signpost: the evidence to the cut-off is in the
    reading beside it, so this says only what would move the answer ('fewer than 2 in 2026 would weaken Contained';
    '≥ 1 in 2026 would favour Rising over the call')."""
    ind = sp.indicator
    label = sp.question.label(ind.hypothesis)
    year = cutoff.year + 1 if (cutoff.month, cutoff.day) == (12, 31) else None
    span = "the" if ind.window.endswith("_years") else "a"
    when = f"in {year}" if year and ind.window == "year" else \
        f"in {span} {WINDOW_WORDS[ind.window]} after {human(cutoff)}"
    n = f"{ind.threshold:g}"
    if ind.measure:
        latest = sp.reading.observed[0][0] if sp.reading.observed else \
            cutoff.year if (cutoff.month, cutoff.day) == (12, 31) else cutoff.year - 1
        when = f"for {latest + 1}"
        reach = f"a figure {when} {OPERATOR_SIGNS[ind.operator]} {n}" + (" and at a new high" if ind.change else "")
        miss = f"a figure {when} short of {OPERATOR_SIGNS[ind.operator]} {n}" + (" or of a new high"
                                                                                  if ind.change else "")
    else:
        if ind.spec is not None:
            when = f"for {year or cutoff.year}"
        more = " and more than the year before" if ind.change else ""
        reach = ("a total " if ind.spec is not None else "") + f"{OPERATOR_SIGNS[ind.operator]} {n} {when}{more}"
        miss = (f"none {when}" if ind.operator == ">=" and ind.threshold == 1 else f"fewer than {n} {when}"
                if ind.operator in (">=", ">") else f"more than {n} {when}") + \
            (" or no rise" if ind.change else "")
    if sp.silent() and sp.earlier:
        return f"a new report of one would count for {label} (none since {sp.earlier[0].date.human()})"
    if sp.silent():
        return f"a first report of one would count for {label} (the collection has been silent)"
    if sp.backs(lead):
        return f"{miss} would weaken {label}, the current call"
    if sp.status == "met":
        return f"{reach} again would strengthen {label} against the current call"
    if ind.hypothesis == lead:
        return f"{reach} would firm up {label}, the current call"
    return f"{reach} would favour {label} over the current call"
