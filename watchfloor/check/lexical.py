"""Word overlap between a claim and an event summary, weighted by how rare each word is among the candidates.

Words are compared by their Snowball (Porter 2) stems: "charged" and "charges" both
become "charg", "appealed" and "appeal" both "appeal". Rare shared words (a venue's name, a
town, eight, concertgoers) say far more than common ones (the country, said).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

import pycountry
import snowballstemmer

from watchfloor.reference import catalogue

_STOP_TEXT = """
a about above according after again against all also amid among an and any are as at be because been before
being between both but by can could countries country day days did do does doing during each few first for
from further government had has have having he her here hers him his how however i if in including into is it
it's its itself just last many may might month months more most much must new no nor not now of off on once
one only or other our out over own particularly per recent recently report reported reports said same says
she should since so some state such than that the their them then there these they this those three through
to too two under until up very was we well were what when where which while who whom why will with within
would year years you your
"""
STOPWORDS = set(_STOP_TEXT.split())
_WORD = re.compile(r"[^\W\d_]{3,}")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word.lower()))


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS)


def stems(text: str) -> set[str]:
    return set(_stems(text))


def _country_words(iso3s: Iterable[str]) -> frozenset[str]:
    """Stems of the one-word names and demonyms of these countries, as the bundled data spells them."""
    names = {n for c in iso3s for n in (*catalogue.country_names(c), *catalogue.DEMONYMS.get(c, ()))}
    return frozenset(stem(n) for n in names if n.isalpha())


HOME_WORDS = _country_words(p.iso3 for p in catalogue.packs())
"""The store's own countries (those with a pack) by name: nearly every statement and count key of their packs
carries them, so they tell no two things apart."""
COUNTRY_WORDS = _country_words(c.alpha_3 for c in pycountry.countries)
"""Every country by name: where a statement is, never what it is about (places are compared on their own)."""


def entity_stems(mentions: list) -> set[str]:  # type: ignore[type-arg]
    """Entities as words, so 'Ruritanian' in a report meets 'Ruritania' in a summary."""
    return {"@" + m.entity_id for m in mentions}


class Lexicon:
    """Inverse document frequencies over the candidate events of one check."""

    def __init__(self, docs: list[set[str]], ids: list[str] | None = None) -> None:
        self.n = max(len(docs), 20)
        self._idf: dict[str, float] = {}
        self.df: dict[str, int] = {}
        self.postings: dict[str, list[str]] = {}
        self.order: dict[str, int] = {doc: i for i, doc in enumerate(ids or [])}
        for i, d in enumerate(docs):
            for w in d:
                self.df[w] = self.df.get(w, 0) + 1
                if ids is not None:
                    self.postings.setdefault(w, []).append(ids[i])

    def near(self, words: set[str], rare: float = 2.5, shared: int = 2) -> set[str]:
        """Documents sharing at least `shared` rare words (idf over `rare`) with `words`."""
        hits: dict[str, int] = {}
        for w in words:
            if w in self.postings and self.idf(w) >= rare:
                for doc in self.postings[w]:
                    hits[doc] = hits.get(doc, 0) + 1
        return {doc for doc, n in hits.items() if n >= shared}

    def sharing(self, words: set[str]) -> list[str]:
        """Documents sharing any of `words`, in document order: a scan of the postings, not of every document."""
        found: set[str] = set()
        for w in words:
            found.update(self.postings.get(w, ()))
        return sorted(found, key=self.order.__getitem__)

    def idf(self, word: str) -> float:
        value = self._idf.get(word)
        if value is None:
            value = self._idf[word] = math.log((self.n + 1) / (self.df.get(word, 0) + 0.5))
        return value

    def weight(self, words: set[str]) -> float:
        return sum(self.idf(w) for w in words)

    def similarity(self, claim: set[str], event: set[str], claim_weight: float | None = None,
                   event_weight: float | None = None) -> float:
        """Share of the claim's word weight that the event also has, damped by the event's length (0..1).

        A caller comparing one claim with many events passes the claim's weight (and each event's, kept per
        event) so they are summed once, not once per pair: half the matching time of a long report."""
        if not claim or not event:
            return 0.0
        shared = claim & event
        w_claim = self.weight(claim) if claim_weight is None else claim_weight
        w_event = self.weight(event) if event_weight is None else event_weight
        w_shared = sum(self.idf(w) for w in shared)
        return 2 * w_shared / (w_claim + w_event) if w_claim + w_event else 0.0
