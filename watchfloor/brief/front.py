"""The front page a minister reads first: the calls with their likelihood ranges, a small chart of them, and the three
signposts most worth watching in the coming months.

The seventh review asked for one page with the calls, what they mean and three things to watch, and for no false
precision on it: the front gives ICD 203 terms and their ranges ('likely, 55–80%'), never the rule's 57.1%, which
stays in the method annex where its working is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from watchfloor.brief.judgments import INSUFFICIENT
from watchfloor.brief.model import Figure, Judgment, Sentence
from watchfloor.brief.signposts import Signpost

if TYPE_CHECKING:
    from watchfloor.analyse.watchplan import Question

RANGES = {"almost no chance": (1, 5), "very unlikely": (5, 20), "unlikely": (20, 45),
          "roughly even chance": (45, 55), "likely": (55, 80), "very likely": (80, 95), "almost certain": (95, 99)}
"""The ICD 203 terms' ranges, in per cent."""
WATCHED = 3
NAME = "calls"


def term_range(term: str) -> str:
    """'likely (55–80%)'; a term off the scale ('insufficient evidence') as it is."""
    if term not in RANGES:
        return term
    lo, hi = RANGES[term]
    return f"{term} ({lo}–{hi}%)"


PLAINLY = {"almost certain": "Almost certainly", "very likely": "Very probably", "likely": "Probably",
           "roughly even chance": "As likely as not", "unlikely": "Probably not", "very unlikely": "Very probably not",
           "almost no chance": "Almost certainly not"}
"""The likelihood terms as said aloud."""
EVIDENCE = {"high": "high confidence", "moderate": "moderate confidence", "low": "low confidence"}
"""The confidence levels as the tables give them: one vocabulary on the front and in the body (the tenth review found
'our evidence is fair/thin' on the front and 'moderate/low' in the tables)."""


def plain(j: Judgment, question: Question, signposts: Sequence[Signpost]) -> Sentence | None:
    """The call in one short line a minister can read aloud (the ninth review): the plan's plain words for the answer
    (`Question.plain`), the likelihood as said aloud, how good the evidence is; no answer names, no codes, no
    ranges. Cited as the key judgment is, for it makes the same claim."""
    from watchfloor.brief.assess import ranked, tied

    if not j.likelihood:
        return None
    lead, second = ranked(question, signposts)[:2]
    one, two = question.plainly(lead), question.plainly(second)
    how = EVIDENCE.get(j.level, "")
    prop = question.proposition
    if j.judged and prop is not None:
        said = prop.plain or prop.claim
        text = f"We give no odds that {said}: the collection holds nothing either way" if j.judged not in PLAINLY \
            else f"{PLAINLY[j.judged]}, {said}"
    elif j.likelihood == INSUFFICIENT:
        text = f"We cannot yet say: the evidence does not tell us whether {one}"
    elif tied(question, signposts) and j.pair:
        text = f"{PLAINLY.get(j.likelihood, 'Perhaps')} one of two things, and we cannot yet tell which: {one}, " \
            f"or {two}"
    elif tied(question, signposts):
        text = f"As likely as not, {one}; if not, {two}"
    else:
        text = f"{PLAINLY.get(j.likelihood, 'Perhaps')}, {one}"
    return Sentence(f"{text}; {how}" if how else text, (j.proposition or j.statement).sources,
                    lead=j.short or j.question)


