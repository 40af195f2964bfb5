"""internal_contradiction: the report says two incompatible things about one event.

Why: a report that gives one event two dates, two counts ("eight men" …
"all six detainees") or both polarities ("on terrorism charges" … "none has
been charged") is wrong somewhere whatever the store holds. How it decides:
two statements are about the same event when the store identifies the same
event for both, when they share a distinctive name and an event family, or
when the second points back to the first ("the detainees", "the men"). The
statement the store disagrees with is flagged (with the store's evidence);
without store evidence the later one is, with the earlier as `related`.
Switch off with `--skip internal_contradiction`.
"""

from __future__ import annotations

import re

from watchfloor.check.attributes import date_fits, own_date
from watchfloor.check.base import Check, Context, dated_elsewhere
from watchfloor.check.gate import RUNNING_TOTAL, gate, rest_of_group, weak_counts
from watchfloor.check.lexical import COUNTRY_WORDS, stems
from watchfloor.check.match import Comparison
from watchfloor.check.owners import owners_differ
from watchfloor.check.report import Finding, Related
from watchfloor.extract.claims import Claim
from watchfloor.extract.dates import DateMention
from watchfloor.extract.entities import EntityMention
from watchfloor.extract.events import SINGLETON_FAMILIES, WEAK_FAMILIES
from watchfloor.extract.quantities import Quantity

ATTRIBUTES = ("date", "numbers", "polarity")
WINDOW_SENTENCES = 400
"""Statements more than this many sentences apart (about 8,000 words) are not compared: a bound, so that a
long report costs time in proportion to its length."""
_GENERIC = {"nation", "men", "people", "report", "recent"} | COUNTRY_WORDS
_DEFINITE = re.compile(r"\b(?:the|all|both|these|those|its|their)\s+(?:\w+\s+){0,2}$", re.I)


