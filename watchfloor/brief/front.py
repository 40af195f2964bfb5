"""The front page a minister reads first: the calls with their likelihood ranges, a small chart of them, and the three
signposts most worth watching in the coming months.

The seventh review asked for one page with the calls, what they mean and three things to watch, and for no false
precision on it: the front gives ICD 203 terms and their ranges ('likely, 55–80%'), never the rule's 57.1%, which
stays in the method annex where its working is shown.
"""

from __future__ import annotations

import datetime as dt
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
EVIDENCE = {"high": "our evidence is good", "moderate": "our evidence is fair", "low": "our evidence is thin"}


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
    if j.likelihood == INSUFFICIENT:
        text = f"We cannot yet say: the evidence does not tell us whether {one}"
    elif tied(question, signposts) and j.pair:
        text = f"{PLAINLY.get(j.likelihood, 'Perhaps')} one of two things, and we cannot yet tell which: {one}, " \
            f"or {two}"
    elif tied(question, signposts):
        text = f"As likely as not, {one}; if not, {two}"
    else:
        text = f"{PLAINLY.get(j.likelihood, 'Perhaps')}, {one}"
    return Sentence(f"{text}; {how}" if how else text, j.statement.sources, lead=j.short or j.question)


def watch(judgments: Sequence[Judgment], readings: Sequence[Signpost], as_of: dt.date,
          leads: dict[str, str], rivals: dict[str, str]) -> list[Sentence]:
    """Up to three signposts to watch, one per question at most: for each judgment, the signpost that tells its call
    from the rival best (the most diagnostic of the call's own and the rival's, the rival's first on a tie, for it is
    what would change the call); the three most diagnostic, in the plan's order. Each says what reading would change
    the call and what the evidence showed to the cut-off, cited to it."""
    from watchfloor.brief.method import check_now

    picks: list[tuple[float, int, Signpost]] = []
    for order, j in enumerate(judgments):
        lead, rival = leads.get(j.topic, ""), rivals.get(j.topic, "")
        mine = [sp for sp in readings if sp.question.id == j.topic and sp.indicator.hypothesis in (lead, rival)
                and sp.source_ids() and not sp.indicator.silence]
        if not mine:
            continue
        best = max(mine, key=lambda sp: (sp.indicator.weight, sp.indicator.hypothesis == rival))
        picks.append((best.indicator.weight, order, best))
    chosen = sorted(sorted(picks, key=lambda t: (-t[0], t[1]))[:WATCHED], key=lambda t: t[1])
    out = []
    for _w, _o, sp in chosen:
        lead = leads[sp.question.id]
        # a silent signpost's check already says since when the collection holds nothing; a reading would repeat it
        text = f"{sp.indicator.name}: {check_now(sp, lead, as_of)}" + \
            ("" if sp.silent() else f"; to the cut-off, {sp.reading_text(as_of)}")
        sentence = Sentence(text, sp.source_ids(), lead=sp.question.short or sp.question.question)
        out.append(sentence)
    return out


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
        def check(sp: Signpost, lead: str = lead, second: str = second, pair: bool = j.pair) -> str:
            text = check_now(sp, lead, as_of)
            if pair:  # a split call has no one current call: the check weighs one tied answer against the other
                tied_with = sp.question.label(second) if sp.indicator.hypothesis == lead else sp.question.label(lead)
                against = tied_with if sp.indicator.hypothesis in (lead, second) else \
                    f"the split call of {sp.question.label(lead)} or {sp.question.label(second)}"
                text = text.replace(", the current call", f" against {tied_with}").replace(
                    "against the current call", f"against {against}")
            return f"“{sp.indicator.name}”, where {text}"

        items = "; and ".join(check(sp) for sp in picked)
        out.append(Sentence(f"Check the reports since {human(as_of)} for {items}", sources,
                            lead=j.short or j.question))
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
        if j.likelihood in RANGES:
            lo, hi = RANGES[j.likelihood]
            shade = {"high": "#1f4e79", "moderate": "#5b8fc7", "low": "#a9c4e4"}.get(j.level, "#a9c4e4")
            parts.append(f'<rect x="{x(lo):.1f}" y="{y + 4}" width="{x(hi) - x(lo):.1f}" height="{row_h - 10}" '
                         f'fill="{shade}"/>')
            note = f"{j.answer}{' (the two together)' if j.pair else ''}; {j.level} confidence"
        else:
            parts.append(f'<text x="{x(50):.0f}" y="{y + 15}" text-anchor="middle" fill="#777">no call</text>')
            note = j.answer if j.likelihood == INSUFFICIENT else f"{j.answer}: {j.likelihood}"
        parts.append(f'<text x="{label_w + scale_w + 10}" y="{y + 15}" fill="#222">{escape(note)}</text>')
    parts.append("</svg>")
    return Figure(NAME, "", "\n".join(parts))
