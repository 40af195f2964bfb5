"""unsupported: a checkable statement the store can neither confirm nor refute.

Why: an analyst needs to know which statements rest on nothing the store
holds, to find a source or soften them. It is never an error: absence of
evidence in one store is not proof of error. How it decides: the statement
names someone and says what happened, how many or when, is not a judgment or
forecast, and no store event or measure supports it. It is a warning when the
store identifies the event the statement is about (it covers that event, yet
nothing in it says this), and only a note (info) when the store holds nothing
on it at all: on a real article most statements are of the second sort, and a
warning on each would bury the ones worth reading. Switch off with
`--skip unsupported`.
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
            known = next((x for x in m.comparisons if x.identified()), None)
            if known is None:
                out.append(self.finding(ctx, c.start, c.end, "The store holds nothing on this statement.", claim=c,
                                        severity="info"))
                continue
            out.append(self.finding(
                ctx, c.start, c.end, f"The store holds this event but nothing that confirms this statement. The "
                f"closest store fact ({known.event.date.human()}): {known.event.summary}", claim=c))
        return out