class InternalContradiction(Check):
    """Two statements of the report that cannot both be true."""

    kind = "internal_contradiction"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out: list[Finding] = []
        claims = [m.claim for m in ctx.matches]
        self._first: dict[tuple[int, str], list[Comparison]] = {}
        self._strong = {c.index: c.strong_families for c in claims}
        self._seen: dict[int, Claim] = {}
        self._by_key: dict[tuple[object, ...], list[int]] = {}
        self._errors: dict[str | None, list[Finding]] = {}
        for f in ctx.findings:
            if f.severity == "error":
                self._errors.setdefault(f.claim_id, []).append(f)
        for b in claims:
            for a in self._pairs(ctx, b):
                for attr in ATTRIBUTES:
                    event = self._same_event(ctx, a, b, attr)
                    if event is None:
                        continue
                    out += self._compare(ctx, a, b, attr, event)
            self._remember(ctx, b)
        return self._dedupe(out)

    # ------------------------------------------------------------ which pairs

    def _pairs(self, ctx: Context, b: Claim) -> list[Claim]:
        """The earlier claims `_same_event` can pair with b, in report order: those sharing b's first identified
        store event (for some attribute), one of its distinctive names or a singleton family, or linked to it
        as antecedent, in another sentence at most WINDOW_SENTENCES back. Every other pair gets None for every
        attribute, so looking them up, not trying all pairs, keeps the check linear in the report's length."""
        found: set[int] = set()
        for attr in ATTRIBUTES:
            ib = self._identified(ctx, b, attr)
            if ib:
                found.update(self._by_key.get(("event", attr, ib[0].event.id), ()))
        for m in b.entities:
            found.update(self._by_key.get(("anchor", m.entity_id), ()))
        for fam in self._strong[b.index] & SINGLETON_FAMILIES:
            found.update(self._by_key.get(("singleton", fam), ()))
        found.update(self._by_key.get(("antecedent", b.index), ()))
        if b.antecedent is not None:
            found.add(b.antecedent)
        lowest = b.sentence.index - WINDOW_SENTENCES
        picked = (self._seen[i] for i in sorted(found) if i in self._seen)
        return [a for a in picked if lowest <= a.sentence.index != b.sentence.index]

    def _remember(self, ctx: Context, a: Claim) -> None:
        """File claim a under the keys a later claim can find it by (see _pairs)."""
        self._seen[a.index] = a
        keys: list[tuple[object, ...]] = []
        for attr in ATTRIBUTES:
            ia = self._identified(ctx, a, attr)
            if ia:
                keys.append(("event", attr, ia[0].event.id))
        keys += [("anchor", m.entity_id) for m in _anchors(a)]
        keys += [("singleton", fam) for fam in self._strong[a.index] & SINGLETON_FAMILIES]
        if a.antecedent is not None:
            keys.append(("antecedent", a.antecedent))
        for key in keys:
            self._by_key.setdefault(key, []).append(a.index)

    def _identified(self, ctx: Context, c: Claim, attr: str) -> list[Comparison]:
        """The claim's first identified store event judged without `attr`, once per claim and attribute."""
        key = (c.index, attr)
        if key not in self._first:
            self._first[key] = ctx.match(c).identified(attr)[:1]
        return self._first[key]

    # ------------------------------------------------------------ same event?

    def _same_event(self, ctx: Context, a: Claim, b: Claim, attr: str) -> str | None:
        """A key for the event both statements are about, or None."""
        fa, fb = self._strong[a.index], self._strong[b.index]
        if not (fa & fb):
            # "the trial of 19 people" … "13 of the 17 defendants … facing charges": other words, one event
            if attr != "numbers" or not (a.quantities and b.quantities):
                return None
            ia = self._identified(ctx, a, attr)
            ib = self._identified(ctx, b, attr)
            if ia and ib and ia[0].event.id == ib[0].event.id and all(
                    c.anchor_score >= 1.2 or c.lexical >= 0.3 or c.focus for c in (ia[0], ib[0])):
                return ia[0].event.id
            return None
        ia = self._identified(ctx, a, attr)
        ib = self._identified(ctx, b, attr)
        if ia and ib:
            same = ia[0].event.id == ib[0].event.id
            firm = all(c.anchor_score >= 1.2 or c.lexical >= 0.3 or c.focus for c in (ia[0], ib[0]))
            return ia[0].event.id if same and (firm or attr != "date") else None
        shared = {m.entity_id for m in _anchors(a)} & {m.entity_id for m in b.entities}
        if shared and (fa & fb) - WEAK_FAMILIES:
            return "anchor:" + sorted(shared)[0]
        if (fa & fb & SINGLETON_FAMILIES) and _countries(a) & _countries(b):
            return "singleton"
        if (b.antecedent == a.index or a.antecedent == b.index) and attr != "date":
            return "antecedent"
        return None

    # ------------------------------------------------------------ compare

    def _compare(self, ctx: Context, a: Claim, b: Claim, attr: str, key: str) -> list[Finding]:
        if attr == "date":
            da, db = _single_date(a), _single_date(b)
            if a.modality == "hedged" and da and a.hedged_before(da.start) or (
                    b.modality == "hedged" and db and b.hedged_before(db.start)):
                return []
            if key in ctx.evidence.events and _both_fit(ctx, a, b, key):
                return []
            if da and db and not _dates_agree(da, db):
                if key in ctx.evidence.events and any(_own_date_elsewhere(ctx, c, key) for c in (a, b)):
                    return []
                return [self._flag(ctx, a, b, (da.start, da.end), (db.start, db.end), key,
                                   f"The report dates this event both {da.human()} and {db.human()}")]
            return []
        if attr == "numbers":
            if _different_times(a, b):
                return []
            out = []
            for qb in b.quantities:
                for qa in a.quantities:
                    if _same_count(qa, qb) and not qa.compatible(qb.lo, qb.hi) and not owners_differ(a, qa, b, qb) \
                            and not rest_of_group(a, qa) and not rest_of_group(b, qb) and not (
                            _cumulative(ctx, a, qa) or _cumulative(ctx, b, qb)) and (
                            key != "antecedent" or _definite(ctx, qb) or _definite(ctx, qa)):
                        out.append(gate(self._flag(ctx, a, b, (qa.start, qa.end), (qb.start, qb.end), key,
                                                   f"The report gives two different counts for one event: "
                                                   f"'{qa.text}' and '{qb.text}'"), weak_counts(qa, qb)))
            return out[:1]
        out = []
        for eb in b.events:
            for ea in a.events:
                if ea.family != eb.family or ea.negated == eb.negated or ea.family in WEAK_FAMILIES:
                    continue
                if a.hedged_before(ea.trigger.start, 40) or b.hedged_before(eb.trigger.start, 40):
                    continue
                ta = _topic(ctx, a, ea.trigger.start, ea.trigger.end)
                tb = _topic(ctx, b, eb.trigger.start, eb.trigger.end)
                if not (ta & tb):
                    continue
                sa, sb = _phrase(ctx, a, ea.trigger.start, ea.trigger.end), _phrase(ctx, b, eb.trigger.start,
                                                                                  eb.trigger.end)
                return [self._flag(ctx, a, b, sa, sb, key, f"The report says both '{ctx.quote(*sa)}' and "
                                                           f"'{ctx.quote(*sb)}' about the same event")]
        return out

    def _flag(self, ctx: Context, a: Claim, b: Claim, span_a: tuple[int, int], span_b: tuple[int, int], key: str,
              message: str) -> Finding:
        """Flag the statement the store disagrees with, else the later one."""
        wrong_a = any(f.start < span_a[1] and span_a[0] < f.end for f in self._errors.get(a.id, ()))
        wrong_b = any(f.start < span_b[1] and span_b[0] < f.end for f in self._errors.get(b.id, ()))
        flag, other, claim = (span_a, span_b, a) if wrong_a and not wrong_b else (span_b, span_a, b)
        evidence = []
        if key in ctx.evidence.events:
            evidence = [ctx.book.event(ctx.evidence.events[key])]
        f = self.finding(ctx, flag[0], flag[1], message + ".", claim=claim, evidence=evidence)
        f.related = [Related(other[0], other[1], ctx.quote(*other))]
        return f

    @staticmethod
    def _dedupe(findings: list[Finding]) -> list[Finding]:
        seen: set[tuple[int, int]] = set()
        out = []
        for f in findings:
            if (f.start, f.end) in seen:
                continue
            seen.add((f.start, f.end))
            out.append(f)
        return out


