"""Claims: the checkable statements of a report, each with its names, dates, numbers, event words and polarity.

A claim is a sentence, or a part of one between semicolons, that says when,
how many, who or what happened. A claim that only points back ("none of the
detained men …", "the attack") borrows names and dates from the statement it
points to (its antecedent) in the same paragraph; a heading borrows from the
first statement under it that shares an event family. What is borrowed helps
matching only: a finding always quotes words the claim itself contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from watchfloor.extract.anaphora import points_back
from watchfloor.extract.citations import Citations, find_citations
from watchfloor.extract.dates import DateFinder, DateMention
from watchfloor.extract.entities import EntityMention, Gazetteer, disambiguate
from watchfloor.extract.events import SINGLETON_FAMILIES, WEAK_FAMILIES, Trigger, families_of_type, find_triggers
from watchfloor.extract.modality import hedge_positions, modality
from watchfloor.extract.polarity import negation_spans, polarity_negated, reaching, refused
from watchfloor.extract.quantities import Quantity, find_quantities
from watchfloor.extract.sentences import Sentence, split_sentences
from watchfloor.extract.spans import Within, overlapping, running_reach
from watchfloor.extract.terms import read_terms
from watchfloor.extract.tokens import tokenize

_META = re.compile(r"\b(?:the\s+evidence\s+(?:records?|shows?|holds?)|this\s+(?:judgment|assessment)|rests\s+on|"
                   r"publishers?|graded\s+[A-F]\b|(?:high|moderate|low)\s+confidence|this\s+(?:report|brief|note))",
                   re.I)
_REFERENCES = re.compile(r"^\W*(?:sources?|references?|bibliography|notes|citations|works\s+cited|footnotes|"
                         r"endnotes|further\s+reading)\b", re.I)
_REFERENCE_ENTRY = re.compile(r"^\s*(?:\[\^?\w{1,4}\]:?|\^?\d{1,3}\.\s+[A-Z][^.]{0,40},\s*[“\"])|^\s*(?:sources?|"
                              r"references?)\s*:", re.I)
RELATION_FAMILIES = {"member", "base", "debt", "remittance", "economy", "trade"}
_ANAPHOR = re.compile(r"^\W*(?:the|these|those|this|that|their|its|his|her|they|it|he|she|both|all|none|neither|"
                      r"each|such|while|although|but|however|meanwhile)\b|^[^.;]{0,30}\b(?:the\s+same|that\s+same|"
                      r"these|those|such)\s", re.I)


@dataclass
class Event:
    """An event word in a claim and whether the claim denies it."""

    trigger: Trigger
    negated: bool

    @property
    def family(self) -> str:
        return self.trigger.family


@dataclass
class Claim:
    index: int
    sentence: Sentence
    start: int
    end: int
    text: str
    entities: list[EntityMention]
    dates: list[DateMention]
    quantities: list[Quantity]
    events: list[Event]
    modality: str
    hedges: list[int]
    context_entities: list[EntityMention] = field(default_factory=list)
    context_dates: list[DateMention] = field(default_factory=list)
    antecedent: int | None = None
    context_text: str = ""
    """The antecedent's own words: what a pronoun subject stands for (see extract/anaphora.py)."""
    context_families: set[str] = field(default_factory=set)
    """The antecedent's event families, for a claim with none of its own whose subject stands for it ('It returned
    on 21 March'): what the pronoun's event is, for matching only."""
    default_country: str | None = None
    runner_up_country: str | None = None
    """The report's second country: whose debt 'owed to Graustark' is when Graustark is the most named."""
    memo: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False, compare=False)
    """Readings of this claim alone, kept by `per_claim` (extract/memo.py) while it is compared with many events."""
    """The report's main country, for statements that name no one ('GDP grew 8.3% in 2023')."""

    @property
    def id(self) -> str:
        return f"c{self.index + 1}"

    @property
    def heading(self) -> bool:
        return self.sentence.heading

    @cached_property
    def families(self) -> set[str]:
        """Kept once read: a claim's event words do not change after extraction, and matching asks per pair."""
        return {e.family for e in self.events}

    @property
    def strong_families(self) -> set[str]:
        return self.families - WEAK_FAMILIES

    @property
    def matched_families(self) -> set[str]:
        """The families matching compares: the claim's own, or what its pronoun subject's antecedent was."""
        return self.families or self.context_families

    @property
    def kind(self) -> str:
        if self.strong_families - RELATION_FAMILIES:
            return "event"
        if self.families & RELATION_FAMILIES:
            return "relation"
        if self.quantities:
            return "quantity"
        if self.dates:
            return "date"
        return "other"

    @property
    def all_entities(self) -> list[EntityMention]:
        return self.entities + self.context_entities

    def hedged_before(self, pos: int, reach: int = 70) -> bool:
        """A judgment or forecast word shortly before `pos` in this claim ('could reach 50,000')."""
        return any(self.start <= h < pos and pos - h <= reach for h in self.hedges)

    @property
    def checkable(self) -> bool:
        """Says something the store could confirm or refute: an event, a number or a date, about someone. A dated
        statement that names a person, group or place is one even when no event word of ours is in it ('took
        Zenda in December'): whether the store holds its event is for matching to say.

        A dated event of ours in a report about one country is about that country even when it names no one ('the
        lower house passed a law on celebrations on 8 June').

        Statements about the evidence itself ("the evidence records three such cases", "it rests on nine
        reports from nine publishers") are not about the world and are left alone.
        """
        if _META.search(self.text):
            return False
        numbers = [q for q in self.quantities if not q.vague]
        families = self.matched_families
        strong = families - WEAK_FAMILIES
        dated_event = bool(self.default_country and self.dates and strong)
        has_subject = (bool(self.all_entities) or bool(self.default_country and numbers and families)
                       or dated_event)
        if not self.all_entities and not numbers and not dated_event:
            return False
        named = any(m.kind != "country" for m in self.entities)
        return has_subject and bool(strong or numbers or (self.dates and (families or named))
                                    or families & SINGLETON_FAMILIES)


