"""Attribute by attribute: does the claim's date, number, place, actor and polarity fit one store event?

Each function returns verdicts (match, conflict or none) with the span of the
report it is about; whether a conflict becomes a finding is decided by the
checks, which also ask whether the event is identified without that attribute.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from watchfloor.check.aligned import aligned_dates
from watchfloor.check.lexical import COUNTRY_WORDS, HOME_WORDS, stem, stems
from watchfloor.dates import FuzzyDate
from watchfloor.extract.bounds import dated_reference
from watchfloor.extract.claims import Claim
from watchfloor.extract.counted import verb_category
from watchfloor.extract.dates import DateMention
from watchfloor.extract.entities import EntityMention
from watchfloor.extract.events import RELATED, WEAK_FAMILIES
from watchfloor.extract.intervals import DIRECTIONS, intervals
from watchfloor.extract.memo import per_claim
from watchfloor.extract.money import is_money
from watchfloor.extract.numbers import rounding_step
from watchfloor.extract.quantities import UNITS_OF_MEASURE, hedge_kind
from watchfloor.reference.catalogue import PLACE_COORDS

if TYPE_CHECKING:
    from watchfloor.check.evidence import Assertion, StoreEvent
    from watchfloor.check.match import Verdict

SLACK = {"day": 2, "month": 10, "year": 10}
_LOCATED = re.compile(r"\b(?:in|at|near|outside|across|from|into|inside|around|of|on|to|between)\s+(?:the\s+)?"
                      r"(?:\w+\s+)?$", re.I)
POLAR_FAMILIES = {"cell", "charge", "arrest", "attack", "member", "join", "agreement", "approve", "base", "deport",
                  "sentence",
                  "election", "visit", "summit", "claim", "extradite", "trial", "repatriate", "designate", "release",
                  "independence", "leave", "loan", "aid", "plot", "urge", "clash"}
COUNT_UNITS = {"count", "age", "years", "months", "days", "pct", "mw", "kv", "km", "sqkm", "kwh", "bcm", "tonnes"}
"""Units whose figures are compared with the store's, besides money (extract/money.py)."""


