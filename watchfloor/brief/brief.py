"""write_brief: evidence and the watch plan → bottom line, key judgments, signposts, competing values and the
chronology → Markdown → self-check → a Brief.

The brief checks itself before anyone sees it. A sentence the checker finds
wrong is taken out (or, if a language model rewrote it, put back to its
template wording) and the brief is checked again; what was dropped is kept in
`Brief.dropped` so the CLI can say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchfloor.analyse.timeline import Period
from watchfloor.analyse.watchplan import WatchPlan
from watchfloor.brief import integrations
from watchfloor.brief.evidence import Evidence, load
from watchfloor.brief.layout import IN_FULL, STALE_DAYS, Layout, lay_out
from watchfloor.brief.model import Contents, Figure, Sentence, Table
from watchfloor.brief.previous import Snapshot
from watchfloor.errors import ConfigError, NotFound
from watchfloor.store import Store

MAX_ROUNDS = 5


@dataclass
class Dropped:
    text: str
    reason: str
    action: str = "dropped"


@dataclass
class Brief:
    """A written, self-checked brief. `markdown` is the source; `html()` and `pdf()` derive from it."""

    iso3: str
    country: str
    title: str
    today: date
    evidence: Evidence
    contents: Contents
    figures: list[Figure] = field(default_factory=list)
    check: Any | None = None
    dropped: list[Dropped] = field(default_factory=list)
    _layout: Layout | None = None
    _html: tuple[tuple[str, ...], str] | None = None
    """The last page `html()` made and what it was made from: `--format all` writes the page, then the PDF from it."""

    @property
    def figure_prefix(self) -> str:
        return f"{slug(self.country)}-{self.today.isoformat()}"

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            self._layout = lay_out(self.evidence, self.contents, self.title, self.today, self.figures,
                                   self.figure_prefix, self.contents.horizon)
        return self._layout

    @property
    def markdown(self) -> str:
        return self.layout.markdown

    @property
    def sentences(self) -> list[Sentence]:
        """Every cited sentence of the body, in reading order."""
        return self.contents.sentences()

    @property
    def sources(self) -> list[Any]:
        return self.layout.sources

    def invalidate(self) -> None:
        self._layout = None

    def all_figures(self) -> list[Figure]:
        """Every figure the Markdown shows, in reading order: each judgment's own, then the store's generic ones."""
        front = [self.contents.front] if self.contents.front is not None else []
        return [f for j in self.contents.judgments for f in j.figures()] + self.figures + front

    def html(self) -> str:
        from watchfloor.brief.render import to_html

        figures = self.all_figures()
        key = (self.markdown, self.title, self.figure_prefix, *(f"{f.name}\0{f.caption}\0{f.svg}" for f in figures))
        if self._html is None or self._html[0] != key:
            self._html = (key, to_html(self.markdown, self.title, figures, self.figure_prefix))
        return self._html[1]

    def pdf(self) -> bytes:
        from watchfloor.brief.pdf import html_to_pdf

        return html_to_pdf(self.html())

    def figure_files(self) -> dict[str, str]:
        """File name → SVG text for the figures the Markdown links to."""
        return {f"{self.figure_prefix}-{f.name}.svg": f.svg for f in self.all_figures()}

    def self_check(self, store: Store, progress: Callable[[str], None] | None = None) -> None:
        """Run the checker; take out (or revert) what it finds wrong; check again until clean."""
        for round_ in range(MAX_ROUNDS):
            if progress:
                progress("Self-check" + (f", round {round_ + 1}" if round_ else ""))
            name = f"brief:{self.iso3}:{self.today.isoformat()}"
            report = integrations.check(store, self.layout.checked_text(), name)
            self.check = report
            errors = integrations.error_spans(report)
            if not errors:
                return
            doomed: list[Sentence] = []
            changed = False
            for start, end, message in errors:
                for s0, s1, s in self.layout.spans:
                    if s0 < end and start < s1 or (start == end and s0 <= start <= s1):
                        if s.rewritten:
                            self.dropped.append(Dropped(s.text, message, "reverted to the template wording"))
                            s.text, s.rewritten = s.template, False
                            changed = True
                        elif s not in doomed:
                            doomed.append(s)
                            self.dropped.append(Dropped(s.text, message))
            rows = [row for r0, r1, row in self.layout.row_spans
                    if any(r0 < end and start < r1 for start, end, _m in errors)]
            self.dropped += [Dropped(" ".join(row.cells), "table row with an error") for row in rows]
            if not doomed and not changed and not rows:
                return
            self.contents.drop_rows(rows)
            self.contents.drop(doomed)
            self.invalidate()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def default_title(ev: Evidence, contents: Contents, today: date | None = None) -> str:
    """'Ruritania: Assessment, 2024–2025'; a brief with no judgments (no watch plan) is a chronology. When the evidence
    ends long before the date of writing (`layout.STALE_DAYS`), the title says the assessment is a baseline, and of
    what: 'Ruritania: Baseline Assessment, Evidence to 31 December 2025' (not '… to 31 December 2025, 2024–2025',
    two spans side by side, which the seventh review found garbled; the period covered is on the cover)."""
    from watchfloor.brief.layout import STALE_DAYS, human

    years = f"{ev.start.value.year}–{ev.end.value.year}" if ev.start.value.year != ev.end.value.year \
        else str(ev.end.value.year)
    kind = "Assessment" if contents.judgments else "Chronology"
    if contents.judgments and today is not None and (today - ev.end.end).days > STALE_DAYS:
        return f"{ev.name}: Baseline Assessment, Evidence to {human(ev.end.end)}"
    return f"{ev.name}: {kind}, {years}"


def watch_plan(iso3: str) -> WatchPlan | None:
    """The country's bundled watch plan; without one the brief is the chronology alone."""
    from watchfloor.analyse.watchplan import bundled_plan

    try:
        return bundled_plan(iso3)
    except NotFound:
        return None