def watch(judgments: Sequence[Judgment], readings: Sequence[Signpost], as_of: dt.date,
          leads: dict[str, str], rivals: dict[str, str], through: dt.date | None = None) -> list[Sentence]:
    """Up to three signposts to watch, one per question at most: for each judgment, the signpost that tells its call
    from the rival best (the most diagnostic of the call's own and the rival's, the rival's first on a tie, for it is
    what would change the call), or for a judgment that leads with a proposition the signpost it rests on that would
    lower it (`lowering`); the three most diagnostic, in the plan's order. Each says what reading would change the
    call and what the evidence showed to the cut-off, cited to it. Only a signpost whose first window after the
    cut-off closes by the horizon's end (`through`) is one to watch: the tenth review found a seven-year window on
    the front of a brief with a twenty-month horizon."""
    from watchfloor.brief.method import check_now

    picks: list[tuple[float, int, Signpost, str]] = []
    for order, j in enumerate(judgments):
        lead, rival = leads.get(j.topic, ""), rivals.get(j.topic, "")
        usable = [sp for sp in readings if sp.question.id == j.topic and sp.source_ids() and not sp.indicator.silence
                  and readable(sp, as_of, through)]
        # a judgment that leads with a proposition is watched through the signposts it rests on: what would lower it
        held = [(sp, said) for sp in usable if (said := lowering(sp, j, as_of))]
        if held:
            sp, said = max(held, key=lambda t: t[0].indicator.weight)
            picks.append((sp.indicator.weight, order, sp, said))
            continue
        mine = [sp for sp in usable if sp.indicator.hypothesis in (lead, rival)]
        if not mine:
            continue
        best = max(mine, key=lambda sp: (sp.indicator.weight, sp.indicator.hypothesis == rival))
        said = check_now(best, leads[best.question.id], as_of)
        picks.append((best.indicator.weight, order, best, leading(said, best.question, lead) if j.judged else said))
    chosen = sorted(sorted(picks, key=lambda t: (-t[0], t[1]))[:WATCHED], key=lambda t: t[1])
    out = []
    seen: set[str] = set()
    for _w, _o, sp, said in chosen:
        # a silent signpost's check already says since when the collection holds nothing; a reading would repeat it
        text = f"{sp.indicator.name}: {said}" + ("" if sp.silent() else f"; to the cut-off, {sp.reading_text(as_of)}")
        text = defined(text, sp.question, seen)
        sentence = Sentence(text, sp.source_ids(), lead=sp.question.short or sp.question.question)
        out.append(sentence)
    return out


def lowering(sp: Signpost, j: Judgment, as_of: dt.date) -> str:
    """For a signpost the judgment's proposition rests on, reading as expected: what reading after the cut-off would
    lower the proposition's term ('fewer than 2 in a year after … would lower “Still dependent” from very likely');
    '' for any other signpost."""
    from watchfloor.brief.method import check_now

    prop = sp.question.proposition
    if j.judged not in RANGES or prop is None or (sp.indicator.name, "met") not in prop.rests_on \
            or sp.status != "met":
        return ""
    text = check_now(sp, sp.indicator.hypothesis, as_of)
    if prop.holds_level:  # a plateau fits a claim that the level holds: only a fall lowers it
        text = text.replace(" or no rise", " or fewer than the year before").replace(" or of a new high",
                                                                                       " or below the year before")
    suffix = f" would weaken {sp.question.label(sp.indicator.hypothesis)}, the current call"
    return f"{text.removesuffix(suffix)} would lower “{j.label}” from {j.judged}" if text.endswith(suffix) else ""


def leading(check: str, q: Question, lead: str) -> str:
    """A check's 'the current call' named as the answer the counting rule leads with: the body's call is the plan's
    proposition, so 'the current call' would be ambiguous."""
    return check.replace("against the current call", f"against {q.label(lead)}, the answer that leads").replace(
        ", the current call", ", the answer that leads")


def defined(text: str, q: Question, seen: set[str]) -> str:
    """Each answer's name, where the front first gives it, followed by what it means in the plan's words (the tenth
    review: 'Isolated', 'Displaced', 'Hedging' used and never defined); `seen` holds the names already defined."""
    for h in q.hypotheses:
        label = q.label(h)
        found = re.search(rf"\b{re.escape(label)}\b", text) if label not in seen else None
        if found:
            seen.add(label)
            text = f"{text[:found.end()]} ({q.answer(h)}){text[found.end():]}"
    return text


def readable(sp: Signpost, as_of: dt.date, through: dt.date | None) -> bool:
    """Whether the signpost's first window after the cut-off closes by the horizon's end (twelve months without one)."""
    from watchfloor.analyse.watchplan import WINDOWS

    months = (through.year - as_of.year) * 12 + through.month - as_of.month if through is not None else 12
    return WINDOWS[sp.indicator.window] <= months


