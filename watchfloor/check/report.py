"""The check report: claims, findings and the evidence behind them, and its JSON form (the contract).

The dictionary `to_dict()` returns is exactly the shape of
watchfloor/data/schemas/check-report.schema.json; offsets index the text as read and every quote is
`text[start:end]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
KINDS = ("wrong_date", "wrong_number", "wrong_actor", "contradicted", "internal_contradiction", "unsupported",
         "uncertainty_language", "missing_source")


@dataclass
class EvidenceRef:
    id: str
    source: str
    url: str | None
    date: str
    """YYYY-MM-DD: the first day of the fact's date (see `when` for its precision)."""
    fact: str
    when: str = ""
    """The fact's date as written to its precision: 2024, June 2024, 11 June 2024."""
    publisher: str | None = None
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "source": self.source}
        if self.url:
            out["url"] = self.url
        out["date"] = self.date
        out["fact"] = self.fact
        if self.event_id:
            out["event"] = self.event_id
        return out


@dataclass(frozen=True)
class Related:
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass
class Finding:
    kind: str
    severity: str
    start: int
    end: int
    quote: str
    message: str
    related: list[Related] = field(default_factory=list)
    evidence: list[EvidenceRef] = field(default_factory=list)
    claim_id: str | None = None
    id: str = ""
    why: str = ""
    """How the evidence was matched to the statement (shown by the renderers, not part of the JSON contract)."""
    score: float | None = None
    """The fitted scorer's probability that this error is right (check/scorer.py); not part of the contract."""
    features: Any = None
    """The feature row the scorer read (check/features.py), kept for fitting; not part of the contract."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "severity": self.severity, "start": self.start,
                               "end": self.end, "quote": self.quote, "message": self.message}
        out["related"] = [r.to_dict() for r in self.related]
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


@dataclass
class ClaimResult:
    id: str
    start: int
    end: int
    text: str
    kind: str
    status: str
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "status": self.status, "evidence": list(self.evidence)}


@dataclass
class CheckReport:
    name: str
    claims: list[ClaimResult]
    findings: list[Finding]
    evidence: list[EvidenceRef] = field(default_factory=list)
    """Every evidence item cited by a claim or finding, by id."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each step: read, extract, retrieve, match, checks."""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def infos(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "info"]

    @property
    def exit_code(self) -> int:
        """0 when no error was found, 1 when some were (2, bad input, never reaches a report)."""
        return 1 if self.errors else 0

    def summary(self) -> dict[str, int]:
        status = [c.status for c in self.claims]
        return {"claims": len(self.claims), "supported": status.count("supported"),
                "contradicted": status.count("contradicted"), "unsupported": status.count("unsupported"),
                "errors": len(self.errors), "warnings": len(self.warnings)}

    def to_dict(self) -> dict[str, Any]:
        return {"report": self.name, "claims": [c.to_dict() for c in self.claims],
                "findings": [f.to_dict() for f in self.findings], "summary": self.summary()}

    def evidence_by_id(self) -> dict[str, EvidenceRef]:
        return {e.id: e for e in self.evidence}