def assess(store: Store, ev: Evidence, plan: WatchPlan | None, since: Snapshot | date | None = None,
           specs: list[Any] | None = None, written: date | None = None) -> Contents:
    """What the brief says: the plan's questions answered from its signposts, and the chronology; with `since`
    (a previous brief, or a date to read the store as of), what changed since. `specs`, the plan's figures, say which
    reports measure one thing (for competing values). Every sentence and table cell stating one of competing values
    gives the others."""
    from watchfloor.analyse.indicators import board
    from watchfloor.brief import annex, competing, signposts
    from watchfloor.brief.assess import judge, ranked, vary
    from watchfloor.brief.bottom_line import keys

    specs = specs or []
    found = competing.find(store, ev, plan, specs)
    chronology = annex.chronology(ev, plan)
    as_of = ev.end.end
    if plan is None:
        contents = Contents([], [], Table(()), found.sentences, chronology)
    else:
        then = year_before(as_of)
        through = horizon_end(plan, as_of)
        posts = signposts.read(ev, plan, board(store, plan, as_of), store)
        earlier = signposts.read(ev, plan, board(store, plan, then), store)
        judgments = [j for q in plan.questions
                     if (j := judge(q, [sp for sp in posts if sp.question is q], as_of, found,
                                    [sp for sp in earlier if sp.question is q], then, through, written))
                     is not None]
        vary(judgments)
        leads = {q.id: ranked(q, [sp for sp in posts if sp.question is q])[0] for q in plan.questions}
        coming = scheduled(ev, plan, as_of, through)
        annotate(plan, judgments, leads, coming)
        from watchfloor.brief import proposition

        for j in judgments:
            q = next(q for q in plan.questions if q.id == j.topic)
            proposition.attach(j, q, [sp for sp in posts if sp.question is q], as_of, through)
        keys(plan, posts, judgments, as_of)
        # the calls and their key signposts are the key judgments' own, which follow the front (until session 13 the
        # front stated each call again, with its main reason, in a list the body then repeated)
        contents = Contents([s for s, _q in coming],
                            judgments, signposts.board_table(posts, as_of, leads), found.sentences,
                            chronology, readings=posts, horizon=(through, plan.horizon_why if through else ""),
                            counted=signposts.events_table(posts, as_of))
        from watchfloor.brief import front

        rivals = {q.id: q.rival(leads[q.id]) or ranked(q, [sp for sp in posts if sp.question is q])[1]
                  for q in plan.questions if len(q.hypotheses) > 1}
        contents.watch = front.watch(judgments, posts, as_of, leads, rivals, through)
        if written is not None and (written - as_of).days > STALE_DAYS:
            seconds = {q.id: ranked(q, [sp for sp in posts if sp.question is q])[1]
                       for q in plan.questions if len(q.hypotheses) > 1}
            contents.checks = front.checks(judgments, posts, as_of, leads, rivals, seconds,
                                           [sent for sent, _i in scheduled_since(ev, plan, as_of, written)])
        contents.front = front.chart(judgments)
        for j in judgments:  # the body gives the call; the annex the rest of its working, and the body says where
            j.confidence.text += f" (caveats and the full working: {IN_FULL})"
            j.confidence.template += f" (caveats and the full working: {IN_FULL})"
        by_id = {q.id: q for q in plan.questions}
        for j in judgments:
            j.plain = front.plain(j, by_id[j.topic], [sp for sp in posts if sp.question.id == j.topic])
    if since is not None:
        from watchfloor.brief import changes

        if isinstance(since, date):
            if since >= as_of:
                raise ConfigError(f"--changed-since {since.isoformat()} is not before the evidence cut-off "
                                  f"{as_of.isoformat()}", hint="give an earlier date, or widen --until")
            then_found = competing.find(store, evidence_until(ev, since), plan, specs)
            since = changes.as_of(store, ev, plan, lambda q, sps, day: judged_at(plan, q, sps, day, then_found),
                                  since)
        contents.changes = changes.compare(since, ev, contents.judgments, contents.readings)
    # the bottom line, the matrices and the board say only that sources differ (the annex and the key judgments'
    # sentences and figure captions give every value), so no table cell runs down a page
    # the annex's own lines are left as they are: each states its values, and one that states a value another line
    # gives the rival of would repeat that line (the seventh review read one dispute three times)
    annexed = {id(s) for s in found.sentences}
    found.flag([s for s in contents.sentences() if id(s) not in annexed],
               [r for t in contents.tables() for r in t.rows],
               short=[*contents.bottom_line, *(j.key for j in contents.judgments if j.key is not None)],
               short_rows=[*contents.signposts.rows,
                           *(r for j in contents.judgments if j.matrix for r in j.matrix.rows)])
    return contents


