"""The parts of a brief as data: sentences that carry their citations, grouped into sections.

A sentence holds source ids, not numbers: numbers are given when the brief is
laid out, in order of first citation, so dropping a sentence can never leave a
dangling or unused reference behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    """An analysis section: facts and what changed in the period."""

    kind: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Judgment:
    """An ICD 203 judgment: the likelihood sentence and, apart from it, the confidence sentence."""

    topic: str
    statement: Sentence
    confidence: Sentence
    likelihood: str
    level: str
    basis: Sentence | None = None

    def sentences(self) -> list[Sentence]:
        return [s for s in (self.statement, self.basis, self.confidence) if s is not None]


@dataclass
class TimelineRow:
    date: str
    event: str
    sources: tuple[str, ...]


@dataclass
class Figure:
    name: str
    caption: str
    svg: str


@dataclass
class Contents:
    """Everything a brief says, before it is numbered and rendered."""

    summary: list[Sentence]
    judgments: list[Judgment]
    sections: list[Section]
    timeline: list[TimelineRow]
    indicators: list[Sentence]

    def sentences(self) -> list[Sentence]:
        """Every cited sentence of the body, in reading order."""
        out = list(self.summary)
        for j in self.judgments:
            out += j.sentences()
        for s in self.sections:
            out += s.sentences()
        return out + list(self.indicators)

    def drop(self, doomed: list[Sentence]) -> None:
        """Remove sentences (by identity); a judgment loses both its sentences together."""
        ids = {id(s) for s in doomed}
        self.summary = [s for s in self.summary if id(s) not in ids]
        self.judgments = [j for j in self.judgments if id(j.statement) not in ids and id(j.confidence) not in ids]
        for j in self.judgments:
            if j.basis is not None and id(j.basis) in ids:
                j.basis = None
        for sec in self.sections:
            for p in sec.paragraphs:
                p.sentences = [s for s in p.sentences if id(s) not in ids]
            sec.paragraphs = [p for p in sec.paragraphs if p.sentences]
        self.sections = [s for s in self.sections if s.paragraphs]
        self.indicators = [s for s in self.indicators if id(s) not in ids]
