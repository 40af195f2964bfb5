"""wrong_actor: the report names the wrong doer or the wrong nationality for an event.

Why: who did it is the core of attribution ("claimed by the Red Hand" where
the store has the RLF; "eight Bordurian nationals" where the store has
Ruritanians). How it decides: the event must be identified without its
actors; the report's group, organisation or person must stand in the doer's
place in the sentence ("by X", "X claimed …"), be unknown to the event, and
the event must name a different one of the same kind. A parent group fits
its branch (the Ruritanian Liberation Front fits its Northern Province).
Switch off with `--skip wrong_actor`.
"""

from __future__ import annotations

from watchfloor.check.arguments import argument_conflicts
from watchfloor.check.attributes import related_names
from watchfloor.check.base import Check, Context, alternatives, belongs_elsewhere
from watchfloor.check.match import Comparison
from watchfloor.check.report import Finding
from watchfloor.check.roles import RoleConflict, role_conflicts
from watchfloor.check.roles import _mentioned as _word_mentioned
from watchfloor.check.slots import slot_conflicts
from watchfloor.check.swaps import swapped
from watchfloor.extract.claims import Claim


def _held_by_a_closer_event(m, best: Comparison, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """The report's actor takes part in an event that fits the claim better than the identified one, though it is
    not identified itself ('Citigroup and Raiffeisen ran the deal' names the banks of the bond sale, not rivals of
    a dam contractor)."""
    ids = {e.entity_id for e in m.claim.entities if e.start < end and start < e.end}
    return bool(ids) and any(ids & c.event.entity_ids for c in m.comparisons if c.score() > best.score("actor"))


class WrongActor(Check):
    """An actor or nationality the store contradicts."""

    kind = "wrong_actor"
    severity = "error"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for m in ctx.matches:
            alts = alternatives(m, "actor")
            if not alts:
                continue
            best = alts[0]
            a = best.actor
            if a.status != "conflict" or any(c.actor.status == "match" for c in alts[1:]) or belongs_elsewhere(
                    m.claim, a.start, best.event) or _held_by_a_closer_event(m, best, a.start, a.end):
                out.extend(self._roles(ctx, m.claim, alts))
                continue
            out.append(self.finding(
                ctx, a.start, a.end, f"The report names {a.claim_value}, but the store names {a.store_value} for "
                                     f"this event: {best.event.summary}", claim=m.claim,
                evidence=[ctx.book.event(best.event)], match=best))
        return out

    def _roles(self, ctx: Context, claim: Claim, alts: list[Comparison]) -> list[Finding]:
        """A name the alias table does not know, in the place the identified event's summary names another."""
        best = alts[0]
        close = [c for c in alts[1:] if c.score("actor") >= best.score("actor") - 1.0]
        matched = [(c.actor.start, c.actor.end) for c in [best, *close] if c.actor.status == "match"]
        found = role_conflicts(claim.text, best.event.summary) or slot_conflicts(claim.text, best.event.summary)
        found = [r for r in found if not _same_entity(claim, best, r)
                 and not belongs_elsewhere(claim, claim.start + r.start, best.event) and not any(
            a < claim.start + r.end and claim.start + r.start < b for a, b in matched)
            and not any(_word_mentioned(r.claim_name, c.event.summary) for c in close)]
        if not found:
            return self._arguments(ctx, claim, best, close) or self._swap(ctx, claim, best, close)
        r = found[0]
        start = claim.start + r.start
        return [self.finding(
            ctx, start, claim.start + r.end, f"The report names {r.claim_name}, but the store names {r.store_name} "
                                             f"({r.how}) for this event: {best.event.summary}", claim=claim,
            evidence=[ctx.book.event(best.event)], match=best)]


    def _arguments(self, ctx: Context, claim: Claim, best: Comparison, close: list[Comparison]) -> list[Finding]:
        """The claim's name in the role of a verb where the event's summary has another (check/arguments.py)."""
        for a in argument_conflicts(claim, best.event):
            if any(_word_mentioned(a.mine.name, c.event.summary) for c in close) or \
                    belongs_elsewhere(claim, a.mine.start, best.event):
                continue
            return [self.finding(
                ctx, a.mine.start, a.mine.end, f"The report names {a.mine.text}, but the store names {a.theirs.text} "
                                               f"as the {a.role} of '{a.lemma}' for this event: {best.event.summary}",
                claim=claim, evidence=[ctx.book.event(best.event)], match=best)]
        return []

    def _swap(self, ctx: Context, claim: Claim, best: Comparison, close: list[Comparison]) -> list[Finding]:
        """The claim's one actor the event does not know, where it knows one other of the same kind."""
        swap = swapped(claim, best.event)
        if swap is None or any(_word_mentioned(swap.mine.name, c.event.summary) for c in close) or \
                belongs_elsewhere(claim, swap.mine.start, best.event):
            return []
        return [self.finding(
            ctx, swap.mine.start, swap.mine.end, f"The report names {swap.mine.text}, but the store names "
                                                 f"{swap.theirs.text} for this event: {best.event.summary}",
            claim=claim, evidence=[ctx.book.event(best.event)], match=best)]


def _same_entity(claim: Claim, best: Comparison, r: RoleConflict) -> bool:
    """The two names are one entity spelled two ways ('RDF', 'Ruritanian Defence Force'), a parent group and its
    branch, or the claim's is a place or a country (a capital standing for its state is no actor swap)."""
    start = claim.start + r.start
    mine = [m for m in claim.entities if m.start < start + len(r.claim_name) and start < m.end]
    if any(m.entity_id in best.event.entity_ids or m.kind in ("place", "country") or m.demonym for m in mine):
        return True
    if _describes(r.store_name, mine) or _short_form(r.claim_name, best.event.mentions):
        return True
    if _initials_of(r.claim_name, r.store_name) or _initials_of(r.store_name, r.claim_name):
        return True
    if r.store_start >= 0:
        summary = best.event.summary
        theirs = [m for m in best.event.mentions if m.start < r.store_start + len(r.store_name) and
                  r.store_start < m.end and summary[m.start:m.end] == m.text]
        ids = {m.entity_id for m in claim.entities}
        if any(m.entity_id in ids or m.kind in ("place", "country") for m in theirs):
            return True
        if any(related_names(a.name, b.name) for a in mine for b in theirs):
            return True
    return False


def _initials_of(short: str, full: str) -> bool:
    """`short` is written in capitals and spells the first letters of `full`'s words ('PM' for prime minister), of
    all of them or of those longer than three letters ('RDF' for the Ruritanian Defence Force)."""
    if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
        return False
    words = [w for w in full.replace("-", " ").split() if w.isalpha()]
    letters = {"".join(w[0] for w in words), "".join(w[0] for w in words if len(w) > 3)}
    return short.lower() in {x.lower() for x in letters}


def _describes(store_name: str, mine: list) -> bool:  # type: ignore[type-arg]
    """The store's words are a description in lower case whose every word is in the full name of the report's
    entity: 'the security committee' for the State Security Committee, however the report spells it."""
    return store_name[:1].islower() and _within_full_name(store_name, mine)


def _short_form(claim_name: str, theirs: list) -> bool:  # type: ignore[type-arg]
    """The report's name is a short form of the full name of an entity the event names: 'the Fund' for the
    Ruritanian Monetary Fund the summary writes as its acronym."""
    return _within_full_name(claim_name, theirs)


def _within_full_name(name: str, mentions: list) -> bool:  # type: ignore[type-arg]
    """Every word of `name` is a word of the full name of one of the mentions' entities."""
    words = set(name.lower().split())
    return any(words <= set(m.name.lower().split()) for m in mentions)