def judged_at(plan: WatchPlan | None, q: Any, signposts: list[Any], day: date, found: Any) -> Any:
    """The key judgment as of `day`, led by the plan's proposition as the brief's own are, so the two compare."""
    from watchfloor.brief import proposition
    from watchfloor.brief.assess import judge

    j = judge(q, signposts, day, found)
    if j is not None and plan is not None:
        proposition.attach(j, q, signposts, day, horizon_end(plan, day))
    return j


def horizon_end(plan: WatchPlan, as_of: date) -> date | None:
    """The last day the judgments look to, when the plan sets one after the cut-off."""
    if not plan.horizon:
        return None
    end = date.fromisoformat(plan.horizon)
    return end if end > as_of else None


def scheduled(ev: Evidence, plan: WatchPlan, as_of: date, through: date | None) -> list[tuple[Sentence, Any]]:
    """The plan's coming events after the cut-off and within the horizon, each a sentence citing the source the plan
    gives for it (added to the brief's sources): 'Scheduled within the horizon: in 2027, a presidential election is
    due, …'."""
    from watchfloor.dates import parse_iso

    out = []
    for item in plan.scheduled:
        when = parse_iso(item.when)
        if when.end <= as_of or (through is not None and when.start > through):
            continue
        sid = item.source_id()
        ev.sources.setdefault(sid, {"id": sid, **dict(item.source)})
        sentence = Sentence(f"{'On' if when.precision == 'day' else 'In'} {when.human()}, {item.what}", (sid,),
                            lead="Scheduled within the horizon")
        out.append((sentence, item))
    return out


def scheduled_since(ev: Evidence, plan: WatchPlan, as_of: date, written: date) -> list[tuple[Sentence, Any]]:
    """The plan's scheduled events that fell after the cut-off and by the date of writing: things the brief cannot
    report on, stated as checks ('Scheduled in June 2026, after the cut-off: the Zenda summit was due; check what
    came of it'), each citing the source the plan gives."""
    from watchfloor.dates import parse_iso

    out = []
    for item in plan.scheduled:
        when = parse_iso(item.when)
        if when.end <= as_of or when.start > written:
            continue
        sid = item.source_id()
        ev.sources.setdefault(sid, {"id": sid, **dict(item.source)})
        out.append((Sentence(f"{'On' if when.precision == 'day' else 'In'} {when.human()}, after the cut-off, "
                             f"{item.what}: check what came of it", (sid,), lead="Scheduled since the cut-off"),
                    item))
    return out