@dataclass
class Extraction:
    text: str
    sentences: list[Sentence]
    claims: list[Claim]
    citations: Citations
    horizon: int | None
    """The latest year the report speaks of: statements without a date are read as of then."""

    def countries(self) -> set[str]:
        return {m.country for c in self.claims for m in c.entities if m.country}


_CLAUSE = re.compile(r";\s*|,\s+(?:and|while|but|whereas)\s+(?=(?:a|an|the|its|their|his|her|some|most|renewed|"
                     r"further|new|later|[A-Z])[\w'’]*\s+[^;.]{0,90}?\b(?:was|were|is|are|has|have|had|took|said|put|remains?|"
                     r"rose|fell|grew|reached|signed|agreed|killed|\w+ed)\b|"
                     r"(?:[\w-]+\s+){1,2}(?:later|earlier|afterwards)\b|(?:the\s+)?(?:next|following)\s+"
                     r"(?:day|week|month|year)\b)")


def _clauses(text: str, s: Sentence) -> list[tuple[int, int]]:
    """A sentence split at semicolons and at ', and' + a new subject and verb or a time step ('four days
    later'): one event per claim."""
    out = []
    pos = s.start
    for m in _CLAUSE.finditer(s.text):
        out.append((pos, s.start + m.start()))
        pos = s.start + m.end()
    out.append((pos, s.end))
    return [(a, b) for a, b in out if b > a]


