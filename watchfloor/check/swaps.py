"""A named actor swapped for another of the same kind: 'an emergency loan from the World Bank' where the
identified event's summary has the IMF.

Why: the role templates (roles.py, slots.py) need the two names in matching places; an analyst's rewording
rarely keeps them. When the event is identified without its actors, the claim names one organisation, group
or person the event does not know (not even by a word of its name), and the event names exactly one of the
same kind the claim does not know, the claim has most likely put one for the other. A name the sentence gives
as the source of what it reports ('the Interior Ministry said …') or as an owner ("Massoud's son"), both read
from the parse, is no actor, and a parent and its branch, or two spellings of one name, are one actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from watchfloor.check.attributes import acts, related_names
from watchfloor.check.evidence import StoreEvent
from watchfloor.check.roles import _mentioned
from watchfloor.extract.attribution import possessors, speakers
from watchfloor.extract.claims import Claim
from watchfloor.extract.entities import EntityMention

ACTOR_KINDS = ("organisation", "person", "armed_group")


@dataclass(frozen=True)
class Swap:
    mine: EntityMention
    theirs: EntityMention


def swapped(claim: Claim, event: StoreEvent) -> Swap | None:
    """The claim's one unknown actor and the event's one unknown actor of the same kind, if that is all."""
    known = {m.entity_id for m in claim.all_entities}
    summary = event.summary
    theirs_all = [m for m in event.mentions if summary[m.start:m.end] == m.text]
    for kind in ACTOR_KINDS:
        mine = [m for m in claim.entities if m.kind == kind and not m.demonym and m.entity_id not in event.entity_ids
                and not _mentioned(m.name, summary) and not _mentioned(m.text, summary)
                and not any(related_names(m.name, x.name) for x in event.mentions)]
        theirs = {m.entity_id: m for m in theirs_all if m.kind == kind and m.entity_id not in known
                  and not any(related_names(m.name, x.name) for x in claim.all_entities)}
        if len({m.entity_id for m in mine}) != 1 or len(theirs) != 1:
            continue
        if not acts(event, next(iter(theirs.values()))):
            continue
        if _no_actor(claim, mine[0]):
            continue
        return Swap(mine[0], next(iter(theirs.values())))
    return None


def _no_actor(claim: Claim, m: EntityMention) -> bool:
    """The name is the source of what the sentence reports, or the owner of a noun ('Massoud's son')."""
    base, text = claim.sentence.start, claim.sentence.text
    return any(a <= m.start - base < b for a, b in speakers(text) + possessors(text))
