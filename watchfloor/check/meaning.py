"""How close a claim's sentence comes in meaning to each candidate's summary, for identity.

Why: a report paraphrases ("Strelsau placed $500m of ten-year notes" for the store's Eurobond debut), so
shared names and shared words alone leave the right event unidentified. Sentence vectors (extract/embeddings.py)
read the paraphrase. Curated summaries were embedded at import (ingest/vectors.py); a check embeds only its own
sentences, and only those of claims that have candidates, up to `BUDGET` of them, in report order, so a long
report costs at most BUDGET embeddings (about 20 ms each) more than a short one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from watchfloor.extract.anaphora import in_context
from watchfloor.ingest.vectors import EMBEDDED

if TYPE_CHECKING:
    from watchfloor.check.evidence import Evidence
    from watchfloor.check.match import Comparison
    from watchfloor.extract.claims import Claim

BUDGET = 200
"""Sentences a check embeds for identity at most; later claims are matched on names, words and figures only."""


class Meanings:
    """Sentences embedded so far in one check, so the budget spans every chunk of claims."""

    def __init__(self, evidence: Evidence, budget: int = BUDGET) -> None:
        self.evidence = evidence
        self.left = budget
        self.seen: set[int] = set()

    def fill(self, chunk: Sequence[tuple[Claim, list[Comparison]]]) -> None:
        """Set `meaning` on the candidates whose summaries the store embedded, for claims within the budget."""
        todo = []
        for claim, comps in chunk:
            mine = [c for c in comps if c.event.dataset in EMBEDDED]
            if not mine:
                continue
            key = claim.sentence.index
            if key not in self.seen:
                if self.left <= 0:
                    continue
                self.seen.add(key)
                self.left -= 1
            todo.append((claim, mine))
        if not todo:
            return
        texts = [in_context(claim) for claim, _ in todo] + [c.event.summary for _, mine in todo for c in mine]
        vecs = self.evidence.vectors(texts)
        at = len(todo)
        for i, (_, mine) in enumerate(todo):
            for c in mine:
                c.meaning = float(vecs[i] @ vecs[at])
                at += 1
