"""Changes: a figure said to have risen or fallen, against the store's account of the same change.

Why: "debt rose by $87m" and "debt fell by $87m" share every number; only the
direction differs, so neither the number check nor the event words see it.
And "remittances jumped 63%" against the store's "jumped 83%" is a wrong
figure although neither side names what the percentage counts: the change
word ties the two numbers together. How it decides: a number right after a
word of rising or falling ("rose by", "down", "jumped") is a change; the same
figure with the opposite direction in the matched event's summary is a
contradiction (and the shared figure helps identify the event), and a
different figure of the same unit after a word of the same direction is a
wrong number, when the event has only one such change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from watchfloor.check.fingerprint import distinctive
from watchfloor.extract.money import is_money
from watchfloor.extract.quantities import Quantity, find_quantities

if TYPE_CHECKING:
    from watchfloor.check.evidence import StoreEvent
    from watchfloor.check.match import Verdict
    from watchfloor.extract.claims import Claim

_UP = (r"rose|risen|rise|rises|rising|jump(?:ed|s|ing)?|gr[eo]wn?|grows|growing|increas(?:e|ed|es|ing)|"
       r"climb(?:ed|s|ing)?|surg(?:ed|es|ing)|soar(?:ed|s|ing)?|up|higher|added|gain(?:ed|s)?|swell(?:ed)?")
_DOWN = (r"fell|fall(?:en|s|ing)?|drop(?:ped|s|ping)?|declin(?:ed|es|ing)|dip(?:ped|s)?|down|shr[aiu]nk|shrinks?|"
         r"decreas(?:ed|es|ing)|slid|slump(?:ed|s)?|lower|lost|cut|contract(?:ed|s)?|plung(?:ed|es)")
_CHANGE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+(?:by\s+)?(?:(?:some|about|around|nearly|almost|"
                     r"roughly|over|more\s+than|just\s+over|just\s+under|an\s+estimated)\s+)?$", re.I)
_COMPARED = re.compile(r"\s+(?:(?P<more>more\s+than|higher\s+than|above|up\s+on|up\s+from|increase|rise|jump|gain)|"
                       r"(?P<less>less\s+than|lower\s+than|fewer\s+than|below|down\s+on|down\s+from|decrease|drop|"
                       r"fall|decline))\b", re.I)
_CHANGE_WORD = re.compile(rf"\b(?:{_UP}|{_DOWN}|more\s+than|less\s+than|fewer\s+than|below|above|increase|decrease)\b",
                          re.I)
_UNITS = {"pct", "count", "mw", "kwh", "bcm", "tonnes"}


@dataclass(frozen=True)
class Change:
    start: int
    """Where the change word starts."""
    word: str
    direction: int
    """+1 risen, -1 fallen."""
    quantity: Quantity


def find_changes(text: str, quantities: list[Quantity], offset: int = 0) -> list[Change]:
    """Quantities preceded by a word of rising or falling ('rose by $87m'), or followed by one of comparison ('$80m
    more than a year earlier', '$80m below'); `offset` is where `text` starts in the document."""
    out = []
    for q in quantities:
        if q.vague or q.unit not in _UNITS and not is_money(q.unit):
            continue
        head = text[max(0, q.start - offset - 40):q.start - offset]
        m = _CHANGE.search(head)
        if m:
            start = q.start - len(head) + m.start()
            out.append(Change(start, m.group(0).strip(), 1 if m.group("up") else -1, q))
            continue
        after = _COMPARED.match(text, q.end - offset)
        if after:
            out.append(Change(q.start, after.group(0).strip(), 1 if after.group("more") else -1, q))
    return out


def says_change(text: str) -> bool:
    """The text has a word of rising, falling or comparison."""
    return _CHANGE_WORD.search(text) is not None


def direction(text: str, at: int) -> tuple[int, str] | None:
    """+1 or -1 and the word, when the word at `at` is one of rising or falling ('jumped', 'fell'); else None."""
    words = text[at:at + 30].split(maxsplit=1)
    word = words[0].strip(".,;:") if words else ""
    m = _CHANGE.search(word + " ") if word else None
    if m is None or m.start() != 0:
        return None
    return (1 if m.group("up") else -1), word


def claim_changes(claim: Claim) -> list[Change]:
    """The claim's changes, differences included ('rose by $87m'); read once per claim."""
    sentence = claim.sentence
    deltas: list[Quantity] = []
    if _CHANGE_WORD.search(claim.text):
        find_quantities(sentence.text, 0, len(sentence.text), [(d.start - sentence.start, d.end - sentence.start)
                                                               for d in claim.dates], deltas)
    deltas = [replace(q, start=q.start + sentence.start, end=q.end + sentence.start) for q in deltas
              if claim.start <= q.start + sentence.start < claim.end]
    return find_changes(sentence.text, claim.quantities + deltas, sentence.start)


def summary_changes(summary: str, skip: list[tuple[int, int]]) -> list[Change]:
    """A store summary's changes, levels and differences both (cached per event as `StoreEvent.changes`)."""
    deltas: list[Quantity] = []
    levels = find_quantities(summary, 0, len(summary), skip, deltas)
    return find_changes(summary, deltas + levels)


def compare_changes(mine: list[Change], event: StoreEvent) -> tuple[list[Verdict], list[Verdict]]:
    """(number verdicts, direction verdicts) for the claim's changes against the event summary's."""
    from watchfloor.check.match import Verdict

    if not mine:
        return [], []
    theirs = event.changes
    numbers: list[Verdict] = []
    directions: list[Verdict] = []
    for c in mine:
        q = c.quantity
        same_unit = [t for t in theirs if t.quantity.unit == q.unit]
        if not same_unit:
            continue
        equal = [t for t in same_unit if q.compatible(t.quantity.lo, t.quantity.hi)]
        if equal:
            t = equal[0]
            if distinctive(q.value, q.unit):
                numbers.append(Verdict(status="match", start=q.start, end=q.end, claim_value=q.text,
                                       store_value=t.quantity.text, strength=1.5, events=(event.id,)))
            directions.append(Verdict(status="match" if t.direction == c.direction else "conflict", start=c.start,
                                      end=q.end, claim_value=f"{c.word} {q.text}",
                                      store_value=f"{t.word} {t.quantity.text}", events=(event.id,)))
            continue
        figures = [f for f in event.all_figures if f.unit == q.unit and q.compatible(*f.interval)]
        if len(same_unit) == 1 and same_unit[0].direction == c.direction and not figures:
            t = same_unit[0]
            numbers.append(Verdict(status="conflict", start=q.start, end=q.end, claim_value=q.text,
                                   store_value=t.quantity.text, events=(event.id,), note="change"))
    return numbers, directions
