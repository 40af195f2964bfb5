"""Figures aligned through the parse: the claim's and the summary's figure in the same place of the same predicate.

Why: 'lowered the minimum age to 35' against the store's 'lowered the minimum age for president to 30' names no
category a count key could hold, and 'poverty eased to 15.9% from 19.1%' against 'rose to 19.1% from 15.9%'
shares both figures. Read through the parse, each figure hangs on its predicate by a preposition ('to', 'from'):
one predicate about the same thing (a word of its subject or object in common) with a different figure in the
same place is a wrong figure, and the same two figures in each other's places are a change told the wrong way
round, whatever the verbs are. Dates are aligned the same way: 'a $189.5m IMF loan in March' against the summary's
'a $189.5m IMF loan in May' dates one loan twice, whatever date the rest of the sentence gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor.check.lexical import stems

if TYPE_CHECKING:
    from watchfloor.check.evidence import StoreEvent
    from watchfloor.check.match import Verdict
    from watchfloor.extract.claims import Claim
    from watchfloor.extract.dates import DateMention
    from watchfloor.extract.frames import Frame
    from watchfloor.extract.quantities import Quantity

Placed = dict[str, "Quantity"]
"""A frame's figures by the preposition they hang on."""


def aligned_figures(claim: Claim, event: StoreEvent) -> tuple[list[Verdict], list[Verdict]]:
    """(number verdicts, direction verdicts) for the claim's figures set against the summary's in the same places."""
    mine_q = [q for q in claim.quantities if not q.vague]
    theirs_q = [q for q in event.written if not q.vague]
    if not _worth_parsing(mine_q, theirs_q) and not _moved(claim, mine_q, theirs_q):
        return [], []
    from watchfloor.check.match import Verdict
    from watchfloor.extract.frames import frames

    base = claim.sentence.start
    numbers: list[Verdict] = []
    directions: list[Verdict] = []
    theirs = [(g, _placed(g, theirs_q, 0)) for g in frames(event.summary)]
    for f in frames(claim.sentence.text):
        mine = _placed(f, mine_q, base)
        if not mine:
            continue
        about = _about(f)
        for g, placed in theirs:
            if not placed or not about & _about(g):
                continue
            directions += _opposed(f, g, mine, placed, claim, event)
            swapped = _swapped(mine, placed)
            if swapped is not None:
                q, r, told = swapped
                start, end = min(f.head + base, q.start, r.start), max(q.end, r.end)
                directions.append(Verdict(status="conflict", start=start, end=end,
                                          claim_value=claim.sentence.text[start - base:end - base],
                                          store_value=_told(told), events=(event.id,), note="swapped"))
            elif g.lemma == f.lemma:
                numbers += [_verdict(q, {role: placed[role]}, event)
                            for role, q in mine.items() if role in placed and _comparable(q, placed[role])
                            and not _same(q, placed[role])]
    return numbers, directions


def _moved(claim: Claim, mine: list[Quantity], theirs: list[Quantity]) -> bool:
    """A figure the summary holds too, in a claim that says something rose or fell: which way it moved is worth a
    parse ('fell sharply in 2022, to $5.3bn' against 'jumped 83% in 2022 to $5.3bn')."""
    from watchfloor.check.changes import says_change

    return says_change(claim.text) and any(_same(q, t) for q in mine for t in theirs if _comparable(q, t))


def _opposed(f: Frame, g: Frame, mine: Placed, theirs: Placed, claim: Claim, event: StoreEvent) -> list[Verdict]:
    """The same figure in the same place of two predicates about the same thing, one of rising and one of falling
    ('fell … to $5.3bn' and 'jumped … to $5.3bn'): the claim tells the change the wrong way round."""
    from watchfloor.check.changes import direction
    from watchfloor.check.match import Verdict

    if f.negated or g.negated:
        return []
    base = claim.sentence.start
    ours, told = direction(claim.sentence.text, f.head), direction(event.summary, g.head)
    if ours is None or told is None or ours[0] == told[0]:
        return []
    for role, q in mine.items():
        t = theirs.get(role)
        if t is not None and _comparable(q, t) and _same(q, t):
            start, end = min(f.head + base, q.start), max(q.end, f.head + base + len(ours[1]))
            return [Verdict(status="conflict", start=start, end=end,
                            claim_value=claim.sentence.text[start - base:end - base],
                            store_value=f"{told[1]} … {t.text}", events=(event.id,), note="opposed")]
    return []


