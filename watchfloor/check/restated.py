"""internal_contradiction, restated figures: the report gives one figure and later another for the same thing.

Why: reports repeat their key numbers ("eight Ruritanian nationals were
arrested" … "of the six men picked up in June"; "a 400 MW plant" … "the
300 MW Strelsau-2 plant"), and a wrong repeat is wrong whatever the store holds,
even when the store cannot be matched to the later sentence. How it decides:
two figures of one unit in different sentences, whose intervals do not meet,
that count the same thing (one category read next to both, or one counted
noun) and speak of the same occasion (a shared name, the same date, or two
other shared words near the numbers). Figures dated apart, running totals
("bringing the toll to"), increments ("three more") and shares of different
wholes are different things. The later statement is flagged, the earlier one
is `related`. Switch off with `--skip internal_contradiction`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from watchfloor.check.attributes import near_miss
from watchfloor.check.base import Check, Context
from watchfloor.check.gate import GATED
from watchfloor.check.lexical import HOME_WORDS, STOPWORDS, stem, stems
from watchfloor.check.owners import owners_differ
from watchfloor.check.report import Finding, Related
from watchfloor.extract.claims import Claim
from watchfloor.extract.dates import DateMention
from watchfloor.extract.money import is_money
from watchfloor.extract.quantities import Quantity
from watchfloor.extract.spans import Taken
from watchfloor.reference.catalogue import DEMONYMS

_UNITS = {"count", "pct", "mw", "kwh", "bcm", "sqkm", "km", "tonnes"}
_GENERIC = {stem(w) for w in " ".join([
    "people person men man women nationals citizens others times total number figure year years month",
    "months week day days new more country countries said told report reported",
    "about some nearly around roughly almost over least than just only still state official officials",
    "official's million billion bn m per cent percent share",
]).split()} | HOME_WORDS
_INCREMENT = re.compile(r"\b(?:another|more|further|additional|extra|other|new)\s*$|^\s*(?:more|others?|additional)\b",
                        re.I)
_CUMULATIVE = re.compile(r"\b(?:together\s+with|in\s+all|in\s+total|all\s+told|combined|bringing|brought|taking|took|"
                         r"raising|so\s+far|to\s+date|overall|cumulative|altogether|since|up\s+from|down\s+from|from|"
                         r"compared\s+with|against|versus|vs)\b", re.I)
_CLAUSE = ".;:()\n"
WINDOW_SENTENCES = 400
"""A figure is compared with earlier ones at most this many sentences back (about 8,000 words) ..."""
WINDOW_FIGURES = 200
"""... and with at most this many of them of its unit: a restatement further away is not looked for."""
_STOP = {stem(w) for w in STOPWORDS}
_PEOPLE = {"people", "persons", "men", "women", "nationals", "citizens", "suspects", "detainees", "individuals",
           "migrants", "foreigners", "militants", "fighters"} | {
    w.casefold() for ws in DEMONYMS.values() for w in ws}
_DEFINITE = re.compile(r"\b(?:the|these|those|its|their|all|both)\s+(?:(?!of\b)[\w'’-]+\s+|(?:figure|total|number|toll|"
                       r"count|sum|tally|estimate)\s+of\s+){0,2}(?:(?:about|around|roughly|some|nearly|almost|over|"
                       r"more\s+than)\s+)?$|['’]s\s+$", re.I)
"""'the six men', 'of the roughly $4.8bn', 'the RPP's 57.9%': a figure that points back to one given before."""


@dataclass
class _Figure:
    claim: Claim
    q: Quantity
    nouns: set[str]
    words: set[str]
    anchors: set[str]
    definite: bool
    people: bool
    """It counts people ('eight Ruritanians', 'six men', 'nine foreigners arrested')."""
    when: DateMention | None
    """The claim's date nearest to the figure."""


class RestatedFigure(Check):
    """The same figure given twice with two values."""

    kind = "internal_contradiction"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        stops = [i for i, ch in enumerate(ctx.text) if ch in _CLAUSE]
        figures = [f for m in ctx.matches if not m.claim.heading for f in _figures(ctx, m.claim, stops)]
        stored = Taken((f.start, f.end) for f in ctx.findings if f.kind in GATED and f.severity == "error")
        out: list[Finding] = []
        flagged: set[int] = set()
        earlier: dict[str, tuple[list[_Figure], list[int]]] = {}
        """Figures seen so far by unit, in report order, and their sentences: two units are never one figure."""
        for b in figures:
            same_unit, sentences = earlier.setdefault(b.q.unit, ([], []))
            sentence = b.claim.sentence.index
            if b.q.start not in flagged:
                for a in _window(same_unit, sentences, sentence):
                    if _same_thing(a, b) and _same_occasion(a, b):
                        flagged.add(b.q.start)
                        out.append(self._flag(ctx, a, b, stored.overlaps(a.q.start, a.q.end)))
                        break
            same_unit.append(b)
            sentences.append(sentence)
        return out

    def _flag(self, ctx: Context, a: _Figure, b: _Figure, stored: bool) -> Finding:
        first, later = (b, a) if stored else (a, b)
        f = self.finding(ctx, later.q.start, later.q.end,
                         f"The report gives '{later.q.text}' here but '{first.q.text}' earlier for what reads as the "
                         f"same figure.", claim=later.claim)
        f.related = [Related(first.q.start, first.q.end, first.q.text)]
        f.why = "same unit, same thing counted, same occasion: " + ", ".join(sorted(_shared(a, b))[:4])
        return f


