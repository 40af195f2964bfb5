"""The precision gate: a disagreement with the store is an error only on strong evidence, else a warning.

Why: severity `error` must mean "wrong". On reports nobody tuned the checker to,
most false errors came from weak identity, not from wrong figures: a date worked
out from "four days later" (its anchor may be wrong), a store figure that is only
a lower bound ("at least 10"), a number that is one part of a list ("one … three
others … two"), a figure borrowed from another clause ("$3.2bn of it external"),
a count with no noun of its own ("deaths … to five"). Each check asks `weak_*` here; a reason makes the
finding a warning of the same kind whose message says the store has a different
figure or date for what may be the same event. Its claim is then "unverifiable".
"""

from __future__ import annotations

import re

from watchfloor.check.report import Finding
from watchfloor.extract.claims import Claim
from watchfloor.extract.quantities import Quantity

GATED = ("wrong_date", "wrong_number", "wrong_actor", "contradicted", "internal_contradiction")
"""Kinds whose findings compare the report with the store (or with itself) and so can be demoted."""

RUNNING_TOTAL = re.compile(r"\b(?:together\s+with|combined|bringing|brought|taking|raising|so\s+far|to\s+date|"
                           r"cumulative|within\s+a\s+(?:single\s+)?(?:week|month)|that\s+(?:week|month|year))\b", re.I)
"""'Together with the strike four days earlier', 'within a week': a count that sums several events."""

_WHAT = {"wrong_date": "a different date", "wrong_number": "a different figure",
         "internal_contradiction": "two different figures"}
_CLAUSE_STOP = ".;:,()\n\u2013\u2014"


def demote(f: Finding, reason: str) -> Finding:
    """Make a finding a warning: the store (or the report) has another value for what may be the same event."""
    what = _WHAT.get(f.kind, "a different account")
    where = "the report has" if f.kind == "internal_contradiction" else "the store has"
    f.severity = "warning"
    f.message = f"Possibly wrong: {where} {what} for what may be the same event ({reason}). {f.message}"
    f.why = f"{f.why}; weak match: {reason}" if f.why else f"weak match: {reason}"
    return f


def gate(f: Finding, reason: str | None) -> Finding:
    return demote(f, reason) if reason else f


def weak_date(claim: Claim, start: int) -> str | None:
    """A date is weak evidence when it was worked out from a relative expression (its anchor may be wrong), or
    when it says since when a state has held ('under construction since 2017'): that bounds the state's start,
    which accounts round, and an event of the store may be one step of it rather than its beginning. A day or
    month written without its year ('on 15 October') is not weak: it is compared in the event's own year."""
    mention = next((d for d in claim.dates if d.start <= start < d.end or d.start == start), None)
    if mention is not None and mention.relative and not mention.inferred_year:
        return f"'{mention.text}' was dated from an earlier date in the report"
    if mention is not None and mention.relation == "since":
        return f"'{mention.text}' says since when something has held, not when an event happened"
    return None


def weak_count(claim: Claim, start: int, note: str, siblings: list[Quantity]) -> str | None:
    """A count is weak evidence when the store gives only a bound it respects, or it may be one part of a list
    (a neighbour counting something else, 'killing four and wounding one', 'two officers and six of the intruders',
    is no list)."""
    if note == "bound":
        return "the store gives only a bound, which this figure respects"
    q = next((x for x in claim.quantities if x.start == start), None)
    if q is None or q.unit != "count":
        return None
    text = claim.sentence.text
    s, e = q.start - claim.sentence.start, q.end - claim.sentence.start
    lo = max(0, s - 90)
    if any(_sums(text, lo + m.start(), s, e) for m in RUNNING_TOTAL.finditer(text[lo:e + 60])):
        return "it may be a running total of several events"
    if rest_of_group(claim, q):
        return "it counts the rest of a group named before, a part of the whole"
    others = [x for x in siblings if x is not q and x.unit == "count" and not x.vague
              and not (q.strong and x.category and q.category and x.category != q.category)
              and not (q.subgroup and x.subgroup and x.subgroup != q.subgroup)]
    near = [x for x in others if abs(x.start - q.end) < 60 or abs(q.start - x.end) < 60]
    if near and not all(_points_back(claim, x) for x in near):
        return "it may be one part of a list of counts"
    return None


def _sums(text: str, at: int, start: int, end: int) -> bool:
    """The running-total words at `at` bear on the figure at text[start:end]: a verb among them must govern it
    ('bringing the toll to six'), not stand in a clause of its own ('with Ruritanian officers taking part, detained
    fourteen residents'); other such words ('so far', 'that week') are read where they stand."""
    from watchfloor.extract.frames import governs, parsed, token_at

    doc = parsed(text)
    word, figure = token_at(doc, at), token_at(doc, start)
    if word is None or figure is None or word.pos_ != "VERB":
        return True
    return governs(word, figure)


def rest_of_group(claim: Claim, q: Quantity) -> bool:
    """'The other two cyclists killed in the attack': the parse marks a figure for the rest of a group."""
    from watchfloor.extract.frames import remainder_figures

    return among(claim, q, remainder_figures(claim.sentence.text))


def _points_back(claim: Claim, x: Quantity) -> bool:
    """'The two sides signed 17 agreements': a figure with a definite determiner names a group already met."""
    from watchfloor.extract.frames import definite_figures

    return among(claim, x, definite_figures(claim.sentence.text))


def among(claim: Claim, q: Quantity, spans: list[tuple[int, int]]) -> bool:
    """The quantity overlaps one of these spans of its sentence's text."""
    base = claim.sentence.start
    return any(a < q.end - base and q.start - base < b for a, b in spans)


def weak_measure(text: str, q: Quantity, words: re.Pattern[str]) -> str | None:
    """A figure over time is weak evidence when its own clause does not name the measure (it may be a part of it)."""
    s = q.start
    while s > 0 and text[s - 1] not in _CLAUSE_STOP:
        s -= 1
    e = q.end
    while e < len(text) and text[e] not in _CLAUSE_STOP:
        e += 1
    if words.search(text[s:e]):
        return None
    return "the figure's own clause does not name the measure"


def weak_counts(a: Quantity, b: Quantity) -> str | None:
    """Two counts are weak evidence of a contradiction unless both name what they count."""
    if not a.head.strip() or not b.head.strip():
        return "one of the counts names nothing it counts"
    return None
