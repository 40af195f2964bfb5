"""Matching a claim to the store's events, and saying why.

Each candidate event is compared with the claim attribute by attribute: event
family, shared names (weighted by how rare they are), shared countries, shared
words, then date, numbers, place, actors and polarity, each of which can
match, conflict or say nothing. A difference only becomes a finding when the
event is identified *without* the differing attribute (leave-one-out): the
2023 date of "the 2023 attack on the Strelsau Opera" is wrong because the
attack is identified by its place, its kind and its words alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from watchfloor.check.absence import absence_conflicts
from watchfloor.check.aligned import aligned_figures
from watchfloor.check.attributes import (
    compare_actor,
    compare_date,
    compare_numbers,
    compare_place,
    compare_polarity,
    located_places,
)
from watchfloor.check.changes import claim_changes, compare_changes
from watchfloor.check.evidence import Evidence, StoreEvent
from watchfloor.check.fingerprint import Index, number_index, shared_figures
from watchfloor.check.identity import model as identity_model
from watchfloor.check.lexical import entity_stems, stems
from watchfloor.check.meaning import Meanings
from watchfloor.extract.anaphora import stands_for
from watchfloor.extract.claims import Claim, Extraction
from watchfloor.extract.events import SINGLETON_FAMILIES, family_score
from watchfloor.extract.frames import prefetch
from watchfloor.reference.catalogue import METONYMS

ANCHOR_WEIGHT = {"facility": 3.0, "person": 2.5, "place": 2.0, "armed_group": 1.5, "organisation": 1.5, "other": 1.2}
CAPITALS = set(METONYMS)
IDENTITY_SCORE = 4.0
FOCUS_BONUS = 1.5
ATTRIBUTES = ("date", "numbers", "place", "actor", "polarity")
"""What an event the report pins down elsewhere adds to a candidate's score (set once every claim is matched)."""


@dataclass
class Verdict:
    """One attribute compared: match, conflict or none, with where the report says it and what the store says."""

    status: str = "none"
    start: int = 0
    end: int = 0
    claim_value: str = ""
    store_value: str = ""
    strength: float = 0.0
    events: tuple[str, ...] = ()
    note: str = ""


def _worth(v: Verdict, match: float, conflict: float) -> float:
    """What one verdict adds to a score: `match` when it agrees, minus `conflict` when it disagrees."""
    status = v.status
    return match if status == "match" else -conflict if status == "conflict" else 0.0


