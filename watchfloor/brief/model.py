"""The parts of a brief as data: sentences that carry their citations, grouped into sections.

A sentence holds source ids, not numbers: numbers are given when the brief is
laid out, in order of first citation, so dropping a sentence can never leave a
dangling or unused reference behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from watchfloor.brief.changes import Changes
    from watchfloor.brief.exhibits import Exhibit
    from watchfloor.brief.record import Record
    from watchfloor.brief.signposts import Signpost


@dataclass(eq=False)
class Sentence:
    """One sentence of the body and the sources that support it (compared by identity: two sentences with
    the same words in two places are two sentences)."""

    text: str
    sources: tuple[str, ...]
    events: tuple[str, ...] = ()
    template: str = ""
    """The deterministic wording; `text` differs only after an LLM rewrite."""
    rewritten: bool = False
    lead: str = ""
    """A heading the sentence starts a group under (the bottom line's question, in bold): '' for none."""
    judged: bool = False
    """The analyst's own inference (an implication, a knock-on for another question), not a report: laid out without
    source markers, under 'Our judgment' (ICD 203 keeps what is reported apart from what is judged; the seventh review
    found knock-on judgments bracketed with sources that say no such thing). Its sources stay for the self-check."""

    def __post_init__(self) -> None:
        if not self.template:
            self.template = self.text
        self.sources = tuple(dict.fromkeys(self.sources))
        if not self.sources:
            raise ValueError(f"a sentence without a source cannot be written: {self.text!r}")


@dataclass
class Paragraph:
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Section:
    """A section of dated sentences (the annex's chronology, one per watch-plan question)."""

    kind: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass(eq=False)
class Row:
    """A table row: its cells (words from the plan and the store) and the sources behind them (may be none, for a
    signpost nothing has yet been recorded under)."""

    cells: tuple[str, ...]
    sources: tuple[str, ...] = ()


@dataclass
class Table:
    header: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)


OPTIONAL_SENTENCES = ("reason", "change", "implication", "assumption", "alternative", "caveats", "low_impact", "each",
                      "key", "plain", "proposition", "so_what")
"""A judgment's sentences that can go alone when the self-check drops them (the statement and the confidence take
the whole judgment with them)."""


