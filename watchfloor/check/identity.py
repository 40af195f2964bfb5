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

from watchfloor.errors import ConfigError


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


_FIELDS = (("coef", "score"), ("coef", "meaning"), ("intercept",), ("keep",))
_REFIT = "refit it: .venv/bin/python bench/fit_identity.py (or reinstall watchfloor)"


def load(path: Path) -> IdentityModel:
    """The fitted model from its JSON file; a file that cannot be read or lacks a number is a ConfigError naming the
    file and the field, as for the scorer (check/scorer.load_model)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: the fitted identity model cannot be read ({exc}).", hint=_REFIT) from exc
    values = []
    for field in _FIELDS:
        value = data
        for part in field:
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, int | float):
            raise ConfigError(f"{path}, field {'.'.join(field)!r}: the fitted identity model has no number there.",
                              hint=_REFIT)
        values.append(float(value))
    return IdentityModel(*values)


@lru_cache(maxsize=1)
def model() -> IdentityModel | None:
    """The shipped model, or None before one was fitted (the rule then decides alone)."""
    path = Path(str(resources.files("watchfloor") / "data" / "models" / PATH))
    return load(path) if path.is_file() else None