def annotate(plan: WatchPlan, judgments: list[Any], leads: dict[str, str], coming: list[tuple[Sentence, Any]]) -> None:
    """A cross-cutting question's judgment says what its leading answer means for each other question it bears on,
    citing what the judgment rests on; a judgment on a question a scheduled event bears on names that event."""
    by_id = {q.id: q for q in plan.questions}
    for j in judgments:
        q = by_id[j.topic]
        for qid, clause in q.bearing(leads[q.id]):
            other = by_id[qid]
            # the other question by its short name, as a label: the reader finds it under that heading
            j.notes.append(Sentence(f"{other.short or other.question}: {clause}", j.statement.sources, judged=True))
        for sentence, item in coming:
            if q.id in item.questions:
                j.notes.append(Sentence(f"The next test: {sentence.text[0].lower()}{sentence.text[1:]}",
                                        sentence.sources))


def evidence_until(ev: Evidence, day: date) -> Evidence:
    """The evidence as it stood at `day`: a judgment read as of then weighs the competing values known then."""
    from dataclasses import replace

    from watchfloor.dates import FuzzyDate

    return replace(ev, end=FuzzyDate(day, "day"), facts=[f for f in ev.facts if f.date.end <= day])


def specs_for(iso3: str, plan: WatchPlan | None) -> list[Any]:
    """The figures the country's bundled watch plan declares, for the questions the plan in use asks (a plan of
    one's own, `--plan`, keeps the bundled figures of the questions it shares with the bundled plan)."""
    from watchfloor.analyse.argument_specs import bundled_specs

    specs = bundled_specs(iso3)
    if plan is None:
        return specs
    asked = {q.id for q in plan.questions}
    return [s for s in specs if s.question in asked]


def exhibits(store: Store, ev: Evidence, contents: Contents, specs: list[Any], span: str) -> bool:
    """Draw the plan's figures that support a signpost of a judgment, place each under that judgment, and refer to
    it where the judgment states the signpost ('(…; Figure 2)'); True when any was placed. A figure that supports no
    signpost is left out: it would carry no message."""
    from watchfloor.brief.exhibits import build

    if not specs or not contents.judgments:
        return False
    shown = {(sp.question.id, sp.indicator.name) for sp in contents.readings}
    wanted = {j.topic for j in contents.judgments}
    made = build(store, ev, [s for s in specs if s.question in wanted
                             and any((s.question, name) in shown for name in s.supports)], span)
    by_name = {s.name: s for s in specs}
    counter = {"Figure": 0, "Table": 0}
    for j in contents.judgments:
        j.exhibits = made.get(j.topic, [])
    # numbered in reading order: each judgment's first figure in the body, then the rest in the annex of the
    # judgments in full (`Judgment.primary`, `layout.lay_out`)
    order = [(j, x) for j in contents.judgments if (x := j.primary()) is not None] + \
        [(j, x) for j in contents.judgments for x in j.secondary()]
    for j, x in order:
        kind = "Figure" if x.figure is not None else "Table"
        counter[kind] += 1
        refer(j, [sp for sp in contents.readings if sp.question.id == j.topic
                  and sp.indicator.name in by_name[x.name].supports], f"{kind} {counter[kind]}", ev.end.end)
    return any(made.values())


def refer(judgment: Any, signposts: list[Any], label: str, as_of: date) -> None:
    """Put '; Figure 2' inside the reading of the first signpost the judgment's text states ('(Figure 2)' after it
    when stated without its reading), or, when its text states none, after its statement."""
    for sentence in (judgment.alternative, judgment.statement):
        if sentence is None:
            continue
        for sp in signposts:
            for said in (sp.says(as_of), sp.indicator.said(sp.status)):
                referred = re.search(re.escape(said) + r" \(((?:Figure|Table) \d+(?:; (?:Figure|Table) \d+)*)\)",
                                     sentence.text) if said else None
                if referred:  # a second figure on the same signpost joins the first's reference: '(Figure 1; 2)'
                    joined = f"{said} ({referred.group(1)}; {label})"
                    sentence.text = sentence.text.replace(referred.group(0), joined, 1)
                    sentence.template = sentence.template.replace(referred.group(0), joined, 1)
                    return
                if said and said in sentence.text:
                    marked = f"{said[:-1]}; {label})" if said.endswith(")") else f"{said} ({label})"
                    sentence.text = sentence.text.replace(said, marked, 1)
                    sentence.template = sentence.template.replace(said, marked, 1)
                    return
    judgment.statement.text += f" ({label})"
    judgment.statement.template += f" ({label})"


def year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def resolve_country(store: Store, iso3: str) -> tuple[str, str]:
    """(ISO3, name) for an ISO code or a name the store knows."""
    from watchfloor.reference import Resolver

    ent = Resolver(store).country(iso3)
    if not ent.iso3:
        raise NotFound(f"unknown country {iso3!r}")
    return ent.iso3, ent.name