@dataclass
class Judgment:
    """An ICD 203 key judgment answering one watch-plan question.

    The likelihood sentence and the confidence sentence are apart (ICD 203); the assumption and the alternative
    follow, and the matrix shows which hypothesis each signpost's status supports."""

    topic: str
    question: str
    statement: Sentence
    confidence: Sentence
    likelihood: str
    level: str
    assumption: Sentence | None = None
    alternative: Sentence | None = None
    matrix: Table | None = None
    reason: Sentence | None = None
    """The leading hypothesis's account of why, which the evidence fits best."""
    change: Sentence | None = None
    """Whether the answer has changed since a year earlier."""
    implication: Sentence | None = None
    """What the judgment means for the reader, if it holds."""
    short: str = ""
    """The question in a few words, for the summary's table ('Dependence on a neighbour')."""
    answer: str = ""
    """The leading hypothesis's name, or both when the signposts are split ('split: Growing or Fraying')."""
    exhibits: list[Exhibit] = field(default_factory=list)
    """The figures and tables the plan gives the question, each with its cited caption, placed after the matrix."""
    notes: list[Sentence] = field(default_factory=list)
    """What the answer means for the plan's other questions (a cross-cutting question's), and the scheduled events
    that fall in the horizon: after the implication."""
    working: tuple[str, ...] = ()
    """How the likelihood was reached, for the method annex: the answers' support, the rule with its numbers, the band
    the probability falls in, and the cap that lowered the term, if any."""
    pair: bool = False
    """The call is split between two answers and `likelihood` is the two's together (`assess.Odds.pair`)."""
    caveats: Sentence | None = None
    """What the judgment's evidence must be read with (one outlet, a source graded F, a disputed account)."""
    low_impact: Sentence | None = None
    """The plan's low-probability, high-impact case for the question, as our judgment, under the alternative."""
    each: Sentence | None = None
    """Each outcome's own probability, for a plan that asks for them (`assess.each`)."""
    each_cell: str = ""
    """The same for the summary table's likelihood cell ('' when the plan asks for the call's only)."""
    each_working: tuple[str, ...] = ()
    """The same for the method annex: (question, each outcome's rule with its numbers and band)."""
    key: Sentence | None = None
    """The key signpost: the one that weighs most for the call, with its reading ('The main reason: …'; for a tie,
    one for each answer), which the body gives beside the call."""
    plain: Sentence | None = None
    """The call in plain words, one short line a minister can read aloud (`front.plain`)."""
    proposition: Sentence | None = None
    """The plan's proposition with the analyst's judged likelihood (`brief.proposition`): the body leads with it, and
    the counting rule's call (`statement`) goes to the annex as its cross-check."""
    judged: str = ""
    """The proposition's term ('' when the plan states no proposition)."""
    judged_working: tuple[str, ...] = ()
    """The method annex's line on the proposition's term and the counting rule's cross-check."""
    label: str = ""
    """The proposition in a few words, for the summary's table."""
    so_what: Sentence | None = None
    """What the proposition means for the reader's policy, as our judgment: under the front's plain line."""
    undecided: str = ""
    """What a split call would mean, for the summary's table: each tied answer's implication and the signpost that
    decides between them ('if A, …; if B, …; watch …'); '' when the call is not split."""

    def headline(self) -> str:
        """The likelihood the front gives: the proposition's judged term, else the counting rule's."""
        return self.judged or self.likelihood

    def meaning(self) -> str:
        """What the call would mean, in brief: the implication's first clause; for a split call, what either answer
        would mean and the signpost that decides it; '–' when the judgment makes none."""
        if self.implication is None:
            return self.undecided or "–"
        return self.implication.text.removeprefix("If so, ").split(";")[0].strip()

    def sentences(self) -> list[Sentence]:
        return self.body() + self.detail()

    def body(self) -> list[Sentence]:
        """What the body gives under the question, in reading order: the call (with its likelihood, horizon and
        date), each outcome's chance, the confidence with its reason, the key signpost, the alternative with the
        evidence for and against it, and the caption of its first figure."""
        primary = self.primary()
        return [s for s in self.lead() if s is not None] + ([primary.caption] if primary is not None else [])

    def lead(self) -> list[Sentence | None]:
        """The body's sentences before the figure: the proposition when the plan states one (else the counting rule's
        call and each outcome's chance), the confidence, the key signpost, the alternative."""
        first = [self.proposition] if self.proposition is not None else [self.statement, self.each]
        return [*first, self.confidence, self.key, self.alternative]

    def cross_check(self) -> list[Sentence | None]:
        """The counting rule's call and each outcome's chance, in the annex, when the body leads with a proposition."""
        return [self.statement, self.each] if self.proposition is not None else []

    def detail(self) -> list[Sentence]:
        """What the annex of the judgments in full adds, in reading order: the caveats, the implication, the notes,
        the explanation, the linchpin, the unlikely case, the change since a year earlier, the other exhibits."""
        return [s for s in (*self.cross_check(), self.caveats, self.implication) if s is not None] + self.notes + \
            [s for s in (self.reason, self.assumption, self.low_impact, self.change) if s is not None] + \
            [x.caption for x in self.secondary()]

    def primary(self) -> Exhibit | None:
        """The exhibit the body shows beside the judgment: its first, when it is a figure (a table, and every
        figure after the first, go to the annex)."""
        return self.exhibits[0] if self.exhibits and self.exhibits[0].figure is not None else None

    def secondary(self) -> list[Exhibit]:
        primary = self.primary()
        return [x for x in self.exhibits if x is not primary]

    def figures(self) -> list[Figure]:
        return [x.figure for x in self.exhibits if x.figure is not None]


@dataclass
class Figure:
    name: str
    caption: str
    svg: str


