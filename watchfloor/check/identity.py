"""The fitted identity model: how likely a candidate is the very event a claim speaks of.

Why: the hand-set identity rule (match.Comparison.identified) takes one event for another about as often as it
finds the right one on the labelled sets (each blind key names the event), because shared names and words do
not tell two incidents of one kind apart. A logistic model over the rule's score and the sentence meaning
(check/meaning.py) ranks the right event first far more often. It is fitted by bench/fit_identity.py with
scikit-learn, shipped as data and evaluated here in plain arithmetic. It only vetoes: a candidate the rule
identifies is dropped when the model finds it unlikely (below `keep`); letting it add candidates the rule misses
raised false errors on real articles.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class IdentityModel:
    coef_score: float
    coef_meaning: float
    intercept: float
    keep: float

    def probability(self, score: float, meaning: float) -> float:
        z = self.coef_score * score + self.coef_meaning * meaning + self.intercept
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def vetoes(self, score: float, meaning: float) -> bool:
        return self.probability(score, meaning) < self.keep


PATH = "identity.json"


def load(path: Path) -> IdentityModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return IdentityModel(float(data["coef"]["score"]), float(data["coef"]["meaning"]), float(data["intercept"]),
                         float(data["keep"]))


@lru_cache(maxsize=1)
def model() -> IdentityModel | None:
    """The shipped model, or None before one was fitted (the rule then decides alone)."""
    path = Path(str(resources.files("watchfloor") / "data" / "models" / PATH))
    return load(path) if path.is_file() else None