def checks(judgments: Sequence[Judgment], readings: Sequence[Signpost], as_of: dt.date,
           leads: dict[str, str], rivals: dict[str, str], seconds: dict[str, str] | None = None,
           since: Sequence[Sentence] = ()) -> list[Sentence]:
    """What to check since the cut-off, for a brief written long after it (the eighth review's first request): per
    question, the signposts whose reading could most change the call (the most diagnostic of the call's own, and of
    its rival's; for a split call, of each tied answer, `seconds` naming the answer tied with the lead, and of the
    rival), each with the reading that would change it, stated as a check to run, not as a fact; then `since`,
    the plan's scheduled events that fell between the cut-off and the date of writing (`scheduled_since`). Cited to
    what the signposts were read from, so the reader can see what the check is set against."""
    from watchfloor.brief.layout import human
    from watchfloor.brief.method import check_now

    out = []
    seen: set[str] = set()
    for j in judgments:
        lead, rival = leads.get(j.topic, ""), rivals.get(j.topic, "")
        mine = [sp for sp in readings if sp.question.id == j.topic and not sp.indicator.silence]
        picked: list[Signpost] = []
        second = (seconds or {}).get(j.topic, "") if j.pair else ""
        for h in dict.fromkeys(h for h in (lead, second, rival) if h):
            own = [sp for sp in mine if sp.indicator.hypothesis == h and sp not in picked]
            if own:
                picked.append(max(own, key=lambda sp: (sp.indicator.weight, bool(sp.source_ids()))))
        sources = tuple(s for sp in picked for s in sp.source_ids()) or j.statement.sources
        if not picked:
            continue
        def check(sp: Signpost, lead: str = lead, second: str = second, pair: bool = j.pair,
                  judged: bool = bool(j.judged)) -> str:
            text = check_now(sp, lead, as_of)
            if not pair and judged:
                text = leading(text, sp.question, lead)
            if pair:  # a split call has no one current call: the check weighs one tied answer against the other
                tied_with = sp.question.label(second) if sp.indicator.hypothesis == lead else sp.question.label(lead)
                against = tied_with if sp.indicator.hypothesis in (lead, second) else \
                    f"the split call of {sp.question.label(lead)} or {sp.question.label(second)}"
                text = text.replace(", the current call", f" against {tied_with}").replace(
                    "against the current call", f"against {against}")
            return f"“{sp.indicator.name}”, where {text}"

        # first what would lower the proposition the judgment leads with, then what would move the answers
        held = [(sp, said) for sp in mine if (said := lowering(sp, j, as_of))][:1]
        rest = [check(sp) for sp in picked if all(sp is not h for h, _s in held)]
        items = defined("; and ".join([*(f"“{sp.indicator.name}”, where {said}" for sp, said in held), *rest]),
                        picked[0].question, seen)
        # the tenth review asked what the months since say: the collection holds nothing after its cut-off, and the
        # brief says so per question rather than leave the gap for the reader to notice
        out.append(Sentence(f"The collection holds nothing after {human(as_of)}; check the reports since then for "
                            f"{items}", sources, lead=j.short or j.question))
    return out + list(since)


def chart(judgments: Sequence[Judgment]) -> Figure | None:
    """A small chart of the calls: one row per question, its likelihood drawn as the term's range on a 0–100% scale
    (a band, not a point: the front claims no more precision than the term), the call and the confidence beside it;
    a judgment with no call says so in place of a band."""
    if not judgments:
        return None
    label_w, scale_w, right_w, row_h, top = 160, 240, 380, 26, 26
    width, height = label_w + scale_w + right_w, top + row_h * len(judgments) + 24

    def x(p: float) -> float:
        return label_w + scale_w * p / 100

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="The calls and their likelihood ranges" '
             'font-family="Helvetica, Arial, sans-serif" font-size="11">']
    for p in (0, 25, 50, 75, 100):
        parts.append(f'<line x1="{x(p):.0f}" y1="{top - 6}" x2="{x(p):.0f}" y2="{height - 22}" stroke="#ccc"/>')
        parts.append(f'<text x="{x(p):.0f}" y="{height - 8}" text-anchor="middle" fill="#555">{p}%</text>')
    parts.append(f'<text x="{label_w}" y="12" fill="#333">Likelihood of the call, as its ICD 203 range (darker: '
                 'more confidence in the evidence)</text>')
    for i, j in enumerate(judgments):
        y = top + i * row_h
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="#222">'
                     f'{escape(j.short or j.question)}</text>')
        term = j.judged or j.likelihood
        if term in RANGES:
            lo, hi = RANGES[term]
            shade = {"high": "#1f4e79", "moderate": "#5b8fc7", "low": "#a9c4e4"}.get(j.level, "#a9c4e4")
            parts.append(f'<rect x="{x(lo):.1f}" y="{y + 4}" width="{x(hi) - x(lo):.1f}" height="{row_h - 10}" '
                         f'fill="{shade}"/>')
            note = f"{j.label or j.answer}{' (the two together)' if j.pair and not j.judged else ''}; " \
                f"{j.level} confidence"
        else:
            parts.append(f'<text x="{x(50):.0f}" y="{y + 15}" text-anchor="middle" fill="#777">no call</text>')
            note = j.answer if term == INSUFFICIENT else f"{j.label or j.answer}: {term}"
        parts.append(f'<text x="{label_w + scale_w + 10}" y="{y + 15}" fill="#222">{escape(note)}</text>')
    parts.append("</svg>")
    return Figure(NAME, "", "\n".join(parts))