def _verdict(**kw: object) -> Verdict:
    from watchfloor.check.match import Verdict

    return Verdict(**kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- dates

def _event_windows(event: StoreEvent, figures: bool = True) -> list[tuple[dt.date, dt.date, str]]:
    out: list[tuple[dt.date, dt.date, str]] = [(event.date.start, event.date.end, event.date.precision)]
    for d in event.dates:
        if d.relative and not (d.inferred_year and (d.date.precision == "day" or d.relation == "point")):
            continue
        lo, hi = d.window()
        out.append((lo, hi, d.date.precision))
    for f in event.figures if figures else []:
        if f.year:
            out.append((dt.date(f.year, 1, 1), dt.date(f.year, 12, 31), "year"))
    return out


def date_fits(d: DateMention, lo_e: dt.date, hi_e: dt.date) -> bool:
    if d.inferred_year and not d.until:
        for year in {lo_e.year, hi_e.year}:
            try:
                moved = replace(d, date=FuzzyDate(d.date.value.replace(year=year), d.date.precision),
                                inferred_year=False, lo=None, hi=None)
            except ValueError:
                continue
            if date_fits(moved, lo_e, hi_e):
                return True
        return False
    lo, hi = d.window()
    slack = dt.timedelta(days=SLACK[d.date.precision] if not d.until else 10)
    if d.relation in ("by", "before", "until"):
        return lo_e <= hi + slack and hi_e >= lo - dt.timedelta(days=366)
    if d.relation == "after":
        return hi_e >= lo - slack and lo_e <= hi + dt.timedelta(days=366)
    if d.relation == "since":
        return hi_e >= lo - slack
    return lo - slack <= hi_e and lo_e <= hi + slack


def fits(d: DateMention, event: StoreEvent) -> bool:
    """Does the date fit the event's own date or a date its summary gives?"""
    return any(date_fits(d, lo, hi) for lo, hi, _ in _event_windows(event))


PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _finer(a: str, b: str) -> bool:
    return PRECISION_RANK.get(a, 0) > PRECISION_RANK.get(b, 0)


def _strength(d: DateMention, precision: str) -> float:
    p = min(PRECISION_RANK[d.date.precision], PRECISION_RANK[precision])
    if d.until or d.relation in ("by", "before", "after", "until"):
        p = 0
    return (0.8, 1.5, 2.0)[p]


_LEAD = re.compile(r"^\W*(?:and|but|then|so|also)\s+(?:in|on|by|during)\s+$", re.I)
"""'And in mid-November 2024 …': a date that opens its claim after a conjunction dates the whole claim."""


def _attached(claim: Claim, d: DateMention, event: StoreEvent) -> bool:
    """Does this date belong to the event word or name the event is matched on (not to another event)? A bound
    ('extend the base's stay until 2042') says how long something lasts, not when it happened, so it does not
    compete with a date of occurrence for the event word."""
    if not own_date(claim, d, event):
        return False
    occurrence = ("point", "range")
    dated = [x for x in claim.dates if x is d or not x.relative and (
        d.relation not in occurrence or x.relation in occurrence)]
    lead = claim.sentence.text[claim.start - claim.sentence.start:d.start - claim.sentence.start]
    if len(dated) == 1 or d is claim.dates[0] and (d.start - claim.start <= 4 or _LEAD.match(lead)):
        return True
    fams = event.families | {r for f in event.families for r in RELATED.get(f, set())}
    near = [e.trigger for e in claim.events if e.family in fams]
    near += [m for m in claim.entities if m.entity_id in event.entity_ids and m.kind != "country"]  # type: ignore
    if not near:
        return False
    dist = min(min(abs(d.start - n.end), abs(n.start - d.end)) for n in near)
    return dist <= 40 and all(
        dist <= min(abs(o.start - n.end) for n in near) for o in dated if o is not d)


def own_date(claim: Claim, d: DateMention, event: StoreEvent | None = None) -> bool:
    """The date is the claim's, not that of another event a 'since' or 'after' phrase names (extract/bounds.py);
    with `event`, a phrase naming one of the event's own names names the event itself ('after the Radisson Blu siege
    in November 2016', matched to that siege)."""
    base = claim.sentence.start
    phrase = dated_reference(claim.sentence.text, d.start - base, d.end - base)
    if phrase is None:
        return True
    lo, hi = phrase[0] + base, phrase[1] + base
    return event is not None and any(lo <= m.start and m.end <= hi and m.entity_id in event.entity_ids
                                     for m in claim.entities)


def _only_since(claim: Claim, d: DateMention, window: tuple[dt.date, dt.date]) -> bool:
    """'the first visit since August 2021' fits any later event; beside a date of its own ('in November 2024 …')
    it confirms nothing unless the event began then."""
    if d.relation != "since" or not any(x.relation in ("point", "range") and not x.relative for x in claim.dates):
        return False
    return not date_fits(replace(d, relation="point"), *window)


RANGE_END_SLACK = 1
"""Days a span's end may move between accounts (a ceasefire at midnight) when both begin on the same day; a
lone date has more (SLACK), as it may be the day an event was reported rather than the day it happened."""


def _written(d: DateMention) -> bool:
    """A date written out, if only as a day and month ('on 27 May that year'), not counted from another ('the day
    before', 'a year later')."""
    return not d.relative or d.inferred_year


def _wrong_dates(claim: Claim, event: StoreEvent, main: tuple[dt.date, dt.date], others: list[tuple[dt.date, dt.date]],
                 firm: bool) -> list[DateMention]:
    """The claim's dates attached to the event that fit none of its dates; with `firm`, only those written out in
    full: a date counted from another ('the day before') that happens to fit does not excuse a written one that
    fits nothing ('initialled it the day before and signed on 20 July', against 15 May and 20 June)."""
    attached = [d for d in claim.dates if d.relation in ("point", "range", "since", "by", "before", "after")
                and (not firm or _written(d)) and _attached(claim, d, event)]
    return [d for d in attached if not date_fits(d, *main) and not any(date_fits(d, lo, hi) for lo, hi in others)]


def _same_start_other_end(d: DateMention, event: StoreEvent) -> str | None:
    """A span of days the claim gives that begins on the day a span of the event's summary begins, and ends on
    another ('from 14 to 19 May' against the summary's 'from 14 to 17 May'): one span, its end misdated. Returns the
    summary's span as written for the message."""
    if d.relation != "range" or d.until is None or d.date.precision != "day" or d.until.precision != "day":
        return None
    slack = dt.timedelta(days=RANGE_END_SLACK)
    for e in event.dates:
        if (e.relation == "range" and e.until is not None and e.until.precision == "day"
                and e.date.value == d.date.value and abs(e.until.value - d.until.value) > slack):
            return e.human()
    return None


def compare_date(claim: Claim, event: StoreEvent) -> Verdict:
    """Match when a claim date fits the event's date; conflict when the date the claim attaches to the event
    fits neither the event's date nor any other date its summary gives (a summary's other dates, such as
    'founded on 7 October 2002', excuse a claim date without confirming the event's)."""
    if not claim.dates:
        fits = [d for d in claim.context_dates if date_fits(d, event.date.start, event.date.end)]
        if fits:
            return _verdict(status="match", start=claim.start, end=claim.start, claim_value=fits[0].text,
                            store_value=event.date.human(), strength=0.8, note="context")
        return _verdict()
    main = (event.date.start, event.date.end)
    others = [(lo, hi) for lo, hi, _ in _event_windows(event, figures=bool(claim.quantities))[1:]]
    year_figs = [f for f in event.figures if f.unit == "year"]
    for d in claim.dates:
        if d.relation in ("until", "by") and year_figs and all(int(f.value) != d.year for f in year_figs):
            vals = ", ".join(str(int(f.value)) for f in year_figs)
            return _verdict(status="conflict", start=d.start, end=d.end, claim_value=d.text, store_value=vals)
    for d in claim.dates:
        told = _same_start_other_end(d, event)
        if told is not None:
            return _verdict(status="conflict", start=d.start, end=d.end, claim_value=d.human(), store_value=told)
    fits_main = [d for d in claim.dates
                 if date_fits(d, *main) and not _only_since(claim, d, main) and own_date(claim, d, event)]
    firm = any(_written(d) for d in fits_main)
    wrong = [] if firm else _wrong_dates(claim, event, main, others, firm=bool(fits_main))
    if fits_main and not wrong:
        if claim.quantities:
            windows = _event_windows(event, figures=False)
            loose = [d for d in claim.dates if _written(d) and d.relation in ("point", "range")
                     and not any(date_fits(d, lo, hi) for lo, hi, _ in windows)]
            aligned = aligned_dates(claim, event, loose)
            if aligned is not None:
                return aligned
        d = max(fits_main, key=lambda x: _strength(x, event.date.precision))
        return _verdict(status="match", start=d.start, end=d.end, claim_value=d.text,
                        store_value=event.date.human(), strength=_strength(d, event.date.precision))
    if wrong:
        d = wrong[0]
        return _verdict(status="conflict", start=d.start, end=d.end, claim_value=d.human(),
                        store_value=event.date.human())
    fits_other = [d for d in claim.dates if any(date_fits(d, lo, hi) for lo, hi in others)]
    if fits_other:
        d = fits_other[0]
        return _verdict(status="match", start=d.start, end=d.end, claim_value=d.text,
                        store_value=event.date.human(), strength=0.8, note="other")
    return _verdict()


# ---------------------------------------------------------------- places

def _km(a: EntityMention, b: EntityMention) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


_IN = re.compile(r"\b(?:in|at|near|outside|across|inside|around|throughout|residents\s+of|natives\s+of)\s+"
                 r"(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")


@per_claim
def located_places(claim: Claim, strict: bool = False) -> list[EntityMention]:
    """Places the claim puts something in ('in Zenda', 'Strelsau's Opera House', the rest of a list that
    starts 'in Hofbau, …'), not metonyms ('Strelsau approved'). With `strict`, only places after
    'in', 'at', 'near' … (never 'from' or 'to'), which alone can contradict the store."""
    text = claim.sentence.text
    base = claim.sentence.start
    starts = {m.start: m for m in claim.entities}
    places = [m for m in claim.entities if m.kind in ("place", "facility") and not m.demonym]
    out: list[EntityMention] = []
    for i, m in enumerate(places):
        before = text[max(0, m.start - base - 30):m.start - base]
        after = re.match(r"['’]s\s+", text[m.end - base:m.end - base + 4])
        follows = starts.get(m.end + after.end()) if after else None
        prev = places[i - 1] if i else None
        listed = prev is not None and prev in out and _LIST_GAP.match(text[prev.end - base:m.start - base])
        where = (_IN if strict else _LOCATED).search(before)
        if strict and after:
            continue
        if (m.kind == "facility" and not strict) or where or listed or (
                follows and follows.kind in ("facility", "place")):
            out.append(m)
    return _outside_anchors(claim, out)


def _outside_anchors(claim: Claim, places: list[EntityMention]) -> list[EntityMention]:
    """Places of the claim's own event, not of the event it counts from: 'Ten days after the coup in Strelsau, rebels
    captured Zenda' happened in Zenda. Read only when the claim names two places (it parses)."""
    text = claim.sentence.text
    named = [m for m in claim.entities if m.kind in ("place", "facility")]
    if not places or len(named) < 2 or not set(text.lower().split()) & DIRECTIONS.keys():
        return places
    base = claim.sentence.start
    spans = [(base + iv.anchor_start, base + iv.anchor_end) for iv in intervals(text)]
    return [m for m in places if not any(a <= m.start < b for a, b in spans)]


_IN_COUNTRY = re.compile(r"\s+(?:in|inside)\s+(?:the\s+)?", re.I)


def _event_word_country(claim: Claim, event: StoreEvent) -> Verdict | None:
    """'disappeared in Ruritania' against the store's 'disappeared in Graustark': the same event word, each side
    naming the country it happened in right after it."""

    countries = {m.start: m for m in claim.entities if m.kind == "country" and not m.demonym and m.country}
    if not countries:
        return None
    said = event.countries_of_words
    if not said:
        return None
    text, base = claim.sentence.text, claim.sentence.start
    store = [m for m in event.mentions if m.kind == "country" and not m.demonym and m.country]
    for ev in claim.events:
        if ev.family in WEAK_FAMILIES or ev.family not in said:
            continue
        gap = _IN_COUNTRY.match(text, ev.trigger.end - base)
        mine = countries.get(base + gap.end()) if gap else None
        if mine is None:
            continue
        if mine.country in said[ev.family]:
            return _verdict(status="match", start=mine.start, end=mine.end, claim_value=mine.text)
        names = sorted({m.text for m in store if m.country in said[ev.family]})
        return _verdict(status="conflict", start=ev.trigger.start, end=mine.end, claim_value=mine.text,
                        store_value=", ".join(names), note="another country")
    return None


DISTRICTS = set(PLACE_COORDS)
"""Districts are compared more tightly than towns: two districts 40 km apart are two places, not one area."""


def compare_place(claim: Claim, event: StoreEvent) -> Verdict:
    where = _event_word_country(claim, event)
    places = [p for p in located_places(claim) if not _of_side_event(claim, p, event)]
    if not places:
        return where or _verdict()
    ev_places = event.places
    ev_ids = {p.entity_id for p in ev_places} | {p.name for p in ev_places}
    strict = {p.start for p in located_places(claim, strict=True)}
    matched: EntityMention | None = None
    far: list[tuple[EntityMention, float]] = []
    for p in places:
        dists = [d for q in ev_places if (d := _km(p, q)) is not None]
        if p.entity_id in ev_ids or p.name in ev_ids or dists and min(dists) <= 80:
            matched = matched or p
        elif dists and min(dists) > 150 and p.kind == "place" and p.start in strict:
            far.append((p, min(dists)))
        elif p.name in DISTRICTS and p.start in strict and (other := [q for q in ev_places if q.name in DISTRICTS]):
            km = min(d for q in other if (d := _km(p, q)) is not None)
            if km > 40:
                far.append((p, km))
    if matched is not None:
        far = [(p, km) for p, km in far if not _one_list(claim, matched, p, places, len(ev_places))]
    if where is not None and where.status == "conflict" or not far and not matched and where is not None:
        return where
    if far:
        p, km = far[0]
        return _verdict(status="conflict", start=p.start, end=p.end, claim_value=p.text,
                        store_value=event.location or ", ".join(q.text for q in ev_places), note=f"{km:.0f} km")
    if matched:
        return _verdict(status="match", start=matched.start, end=matched.end, claim_value=matched.text)
    return _verdict()


def _of_side_event(claim: Claim, place: EntityMention, event: StoreEvent) -> bool:
    """The place sits in a side clause ('after Ruritania shot down a drone near Zenda, it closed its airspace') whose
    event words are not of the event's kind while the main clause's are: it locates the side event, not this one."""
    families = _side_families(claim, place.start)
    if families is None:
        return False
    inside, outside = families
    return bool(outside & event.families) and not inside & event.families


@per_claim
def _side_families(claim: Claim, at: int) -> tuple[frozenset[str], frozenset[str]] | None:
    """The event families inside and outside the side clause holding the claim's character `at`, or None when it is
    in the main clause; read once per claim and place, not once per candidate event."""
    from watchfloor.extract.side_clauses import side_clause

    base = claim.sentence.start
    span = side_clause(claim.sentence.text, at - base)
    if span is None:
        return None
    lo, hi = base + span[0], base + span[1]
    inside = frozenset(e.family for e in claim.events if lo <= e.trigger.start < hi)
    outside = frozenset(e.family for e in claim.events if not lo <= e.trigger.start < hi)
    return inside, outside


def _one_list(claim: Claim, a: EntityMention, b: EntityMention, places: list[EntityMention], theirs: int) -> bool:
    """Two places of one list ('the juntas in Strelsau, Zenda and Hofbau') where the event names fewer places
    than the list: when one is the event's, the others name its other parties, not another place for it. A list
    as long as the event's ('Strelsau, Zenda and Tarlenheim' against its three towns) is compared place by
    place."""
    text, base = claim.sentence.text, claim.sentence.start
    lo, hi = min(a.start, b.start), max(a.start, b.start)
    run = sorted((p for p in places if lo <= p.start <= hi), key=lambda p: p.start)
    gaps = [text[x.end - base:y.start - base] for x, y in zip(run, run[1:], strict=False)]
    return theirs < len(run) and len(run) >= 2 and all(_LIST_GAP.match(g) for g in gaps)


# ---------------------------------------------------------------- actors

_BY_AGENT = re.compile(r"\b(?:by|attributed\s+to|blamed\s+on|claimed\s+by|led\s+by|carried\s+out\s+by|conducted\s+by|"
                       r"ordered\s+by|organi[sz]ed\s+by|on\s+behalf\s+of)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)


_CLOSE = re.compile(r"^(?:['’]s)?\s*(?:[\w-]+\s+){0,2}$")
_OWNER = re.compile(r"^['’]s\s+[\w-]+\s")
"""'Rassendyll's son was fighting': the owner of the noun after it is not the doer ('the RLF's attack' still is)."""


def agents(claim: Claim, families: set[str]) -> list[EntityMention]:
    """Groups, organisations and people the claim makes the doers of an event of these families:
    'X attacked …', '… was claimed by X', 'the attack … by X'."""
    text = claim.sentence.text
    base = claim.sentence.start
    triggers = [e.trigger for e in claim.events if e.family in families]
    out = []
    for m in claim.entities:
        if m.kind not in ("armed_group", "organisation", "person") or m.demonym:
            continue
        before = text[max(0, m.start - base - 40):m.start - base]
        after_ok = any(0 <= t.start - m.end <= 40 and _CLOSE.match(gap := text[m.end - base:t.start - base])
                       and not _OWNER.match(gap) for t in triggers)
        by_ok = _BY_AGENT.search(before) is not None and any(0 <= m.start - t.end <= 90 for t in triggers)
        if after_ok or by_ok:
            out.append(m)
    return out


_STATE_AGENT = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:authorities|officers|officials|police|policemen|security\s+services?|"
    r"special\s+services|border\s+guards?|intelligence|agents|prosecutors|troops|forces|investigators)\b", re.I)


_ADVERB_GAP = re.compile(r"^\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+)?$")


@per_claim
def state_agents(claim: Claim) -> list[EntityMention]:
    """Countries the claim makes act through their officers: 'Ruritanian authorities flew home …', '… alongside
    Graustarkian officers'. A state's agents are its doers as much as a named group is."""
    text = claim.sentence.text
    base = claim.sentence.start
    verbs = [e.trigger for e in claim.events if e.family not in WEAK_FAMILIES]
    out = [m for m in claim.entities if m.kind == "country" and m.country and (
        _STATE_AGENT.match(text, m.end - base) or not m.demonym and any(
            0 < t.start - m.end <= 14 and _ADVERB_GAP.match(text[m.end - base:t.start - base]) for t in verbs))]
    return out + [m for m in _subject_list(claim, verbs) if m not in out]


_LIST_SUBJECT_GAP = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,4}$")


