"""A doer or an undergoer swapped: the same verb with another name in the same role, in report and summary.

Why: 'Bordurian authorities deported him' against the store's 'Graustark deported the man', 'a camp run by X'
against 'a camp of Y', 'the Red Hand's council agreed a list' against 'the Black Guard's council agreed'. The
parse (extract/arguments.py) says which names are the agent or the patient of which verb; the alias table
says which entity, person, group or country each name is. A conflict needs the same verb lemma and role on
both sides, names of the same sort, the report's not written in the event's summary and the store's unknown to
the report. The pack's actor list of an event does not excuse the report's name: it says who took part, and the
summary's parse says who did what ('led by' one founder, where the pack lists all of them); then only a name
the alias table knows as another entity stands against it (a short form it does not know may be the same one).
"""

from __future__ import annotations

from dataclasses import dataclass

from watchfloor.check.evidence import StoreEvent
from watchfloor.check.roles import _mentioned as _said
from watchfloor.extract.claims import Claim
from watchfloor.extract.entities import EntityMention

SORTS = {"person": "person", "organisation": "body", "armed_group": "body", "country": "country"}
"""Kinds of name that can stand for one another in a role: a ministry for a group, never a town for a person."""


@dataclass(frozen=True)
class ArgumentConflict:
    mine: EntityMention
    """The report's name, with offsets in the report."""
    theirs: EntityMention
    """The store's name, with offsets in the event's summary."""
    lemma: str
    role: str


def _sort(m: EntityMention) -> str | None:
    return SORTS.get(m.kind)


def _knows(m: EntityMention, ids: set[str], countries: set[str]) -> bool:
    return m.entity_id in ids or (m.kind == "country" and m.country in countries)


def _named(claim: Claim) -> tuple[set[str], set[str]]:
    """The entities the report names around the claim, and the countries it names as such (a town's country is
    not named by the town)."""
    named = claim.all_entities
    return {m.entity_id for m in named}, {m.country for m in named if m.kind == "country" and m.country}


def worth_parsing(claim: Claim, event: StoreEvent) -> bool:
    """Cheap test before any parse: the claim names someone the event does not, and the event someone the claim
    does not, of the same sort; or each side has a capitalised name the other never mentions, which only the
    parse can sort."""
    from watchfloor.check.slots import unshared_names

    ids, countries = _named(claim)
    mine = {_sort(m) for m in claim.entities if _sort(m) and not _knows(m, event.entity_ids, event.all_countries)}
    if any(_sort(m) in mine and not _knows(m, ids, countries) for m in event.mentions):
        return True
    return unshared_names(claim.sentence.text, event.summary)


def argument_conflicts(claim: Claim, event: StoreEvent) -> list[ArgumentConflict]:
    """Names of the claim in a role of a verb where the event's summary has another name of the same sort."""
    from watchfloor.check.attributes import related_names
    from watchfloor.extract.arguments import arguments

    if not worth_parsing(claim, event):
        return []
    text, base = claim.sentence.text, claim.sentence.start
    ids, countries = _named(claim)
    summary_names = _with_parsed(event.summary, event.mentions, 0)
    written = {n.entity_id for n in summary_names if n.entity_id}
    written_countries = {n.country for n in summary_names if n.kind == "country" and n.country}
    theirs = _placed(arguments(event.summary), summary_names, 0)
    out = []
    for key, mine in _placed(arguments(text), _with_parsed(text, claim.entities, base), base).items():
        for m in mine:
            if _knows(m, written, written_countries) or not m.entity_id and _said(m.name, event.summary):
                continue
            listed = _knows(m, event.entity_ids, event.all_countries)
            rival = next((n for n in theirs.get(key, []) if _sort(n) == _sort(m) and not _knows(n, ids, countries)
                          and (n.entity_id or not listed)
                          and not (not n.entity_id and _said(n.name, text)) and not related_names(m.name, n.name)),
                         None)
            if rival is not None:
                out.append(ArgumentConflict(m, rival, *key))
                break
    return out


def _with_parsed(text: str, mentions: list[EntityMention], base: int) -> list[EntityMention]:
    """The alias table's mentions written in `text` (an event's actors from its pack are not all in its
    summary), and the names only the parser finds (a ministry, a company, an official the
    table does not know), with no entity id: such a name is known to the other side when its words are there."""
    from watchfloor.extract.arguments import parsed_names

    kinds = {"body": "organisation", "person": "person"}
    written = [m for m in mentions if text[m.start - base:m.end - base] == m.text]
    found = [EntityMention(base + a, base + b, words, "", kinds[sort], words)
             for a, b, words, sort in parsed_names(text)
             if not any(m.start < base + b and base + a < m.end for m in written)]
    return [*written, *found]


def _placed(args: list, mentions: list[EntityMention], base: int) -> dict[tuple[str, str], list[EntityMention]]:
    """Each (verb lemma, role) with the sortable names standing in it."""
    out: dict[tuple[str, str], list[EntityMention]] = {}
    for a in args:
        inside = [m for m in mentions if _sort(m) and a.holds(m.start - base, m.end - base)]
        if inside:
            out.setdefault((a.lemma, a.role), []).extend(inside)
    return out
