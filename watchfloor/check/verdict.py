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

_ORDER = {"error": 0, "warning": 1, "info": 2}


def assemble(ctx: Context, checks: list[Check], name: str) -> CheckReport:
    for check in checks:
        if not check.enabled:
            continue
        for f in check.run(ctx):
            _add(ctx.findings, f)
    findings = sorted(ctx.findings, key=lambda f: (f.start, _ORDER[f.severity], f.kind, f.end))
    for i, f in enumerate(findings, 1):
        f.id = f"f{i}"
    claims = [_claim(ctx, m.claim, findings) for m in ctx.matches if _listed(m.claim)]
    return CheckReport(name, claims, findings, list(ctx.book.items.values()))


def _add(findings: list[Finding], new: Finding) -> None:
    """An internal contradiction about words a store finding already flags becomes that finding's `related`."""
    for f in findings:
        if f.severity == new.severity == "error" and f.start < new.end and new.start < f.end and (
                f.claim_id == new.claim_id):
            if new.related and not f.related:
                f.related = new.related
                f.message = f"{f.message.rstrip('.')}. The report itself also says: '{new.related[0].quote}'."
            return
        if (f.kind, f.start, f.end) == (new.kind, new.start, new.end):
            return
    findings.append(new)


def _listed(claim) -> bool:  # type: ignore[no-untyped-def]
    return claim.checkable or bool(claim.all_entities and (claim.quantities or claim.dates))


def _claim(ctx: Context, claim, findings: list[Finding]) -> ClaimResult:  # type: ignore[no-untyped-def]
    errors = [f for f in findings if f.claim_id == claim.id and f.severity == "error"]
    doubted = [f for f in findings if f.claim_id == claim.id and f.severity == "warning" and f.kind in GATED]
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