def write_brief(store: Store, iso3: str, period: Period = Period(), title: str | None = None,
                today: date | None = None, llm: bool | Any = False, self_check: bool = True,
                figures: bool = True, progress: Callable[[str], None] | None = None,
                plan: WatchPlan | None = None, against: Any | None = None,
                since: Snapshot | date | None = None, figure_specs: list[Any] | None = None) -> Brief:
    """Write a cited, self-checked brief on one country from the store's evidence.

    `today` is the date of writing (tests fix it); `llm=True` rewrites sentences through the endpoint in
    $WATCHFLOOR_LLM_URL, or pass a configured `watchfloor.brief.llm.Client`. `self_check=False` gives the
    template output unchecked (the golden-file tests pin it, so they do not move when the checker improves);
    `figures=False` leaves the figures out (they take most of the time when the checker is not needed).
    `progress`, if given, is called with the name of each step as it starts (the dashboard shows it: a brief
    takes a while). `plan` replaces the country's bundled watch plan. `against`, a check report
    (`watchfloor.check.check_file`'s), adds the box "Correcting the Record" with its errors and their evidence.
    `since`, a previous brief (`previous.from_file`) or a date, adds "What Changed Since …". `figure_specs`
    (`watchfloor.analyse.argument_specs.load_specs`) replaces the figures the bundled plan declares.
    """
    def step(name: str) -> None:
        if progress:
            progress(name)

    step("Reading the evidence")
    code, name = resolve_country(store, iso3)
    today = today or date.today()
    ev = load(store, code, name, period, today)  # nothing dated after the day of writing
    if not ev.period:
        raise NotFound(f"the store holds no evidence on {name} between {ev.start} and {ev.end}",
                       hint="import facts first (`watchfloor demo` or `watchfloor import FILE`) or widen "
                            "--since/--until")
    step("Writing the judgments")
    plan = plan or watch_plan(code)
    specs = figure_specs if figure_specs is not None else specs_for(code, plan)
    contents = assess(store, ev, plan, since, specs, today)
    if against is not None:
        from watchfloor.brief import record

        contents.record = record.build(store, ev, against)
    from watchfloor.brief.layout import period_label

    drawn: list[Figure] = []
    if figures:
        step("Drawing the figures")
        argued = exhibits(store, ev, contents, specs, period_label(ev))
        # a plan that argues with its own figures needs none of the store's generic ones (a chart of all events
        # carries no message, a blind review found); a country without a plan gets them
        kinds: tuple[str, ...] = () if argued else ("events", "actors", "map")
        drawn = integrations.figures(store, code, Period(ev.start, ev.end), name, period_label(ev), kinds) \
            if kinds else []
    from watchfloor.brief.sources import undated

    ev.undated = undated(store, ev.sources, ev.end.end)
    ev.state_media = frozenset(plan.state_media) if plan else frozenset()
    brief = Brief(code, name, title or default_title(ev, contents, today), today, ev, contents, drawn)
    if llm:
        step("Rewording through the language model")
        from watchfloor.brief.llm import Client, rewrite

        rewrite(brief, llm if isinstance(llm, Client) else None)
    if self_check:
        brief.self_check(store, progress)
    return brief


FORMATS = ("md", "html", "pdf")


def save_brief(brief: Brief, stem: Path, formats: tuple[str, ...] = FORMATS,
               progress: Callable[[str], None] | None = None) -> list[Path]:
    """Write `stem.md` (figures as .svg beside it, which it links to), `stem.html`, `stem.pdf` and `stem.json` (the
    brief as data, for a later `--since-brief`), as asked.

    The folder must exist. One place for the file layout, so the dashboard's briefs match the CLI's."""
    out: list[Path] = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{fmt}")
        if fmt == "md":
            if progress:
                progress("Writing the Markdown")
            path.write_text(brief.markdown, encoding="utf-8")
            for name, svg in brief.figure_files().items():
                (path.parent / name).write_text(svg, encoding="utf-8")
        elif fmt == "html":
            if progress:
                progress("Writing the HTML")
            path.write_text(brief.html(), encoding="utf-8")
        elif fmt == "pdf":
            if progress:
                progress("Writing the PDF")
            path.write_bytes(brief.pdf())
        elif fmt == "json":
            from watchfloor.brief.previous import to_json

            path.write_text(to_json(brief), encoding="utf-8")
        else:
            raise ValueError(f"unknown brief format {fmt!r}")
        out.append(path)
    return out