@dataclass
class Comparison:
    claim: Claim
    event: StoreEvent
    family: float
    anchors: list[tuple[str, float]]
    countries: float
    lexical: float
    date: Verdict = field(default_factory=Verdict)
    place: Verdict = field(default_factory=Verdict)
    actor: Verdict = field(default_factory=Verdict)
    numbers: list[Verdict] = field(default_factory=list)
    polarity: list[Verdict] = field(default_factory=list)
    after_horizon: bool = False
    focus: bool = False
    """Another statement of the report pins this very event down (the report is talking about it)."""
    named_countries: int = 0
    """Countries the report names (not just its main country) that the event involves."""
    figures: int = 0
    """How many of the claim's distinctive figures the event holds (see fingerprint.py)."""
    only_one_here: bool = False
    """The store's only incident of this kind at the claim's named place (the riot at Strelsau's colony)."""
    meaning: float | None = None
    """Cosine of the claim's sentence and the event's summary as sentence vectors (check/meaning.py); None unread."""

    @property
    def anchor_score(self) -> float:
        return sum(w for _, w in self.anchors)

    def part(self, name: str, conflicts: bool = True) -> float:
        """What an attribute adds to the score; with `conflicts` false its disagreements are left out."""
        penalty = 1.0 if conflicts else 0.0
        if name == "date":
            return _worth(self.date, self.date.strength, 2.5 * penalty)
        if name == "numbers":
            return sum(_worth(v, v.strength, 1.5 * penalty) for v in self.numbers) if self.numbers else 0.0
        if name == "place":
            return _worth(self.place, 1.0, 1.5 * penalty)
        if name == "actor":
            return _worth(self.actor, 0.5, penalty)
        if name == "polarity":
            return sum(_worth(v, 0.3, penalty) for v in self.polarity) if self.polarity else 0.0
        return 0.0

    @property
    def agreeing_figures(self) -> int:
        """Figures that agree with the event's in value and in what they count ('more than 200 injured' and
        'at least 200' injured): two of them point to one event even when each is a round number."""
        return sum(1 for v in self.numbers if v.status == "match" and v.strength >= 1.5)

    def _base(self) -> float:
        base = 2.0 * self.family + self.anchor_score + self.countries + 3.5 * self.lexical + FOCUS_BONUS * self.focus
        return base + (1.5 * min(self.figures, 2) if self.figures >= 2 else 0.0)

    def score(self, without: str | None = None) -> float:
        """Overall fit; `without` leaves that attribute's disagreements out (its agreements still count)."""
        return self._base() + sum(self.part(n, n != without) for n in ATTRIBUTES)

    def may_be_identified(self) -> bool:
        """Could the rule identify this event without some attribute? Its score with no disagreement counted, and with
        the focus bonus that matching may add last, is the most any `identified(without)` can see; below the bar, the
        fitted veto has nothing to weigh."""
        best = self._base() + sum(self.part(n, conflicts=False) for n in ATTRIBUTES)
        return best + (0.0 if self.focus else FOCUS_BONUS) >= IDENTITY_SCORE - 0.5

    def vetoed(self, without: str | None = None) -> bool:
        """The fitted identity model finds this event unlikely to be the claim's, for all the rule says."""
        fitted = identity_model()
        return fitted is not None and self.meaning is not None and fitted.vetoes(self.score(without), self.meaning)

    def identified(self, without: str | None = None) -> bool:
        """Is this the very event the claim speaks of, judged without the attribute `without`? This is the hand-set
        rule; the fitted model's veto applies to the claim's best candidate (ClaimMatch.identified)."""
        agreeing = self.agreeing_figures
        if self.family < 0.6 and self.lexical < 0.45 and self.figures < 2 and agreeing < 2:
            return False
        if self.after_horizon and not self.claim.dates:
            return False
        date_ok = self.date.status == "match" and self.date.strength >= 1.5
        number_ok = any(v.status == "match" and v.strength >= 1.5 for v in self.numbers)
        place_ok = self.place.status == "match"
        singleton = bool(self.claim.families & SINGLETON_FAMILIES & self.event.families) and self.named_countries > 0
        focus = self.focus and self.family >= 1.0 and (self.countries >= 0.6 or self.anchor_score >= 0.4)
        on_the_day = self.date.status == "match" and self.date.strength >= 2.0 and self.family >= 1.0
        distinctive = (self.anchor_score >= 1.2 or self.lexical >= 0.4 or singleton or focus or self.figures >= 2
                       or agreeing >= 2
                       or self.only_one_here and place_ok and self.lexical >= 0.15
                       or (date_ok or number_ok) and (self.lexical >= 0.18 or place_ok or self.anchor_score >= 0.6)
                       or on_the_day and (self.countries >= 0.6 or self.countries > 0 and self.lexical >= 0.1))
        return distinctive and self.score(without) >= IDENTITY_SCORE - (0.5 if singleton else 0.0)

    def explain(self) -> str:
        """Why this event was taken for the claim's, in a few words: 'matched on the Strelsau Opera, Black Michael;
        …'."""
        names = {m.entity_id: m.text for m in self.claim.all_entities}
        parts = []
        if self.anchors:
            parts.append(", ".join(dict.fromkeys(names.get(a, a) for a, _ in self.anchors)))
        if self.family >= 1.0:
            parts.append(f"event type {self.event.type.replace('_', ' ')}")
        if self.date.status == "match" and self.date.note != "context":
            parts.append(f"date {self.date.claim_value}")
        parts += [f"figure {v.claim_value}" for v in self.numbers if v.status == "match"][:2]
        if self.place.status == "match":
            parts.append(f"place {self.place.claim_value}")
        if self.lexical >= 0.3:
            parts.append("shared wording")
        if self.focus:
            parts.append("the event the report discusses elsewhere")
        return "matched on " + "; ".join(parts) if parts else ""

    def pins(self) -> bool:
        """Identified on names, day or month, or a count: strong enough to make the event the report's focus."""
        if not self.identified():
            return False
        date_ok = self.date.status == "match" and self.date.strength >= 1.5
        number_ok = any(v.status == "match" and v.strength >= 1.5 for v in self.numbers)
        return self.anchor_score >= 1.2 or date_ok or number_ok

    def supports(self) -> bool:
        """Weaker than identity: the store holds something close to the claim, and nothing in it disagrees."""
        if self.family < 0.6 and not (self.lexical >= 0.35 and self.anchor_score >= 1.0):
            return False
        if self.after_horizon and not self.claim.dates:
            return False
        conflicts = [self.date.status, self.place.status, self.actor.status] + [v.status for v in self.numbers]
        if "conflict" in conflicts + [v.status for v in self.polarity]:
            return False
        if self.identified():
            return True
        counted = any(v.status == "match" and v.strength >= 1.5 for v in self.numbers)
        if counted and (self.countries > 0 or self.anchor_score > 0) and not self.claim.strong_families:
            return True
        near = (self.lexical >= 0.2 or self.focus or self.date.status == "match" and self.date.strength >= 1.5
                or any(v.status == "match" for v in self.numbers))
        return near and (self.countries > 0 or self.anchor_score > 0) and self.score() >= 3.0


