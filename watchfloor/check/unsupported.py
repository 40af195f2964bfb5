"""unsupported: a checkable statement the store can neither confirm nor refute.

Why: an analyst needs to know which statements rest on nothing the store
holds, to find a source or soften them. It is a warning, never an error:
absence of evidence in one store is not proof of error. How it decides: the
statement names someone and says what happened, how many or when, is not a
judgment or forecast, and no store event or measure supports it. Switch off
with `--skip unsupported`.
"""

from __future__ import annotations

from watchfloor.check.base import Check, Context
from watchfloor.check.report import Finding


class Unsupported(Check):
    """Checkable statements without support in the store."""

    kind = "unsupported"
    severity = "warning"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        flagged = {f.claim_id for f in ctx.findings if f.severity == "error"}
        for m in ctx.matches:
            c = m.claim
            if not c.checkable or c.id in flagged or c.modality == "hedged" or c.heading:
                continue
            if any(x.supports() for x in m.comparisons):
                continue
            if any(v.status == "match" for v in ctx.measures.get(c.index, [])):
                continue
            closest = m.best
            hint = ""
            if closest is not None and closest.lexical >= 0.15:
                hint = f" The closest store fact ({closest.event.date.human()}): {closest.event.summary}"
            out.append(self.finding(ctx, c.start, c.end, "The store holds nothing that confirms this statement." +
                                    hint, claim=c))
        return out