def _worth_parsing(mine: list[Quantity], theirs: list[Quantity]) -> bool:
    """A figure of the claim that the summary does not hold, of a unit the summary has, or two of one unit that it
    holds both of (they may have changed places): without either, no parse."""
    held = [q for q in mine if any(_same(q, t) for t in theirs if _comparable(q, t))]
    two_of_a_unit = len({q.unit for q in held}) < len(held)
    return two_of_a_unit or any(q not in held and any(_comparable(q, t) for t in theirs) for q in mine)


def _placed(frame: Frame, quantities: list[Quantity], base: int) -> Placed:
    out: Placed = {}
    for m in frame.figures:
        if m.role is None:
            continue
        q = next((q for q in quantities if m.start < q.num_end - base and q.num_start - base < m.end), None)
        if q is not None and m.role not in out:
            out[m.role] = q
    return out


def _about(frame: Frame) -> set[str]:
    """Stems of the predicate's subject and object: what its figures are figures of."""
    return stems(" ".join(p for p in (frame.agent, frame.patient) if p))


def _bare(q: Quantity) -> bool:
    return q.start == q.num_start and q.end == q.num_end


def _comparable(q: Quantity, t: Quantity) -> bool:
    """Same unit, or two bare numbers: the unit of a bare number ('to 35') was read from words around it, and the
    place both hold in one predicate says more about what they measure."""
    return q.unit == t.unit or _bare(q) and _bare(t)


def _same(q: Quantity, t: Quantity) -> bool:
    return q.compatible(t.lo, t.hi) or t.compatible(q.lo, q.hi)


def _swapped(mine: Placed, theirs: Placed) -> tuple[Quantity, Quantity, Placed] | None:
    """The claim's two figures that stand where the summary has each other, with the summary's two figures."""
    for a, q in mine.items():
        for b, r in mine.items():
            if a == b or a not in theirs or b not in theirs or not _comparable(q, r) or _same(q, r):
                continue
            if _same(q, theirs[b]) and _same(r, theirs[a]):
                return q, r, {a: theirs[a], b: theirs[b]}
    return None


def _told(placed: Placed) -> str:
    return ", ".join(f"{role} {t.text}" for role, t in sorted(placed.items()))


def _verdict(q: Quantity, placed: Placed, event: StoreEvent) -> Verdict:
    from watchfloor.check.match import Verdict

    return Verdict(status="conflict", start=q.start, end=q.end, claim_value=q.text, store_value=_told(placed),
                   events=(event.id,), note="aligned")


def aligned_dates(claim: Claim, event: StoreEvent, loose: list[DateMention]) -> Verdict | None:
    """A conflict when one of `loose` (claim dates that fit no date of the event) dates a predicate or noun that the
    summary also dates: the same lemma holding the same figure on both sides, so the same thing, and no such frame
    of the summary dated so that the claim's date fits."""
    from watchfloor.check.attributes import date_fits
    from watchfloor.check.match import Verdict
    from watchfloor.extract.frames import frames

    mine_q = [q for q in claim.quantities if not q.vague]
    theirs_q = [q for q in event.written if not q.vague]
    if not loose or not mine_q or not theirs_q:
        return None
    base = claim.sentence.start
    theirs = [(g, _held(g, theirs_q, 0), _dated(g, event.dates, 0)) for g in frames(event.summary)]
    for f in frames(claim.sentence.text):
        held = _held(f, mine_q, base)
        dated = _dated(f, loose, base)
        if not held or not dated:
            continue
        same = [windows for g, figs, windows in theirs if g.lemma == f.lemma and windows and any(
            q.unit == t.unit and _same(q, t) for q in held for t in figs)]
        for d in dated:
            if same and not any(date_fits(d, *x.window()) for windows in same for x in windows):
                told = ", ".join(dict.fromkeys(x.human() for windows in same for x in windows))
                return Verdict(status="conflict", start=d.start, end=d.end, claim_value=d.human(),
                               store_value=told, events=(event.id,), note="aligned")
    return None


def _held(frame: Frame, quantities: list[Quantity], base: int) -> list[Quantity]:
    """The figures a frame holds, whatever their place."""
    return [q for q in quantities if any(m.start < q.num_end - base and q.num_start - base < m.end
                                         for m in frame.figures)]


def _dated(frame: Frame, dates: list[DateMention], base: int) -> list[DateMention]:
    """The dates a frame holds, among `dates`."""
    return [d for d in dates if any(m.start < d.end - base and d.start - base < m.end for m in frame.dates)]