def extract(text: str, gazetteer: Gazetteer, date_hint: int | None = None,
            hints: list[tuple[int, int, str]] | None = None) -> Extraction:
    """Sentences, then claims with everything the checks need; offsets into `text`.

    `hints` are (start, end, event type) proposals from elsewhere (a language
    model): each adds that type's event family to the claim containing it.
    """
    sentences = split_sentences(text)
    citations = find_citations(text)
    mentions = disambiguate(gazetteer, gazetteer.find(text, tokens=tokenize(text)))
    finder = DateFinder()
    claims: list[Claim] = []
    skip_sections = {s.index for s in sentences if s.heading and _REFERENCES.match(s.text)}
    markers = citations.markers
    marker_starts, marker_reach = [c[0] for c in markers], running_reach(markers)
    by_place = Within(mentions)
    for s in sentences:
        if s.section in skip_sections or _REFERENCE_ENTRY.match(s.text):
            continue
        for a, b in _clauses(text, s):
            skip = overlapping(markers, marker_starts, marker_reach, a, b)
            ents = [m for m in by_place.inside(a, b) if not _inside(m, skip)]
            dates = finder.find(text, a, b, skip)
            name_spans = [(m.start, m.end) for m in ents if re.search(r"\d", m.text)]
            quants = read_terms(s.text, s.start, find_quantities(text, a, b, skip + [(d.start, d.end) for d in dates]
                                                               + finder.undated + name_spans))
            negs = negation_spans(text, a, b)
            events = [Event(t, polarity_negated(reaching(negs, text, t.start, t.end, s.start, s.end), t.start, t.end,
                                                t.text) or
                            refused(text, t.start, t.end, s.start, s.end))
                      for t in find_triggers(text, a, b)]
            have = {e.family for e in events}
            terms = [q for q in quants if q.category == "sentence_years"]
            if terms and "sentence" not in have:
                # "got an additional 12-year term": a sentence length names the sentence
                events.append(Event(Trigger(terms[0].start, terms[0].end, terms[0].text, "sentence"), False))
                have.add("sentence")
            for hs, he, kind in hints or []:
                if a <= hs < b:
                    for fam in sorted(families_of_type(kind) - have):
                        events.append(Event(Trigger(hs, min(he, b), text[hs:min(he, b)], fam), False))
                        have.add(fam)
            claims.append(Claim(len(claims), s, a, b, text[a:b], ents, dates, quants, events,
                                modality(text, a, b), hedge_positions(text, a, b)))
    _link(claims)
    counts: dict[str, int] = {}
    headings = [(s.start, s.end) for s in sentences if s.heading]
    heading_starts, heading_reach = [h[0] for h in headings], running_reach(headings)
    for m in mentions:
        if m.country and (m.kind == "country" or m.kind == "place"):
            in_heading = any(a <= m.start for a, _ in overlapping(headings, heading_starts, heading_reach, m.start,
                                                                   m.start + 1))
            weight = 3 if in_heading else 1
            counts[m.country] = counts.get(m.country, 0) + weight
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    main = ranked[0] if ranked else None
    for c in claims:
        c.default_country = main
        c.runner_up_country = ranked[1] if len(ranked) > 1 else None
    years = [d.until.value.year if d.until else d.year for c in claims for d in c.dates
             if d.relation in ("point", "range", "since") and not d.relative]
    horizon = max([y for y in years if y <= 2100] + ([date_hint] if date_hint else []), default=None)
    return Extraction(text, sentences, claims, citations, horizon)


def _inside(m: EntityMention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def _link(claims: list[Claim]) -> None:
    """Give pointing-back claims their antecedent's names and dates; headings borrow from their section."""
    headings = {c.sentence.index: c for c in claims if c.heading}
    for i, c in enumerate(claims):
        if c.heading:
            for d in claims[i + 1:i + 12]:
                if d.heading:
                    break
                if c.families & d.families - WEAK_FAMILIES:
                    c.context_entities = [m for m in d.entities if m.entity_id not in {e.entity_id for e in c.entities}]
                    c.context_dates = list(d.dates)
                    c.antecedent = d.index
                    break
            continue
        anaphor = _ANAPHOR.match(c.text)
        needs = not any(m.kind != "country" for m in c.entities) or anaphor
        if not needs or not (c.families or c.quantities or c.dates or anaphor and points_back(c)):
            continue
        lonely = not c.entities
        for d in reversed(claims[max(0, i - 4):i]):
            if d.heading or d.sentence.section != c.sentence.section or (
                    d.sentence.paragraph != c.sentence.paragraph and not lonely):
                break
            related = not c.families or d.families & (c.families | _related(c.families))
            if (d.all_entities or d.dates) and (related or not c.entities and d.all_entities):
                have = {e.entity_id for e in c.entities}
                c.context_entities = [m for m in d.all_entities if m.entity_id not in have]
                c.context_dates = list(d.dates or d.context_dates)
                c.antecedent = d.index
                c.context_text = d.text
                if not c.families and points_back(c):
                    c.context_families = d.families | d.context_families
                break
        head = headings.get(c.sentence.section)
        if head is not None and not any(m.kind != "country" for m in c.entities):
            have = {e.entity_id for e in c.all_entities}
            c.context_entities += [m for m in head.entities if m.kind != "country" and m.entity_id not in have]


def _related(families: set[str]) -> set[str]:
    from watchfloor.extract.events import RELATED

    out: set[str] = set()
    for f in families:
        out |= RELATED.get(f, set())
    return out
