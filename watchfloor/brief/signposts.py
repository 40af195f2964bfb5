"""Signposts: the watch plan's indicators read on the store as of the evidence cut-off, put in words.

A signpost's status speaks for one hypothesis: met, for the hypothesis the plan
gives it; not met, for the others. That is the consistency matrix of a key
judgment, and the board the brief ends its assessment with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from watchfloor.analyse.indicators import Board, Reading
from watchfloor.analyse.watchplan import Indicator, Question, WatchPlan
from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Row, Table
from watchfloor.brief.text import fmt_number, lower_first, number_word, quantity
from watchfloor.store import Store

WINDOW_WORDS = {"quarter": "quarter", "half": "six months", "year": "year", "two_years": "two years",
                "seven_years": "seven years"}
OPERATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}
OPERATOR_WORDS = {">=": "at least", ">": "more than", "<=": "at most", "<": "fewer than"}
NOT_MET_WEIGHT = 0.5
"""What a signpost not met adds to the other hypotheses: an absence is weaker evidence than a presence."""


@dataclass(frozen=True)
class Signpost:
    question: Question
    indicator: Indicator
    reading: Reading
    now: tuple[Fact, ...]
    """The facts behind the current value."""
    before: tuple[Fact, ...]
    """The facts behind the previous value."""
    series_by: str = ""
    """Who publishes the observation series a figure was read from ('' when it was read from reports)."""
    earlier: tuple[Fact, ...] = ()
    """With nothing in either window: the newest event of the indicator's own kind from before them."""
    series_grade: str = ""
    """The series' source grade (A–F), so the confidence sentence counts it with the reports' grades."""
    covered_from: dt.date | None = None
    """The first day of the brief's period: a window before it is said to reach outside the period covered."""

    @property
    def status(self) -> str:
        return self.reading.status

    def supports(self) -> dict[str, float]:
        """The hypotheses this status speaks for, with the weight it carries: scaled by the indicator's
        diagnosticity, so a signpost that would be seen whichever answer holds counts for little."""
        own, weight = self.indicator.hypothesis, self.indicator.weight
        if self.status == "met":
            return {own: weight}
        if self.status != "not met" or self.silent() or self.indicator.silence:
            # a collection silent on the signpost's kind is a gap, not evidence for the other answers; a count the
            # plan reads as silence when not met (nothing was due) is no evidence either
            return {}
        if self.level_only():
            return {}
        others = [h for h in self.question.hypotheses if h != own]
        return {h: weight * NOT_MET_WEIGHT / len(others) for h in others}

    def level_only(self) -> bool:
        """A figure that misses only its rise ('at a new high') while its level still passes the threshold: no new
        high is no evidence for the other answers, for the level it holds fits this one (the tenth review: a share of
        48% of output, short of a new high, lent weight to 'fraying')."""
        from watchfloor.analyse.indicators import _met

        ind = self.indicator
        return bool(ind.measure) and ind.change and _met(self.reading.value, ind) == "met"

    def backs(self, hypothesis: str) -> bool:
        """Met, and its own hypothesis: evidence consistent with that answer."""
        return self.status == "met" and self.indicator.hypothesis == hypothesis

    def tells_against(self, hypothesis: str) -> bool:
        """Not met, and its own hypothesis: evidence inconsistent with that answer. It is no evidence for the others
        (no new loans is no sign of foreign troops), though it weighs in their favour when answers
        are ranked (`supports`)."""
        return self.status == "not met" and self.indicator.hypothesis == hypothesis and not self.silent() \
            and not self.indicator.silence

    def silent(self) -> bool:
        """No reading, or the store holds no event of the indicator's kind in this window nor the one before: a gap
        in collection, not evidence that nothing happened (events of the kind that fail the indicator's filter are
        an absence, not a gap)."""
        r = self.reading
        return r.status == "no data" or (not self.indicator.measure and not self.indicator.spec
                                          and not r.kind[0] and not r.kind[1])

    def cited(self) -> tuple[Fact, ...]:
        """What a sentence about this signpost cites: the facts behind its value, or, when nothing was recorded,
        the facts of the window before, which the reading is set against, or, when both are empty, the newest event
        of its kind from before them, which the reading names."""
        return self.now or self.before or self.earlier

    def series_sources(self) -> tuple[str, ...]:
        """The observation series' sources, when the reading is the series' (it has no facts to cite)."""
        return tuple(dict.fromkeys(source for _year, source in self.reading.observed))

    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*phrase.cite(self.cited()), *self.series_sources())))

    def reading_text(self, as_of: dt.date) -> str:
        """'three in the year to 31 December 2025, against six in the year before'; '48.2% of GDP in 2023'."""
        r, ind = self.reading, self.indicator
        if r.value is None:
            return "the collection is silent: the store holds no figure for it"
        if ind.spec is not None:
            now_hedge, before_hedge = (f"{h} " if h else "" for h in r.hedges)
            text = f"{now_hedge}{fmt_number(r.value)} {ind.spec.unit} in {r.window.removeprefix('year ')}"
            text += self.single()
            if r.previous is not None:
                text += f", against {before_hedge}{fmt_number(r.previous)} the year before"
            return text
        if ind.measure and r.observed:
            years = [year for year, _source in r.observed]
            text = f"{quantity(ind.measure, r.value)} in {years[0]} in the {self.series_by or 'observation'} series"
            if r.previous is not None and len(years) > 1:
                text += f", against {quantity(ind.measure, r.previous)} in {years[1]}"
            if r.high is not None:
                text += f", and below the {quantity(ind.measure, r.high[1])} of {r.high[0]}"
            return text
        if ind.measure:
            text = quantity(ind.measure, r.value) + (f" {phrase.as_of(self.now[0], ind.measure)}" if self.now else "")
            if r.previous is not None and self.before:
                text += f", against {quantity(ind.measure, r.previous)} {phrase.as_of(self.before[0], ind.measure)}"
            return text
        now, before = window_words(ind.window, as_of)
        quiet_now, quiet_before = (not k for k in r.kind)
        last = f"; the latest it holds is of {self.earlier[0].date.human()}" if self.earlier else ""
        # 'silent' only as the Terms define it: no event of the signpost's kind in either window, a gap that counts for
        # no answer; a window with none beside one with some is a count of none (the ninth review: 'silent in the year
        # to …, against two in the year before' read as a gap where the signpost was scored)
        if self.silent():
            text = f"the collection is silent {now}"
            return text if r.previous is None else text + f", as {before}" + last
        text = f"{count_word(r.value)}{' recorded' if not r.value and not quiet_now else ''} {now}"
        if r.previous is None:
            return text
        if r.previous == r.value:
            return text + f", as {before}" + last
        recorded = " recorded" if not r.previous and not quiet_before else ""
        return text + f", against {count_word(r.previous)}{recorded} {before}"

    def outside(self, as_of: dt.date) -> bool:
        """Whether the window before reaches back before the period covered: a trend against it compares a period the
        collection was gathered for with one it holds as background (the seventh review: 'six against one' set a
        fully collected year against a partly collected one without saying so)."""
        if self.covered_from is None:
            return False
        from watchfloor.analyse.indicators import _months_back
        from watchfloor.analyse.watchplan import WINDOWS

        months = WINDOWS[self.indicator.window]
        return _months_back(_months_back(as_of, months) - dt.timedelta(days=1), months) < self.covered_from

    def single(self) -> str:
        """' (one report only, by …)' when a figure read from reports rests on a single publisher: a weighty figure
        that no second source confirms is flagged where it is stated."""
        publishers = {str(s.get("publisher") or s["id"]) for f in self.now for s in f.sources}
        return f" (one report only, by {next(iter(publishers))})" if len(publishers) == 1 else ""

    def says(self, as_of: dt.date) -> str:
        """The status in the plan's words, with the reading: 'prosecutions abroad go on (three in the year to …)'."""
        said = self.indicator.said(self.status)
        reading = self.reading_text(as_of)
        return f"{said} ({reading})" if said else f"{lower_first(self.indicator.name)}: {reading}"

    def threshold(self) -> str:
        """The threshold in words ('at least 2 a year'): the method annex is read by people, and the checker took a
        bare '≥' beside a figure for a name."""
        ind = self.indicator
        sign = f"{OPERATOR_WORDS[ind.operator]} {ind.threshold:g}"
        if ind.measure:
            return sign + (", at a new high" if ind.change else "")
        rate = f"in {WINDOW_WORDS[ind.window]}" if ind.window.endswith("_years") else f"a {WINDOW_WORDS[ind.window]}"
        return f"{sign} {rate}" + (", and more than the one before" if ind.change else "")