@dataclass
class Contents:
    """Everything a brief says, before it is numbered and rendered."""

    bottom_line: list[Sentence]
    judgments: list[Judgment]
    signposts: Table
    competing: list[Sentence]
    annex: list[Section]
    record: Record | None = None
    changes: Changes | None = None
    """What changed since a previous brief or a date (`--since-brief`, `--changed-since`)."""
    readings: list[Signpost] = field(default_factory=list)
    """The signposts as read at the cut-off, behind the board and the judgments."""
    horizon: tuple[date | None, str] = (None, "")
    """The last day the judgments look to (None: twelve months from the cut-off) and why it is that day."""
    watch: list[Sentence] = field(default_factory=list)
    """The front's three signposts to watch (`front.watch`)."""
    checks: list[Sentence] = field(default_factory=list)
    """What to check since the cut-off, for a brief written long after it (`front.checks`)."""
    front: Figure | None = None
    """The front's chart of the calls and their likelihood ranges (`front.chart`)."""
    counted: Table = field(default_factory=lambda: Table(()))
    """The events behind each signpost's count, by date and kind (the board's annex)."""
    """What the checker found wrong in a report the brief is set against (`--against`); not self-checked: it
    quotes the report's errors on purpose."""

    def sentences(self) -> list[Sentence]:
        """Every cited sentence of the body, in reading order."""
        out = [s for j in self.judgments for s in (j.plain, j.so_what) if s is not None] + list(self.watch) + \
            list(self.bottom_line) + (list(self.changes.events) if self.changes else [])
        for j in self.judgments:
            out += j.body()
        out += self.checks
        for j in self.judgments:
            out += j.detail()
        out += self.competing
        for s in self.annex:
            out += s.sentences()
        return out

    def glance(self) -> Table:
        """The key judgments at a glance, for the one-page summary: question, answer, likelihood (the term with its
        range, never the rule's own figure: no false precision on the front), confidence, and what it would mean,
        unless every judgment's plain line already says so ('So what: …'), which the table would only repeat."""
        from watchfloor.brief.front import term_range

        said = all(j.so_what is not None for j in self.judgments)
        return Table(("Question", "Call", "Likelihood", "Confidence",
                      *(() if said else ("What it would mean (our judgment)",))),
                     [Row((j.short or j.question, j.label or j.answer,
                           term_range(j.judged) if j.judged else j.each_cell or term_range(j.likelihood) + (
                              " for the two together" if j.pair else
                              " each" if j.answer.startswith("split:") else ""), j.level,
                           *(() if said else (j.meaning(),))),
                          j.statement.sources) for j in self.judgments])

    def tables(self) -> list[Table]:
        """Every table of the body, for the self-check and the competing values' flags."""
        changed = [self.changes.table] if self.changes else []
        out = list(changed)
        for j in self.judgments:
            out += [j.matrix] if j.matrix is not None else []
            out += [x.table for x in j.exhibits if x.table is not None]
        return out + [self.signposts, self.counted]

    def drop(self, doomed: list[Sentence]) -> None:
        """Remove sentences (by identity); a judgment goes with its statement or its confidence."""
        ids = {id(s) for s in doomed}
        self.bottom_line = [s for s in self.bottom_line if id(s) not in ids]
        self.watch = [s for s in self.watch if id(s) not in ids]
        self.checks = [s for s in self.checks if id(s) not in ids]
        if self.changes:
            self.changes.events = [s for s in self.changes.events if id(s) not in ids]
        self.judgments = [j for j in self.judgments if id(j.statement) not in ids and id(j.confidence) not in ids]
        for j in self.judgments:
            for name in OPTIONAL_SENTENCES:
                if (kept := getattr(j, name)) is not None and id(kept) in ids:
                    setattr(j, name, None)
            j.exhibits = [x for x in j.exhibits if id(x.caption) not in ids]
            j.notes = [n for n in j.notes if id(n) not in ids]
        self.competing = [s for s in self.competing if id(s) not in ids]
        for sec in self.annex:
            for p in sec.paragraphs:
                p.sentences = [s for s in p.sentences if id(s) not in ids]
            sec.paragraphs = [p for p in sec.paragraphs if p.sentences]
        self.annex = [s for s in self.annex if s.paragraphs]

    def drop_rows(self, doomed: list[Row]) -> None:
        ids = {id(r) for r in doomed}
        for t in self.tables():
            t.rows = [r for r in t.rows if id(r) not in ids]