@dataclass(frozen=True)
class ClaimSide:
    """What `compare` needs of a claim, worked out once per claim rather than once per candidate event."""

    names: tuple[tuple[str, float], ...]
    """Each non-country entity once, with its anchor weight before the event's idf."""
    countries: frozenset[str]
    named: frozenset[str]
    words: tuple[set[str], float]

    @classmethod
    def of(cls, claim: Claim, evidence: Evidence) -> ClaimSide:
        own = {m.entity_id for m in claim.entities}
        located = {m.start for m in located_places(claim)}
        names: dict[str, float] = {}
        for m in claim.all_entities:
            if m.kind == "country" or m.entity_id in names:
                continue
            weight = ANCHOR_WEIGHT.get(m.kind, 1.0)
            if m.kind == "place" and m.name in CAPITALS and m.start not in located:
                weight = 0.6
            names[m.entity_id] = weight * (1.0 if m.entity_id in own else 0.7)
        named = frozenset(m.country for m in claim.all_entities if m.country)
        countries = named | ({claim.default_country} if claim.default_country else set())
        return cls(tuple(names.items()), frozenset(countries), named, claim_words(claim, evidence))


def compare(claim: Claim, event: StoreEvent, evidence: Evidence, extraction: Extraction,
            side: ClaimSide | None = None) -> Comparison:
    """Names, kind, countries and words: cheap, done for every candidate (see `compare_attributes`).

    `side` is the claim's part of the work (`ClaimSide.of`), passed when comparing one claim with many."""
    side = side or ClaimSide.of(claim, evidence)
    fam = family_score(claim.matched_families, event.families)
    if fam < 1.0:
        fam = max(fam, 0.5 * family_score(claim.matched_families, event.text_families))
    anchors = [(eid, round(w * evidence.idf(eid), 3)) for eid, w in side.names if eid in event.entity_ids]
    event_countries = event.all_countries
    countries = min(0.9, 0.3 * len(side.countries & event_countries))
    mine, weight = side.words
    lexical = evidence.lexicon.similarity(mine, event.stems, weight, event_weight(event, evidence))
    horizon = extraction.horizon
    return Comparison(claim, event, fam, anchors, countries, lexical,
                      after_horizon=bool(horizon and event.date.start.year > horizon),
                      named_countries=len(side.named & event_countries))


def claim_words(claim: Claim, evidence: Evidence) -> tuple[set[str], float]:
    """The claim's stems and entity words, and their summed idf."""
    words = own_stems(claim) | entity_stems(claim.entities)
    return words, evidence.lexicon.weight(words)


def own_stems(claim: Claim) -> set[str]:
    """The claim's stems, with its antecedent's when its subject is a pronoun that stands for it."""
    before = stands_for(claim)
    return stems(claim.text) | stems(before) if before else stems(claim.text)


def event_weight(event: StoreEvent, evidence: Evidence) -> float:
    """The summed idf of an event's stems, once per event and evidence."""
    cache = evidence.weights
    w = cache.get(event.id)
    if w is None:
        w = cache[event.id] = evidence.lexicon.weight(event.stems)
    return w


