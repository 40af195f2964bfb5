"""missing_source: a report that cites nothing at all.

Why: a reader cannot weigh a claim without knowing where it comes from, and a
report without sources cannot be checked by anyone but us. How it decides: no
citation markers ([3], footnotes), no links, no source list, no "(Reuters,
2024)", no "according to …", and no sentence that attributes what it reports
in the text itself ("the Interior Ministry said …", read from the parse:
extract/attribution.py). One such sentence is enough: the warning says the
report cites nothing at all, and a news lead that names one source does
not. One warning for the whole report, quoting its first line. Switch off
with `--skip missing_source`.
"""

from __future__ import annotations

from watchfloor.check.base import Check, Context
from watchfloor.check.report import Finding


class MissingSource(Check):
    """No citations anywhere in the report."""

    kind = "missing_source"
    severity = "warning"

    def run(self, ctx: Context) -> list[Finding]:
        if ctx.extraction.citations.any or not ctx.extraction.sentences:
            return []
        from watchfloor.extract.attribution import attributions

        if attributions(ctx.text, enough=1):
            return []
        first = ctx.extraction.sentences[0]
        claims = sum(1 for c in ctx.extraction.claims if c.checkable)
        return [self.finding(ctx, first.start, first.end, f"The report cites no sources at all: none of its "
                             f"{claims} checkable statements says where it comes from.")]
