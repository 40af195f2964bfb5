"""Verdict assembly: run the checks, fold findings about the same words together, give each claim a status.

A claim is contradicted when an error finding is about it, unverifiable when
only a demoted (warning) disagreement is (see gate.py), supported when a
store event (or a measure's value) supports it, unverifiable when it is a
judgment or forecast, and unsupported otherwise.
"""

from __future__ import annotations

from watchfloor.check.base import Check, Context
from watchfloor.check.gate import GATED
from watchfloor.check.report import CheckReport, ClaimResult, Finding
from watchfloor.check.scorer import judge

_ORDER = {"error": 0, "warning": 1, "info": 2}


def assemble(ctx: Context, checks: list[Check], name: str) -> CheckReport:
    held = _Held(ctx.findings)
    for check in checks:
        if not check.enabled:
            continue
        found = check.run(ctx)
        judge(ctx, found)
        for f in found:
            held.add(f)
    findings = sorted(ctx.findings, key=lambda f: (f.start, _ORDER[f.severity], f.kind, f.end))
    for i, f in enumerate(findings, 1):
        f.id = f"f{i}"
    by_claim: dict[str | None, list[Finding]] = {}
    for f in findings:
        by_claim.setdefault(f.claim_id, []).append(f)
    claims = [_claim(ctx, m.claim, by_claim.get(m.claim.id, [])) for m in ctx.matches if _listed(m.claim)]
    return CheckReport(name, claims, findings, list(ctx.book.items.values()))


class _Held:
    """The findings so far, indexed by claim and by (kind, start, end), so that adding one is a look-up, not a
    pass over all of them (a long report has thousands)."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.errors: dict[str | None, list[tuple[int, Finding]]] = {}
        self.first: dict[tuple[str, int, int], int] = {}
        for pos, f in enumerate(list(findings)):
            self._index(pos, f)

    def _index(self, pos: int, f: Finding) -> None:
        if f.severity == "error":
            self.errors.setdefault(f.claim_id, []).append((pos, f))
        self.first.setdefault((f.kind, f.start, f.end), pos)

    def add(self, new: Finding) -> None:
        """An internal contradiction about words a store finding already flags becomes that finding's
        `related`; the same finding twice is kept once. The earliest finding that applies decides."""
        same = self.first.get((new.kind, new.start, new.end))
        over = None
        if new.severity == "error":
            over = next(((pos, f) for pos, f in self.errors.get(new.claim_id, ())
                         if f.start < new.end and new.start < f.end), None)
        if over is not None and (same is None or over[0] <= same):
            f = over[1]
            if new.related and not f.related:
                f.related = new.related
                f.message = f"{f.message.rstrip('.')}. The report itself also says: '{new.related[0].quote}'."
            return
        if same is not None:
            return
        self.findings.append(new)
        self._index(len(self.findings) - 1, new)


def _listed(claim) -> bool:  # type: ignore[no-untyped-def]
    return claim.checkable or bool(claim.all_entities and (claim.quantities or claim.dates))


def _claim(ctx: Context, claim, findings: list[Finding]) -> ClaimResult:  # type: ignore[no-untyped-def]
    """The claim's status from its own findings (`findings` are those with its claim id, in report order)."""
    errors = [f for f in findings if f.severity == "error"]
    doubted = [f for f in findings if f.severity == "warning" and f.kind in GATED]
    match = ctx.match(claim)
    evidence: list[str] = []
    if errors:
        status = "contradicted"
        for f in errors:
            evidence += [e.id for e in f.evidence if e.id not in evidence]
    elif doubted:
        status = "unverifiable"
        for f in doubted:
            evidence += [e.id for e in f.evidence if e.id not in evidence]
    else:
        support = [c for c in match.comparisons if c.supports()]
        measured = [v for v in ctx.measures.get(claim.index, []) if v.status == "match"]
        if support or measured:
            status = "supported"
            for c in support[:2]:
                evidence.append(ctx.book.event(c.event).id)
            for v in measured[:1]:
                evidence += [e.id for e in ctx.book.values(v.values[:2]) if e.id not in evidence]
        elif claim.modality == "hedged" or not claim.checkable:
            status = "unverifiable"
        else:
            status = "unsupported"
    return ClaimResult(claim.id, claim.start, claim.end, claim.text, claim.kind, status, evidence)
