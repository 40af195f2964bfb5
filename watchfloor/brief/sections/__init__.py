"""The analysis sections, one module per kind.

`CLAIM_ORDER` decides which section narrates a fact that several could tell
(China tells the attacks on Chinese workers, the United States section its
2024 arrests); `DISPLAY_ORDER` is the order a reader meets them.
"""

from __future__ import annotations

from watchfloor.brief.model import Section
from watchfloor.brief.sections import china, economy, history, neighbours, politics, russia, terrorism, united_states
from watchfloor.brief.sections.base import Builder, Context

BUILDERS: dict[str, Builder] = {m.BUILDER.kind: m.BUILDER for m in (
    terrorism, united_states, russia, china, politics, economy, neighbours, history)}
CLAIM_ORDER = ["history", "united_states", "china", "terrorism", "russia", "politics", "economy", "neighbours"]
DISPLAY_ORDER = ["terrorism", "united_states", "russia", "china", "politics", "economy", "neighbours", "history"]

__all__ = ["BUILDERS", "CLAIM_ORDER", "DISPLAY_ORDER", "Context", "build_sections"]


def build_sections(ctx: Context) -> list[Section]:
    built = {kind: BUILDERS[kind].section(ctx) for kind in CLAIM_ORDER}
    return [s for kind in DISPLAY_ORDER if (s := built.get(kind)) is not None]