def _anchors(c: Claim) -> list[EntityMention]:
    """The claim's names distinctive enough to tie two statements to one event."""
    return [m for m in c.entities if m.kind in ("facility", "person", "armed_group") or
            m.kind == "place" and m.lat is not None]


def _both_fit(ctx: Context, a: Claim, b: Claim, event_id: str) -> bool:
    """Both dates fit the store event (it has several dates: signed in 1992, member since 2002)."""
    fits = []
    for c in (a, b):
        comp = next((x for x in ctx.match(c).comparisons if x.event.id == event_id), None)
        fits.append(comp is not None and comp.date.status == "match")
    return all(fits)


def _own_date_elsewhere(ctx: Context, c: Claim, event_id: str) -> bool:
    """The statement's own date belongs to another store event worded like it (see base.dated_elsewhere)."""
    d = _single_date(c)
    best = next((x for x in ctx.match(c).comparisons if x.event.id == event_id), None)
    return d is not None and best is not None and dated_elsewhere(ctx, c, d, best) is not None


def _countries(c: Claim) -> set[str]:
    return {m.country for m in c.all_entities if m.country}


def _different_times(a: Claim, b: Claim) -> bool:
    """Two counts dated apart belong to two events (clashes in 2021 and again in 2022), whatever else they share."""
    da = [d for d in a.dates if not d.relative] or [d for d in a.context_dates if not d.relative][:1]
    db = [d for d in b.dates if not d.relative] or [d for d in b.context_dates if not d.relative][:1]
    if not da or not db:
        return False
    return not any(_dates_agree(x, y) or _dates_agree(y, x) for x in da for y in db)


def _single_date(c: Claim) -> DateMention | None:
    dated = [d for d in c.dates if not d.relative and d.relation == "point"]
    if len(dated) == 1 and len([d for d in c.dates if not d.relative]) == 1 and own_date(c, dated[0]):
        return dated[0]
    return None


def _dates_agree(a: DateMention, b: DateMention) -> bool:
    lo, hi = b.window()
    return date_fits(a, lo, hi)


def _same_count(a: Quantity, b: Quantity) -> bool:
    return (a.unit == b.unit == "count" and a.category is not None and a.category == b.category and a.strong
            and b.strong and (a.subgroup == b.subgroup or not a.subgroup or not b.subgroup) and not a.vague
            and not b.vague)



def _cumulative(ctx: Context, c: Claim, q: Quantity) -> bool:
    """A running total ('together with the strike four days earlier, this left five dead') sums several events;
    it is no count of the one event."""
    return bool(RUNNING_TOTAL.search(ctx.text[max(c.sentence.start, q.start - 90):min(c.sentence.end, q.end + 60)]))


def _definite(ctx: Context, q: Quantity) -> bool:
    return bool(_DEFINITE.search(ctx.text[max(0, q.start - 20):q.start]))


def _topic(ctx: Context, c: Claim, start: int, end: int) -> set[str]:
    window = ctx.text[max(c.start, start - 60):min(c.end, end + 60)]
    return stems(window) - stems(ctx.text[start:end]) - _GENERIC


def _phrase(ctx: Context, c: Claim, start: int, end: int) -> tuple[int, int]:
    from watchfloor.check.contradicted import Contradicted

    return Contradicted._span(ctx, c, start, end)