def compare_attributes(comp: Comparison, horizon: int | None) -> None:
    """Date, place, actors and polarity: done for the best candidates only."""
    comp.date = compare_date(comp.claim, comp.event)
    comp.place = compare_place(comp.claim, comp.event)
    comp.actor = compare_actor(comp.claim, comp.event)
    comp.polarity = compare_polarity(comp.claim, comp.event, horizon) + absence_conflicts(comp.claim, comp.event)


@dataclass
class ClaimMatch:
    claim: Claim
    comparisons: list[Comparison]
    """Best first."""

    settled: bool = False
    """Matching is over and the comparisons no longer change, so what they identify can be kept."""
    _identified: dict[str | None, list[Comparison]] = field(default_factory=dict, repr=False)

    @property
    def best(self) -> Comparison | None:
        return self.comparisons[0] if self.comparisons else None

    def identified(self, without: str | None = None) -> list[Comparison]:
        """The candidates identified without `without`; every check asks, so once settled the answer is kept.
        When the fitted model vetoes the best of them, none is: the claim is about no event the store can name
        (a lower candidate is no likelier, and dropping only some would drop the ones that agree)."""
        kept = self._identified.get(without)
        if kept is None:
            kept = [c for c in self.comparisons if c.identified(without)]
            if kept and min(kept, key=lambda c: (-c.score(without), c.event.id)).vetoed(without):
                kept = []
            if self.settled:
                self._identified[without] = kept
        return list(kept)


SHORTLIST = 80
"""Candidates per claim that get the full comparison, after a cheap first ranking."""


def candidates(claim: Claim, evidence: Evidence, index: dict[str, set[str]]) -> list[str]:
    """Events worth comparing with the claim, best first by a cheap score: shared names (rare ones count
    more), an event type of the claim's family, shared countries, a date near the claim's."""
    ids: set[str] = set()
    names = {m.entity_id: (1.0 if m in claim.entities else 0.7) for m in claim.all_entities if m.kind != "country"}
    for eid in names:
        ids |= index.get(eid, set())
    countries = {m.country for m in claim.all_entities if m.country}
    if claim.default_country:
        countries.add(claim.default_country)
    if claim.matched_families:
        for c in sorted(countries):
            ids |= index.get("country:" + c, set())
    near = evidence.lexicon.near(own_stems(claim))
    ids |= near
    if len(ids) <= SHORTLIST:
        return sorted(ids)
    windows = [d.window() for d in claim.dates or claim.context_dates]
    slack = dt.timedelta(days=400)
    bounds = [(lo - slack, hi + slack) for lo, hi in windows]
    # each name's part of the score and each event's first and last day, worked out once per claim and once
    # per event, not once per pair: this loop runs over thousands of candidates per claim in a big store
    terms = [(n, w * evidence.idf(n) * 2.0) for n, w in names.items()]
    spans = evidence.spans
    family_of_type: dict[str, float] = {}
    ranked = []
    for i in ids:
        e = evidence.events[i]
        fam = family_of_type.get(e.type)
        if fam is None:
            fam = family_of_type[e.type] = family_score(claim.matched_families, e.families)
        quick = 2.0 * fam + sum(t for n, t in terms if n in e.entity_ids)
        quick += 0.3 * len(countries.intersection(e.countries)) + (1.5 if i in near else 0.0)
        if bounds:
            span = spans.get(i)
            if span is None:
                span = spans[i] = (e.date.start, e.date.end)
            quick += 1.0 if any(a <= span[1] and span[0] <= b for a, b in bounds) else -1.0
        ranked.append((-quick, i))
    ranked.sort()
    return [i for _, i in ranked[:SHORTLIST]]


def build_index(evidence: Evidence) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for e in evidence.events.values():
        for eid in e.entity_ids:
            index.setdefault(eid, set()).add(e.id)
        for c in set(e.countries) | {m.country for m in e.mentions if m.country}:
            index.setdefault("country:" + c, set()).add(e.id)
    return index


