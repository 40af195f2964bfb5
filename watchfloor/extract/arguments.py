"""Who does what to whom, from the parse: each predicate's agent and patient as character spans.

Why: a report that follows its source but swaps the doer ('Bordurian authorities deported him' where the source
has Graustark deporting him) is told apart by where the name stands in the clause, not by how near it is to a
verb. The parse gives the role through any number of words: 'by' agents of passive verbs, subjects of active
ones, objects and passive subjects, and the 'by' phrase of a noun ('a suit by the ministry', 'the attack by
the Red Hand'), which names its doer as a passive's does; so does the agent of a participle hung on the noun
('a suit brought by the ministry'). An argument is its noun phrase without the clauses that hang on it, so a
name in 'the man whom investigators had watched' is not the man.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor.extract.frames import named, parsed

if TYPE_CHECKING:
    from spacy.tokens import Token

AGENT_DEPS = frozenset({"nsubj"})
AGENT_PREPOSITION = "by"
"""English marks the doer of a noun's deed with this preposition ('a suit by the ministry'); spaCy labels it
'agent' only on a passive verb."""
PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "case", "det", "appos", "flat", "nmod", "conj", "cc",
                         "nummod", "punct", "prep", "pobj", "npadvmod", "quantmod"})
"""Dependencies that stay inside a noun phrase (spaCy's English labels); clauses (relcl, acl) leave it."""


@dataclass(frozen=True)
class Argument:
    """A predicate's agent or patient: the predicate's lemma and offset, the role, the phrase's characters."""

    lemma: str
    head: int
    role: str
    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    """The character spans of the phrase's own tokens (not those of a clause inside it)."""

    def holds(self, start: int, end: int) -> bool:
        """The characters text[start:end] lie in the phrase's own tokens."""
        return any(a <= start < b for a, b in self.tokens) and any(a < end <= b for a, b in self.tokens)


def arguments(text: str) -> list[Argument]:
    """Every agent and patient of every verb, and every noun's agent, of `text`, in reading order."""
    return list(_arguments(text))


@lru_cache(maxsize=4096)
def _arguments(text: str) -> tuple[Argument, ...]:
    out = []
    for tok in parsed(text):
        if tok.pos_ == "NOUN":
            children = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == AGENT_PREPOSITION]
            pairs = [("agent", next((g for g in c.children if g.dep_ == "pobj"), None)) for c in children]
        elif tok.pos_ in ("VERB", "AUX"):
            pairs = [_role(child) for child in tok.children]
        else:
            continue
        for role, arg in pairs:
            if arg is None:
                continue
            spans = tuple(sorted((t.idx, t.idx + len(t.text)) for t in _phrase(arg)))
            out.append(Argument(tok.lemma_.lower(), tok.idx, role, spans[0][0], spans[-1][1], spans))
            if role == "agent" and tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
                noun = tok.head
                out.append(Argument(noun.lemma_.lower(), noun.idx, role, spans[0][0], spans[-1][1], spans))
    return tuple(out)


def stands_as_argument(text: str, start: int, end: int) -> bool:
    """The words text[start:end] are themselves a verb's agent or patient, not a word inside one: 'Strelsau' in
    'a decade in which Strelsau widened its ties' acts (a capital for its government); in 'Strelsau's opera
    house was attacked' it only says where."""
    from watchfloor.extract.frames import span_at

    span = span_at(parsed(text), start, end)
    if span is None:
        return False
    root = span.root
    role = root.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else root
    return _role(role)[0] != "" and role.head.pos_ in ("VERB", "AUX")


def _role(child: Token) -> tuple[str, Token | None]:
    if child.dep_ in AGENT_DEPS:
        return "agent", child
    if child.dep_ == "agent":
        return "agent", next((g for g in child.children if g.dep_ == "pobj"), None)
    if child.dep_ in PATIENT_DEPS:
        return "patient", child
    return "", None


def _phrase(tok: Token) -> list[Token]:
    """The token and what hangs on it by noun-phrase dependencies only."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in PHRASE_DEPS)
    return out


NAME_SORTS = {"ORG": "body", "PERSON": "person"}
"""The parser's entity labels for names that can stand in a role, with the sort of name each is (a name the
alias table does not know: 'the Justice Ministry', a company, a minister)."""


def parsed_names(text: str) -> list[tuple[int, int, str, str]]:
    """The names the parser finds in `text` that can stand in a role: start, end, words (without a leading
    article) and sort."""
    out = []
    for ent in named(text).ents:
        sort = NAME_SORTS.get(ent.label_)
        if sort is None:
            continue
        words = ent[1:] if ent[0].pos_ == "DET" else ent
        if len(words):
            out.append((words.start_char, words.end_char, words.text, sort))
    return out