def reach(signposts: Sequence[Signpost], as_of: dt.date) -> dt.date | None:
    """The earliest day a count's window before reaches back to, when that is before the period covered (None when
    every window falls inside it): the cover says so once, not each reading."""
    from watchfloor.analyse.indicators import _months_back
    from watchfloor.analyse.watchplan import WINDOWS

    days = [_months_back(_months_back(as_of, WINDOWS[sp.indicator.window]) - dt.timedelta(days=1),
                         WINDOWS[sp.indicator.window])
            for sp in signposts if sp.outside(as_of) and not sp.indicator.measure and not sp.indicator.spec
            and WINDOWS[sp.indicator.window] <= 12]
    return min(days) if days else None


def window_words(window: str, as_of: dt.date) -> tuple[str, str]:
    """How a reader names the window and the one before: ('in 2025', 'in 2024') for a calendar year,
    ('in the quarter to 31 December 2025', 'in the quarter before') otherwise."""
    if window == "year" and (as_of.month, as_of.day) == (12, 31):
        return f"in {as_of.year}", f"in {as_of.year - 1}"
    return f"in the {WINDOW_WORDS[window]} to {human(as_of)}", f"in the {WINDOW_WORDS[window]} before"


def count_word(v: float) -> str:
    n = int(v)
    return "none" if n == 0 else number_word(n)