def _window(same_unit: list[_Figure], sentences: list[int], sentence: int) -> list[_Figure]:
    """The earlier figures a figure in `sentence` is compared with, earliest first: those in other sentences
    at most WINDOW_SENTENCES back, the nearest WINDOW_FIGURES of them (`sentences` holds each one's sentence,
    in order). Bounded so that a long report costs time in proportion to its length, not to its square."""
    end = bisect.bisect_left(sentences, sentence)
    start = max(end - WINDOW_FIGURES, bisect.bisect_left(sentences, sentence - WINDOW_SENTENCES))
    return same_unit[start:end]


def _figures(ctx: Context, c: Claim, stops: list[int]) -> list[_Figure]:
    out = []
    for q in c.quantities:
        if q.vague or q.unit not in _UNITS and not is_money(q.unit) or c.hedged_before(q.num_start, 50):
            continue
        s, e = _clause(stops, q, c)
        before, after = _ends(ctx.text, s, q.start), ctx.text[q.end:min(e, q.end + _REACH)]
        if _INCREMENT.search(before) or _INCREMENT.match(after) or _CUMULATIVE.search(before[-40:] + " " + after[:25]):
            continue
        head = re.findall(r"[\w-]+", q.head.lower())[:3]
        nouns = {stem(w) for w in head if w.isalpha() and len(w) >= 3} - _GENERIC - _STOP
        nouns |= {w for w in head if any(ch.isdigit() for ch in w)}
        words = stems(ctx.text[max(s, q.start - 70):min(e, q.end + 70)]) - stems(q.text) - _GENERIC
        anchors = {m.entity_id for m in c.all_entities if m.kind not in ("country",) and not m.demonym}
        last = q.head.lower().split()[-1] if q.head.strip() else ""
        people = last in _PEOPLE or bool(q.category and q.strong and q.category not in ("defendants",))
        dated = [d for d in c.dates if not d.relative or d.inferred_year]
        when = min(dated, key=lambda d: min(abs(d.start - q.end), abs(q.start - d.end))) if dated else None
        out.append(_Figure(c, q, nouns, words, anchors, bool(_DEFINITE.search(before[-45:])), people, when))
    return out


_REACH = 200


def _ends(text: str, s: int, e: int) -> str:
    """text[s:e], or for a long clause its first and last _REACH characters with a NUL between: all the
    patterns read of it (its head, its last words), without copying a whole long clause for every figure."""
    if e - s <= 2 * _REACH:
        return text[s:e]
    return text[s:s + _REACH] + "\0" + text[e - _REACH:e]


def _clause(stops: list[int], q: Quantity, c: Claim) -> tuple[int, int]:
    """The clause around a figure: from just after the last of `_CLAUSE` before it to the first after it, inside
    its sentence. `stops` are the positions of those characters in the text, so this is a look-up, not a walk."""
    i = bisect.bisect_left(stops, q.start)
    s = max(c.sentence.start, stops[i - 1] + 1) if i else c.sentence.start
    s = min(s, q.start)
    j = bisect.bisect_left(stops, q.end)
    e = min(c.sentence.end, stops[j]) if j < len(stops) else c.sentence.end
    e = max(e, q.end)
    return s, e


def _same_thing(a: _Figure, b: _Figure) -> bool:
    return _alike(a, b) and not owners_differ(a.claim, a.q, b.claim, b.q)


def _alike(a: _Figure, b: _Figure) -> bool:
    qa, qb = a.q, b.q
    if qa.unit != qb.unit or qa.compatible(qb.lo, qb.hi) or _models_differ(a, b):
        return False
    if qa.unit == "pct" and stems(qa.of) != stems(qb.of):
        return False
    if qa.subgroup and qb.subgroup and qa.subgroup != qb.subgroup:
        return False
    if _slip(a, b) and len(a.words & b.words) >= (1 if qa.unit == "pct" else 2):
        return True
    if qa.unit == "count":
        if qa.category and qb.category and qa.category != qb.category and qa.strong and qb.strong:
            return False
        people = a.people and b.people and b.definite
        return bool(qa.category and qa.category == qb.category and qa.strong and qb.strong
                    or a.nouns & b.nouns or people)
    return bool(a.nouns & b.nouns) or b.definite and len(a.words & b.words) >= 2


def _slip(a: _Figure, b: _Figure) -> bool:
    """The digits of one figure slipped in the other ('45.3%' and '54.3%'); small counts are too often alike."""
    return near_miss(a.q.value, b.q.value) and (a.q.unit != "count" or min(a.q.value, b.q.value) >= 100)


def _models_differ(a: _Figure, b: _Figure) -> bool:
    """'ten T-72B1 tanks' and '30 T-72B3M tanks' count two different things."""
    ma, mb = ({w for w in f.nouns if any(ch.isdigit() for ch in w)} for f in (a, b))
    return bool(ma and mb and ma != mb)


def _same_occasion(a: _Figure, b: _Figure) -> bool:
    """A later figure that points back ('the six men', 'of the roughly $4.8bn') needs one more tie to the earlier
    one; a slip of the pen (45.3% and 54.3%) needs a shared name or word; any other needs the same date and a
    shared name or two shared words, or with one side undated three shared words."""
    dated_alike = bool(a.when and b.when and _overlap(a.when.window(), b.when.window()))
    if a.when and b.when and not dated_alike:
        return False
    words = (a.words & b.words) - a.nouns
    if b.definite:
        return bool(a.anchors & b.anchors or dated_alike or len(words) >= 2)
    if _slip(a, b):
        return bool(a.anchors & b.anchors or words)
    if not (a.when and b.when):
        return len(words) >= 3
    return dated_alike and bool(a.anchors & b.anchors or len(words) >= 2)


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _shared(a: _Figure, b: _Figure) -> set[str]:
    return (a.anchors & b.anchors) | (a.words & b.words)
