"""Slots: who stands in the same place of the same sentence, in the report and in the store's summary.

Why: a wrong name is often swapped into a sentence that otherwise follows
the source ("a day after Security Council secretary Rupert Hentzau toured
Ruritanian facilities" against "a day after Defence Minister Sapt visited
Ruritanian facilities"; "Graustark's Royal Guard named a Ruritanian" against
"Graustark's Interior Ministry said … a Ruritanian"). Titles alone (roles.py)
miss these when the title was swapped too. How it decides: every name (a run
of capitalised words or an acronym, or one word after a title, or a title on
its own) is read with its title, its qualifier ("Red Hand", "Bordurian"), its
possessor ("Graustark's"), the words before it and the words after it. A claim's
name the summary never mentions conflicts with a summary name the claim never
mentions when their slots agree: the same kind of title and one more tie, the
same words before and after, the same possessor and a statement verb, or the
same verb and shared words after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from watchfloor.check.lexical import stem
from watchfloor.check.roles import RoleConflict
from watchfloor.check.roles import _mentioned as _word_mentioned

_TITLES = ("prime minister", "minister", "director", "chairman", "chairwoman", "chief", "secretary", "president",
           "prosecutor-general", "prosecutor general", "prosecutor", "governor", "mayor", "ambassador", "commander",
           "speaker", "envoy", "spokesman", "spokeswoman", "leader", "ministry", "committee", "agency")
_TITLE_ALT = "|".join(t.replace(" ", r"\s+") for t in _TITLES)
_TITLE = re.compile(rf"\b(?:{_TITLE_ALT})\b", re.I)
_TITLE_LEAD = re.compile(rf"\b({_TITLE_ALT})\s+$", re.I)
_TITLE_NEXT = re.compile(rf"\s+(?:{_TITLE_ALT})\b", re.I)
"""'Security Council secretary Rupert Hentzau': a name right before a title qualifies it."""
_CAP = r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*|[A-Z]{2,}(?:-[A-Z]\w*)?\b|bin|al-\w+|ul)"
_NAME = re.compile(rf"{_CAP}(?:\s+{_CAP})*")
_WORD = re.compile(r"[\w'’-]+")
_SAY = {stem(w) for w in ("said", "says", "told", "named", "reported", "announced", "stated", "claimed", "put",
                          "confirmed", "denied", "disputed", "declared", "asked", "urged", "warned")}
_SKIP = {"the", "a", "an", "and", "of", "in", "on", "its", "his", "her", "their", "that", "to", "was", "were", "is",
         "it", "as", "with", "for", "by", "at"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "By", "After", "Before", "When", "While", "As", "Of", "And", "But",
              "It", "He", "She", "They", "This", "That", "Its", "His", "Her", "Their", "Months", "Later", "Days",
              "Weeks", "Earlier", "Meeting"}


@dataclass(frozen=True)
class Slot:
    name: str
    start: int
    end: int
    title: str
    qualifiers: frozenset[str]
    possessor: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@lru_cache(maxsize=4096)
def slots(text: str) -> tuple[Slot, ...]:
    """Names with their titles and surroundings; a title with no name after it is a slot of its own. Kept per text:
    the cheap test before the role parse reads the same two texts the slot reader just read."""
    out = []
    named_titles: set[int] = set()
    for m in _NAME.finditer(text):
        tokens = [(t.start(), t.group()) for t in re.finditer(r"\S+", m.group())]
        cut, title, possessor = 0, "", ""
        for i, (_, w) in enumerate(tokens):
            if w in _NOT_NAMES or w in _MONTHS:
                cut = i + 1
            elif _TITLE.fullmatch(w):
                cut, title = i + 1, w.lower()
            elif w.endswith(("'s", "’s")) and i < len(tokens) - 1:
                cut, possessor, title = i + 1, w[:-2], ""
        tokens = tokens[cut:]
        if not tokens:
            continue
        person = _person_within(text, m.start() + tokens[0][0], m.end()) if len(tokens) >= 3 else None
        if person is not None:
            lead_words = [w for at, w in tokens if m.start() + at < person]
            tokens = [(at, w) for at, w in tokens if m.start() + at >= person]
            title = title or lead_words[-1].lower()
        s = m.start() + tokens[0][0]
        name, e = " ".join(w for _, w in tokens), m.end()
        if name.endswith(("'s", "’s")):
            name, e = name[:-2], e - 2
        if _TITLE_NEXT.match(text, e):
            continue
        if not title:
            lead = _TITLE_LEAD.search(text[max(0, s - 30):s])
            title = lead.group(1).lower().split()[-1] if lead else ""
        if len(tokens) == 1 and not (title or name.isupper() or _verb_after(text, e)):
            continue
        if title:
            named_titles.add(s)
        out.append(_slot(text, name, s, e, title, possessor))
    for t in _TITLE.finditer(text):
        if not any(0 <= start - t.end() <= 1 for start in named_titles):
            out.append(_slot(text, t.group(), t.start(), t.end(), t.group().lower().split()[-1], ""))
    return tuple(out)


def _person_within(text: str, start: int, end: int) -> int | None:
    """Where the parser's person name begins inside a longer run of capitalised words ('High Commissioner Volker
    Turk'): the words before it are a title, however rare, and only the person's own name is compared."""
    from watchfloor.extract.frames import named

    return next((e.start_char for e in named(text).ents if e.label_ == "PERSON" and start < e.start_char
                 and e.end_char <= end and len(e.text.split()) >= 2), None)


def _verb_after(text: str, end: int) -> bool:
    nxt = _WORD.findall(text[end:end + 30])[:2]
    return bool(nxt) and (stem(nxt[0].lower()) in _SAY or nxt[0].endswith("ed") and nxt[0].islower()
                          or nxt[0].endswith("ly") and len(nxt) > 1 and stem(nxt[1].lower()) in _SAY | {stem("ask")})


def _slot(text: str, name: str, s: int, e: int, title: str, possessor: str) -> Slot:
    lead = text[max(0, s - 60):s]
    poss = re.search(r"([A-Z][a-z]+)['’]s\s+(?:[\w-]+\s+){0,3}$", lead)
    possessor = possessor or (poss.group(1) if poss else "")
    lead_words = _WORD.findall(lead)
    quals = frozenset(w.lower() for w in lead_words[-3:] if w[:1].isupper() and not _TITLE.fullmatch(w))
    plain = [w.lower() for w in lead_words if not _TITLE.fullmatch(w) and w.lower() not in ("'s", "’s")]
    after = tuple(w.lower() for w in _WORD.findall(text[e:e + 60]) if w.lower() not in ("'s", "’s"))[:6]
    return Slot(name, s, e, title, quals, possessor, tuple(plain[-4:]), after)


def _mentioned(name: str, text: str) -> bool:
    """A surname alone counts; a short acronym ('IS') must appear as a word."""
    if any(len(w) > 2 for w in re.split(r"[ -]", name)):
        return _word_mentioned(name, text)
    return re.search(r"\b" + re.escape(name) + r"\b", text) is not None


_PLACED = re.compile(r"\b(?:in|at|near|from|to|into|across|outside|inside)\s+(?:the\s+)?$", re.I)


def _placed(text: str, s: Slot) -> bool:
    """A name after 'in', 'at', 'near' … is a place, not a doer."""
    return _PLACED.search(text[max(0, s.start - 12):s.start]) is not None


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""The parser's entity labels for places and buildings: where something happened, not who did it."""