def human(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def read(ev: Evidence, plan: WatchPlan, board: Board, store: Store | None = None) -> list[Signpost]:
    """Each reading of the board with the brief's facts behind it, in the plan's order; a figure read from an
    observation series brings the series' source into the brief (from `store`)."""
    by_name = {(r.question, r.name): r for r in board.readings}
    out = []
    for q in plan.questions:
        for ind in q.indicators:
            r = by_name[(q.question, ind.name)]
            by = grade = ""
            if r.observed and store is not None and add_source(store, ev, r.observed[0][1]):
                by = str(ev.sources[r.observed[0][1]].get("publisher") or "")
                grade = str(ev.sources[r.observed[0][1]].get("reliability") or "F")
            out.append(Signpost(q, ind, r, _facts(ev, r.events), _facts(ev, r.previous_events), by,
                                _facts(ev, r.latest), grade, ev.start.start))
    return out


def add_source(store: Store, ev: Evidence, source_id: str) -> bool:
    """Make a source the brief holds no fact from (an observation series') known to its numbering."""
    if source_id not in ev.sources:
        rows = store.query("SELECT * FROM source WHERE id = ?", [source_id])
        if not rows:
            return False
        ev.sources[source_id] = dict(rows[0])
    return True


def _facts(ev: Evidence, ids: Sequence[str]) -> tuple[Fact, ...]:
    found = {f.id: f for i in ids if (f := ev.fact(i)) is not None}
    return tuple(sorted(found.values(), key=lambda f: (f.date.start, f.id)))


def status_text(sp: Signpost, as_of: dt.date | None = None) -> str:
    """'met, rising'; a count over years whose earlier window the collection holds only as background gives no trend
    (the tenth review read 'met, rising' for funding the brief itself dates back a decade)."""
    from watchfloor.analyse.watchplan import WINDOWS

    trend = sp.reading.trend
    if as_of is not None and WINDOWS[sp.indicator.window] > 12 and sp.outside(as_of) and not sp.indicator.measure \
            and not sp.indicator.spec:
        return f"{sp.status}, no trend (the earlier window is background)"
    return sp.status if trend in ("no data", "") else f"{sp.status}, {trend}"


def board_table(signposts: Sequence[Signpost], as_of: dt.date, leads: dict[str, str] | None = None) -> Table:
    """The signposts as a board: what each would point to, its threshold, what the evidence shows to the cut-off
    (reading and status), and, given each question's leading answer (`leads`, question id → hypothesis), what would
    change the call. A figure's competing values are not repeated here (the cell would run down a page): the
    reading says sources differ and points to the annex."""
    from watchfloor.brief.method import CALL, check_now

    # the threshold is in the method annex and in the last column's words: a narrower table, rows a few lines high
    rows = [Row((sp.indicator.name, sp.question.label(sp.indicator.hypothesis),
                 sp.reading_text(as_of), status_text(sp, as_of),
                 *((check_now(sp, leads[sp.question.id], as_of),) if leads else ())), sp.source_ids())
            for sp in signposts]
    return Table(("Signpost", "Points to", f"To {human(as_of)}", "Status", *((CALL,) if leads else ())), rows)


def events_table(signposts: Sequence[Signpost], as_of: dt.date) -> Table:
    """The events behind each count, so every count can be traced: for each signpost that counts events, the events of
    its window and of the window before, each by date and kind ('9 October 2025, diplomatic'); a signpost read from a
    figure or that recorded nothing is left out (its reading says so). The seventh review could not tell which events
    made 'three in the year', nor which in the chronology had been left out."""
    rows = []
    for sp in signposts:
        if sp.indicator.measure or sp.indicator.spec or not (sp.now or sp.before):
            continue
        days = sp.indicator.episode_days
        cells = (sp.indicator.name, _listed(sp.now, days) or "none", _listed(sp.before, days) or "none")
        rows.append(Row(cells, tuple(dict.fromkeys(phrase.cite((*sp.now, *sp.before))))))
    return Table(("Signpost", "Counted in its window to the cut-off", "Counted in the window before"), rows)


def _listed(facts: Sequence[Fact], episode_days: int = 0) -> str:
    """'9 October 2025, diplomatic; 24 October 2025, military exercise'; events of one episode (less than
    `episode_days` after its first) joined by 'with', for they count once."""
    groups: list[list[Fact]] = []
    for f in facts:
        if groups and episode_days and (f.date.start - groups[-1][0].date.start).days < episode_days:
            groups[-1].append(f)
        else:
            groups.append([f])
    return "; ".join(f"{g[0].date.human()}, {g[0].type.replace('_', ' ')}" if len(g) == 1 else _episode(g)
                     for g in groups)


def _episode(group: Sequence[Fact]) -> str:
    """'26 and 30 November 2025, one episode counted once (attack reports)': reports of one episode, by their dates
    and kinds (the tenth review read '17 June 2025, summit with 17 June 2025, diplomatic' as garbled, and a call to
    leave listed as 'attack with attack' as calls recorded as attacks)."""
    days = list(dict.fromkeys(f.date.human() for f in group))
    tails = {d.split(" ", 1)[-1] for d in days}
    if len(days) > 1 and len(tails) == 1 and all(d.split(" ", 1)[0].isdigit() for d in days):
        when = f"{', '.join(d.split(' ', 1)[0] for d in days[:-1])} and {days[-1]}"
    else:
        when = " and ".join(days)
    kinds = " and ".join(dict.fromkeys(f.type.replace("_", " ") for f in group))
    return f"{when}, one episode counted once ({kinds} reports)"


def matrix(question: Question, signposts: Sequence[Signpost], as_of: dt.date) -> Table:
    """The consistency matrix, as in analysis of competing hypotheses: for each signpost, the hypothesis its status
    is consistent with (met) or inconsistent with (not met), or a gap when the collection holds nothing of its kind
    (no evidence either way); the others are left blank. A signpost the plan weighs
    below high says so after its name ('(low diagnosticity)')."""
    hyps = list(question.hypotheses)
    rows = []
    for sp in signposts:
        marks = tuple("for" if sp.backs(h) else "against" if sp.tells_against(h)
                      else "gap" if sp.silent() and sp.indicator.hypothesis == h else "–" for h in hyps)
        level = sp.indicator.diagnosticity
        name = sp.indicator.name + (f" ({level} diagnosticity)" if level != "high" else "")
        rows.append(Row((name, sp.reading_text(as_of), *marks), sp.source_ids()))
    return Table(("Signpost", "Reading", *(question.label(h) for h in hyps)), rows)
