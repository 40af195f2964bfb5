"""Sentences from facts: a dated event, a change in a figure, a count of cases.

Each function returns a `Sentence` whose sources are exactly the facts it
was built from, so every claim in it can be traced and checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Sentence
from watchfloor.brief.text import date_lead, lower_first, quantity, sentence_case, tidy
from watchfloor.dates import FuzzyDate

_YEAR_FIGURES = ("economic_figure", "debt_figure", "trade_figure", "migration_figure")


def cite(facts: Sequence[Fact]) -> tuple[str, ...]:
    """Source ids of facts, in the facts' order, without repeats."""
    return tuple(dict.fromkeys(s for f in facts for s in f.source_ids))


def say(text: str, facts: Sequence[Fact], extra: Sequence[str] = ()) -> Sentence:
    """A template sentence resting on the given facts (and on `extra` sources, an observation series', which are
    no facts)."""
    return Sentence(sentence_case(text.strip().rstrip(".")), (*cite(facts), *extra), tuple(f.id for f in facts))


def needs_lead(f: Fact) -> bool:
    """A fact dated only to its year, or a figure dated to 1 January, already says when in its own words."""
    if f.date.precision == "year":
        return str(f.date.value.year) not in f.summary
    return not (f.type in _YEAR_FIGURES and f.date.value.month == 1 and f.date.value.day == 1)


def event(ev: Evidence, f: Fact, lead: str | None = None) -> Sentence:
    """The fact's own summary with the date in front: 'On 22 March 2024, four gunmen attacked …'."""
    body = tidy(f.summary)
    if lead is None and needs_lead(f):
        lead = date_lead(f.date)
    text = f"{lead}, {lower_first(body, ev.vocabulary)}" if lead else body
    return say(text + reported(f), [f])


def reported(f: Fact) -> str:
    """' (reported on 11 June 2024)' when the store dates the first report after the event; the event's date
    stays the lead. Nothing when no source is dated: a report date is never guessed."""
    day = f.reported
    return f" (reported on {day.day} {day.strftime('%B %Y')})" if day else ""


def events(ev: Evidence, facts: Sequence[Fact]) -> list[Sentence]:
    return [event(ev, f) for f in facts]


def earlier(ev: Evidence, facts: Sequence[Fact]) -> list[Sentence]:
    """Background before the period; the first sentence says so ('Earlier, on 9 December 2021, …')."""
    out = []
    for i, f in enumerate(facts):
        if i == 0:
            lead = date_lead(f.date) if needs_lead(f) else None
            lead = f"Earlier, {lead[0].lower()}{lead[1:]}" if lead else "Earlier"
            out.append(event(ev, f, lead))
        else:
            out.append(event(ev, f))
    return out


def series(facts: Sequence[Fact], keys: Sequence[str]) -> list[tuple[Fact, str, float]]:
    """(fact, key, value) for the first key each fact reports, oldest first."""
    out = []
    for f in sorted(facts, key=lambda x: (x.date.start, x.id)):
        for k in keys:
            if k in f.counts:
                out.append((f, k, f.counts[k]))
                break
    return out


def as_of(f: Fact, key: str = "") -> str:
    """When a figure applies: 'in 2024' (a key such as remittances_pct_gdp_2024 says so), 'at the start of
    2024', 'at the end of 2025', 'in April 2025', 'on 1 March 2020'."""
    d = f.date
    year = re.search(r"_((?:19|20)\d\d)(?:_|$)", key)
    if year:
        return f"in {year.group(1)}"
    if d.precision == "year":
        return f"in {d.value.year}"
    if d.precision == "month":
        return f"in {d.human()}"
    if f.type in _YEAR_FIGURES:
        if d.value.month == 1 and d.value.day == 1:
            return f"at the start of {d.value.year}"
        if d.value.month == 12 and d.value.day == 31:
            return f"at the end of {d.value.year}"
        if d.value.day == 1:
            return f"in {d.value.strftime('%B %Y')}"
    return f"on {d.human()}"


def change(what: str, points: list[tuple[Fact, str, float]]) -> Sentence | None:
    """'External debt went from $3.2bn at the start of 2024 to $3bn at the start of 2026.'"""
    if len(points) < 2:
        return None
    (f0, k0, v0), (f1, k1, v1) = points[0], points[-1]
    if f0.id == f1.id:
        return None
    if v1 == v0:
        verb = "stood at"
        return say(f"{what} {verb} {quantity(k1, v1)} {as_of(f1, k1)}, as it had {as_of(f0, k0)}", [f0, f1])
    verb = "rose" if v1 > v0 else "fell"
    return say(f"{what} {verb} from {quantity(k0, v0)} {as_of(f0, k0)} to {quantity(k1, v1)} {as_of(f1, k1)}", [f0, f1])


def when(d: FuzzyDate) -> str:
    """'on 11 October 2020', 'in June 2024', 'in 2024'."""
    return f"on {d.human()}" if d.precision == "day" else f"in {d.human()}"


def first_clause(f: Fact) -> str:
    """The summary up to its first semicolon: the event without its aftermath."""
    return tidy(f.summary).split(";")[0].strip()


def brief_event(ev: Evidence, f: Fact) -> Sentence:
    """A shorter event sentence for the summary: the date and the first clause only."""
    body = first_clause(f)
    text = f"{date_lead(f.date)}, {lower_first(body, ev.vocabulary)}" if needs_lead(f) else body
    return say(text, [f])


def words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)
