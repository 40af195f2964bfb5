"""The report checker: what a report gets wrong against the evidence store, and what it cannot support.

    from watchfloor.check import check_text, check_file, CheckReport
    report = check_text(store, text, name="brief")
    report.to_dict()      # the JSON contract (data/schemas/check-report.schema.json)
    report.exit_code      # 0 no error, 1 some
"""

from watchfloor.check.api import check_file, check_text
from watchfloor.check.registry import KINDS
from watchfloor.check.report import CheckReport, ClaimResult, EvidenceRef, Finding, Related

__all__ = ["KINDS", "CheckReport", "ClaimResult", "EvidenceRef", "Finding", "Related", "check_file", "check_text"]
