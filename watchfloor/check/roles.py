"""Names the alias table does not know, tied to their role: the holder of a title, the subject of a deed.

Why: reports name ministers, security chiefs and companies the alias table has never heard of, and a
wrong one ("Defence Minister Rupert Hentzau toured …" where the store's summary has "Defence Minister
Sapt visited …") can only be caught from the wording. How it decides, for an event already identified
without its actors: a capitalised name in the claim that the event's summary never mentions stands where
the summary puts a *different* name — after the same title ("Defence Minister", "SCS director"), before the
same deed (the same verb and at least two of the same words after it: "told … the council's security chiefs"), or as
the same country's company for the same licence or contract ("Graustark's X was given a licence"
against "Graustark's Y had been licensed"). Any of the summary's names appearing in the claim cancels the finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,2}"
_TITLE_WORDS = ("minister", "director", "chairman", "chief", "secretary", "president", "prosecutor-general",
                "prosecutor", "governor", "mayor", "ambassador", "commander", "speaker", "envoy", "head")
_TITLE = re.compile(r"\b((?:[A-Z][a-z]+|[A-Z]{2,5}) (?i:" + "|".join(_TITLE_WORDS) + r")) (" + _NAME + r")")
_SUBJECT = re.compile(r"\b(" + _NAME + r") ([a-z]{3,}) ((?:[\w'-]+ ){1,7})")
_COMPANY = re.compile(r"\b([A-Z][a-z]+)'s (" + _NAME + r"|[A-Z]{2,}(?: [A-Z][a-z]+)?)")
_DEAL = ("licen", "contract", "concession", "tender")
_STOP = frozenset(("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "with", "from", "by", "that",
                   "this", "its", "their", "his", "her", "was", "were"))
_NOT_NAMES = frozenset(("the", "a", "an", "in", "on", "at", "by", "after", "before", "when", "while", "as", "of",
                        "and", "but"))


@dataclass(frozen=True)
class RoleConflict:
    claim_name: str
    store_name: str
    start: int
    """Offset of the claim's name inside the claim text."""
    end: int
    how: str
    store_start: int = -1
    """Offset of the store's name inside the summary, where known."""


def _clean(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
    return " ".join(words)


def _tokens(name: str) -> set[str]:
    return {w.lower() for w in re.split(r"[ -]", name) if len(w) > 2}


def _mentioned(name: str, text: str) -> bool:
    """Is any longer word of `name` in `text` (a surname alone counts)?"""
    low = text.lower()
    return any(re.search(r"\b" + re.escape(t) + r"\b", low) for t in _tokens(name))


def _content(words: str) -> set[str]:
    return {w.lower().strip("',.") for w in words.split() if w.lower() not in _STOP and len(w) > 2}


def role_conflicts(claim_text: str, summary: str) -> list[RoleConflict]:
    """Where the claim names someone in the very place the event's summary names someone else."""
    out: list[RoleConflict] = []
    for m in _TITLE.finditer(claim_text):
        title, name = m.group(1).lower(), _clean(m.group(2))
        if not name or _mentioned(name, summary):
            continue
        for s in _TITLE.finditer(summary):
            other = _clean(s.group(2))
            if s.group(1).lower() == title and other and not _mentioned(other, claim_text):
                out.append(RoleConflict(name, other, m.start(2), m.end(2), f"the same title, {m.group(1)}"))
                break
    for m in _SUBJECT.finditer(claim_text):
        name = _clean(m.group(1))
        if len(name.split()) < 2 or _mentioned(name, summary):
            continue
        verb, after = m.group(2), _content(m.group(3))
        for s in _SUBJECT.finditer(summary):
            other = _clean(s.group(1))
            if (len(other.split()) >= 2 and s.group(2) == verb and len(after & _content(s.group(3))) >= 2
                    and not _mentioned(other, claim_text)):
                out.append(RoleConflict(name, other, m.start(1) + m.group(1).index(name),
                                        m.start(1) + m.group(1).index(name) + len(name), f"the same deed, '{verb}'"))
                break
    low_claim, low_summary = claim_text.lower(), summary.lower()
    deals = [d for d in _DEAL if d in low_claim and d in low_summary]
    if deals:
        for m in _COMPANY.finditer(claim_text):
            name = m.group(2)
            if _mentioned(name, summary):
                continue
            for s in _COMPANY.finditer(summary):
                if s.group(1) == m.group(1) and not _mentioned(s.group(2), claim_text):
                    out.append(RoleConflict(name, s.group(2), m.start(2), m.end(2),
                                            f"{m.group(1)}'s company for the same {deals[0]}ce"
                                            if deals[0] == "licen" else f"{m.group(1)}'s company for the same "
                                                                        f"{deals[0]}"))
                    break
    return out