def _runs(mentions: list[EntityMention], text: str, offset: int) -> list[list[EntityMention]]:
    """Mentions in order, grouped into lists ('X, Y and Z'): consecutive ones joined only by a comma, 'and' or 'or'.
    `offset` is where `text` starts in the mentions' coordinates."""
    runs: list[list[EntityMention]] = []
    for m in mentions:
        if runs and _LIST_GAP.match(text[runs[-1][-1].end - offset:m.start - offset]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _subject_list(claim: Claim, verbs: list) -> list[EntityMention]:  # type: ignore[type-arg]
    """'Ruritania, Graustark and Borduria wrapped up joint drills': every state of a list that is the subject of
    an event word (the list's last name is followed by a few lower-case words, then the event word)."""
    text, base = claim.sentence.text, claim.sentence.start
    states = [m for m in claim.entities if m.kind == "country" and m.country and not m.demonym]
    out: list[EntityMention] = []
    for run in _runs(states, text, base):
        last = run[-1]
        if len(run) >= 2 and any(0 < t.start - last.end <= 45 and _LIST_SUBJECT_GAP.match(
                text[last.end - base:t.start - base]) for t in verbs):
            out += run
    return out


def _state_conflict(claim: Claim, event: StoreEvent) -> Verdict | None:
    """The report's acting state is nowhere in the event, which names another foreign state instead: one the claim's
    own sentence does not name (a state named in the sentences before, which lent the claim its subject, may be
    the very one the report has replaced: 'the plot in Strelsau … Graustarkian authorities deported him')."""
    in_event = set(event.all_countries)
    if event.country:
        in_event.add(event.country)
    mine = {m.country for m in claim.entities if m.country} | {claim.default_country}
    for a in state_agents(claim):
        if a.country in in_event:
            continue
        rivals = sorted({m.text for m in event.mentions if m.kind == "country" and m.country not in mine},
                        key=lambda t: (t not in _state_names(event), t))
        if rivals:
            return _verdict(status="conflict", start=a.start, end=a.end, claim_value=a.text,
                            store_value=", ".join(rivals[:3]))
    return None


def _demonym_runs(mentions: list[EntityMention], text: str, offset: int = 0) -> list[list[EntityMention]]:
    """Nationalities written as one list ('the Ruritanian, Graustarkian and Bordurian presidents'), in order."""
    nationals = sorted((m for m in mentions if m.demonym and m.country), key=lambda m: m.start)
    return [r for r in _runs(nationals, text, offset) if len(r) >= 2]


def _nationality_swap(claim: Claim, event: StoreEvent) -> Verdict | None:
    """A list of nationalities one of which is swapped: the report's 'Ruritanian, Graustarkian and Syldavian
    presidents' where the event has '… and Bordurian' (lists of the same length sharing all but one, the odd one
    out of the report named nowhere in the event)."""
    ours = _demonym_runs(claim.entities, claim.sentence.text, claim.sentence.start)
    if not ours:
        return None
    theirs = _demonym_runs(event.mentions, event.summary)
    named = set(event.all_countries) | {event.country}
    for run in ours:
        countries = {m.country for m in run}
        for other in theirs:
            others = {m.country for m in other}
            if len(other) != len(run) or len(countries & others) != len(run) - 1:
                continue
            odd = next(m for m in run if m.country not in others)
            if odd.country in named:
                continue
            store = next(m.text for m in other if m.country not in countries)
            return _verdict(status="conflict", start=odd.start, end=odd.end, claim_value=odd.text, store_value=store)
    return None


def _state_names(event: StoreEvent) -> set[str]:
    """Countries the event names as states ('Graustark'), listed before mere adjectives ('Bordurian border')."""
    return {m.text for m in event.mentions if m.kind == "country" and not m.demonym}


def related_names(a: str, b: str) -> bool:
    """One name holds the other: a parent group and its branch, an organisation and its longer name."""
    a, b = a.lower(), b.lower()
    return a.startswith(b) or b.startswith(a) or a in b or b in a


def compare_actor(claim: Claim, event: StoreEvent) -> Verdict:
    names = {m.entity_id: m.name for m in event.mentions}
    families = event.families | {r for f in event.families for r in RELATED.get(f, set())}
    for a in agents(claim, families):
        if a.entity_id in event.entity_ids or any(related_names(a.name, n) for n in names.values()):
            continue
        rivals = sorted({n for m in event.mentions if m.kind == a.kind and m.entity_id in event.actor_ids | {
            x.entity_id for x in event.mentions} and (n := m.name) and not related_names(n, a.name)
            and m.entity_id not in {e.entity_id for e in claim.all_entities} and acts(event, m)})
        if rivals:
            return _verdict(status="conflict", start=a.start, end=a.end, claim_value=a.text,
                            store_value=", ".join(rivals[:3]))
    state = _state_conflict(claim, event) or _nationality_swap(claim, event)
    if state:
        return state
    nationals = event.demonyms
    named = nationals | event.all_countries
    for q in claim.quantities:
        heads = [m for m in claim.entities if m.demonym and q.start <= m.start and m.end <= q.end]
        for h in heads:
            if nationals and h.country not in named and (store := _same_people(claim, h, event)):
                return _verdict(status="conflict", start=h.start, end=h.end, claim_value=h.text, store_value=store)
            if h.country in nationals:
                return _verdict(status="match", start=h.start, end=h.end, claim_value=h.text)
    return _verdict()


def acts(event: StoreEvent, m: EntityMention) -> bool:
    """A name the summary writes only as the doer of a predicate that gives a figure and is no event word is the
    source of the figure, not a doer of the event ('a UN rapporteur put deaths at 40'): it is no rival to the
    report's doer. A name the pack lists but the summary does not write is taken as the pack gives it."""
    from watchfloor.extract.arguments import arguments
    from watchfloor.extract.frames import predicate_of

    summary = event.summary
    written = [x for x in event.mentions if x.entity_id == m.entity_id and x.end <= len(summary)
               and summary[x.start:x.end] == x.text]
    if not written:
        return True
    words = {a.start for a in event.assertions}
    telling = {head for q in event.written if (head := predicate_of(summary, q.num_start, q.num_end)) is not None
               and head not in words}
    return not any(g.role == "agent" and g.head in telling and g.holds(x.start, x.end)
                   for g in arguments(summary) for x in written)


def _same_people(claim: Claim, mine: EntityMention, event: StoreEvent) -> str:
    """The event's nationalities that describe the same kind of people as the claim's ('hostages' and 'hostages',
    not 'hostages' and 'authorities'), joined for the message; empty when none does."""
    from watchfloor.extract.frames import described

    base = claim.sentence.start
    kind = described(claim.sentence.text, mine.start - base, mine.end - base)
    return ", ".join(sorted(m.text for m in event.mentions if m.demonym and m.end <= len(event.summary)
                            and described(event.summary, m.start, m.end) == kind))


# ---------------------------------------------------------------- numbers

def _comparable(q_cat: str | None, q_sub: str | None, q_unit: str, f: object) -> bool:
    from watchfloor.check.figures import Figure

    assert isinstance(f, Figure)
    if f.unit != q_unit or q_cat is None or f.category != q_cat:
        return False
    return not (q_sub and f.subgroup and q_sub != f.subgroup and not {q_sub, f.subgroup} <= SECURITY)


SECURITY = {"police", "guards", "soldiers"}
"""One side's 'officers' are the other's 'border guards': the security forces are one subgroup when compared."""


GENERIC_HEADS = {"people", "person", "persons", "men", "man", "women", "nationals", "citizens", "others", "times",
                 "year", "years", "month", "months", "day", "days", "percent", "cent", "more", "new", "total",
                 "members", "member", "country", "countries"}
HEAD_UNITS = {"count", "age", "pct", "years", "months", "days", *UNITS_OF_MEASURE}


_AFTER_WORDS = re.compile(r"[^,;:.()]{0,60}")
_PLACE_WORDS = re.compile(r"\b(?:at|in|near|outside|inside)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _head_figures(q, pooled: list[StoreEvent], claim: Claim | None = None) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Figures whose key names what the number's own words name: '97 … tanks' and `tanks_delivered`; for a
    count, also the place its clause puts it ('1,950 citizens were stuck at Hofbau' and `held_at_hofbau`)."""
    words = q.head
    if is_money(q.unit) or q.unit in UNITS_OF_MEASURE:
        words += " " + q.before
    if q.unit == "pct":
        words += " " + q.of
    if claim is not None and not q.head.strip() and (q.unit == "pct" or is_money(q.unit) or q.unit in UNITS_OF_MEASURE):
        words += " " + (_measured(claim, q) or "")
    if claim is not None and q.unit == "count":
        base = claim.sentence.start
        tail = _AFTER_WORDS.match(claim.sentence.text, q.end - base)
        if tail:
            words += " " + " ".join(p.group(1) for p in _PLACE_WORDS.finditer(tail.group()))
    if q.unit == "age":
        words += " " + q.before
    head = stems(words) - {stem(w) for w in GENERIC_HEADS} - HOME_WORDS - _PLAIN - {stem("age"), stem("old")}
    if not head or q.unit not in HEAD_UNITS and not is_money(q.unit):
        return []
    out = []
    for e in pooled:
        for f in e.all_figures if q.unit == "age" else e.figures:
            if f.unit == q.unit and head & stems(" ".join(f.words)):
                out.append((e, f))
    return out


def compare_numbers(claim: Claim, event: StoreEvent, pooled: list[StoreEvent]) -> list[Verdict]:
    from watchfloor.check.owners import foreign_owner

    out = []
    claim_years = {d.year for d in claim.dates if not d.until} | {
        y for d in claim.dates if d.until for y in range(d.year, d.until.value.year + 1)}
    dated = _when(claim)
    told = [d for d in claim.dates if d.relation in ("point", "range")]
    windows = _event_windows(event)
    for q in claim.quantities:
        if q.vague or q.unit not in COUNT_UNITS and not is_money(q.unit) or claim.hedged_before(q.num_start):
            continue
        own = _figure_date(claim, q) if len(told) > 1 else None
        if own is None and len(dated) > 1:
            own = _nearest(dated, q)
        if own is not None and (not any(date_fits(own, lo, hi) for lo, hi, _ in windows)
                                or _dated_finer_elsewhere(own, told, windows)):
            continue
        figs = [(e, f) for e in pooled for f in e.all_figures if _comparable(q.category, q.subgroup, q.unit, f)]
        figs = [(e, f) for e, f in figs if not f.year or not claim_years or f.year in claim_years]
        by_head = False
        if not figs and (q.category is None or not q.strong):
            figs, by_head = _head_figures(q, pooled, claim), True
            if figs and any(q.compatible(*f.interval) for e in pooled for f in e.all_figures if f.unit == q.unit):
                figs = [(e, f) for e in pooled for f in e.all_figures if f.unit == q.unit and
                        q.compatible(*f.interval)]
        if not figs:
            continue
        generic = [(e, f) for e, f in figs if not f.subgroup or f.subgroup == q.subgroup]
        use = generic or figs
        if not generic and q.subgroup is None:
            subtotal = sum(f.value for e, f in figs if e is event and f.key != "summary")
            if subtotal and q.compatible(subtotal * 0.98, subtotal * 1.02):
                out.append(_verdict(status="match", start=q.start, end=q.end, claim_value=q.text,
                                    store_value=f"{subtotal:,.0f} in all", strength=1.5, events=(event.id,)))
                continue
        if q.category == "sentence_years" and len(use) > 1:
            use = _whose_term(claim, q, use)
        hits = [(e, f) for e, f in use if q.compatible(*f.interval) and not _other_bound(q, f)
                and not _rounded_apart(q, f)]
        if hits:
            strength = 1.5 if q.strong and q.value >= 3 else 0.6
            if q.subgroup and not any(f.subgroup for _, f in hits):
                strength = 0.3
            out.append(_verdict(status="match", start=q.start, end=q.end, claim_value=q.text,
                                store_value=hits[0][1].human(), strength=strength, events=(hits[0][0].id,)))
        elif (_within_spread(q, use) or _rest_of_whole(claim, q, use) or _counted_otherwise(claim, q, pooled)
              or _written_by(claim, q, event) or foreign_owner(claim, q, event)):
            continue
        elif (q.strong or by_head or q.subgroup and any(f.subgroup == q.subgroup for _, f in use)
              or _verb_counts(claim, q)) and not (q.category in ("sentence_years",) and len(use) > 1):
            shown = sorted({f.human() for _, f in use})
            bound = all(f.qualifier == "min" and q.lo >= f.value or f.qualifier == "max" and q.hi <= f.value
                        for _, f in use)
            out.append(_verdict(status="conflict", start=q.start, end=q.end, claim_value=q.text,
                                store_value=", ".join(shown[:4]), events=tuple(dict.fromkeys(e.id for e, _ in use)),
                                note="bound" if bound else ""))
    out += _by_elimination(claim, event, out)
    return out + _by_summary(claim, event, out)


def _rest_of_whole(claim: Claim, q, use: list) -> bool:  # type: ignore[no-untyped-def,type-arg]
    """'Hentzau and two colleagues were detained' against the store's three detained: the figure joined to a name
    counts the group less that one, read from the parse only when the store's figure is one more."""
    from watchfloor.check.gate import among
    from watchfloor.extract.frames import joined_figures

    if not any(q.compatible(f.value - 1, f.value - 1) for _, f in use if not f.qualifier):
        return False
    return among(claim, q, joined_figures(claim.sentence.text))


def _written_by(claim: Claim, q, event: StoreEvent) -> bool:  # type: ignore[no-untyped-def]
    """The event's own summary writes this figure, counting the same thing ('ten of his followers were killed'
    against a summary's 'Hentzau and 10 followers were killed', keyed as 11 killed): the report follows its source.
    Each must fit the other, so 'up to 47 jets' is not the summary's 'up to 37'. The same thing is the same
    category, a shared word of the counted noun, or the same verb counting both ('with two defendants acquitted'
    and 'acquitted two others'). Only the event's own summary: another report on the incident may write another
    count of its own."""
    mine = stems(q.head)
    for w in event.written:
        same = (q.category is not None and w.category == q.category) or bool(mine & stems(w.head)) or (
            w.unit == q.unit and q.compatible(w.value, w.value) and _same_counting_verb(claim, q, event, w))
        apart = q.subgroup and w.subgroup and q.subgroup != w.subgroup
        fits = q.compatible(w.value, w.value) and w.compatible(q.value, q.value)
        if w.unit == q.unit and same and not apart and fits:
            return True
    return False


def _same_counting_verb(claim: Claim, q, event: StoreEvent, w) -> bool:  # type: ignore[no-untyped-def]
    """Both figures are counted by one verb ('with two defendants acquitted' and 'acquitted two others')."""
    from watchfloor.extract.counted import counting_verb

    base = claim.sentence.start
    mine = counting_verb(claim.sentence.text, q.num_start - base, q.num_end - base)
    return mine is not None and mine == counting_verb(event.summary, w.num_start, w.num_end)


def _measured(claim: Claim, q) -> str | None:  # type: ignore[no-untyped-def]
    """The noun the parse says the figure gives the value of ('a yield of 7.6%')."""
    from watchfloor.extract.counted import measured_noun

    base = claim.sentence.start
    return measured_noun(claim.sentence.text, q.start - base, q.end - base)


def _counted_otherwise(claim: Claim, q, pooled: list[StoreEvent]) -> bool:  # type: ignore[no-untyped-def]
    """A figure of who is counted ('thirteen defendants') that the parse also counts by what its verb's object names
    ('… face terrorism charges': charged), and the event holds that count: the figure agrees with one reading."""
    from watchfloor.extract.categories import NOUN_CATEGORIES
    from watchfloor.extract.counted import object_category

    if q.category not in NOUN_CATEGORIES:
        return False
    base = claim.sentence.start
    other = object_category(claim.sentence.text, q.start - base, q.end - base)
    return other is not None and any(f.category == other and f.unit == q.unit and q.compatible(*f.interval)
                                     for e in pooled for f in e.all_figures)


def _within_spread(q, use: list) -> bool:  # type: ignore[no-untyped-def,type-arg]
    """The reports on one incident disagree three ways (9, 11 and 13 followers killed): a figure between them
    stands."""
    points = sorted({f.value for _, f in use if not f.qualifier})
    return len(points) >= 3 and points[0] <= q.value <= points[-1]


def _rounded_apart(q, f) -> bool:  # type: ignore[no-untyped-def]
    """Two round figures, both approximate ('about 13,000' against the store's 'about 11,000'): each widens the
    other, so their intervals meet, yet they name different values when they differ by a whole step of the
    coarser one's rounding or more ('about 60%' is not the store's 'about 70%')."""
    if hedge_kind(q.hedge) != "approx" or f.qualifier != "approx":
        return False
    return abs(q.value - f.value) >= max(rounding_step(q.value), rounding_step(f.value))


def _other_bound(q, f) -> bool:  # type: ignore[no-untyped-def]
    """Two bounds the same way round are compared as numbers: 'up to 47 aircraft' is not the store's 'up to 37'."""
    kind = hedge_kind(q.hedge)
    same_way = kind in ("upto", "below") and f.qualifier == "max" or kind == "above" and f.qualifier == "min"
    return same_way and abs(q.value - f.value) > 0.03 * max(q.value, f.value)


def _whose_term(claim: Claim, q, use: list) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Several terms in one trial ('Zafar 30 years, Sharifov 20'): the one whose figure names the person the
    parse gives this figure to ('sentenced Suhrob Zafar, the movement's leader, to 25 years')."""
    from watchfloor.extract.holders import figure_holder

    base = claim.sentence.start
    at = figure_holder(claim.sentence.text, q.start - base, q.end - base)
    held = [m for m in claim.entities if m.kind == "person" and at is not None and m.start <= base + at < m.end]
    if not held:
        return use
    names = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", held[0].name + " " + held[0].text)}
    mine = [(e, f) for e, f in use if names & set(f.words)]
    return mine if len(mine) == 1 else use


def _verb_counts(claim: Claim, q) -> bool:  # type: ignore[no-untyped-def]
    """The parse confirms a weakly read category: the counted noun is the subject or object of a verb of that
    category ('seven men on the wanted list since 18 May had been killed')."""
    base = claim.sentence.start
    return q.category is not None and verb_category(claim.sentence.text, q.start - base, q.end - base) == q.category


def _when(claim: Claim) -> list[DateMention]:
    """The claim's calendar dates that can be when its figures happened: 'since 18 May' and 'until 22 June' bound
    something else ('seven men on the wanted list since 18 May were killed' on 31 May)."""
    return [d for d in claim.dates if not d.relative and d.relation in ("point", "range")]


def _figure_date(claim: Claim, q) -> DateMention | None:  # type: ignore[no-untyped-def]
    """The claim's date of the predicate a figure belongs to, or of the nearest predicate above it that has one:
    in 'a year later a drone killed three workers, and on 30 November gunmen shot dead two', three belongs to
    'a year later', not to 30 November."""
    from watchfloor.extract.frames import frames

    base = claim.sentence.start
    found = frames(claim.sentence.text)
    by_head = {f.head: f for f in found}
    frame = next((f for f in found for m in f.figures if m.start <= q.num_start - base < m.end), None)
    while frame is not None:
        for m in frame.dates:
            d = next((d for d in claim.dates if d.start - base < m.end and m.start < d.end - base), None)
            if d is not None and d.relation in ("point", "range"):
                return d
        frame = by_head.get(frame.parent) if frame.parent is not None else None
    return None


def _dated_finer_elsewhere(own: DateMention, told: list[DateMention],
                           windows: list[tuple[dt.date, dt.date, str]]) -> bool:
    """Another date of the sentence fits the event more finely than the figure's own date does: the sentence dates
    two events, and the figure's is the other ('a year later a drone killed three …, and on 30 November gunmen shot
    dead two' against the store's 30 November shooting). A figure whose own date the summary also gives is the
    summary's ('in 2023, when about 11,000 were expelled' in a statement made in August 2024) and stays. `windows`
    are the event's (`_event_windows`), its own date first."""
    (lo, hi, _), summary = windows[0], windows[1:]
    return (any(d is not own and _finer(d.date.precision, own.date.precision) and date_fits(d, lo, hi) for d in told)
            and not any(date_fits(own, a, b) for a, b, _ in summary))


def _nearest(dated: list[DateMention], q) -> DateMention:  # type: ignore[no-untyped-def]
    """The claim's date closest to a figure (a sentence may date several events)."""
    return min(dated, key=lambda d: min(abs(d.start - q.end), abs(q.start - d.end)))


def _by_summary(claim: Claim, event: StoreEvent, verdicts: list[Verdict]) -> list[Verdict]:
    """A figure the count keys do not name, read in the event's summary: '164 Ruritanian women and children'
    against the summary's '146 Ruritanian women and children' (the same words after the number), or the only
    share, sum or capacity of its unit on both sides ('over 64% of Bordurians' against 'over 46%')."""
    from watchfloor.check.owners import foreign_owner

    out = []
    judged = {v.start for v in verdicts}
    written = [f for f in event.all_figures if f.key == "summary"]
    dated = _when(claim)
    for q in claim.quantities:
        if q.start in judged or q.vague or q.unit not in COUNT_UNITS and not is_money(q.unit) or \
                claim.hedged_before(q.num_start):
            continue
        if dated and not fits(_nearest(dated, q), event):
            continue
        figs = [f for f in written if f.unit == q.unit]
        every = [f for f in event.all_figures if f.unit == q.unit]
        if not every or any(q.compatible(*f.interval) for f in every):
            continue
        words = stems(q.head) - {stem(w) for w in ("of", "the", "and")}
        same = [f for f in figs if words & stems(" ".join(f.words))]
        alone = len(figs) == 1 and sum(x.unit == q.unit for x in claim.quantities) == 1
        if not same and alone and q.unit not in ("count", "years", "months", "days", "age"):
            same = figs
        if not same:
            slips = [f for f in every if near_miss(q.value, f.value)]
            same = [f for f in slips if sorted(_digits(f.value)) == sorted(_digits(q.value))] or slips
        if len(same) == 1 and not foreign_owner(claim, q, event):
            out.append(_verdict(status="conflict", start=q.start, end=q.end, claim_value=q.text,
                                store_value=same[0].human(), events=(event.id,), note="summary"))
    return out


def near_miss(a: float, b: float) -> bool:
    """Two figures that differ as a slip of the pen does: the same digits in another order (146 and 164, 545
    and 455) or one digit changed (14 and 24, $545m and $645m). Only for figures of two significant digits or
    more: 30,000 and 36,000 are a rounding apart, not a slip."""
    da, db = _digits(a), _digits(b)
    if not da or not db or da == db or len(da) != len(db) or min(len(da.rstrip("0")), len(db.rstrip("0"))) < 2:
        return False
    return sorted(da) == sorted(db) or sum(x != y for x, y in zip(da, db, strict=True)) == 1


def _digits(v: float) -> str:
    if v >= 1e6:
        v = v / 1e6
    elif v >= 1e4 and v % 1000 == 0:
        v = v / 1000
    text = f"{v:.10g}"
    return "" if "e" in text else text.replace(".", "")


PAIRED_UNITS = {"sqkm", "km", "mw", "kwh", "bcm", "kv", "tonnes"}


def _by_elimination(claim: Claim, event: StoreEvent, verdicts: list[Verdict]) -> list[Verdict]:
    """Two areas (or lengths, capacities …) in the claim, two in the event: when one pair agrees, the other
    number can only be the event's other figure ('gave Graustark about 3,000 sq km of a 28,500 sq km area' against
    1,100 ceded of 28,500 disputed)."""
    out = []
    judged = {v.start for v in verdicts}
    for q in claim.quantities:
        if q.start in judged or q.vague or q.unit not in PAIRED_UNITS:
            continue
        figs = [f for f in event.figures if f.unit == q.unit]
        same = [o for o in claim.quantities if o.unit == q.unit]
        matched = [f for f in figs if any(v.status == "match" and v.start == o.start and o.compatible(*f.interval)
                                          for o in same if o is not q for v in verdicts)]
        rest = [f for f in figs if f not in matched]
        if len(same) == len(figs) >= 2 and len(rest) == 1 and not q.compatible(*rest[0].interval):
            out.append(_verdict(status="conflict", start=q.start, end=q.end, claim_value=q.text,
                                store_value=rest[0].human(), events=(event.id,)))
    return out


# ---------------------------------------------------------------- polarity

_PLAIN = {stem(w) for w in ("said", "told", "men", "people", "nation", "citizens")}
_GENERIC = _PLAIN | COUNTRY_WORDS
"""Words that tell no topic apart: a country says where a statement is, not what it is about."""


_CONTRAST = re.compile(r"(?:,|\band|\bbut)\s+not\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$", re.I)
"""'convicted over the 2022 massacre, not the 2023 shooting': a contrast picks the referent, it denies nothing."""


def compare_polarity(claim: Claim, event: StoreEvent, horizon: int | None) -> list[Verdict]:
    out = []
    text = claim.sentence.text
    base = claim.sentence.start
    for ev in claim.events:
        fam = ev.family
        if fam not in POLAR_FAMILIES | {"confirm", "deny"} or claim.hedged_before(ev.trigger.start, 40):
            continue
        if ev.negated and _CONTRAST.search(text[max(0, ev.trigger.start - base - 40):ev.trigger.start - base]):
            continue
        ctx, own = _event_words(claim, ev.trigger.start)
        want = {"confirm": "deny", "deny": "confirm"}.get(fam)
        if want:
            for a in event.assertions:
                if a.family == want and (ctx & a.context) - own - stems(a.text) - _GENERIC:
                    out.append(_verdict(status="conflict", start=ev.trigger.start, end=ev.trigger.end,
                                        claim_value=ev.trigger.text, store_value=a.text))
                    break
            continue
        cands = []
        for a in event.assertions:
            if a.family != fam:
                continue
            topic = (ctx & a.context) - own - stems(a.text) - _GENERIC
            if topic:
                cands.append((len(topic), a))
        if cands:
            same_word = [c for c in cands if stems(c[1].text) & own]
            cands = same_word or cands
            cands.sort(key=lambda x: -x[0])
            a = cands[0][1]
            status = "conflict" if a.negated != ev.negated else "match"
            if status == "conflict" and (_narrowed_apart(claim, ev.trigger.start, ev.trigger.end, a)
                                         or _denied_both(claim, ev, a) or _window_overreached(claim, ev, a)):
                continue
            out.append(_verdict(status=status, start=ev.trigger.start, end=ev.trigger.end,
                                claim_value=ev.trigger.text, store_value=a.text, note="negated" if a.negated else ""))
        elif fam in event.families and ev.negated:
            when = max((d.until or d.date).value.year for d in claim.dates) if claim.dates else horizon
            if when is None or event.date.start.year <= when:
                out.append(_verdict(status="conflict", start=ev.trigger.start, end=ev.trigger.end,
                                    claim_value=ev.trigger.text, store_value=event.type))
    return out


def _window_overreached(claim: Claim, ev, a) -> bool:  # type: ignore[no-untyped-def]
    """The word window read a negation over a word the parse puts out of its reach: a 'never' or 'not' over a
    clause of its own ('his trial never resumed and he had been released'), or a 'without' or 'declined to' over
    a word below another verb ('without defining the banned garments')."""
    from watchfloor.extract.frames import negation_reaches, stopped_before
    from watchfloor.extract.polarity import negation_spans

    if ev.negated:
        base = claim.sentence.start
        text, start, end = claim.sentence.text, ev.trigger.start - base, ev.trigger.end - base
    else:
        text, start, end = a.source, a.start, a.end
    reach = negation_reaches(text, start, end)
    if reach is not None:
        return reach is False
    covering = [n for n, s, e in negation_spans(text, 0, len(text)) if s <= start and end <= e]
    return bool(covering) and stopped_before(text, start, end, covering[-1])


def _denied_both(claim: Claim, ev, a) -> bool:  # type: ignore[no-untyped-def]
    """The word window read one side as denied and the other not, but the parse finds the other denied too ('found
    no proof that the defendants had formed a cell' and 'found no proof they had formed one')."""
    from watchfloor.extract.frames import denied_by_parse

    if ev.negated:
        return denied_by_parse(a.source, a.start, a.end)
    base = claim.sentence.start
    return denied_by_parse(claim.sentence.text, ev.trigger.start - base, ev.trigger.end - base)


@per_claim
def _event_words(claim: Claim, start: int) -> tuple[set[str], set[str]]:
    """The words around the claim's event word at `start`, and the word's own stems."""
    ev = next(e for e in claim.events if e.trigger.start == start)
    text, base = claim.sentence.text, claim.sentence.start
    return stems(text[max(0, ev.trigger.start - base - 60):ev.trigger.end - base + 60]), stems(ev.trigger.text)


def _narrowed_apart(claim: Claim, start: int, end: int, a: Assertion) -> bool:
    """Both words are narrowed, by different words: 'on immigration charges' does not deny 'without terrorism
    charges'; they are two kinds of charge."""
    from watchfloor.extract.frames import modifiers

    base = claim.sentence.start
    mine = modifiers(claim.sentence.text, start - base, end - base)
    theirs = modifiers(a.source, a.start, a.end)
    return bool(mine and theirs and not mine & theirs)


def fuzzy_human(d: FuzzyDate) -> str:
    return d.human()