def _a_place(text: str, s: Slot) -> bool:
    """The parser reads the name as a place or a building ("Strelsau's Opera House"), however it is introduced."""
    from watchfloor.extract.frames import named

    return any(e.label_ in PLACE_LABELS and e.start_char <= s.start < e.end_char for e in named(text).ents)


def _acronym(a: str, b: str) -> bool:
    """'RLF' and 'Ruritanian Liberation Front', 'SCS' and 'State Committee for Security' are one name."""
    for short, long in ((a, b), (b, a)):
        initials = "".join(w[0] for w in re.split(r"[\s-]+", long) if w and w[0].isupper())
        if short.isupper() and len(short) >= 2 and short == initials:
            return True
    return False


def _content(words: tuple[str, ...]) -> set[str]:
    return {stem(w) for w in words if w not in _SKIP and len(w) > 2}


def _agree(p: Slot, q: Slot) -> bool:
    same_title = bool(p.title and p.title == q.title)
    quals = bool(p.qualifiers & q.qualifiers) or bool(p.possessor and p.possessor == q.possessor)
    before = _content(p.before) & _content(q.before)
    verb_p, verb_q = (stem(s.after[0]) if s.after else "" for s in (p, q))
    same_verb = bool(verb_p) and verb_p == verb_q
    saying = verb_p in _SAY and verb_q in _SAY
    after = _content(p.after[1:]) & _content(q.after[1:])
    around = _content(p.before + p.after) & _content(q.before + q.after)
    if same_title:
        return quals or bool(before) or same_verb or bool(after) or bool(around)
    return (len(before) >= 2 or bool(before) and (same_verb or len(after) >= 2) or quals and (saying or same_verb)
            or (same_verb or saying) and len(after) >= 2 or same_verb and bool(after))


def unshared_names(claim_text: str, summary: str) -> bool:
    """Each side has a name the other never mentions: the cheap test before reading roles from the parse."""
    return any(not _mentioned(q.name, claim_text) for q in slots(summary)) and any(
        not _mentioned(p.name, summary) for p in slots(claim_text))


def slot_conflicts(claim_text: str, summary: str) -> list[RoleConflict]:
    """A name of the claim standing where the summary has another, neither mentioned by the other side."""
    theirs: list[Slot] = []
    shared: list[Slot] = []
    for q in slots(summary):
        (shared if _mentioned(q.name, claim_text) else theirs).append(q)
    out = []
    for p in slots(claim_text):
        if _mentioned(p.name, summary) or not p.name[:1].isupper() or _placed(claim_text, p):
            continue
        if any(_held_by(p, q) for q in shared):
            continue
        for q in theirs:
            if p.title and q.title == p.title and q.name.lower() == q.title:
                continue
            if _agree(p, q) and not _placed(summary, q) and not _acronym(p.name, q.name) and not _a_place(summary, q):
                out.append(RoleConflict(p.name, q.name, p.start, p.end, "the same place in the sentence", q.start))
                break
    return out


def _held_by(p: Slot, q: Slot) -> bool:
    """The claim's name stands where the summary has a name the claim names too, as its owner ('Graustark's
    Interior Ministry said' where the summary has 'Graustark said'): the same speaker, more precisely put."""
    return bool(p.possessor) and p.possessor == q.name and _agree(p, q)