def match_claims(extraction: Extraction, evidence: Evidence) -> list[ClaimMatch]:
    """Each claim's candidates, best first, and then which events other claims pin down (focus)."""
    index, figure_index = build_index(evidence), number_index(evidence)
    meanings = Meanings(evidence)
    out = []
    for at in range(0, len(extraction.claims), PREFETCH):
        chunk = [shortlist(claim, extraction, evidence, index, figure_index)
                 for claim in extraction.claims[at:at + PREFETCH]]
        prefetch(claim.sentence.text for claim, comps in chunk if comps)
        settled = [settle(claim, comps, evidence, extraction.horizon) for claim, comps in chunk]
        meanings.fill([(m.claim, m.comparisons) for m in settled if any(c.may_be_identified() for c in m.comparisons)])
        out += settled
    focus = {c.event.id for m in out for c in m.comparisons[:3] if c.pins()}
    for m in out:
        for c in m.comparisons:
            c.focus = c.event.id in focus
        m.comparisons.sort(key=lambda c: (-c.score(), c.event.id))
        m.settled = True
    return out


PREFETCH = 512
"""Claims shortlisted before the sentences of those with candidates are parsed in one batch."""


def shortlist(claim: Claim, extraction: Extraction, evidence: Evidence, index: dict[str, set[str]],
              figure_index: Index) -> tuple[Claim, list[Comparison]]:
    """The claim's candidates after the comparisons that need no parse, best first."""
    if not claim.checkable:
        return claim, []
    shared = shared_figures(claim, figure_index)
    found = sorted(set(candidates(claim, evidence, index)) | set(shared))
    side = ClaimSide.of(claim, evidence)
    comps = [compare(claim, evidence.events[i], evidence, extraction, side) for i in found]
    for c in comps:
        c.figures = shared.get(c.event.id, 0)
    comps = [c for c in comps if c.family > 0 or c.anchor_score >= 1.0 or c.lexical >= 0.3 or c.figures >= 2]
    comps.sort(key=lambda c: (-c.score(), c.event.id))
    _mark_only_one_here(claim, comps)
    return claim, comps[:30]


def settle(claim: Claim, comps: list[Comparison], evidence: Evidence, horizon: int | None) -> ClaimMatch:
    """The shortlisted candidates compared attribute by attribute, with the readings that need the parse."""
    for c in comps:
        compare_attributes(c, horizon)
    comps.sort(key=lambda c: (-c.score(), c.event.id))
    top = comps[:12]
    ids = {c.event.id for c in top}
    mine = claim_changes(claim)
    for c in top:
        c.numbers = compare_numbers(claim, c.event, _pool(c, top, ids, evidence))
        numbers, directions = compare_changes(mine, c.event)
        if c.identified("numbers"):
            placed, swapped = aligned_figures(claim, c.event)
            numbers += placed
            directions += [v for v in swapped if not any(d.start <= v.start < d.end for d in directions)]
        judged = {v.start for v in c.numbers}
        c.numbers += [v for v in numbers if v.start not in judged]
        c.polarity += directions
    top.sort(key=lambda c: (-c.score(), c.event.id))
    return ClaimMatch(claim, top)


INCIDENT_FAMILIES = {"riot", "attack", "clash", "protest", "assassinate"}
"""Incidents a place and a kind pin down when the store has only one of that kind there."""


def _mark_only_one_here(claim: Claim, comps: list[Comparison]) -> None:
    """An incident is identified by its kind and named place when no other candidate of that kind shares the place
    ('prisoners rioted at Strelsau's penal colony' and the store's one Strelsau prison riot)."""
    if not claim.families & INCIDENT_FAMILIES:
        return
    kind = [c for c in comps if c.family >= 1.0 and c.event.families & claim.families & INCIDENT_FAMILIES]
    for c in kind:
        places = {a for a, w in c.anchors if a.startswith("place:") and w >= 1.0}
        if places and not any(o is not c and places & {a for a, _ in o.anchors} for o in kind):
            c.only_one_here = True


def _pool(comp: Comparison, top: list[Comparison], ids: set[str], evidence: Evidence) -> list[StoreEvent]:
    """Events reporting on the same incident (same distinctive name, within two years after it): their figures
    are competing values for the claim's numbers (one attack's toll was given as 137, 144, 145 and 149)."""
    anchors = {a for a, _ in comp.anchors if a.split(":", 1)[0] in ("facility", "person")}
    pooled = [comp.event]
    if not anchors or not comp.identified("numbers"):
        return pooled
    start = comp.event.date.start
    for other in top:
        if other is comp or not anchors & {a for a, _ in other.anchors}:
            continue
        if 0 <= (other.event.date.start - start).days <= 730 and other.family > 0:
            pooled.append(other.event)
    return pooled
