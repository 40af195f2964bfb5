"""uncertainty_language: likelihood and confidence written outside ICD 203 tradecraft.

Why: Intelligence Community Directive 203 asks analysts to express likelihood
with seven fixed terms in one of two rows (almost no chance … almost certain,
or remote … nearly certain), to keep confidence ("high confidence") apart from
likelihood, and to state confidence in key judgments. Readers then compare
like with like. How it decides: off-scale wording ("highly likely", "possibly",
"may") is info; mixing the two rows, or likelihood and confidence in one
sentence, is info; key judgments (a "Key Judgments" or "Bottom line" section,
or "we assess/judge" sentences) with no confidence level anywhere near them is
a warning. Switch off with `--skip uncertainty_language`.
"""

from __future__ import annotations

import re

from watchfloor.check.base import Check, Context
from watchfloor.check.report import Finding
from watchfloor.extract.modality import confidence_spans, likelihood_terms

_KEY_HEADING = re.compile(r"key\s+judg(?:e)?ments?|bottom\s+line|key\s+findings|key\s+assessments?", re.I)
_JUDGMENT = re.compile(r"\bwe\s+(?:assess|judge|estimate|believe)\b", re.I)


class UncertaintyLanguage(Check):
    """Likelihood words off the ICD 203 scale, mixed rows, mixed confidence, unqualified key judgments."""

    kind = "uncertainty_language"
    severity = "info"
    limit = 25

    def run(self, ctx: Context) -> list[Finding]:
        text, out = ctx.text, []
        rows: dict[str, list] = {"a": [], "b": []}
        for s in ctx.extraction.sentences:
            terms = likelihood_terms(text, s.start, s.end)
            conf = confidence_spans(text, s.start, s.end)
            for t in terms:
                if t.row is None:
                    out.append(self.finding(ctx, t.start, t.end, f"'{t.text}' is not on the ICD 203 likelihood scale; "
                                            "use one of almost no chance, very unlikely, unlikely, roughly even "
                                            "chance, likely, very likely, almost certain."))
                else:
                    rows[t.row].append(t)
            scale = [t for t in terms if t.row]
            if scale and conf:
                out.append(self.finding(ctx, s.start, s.end, "This sentence states both a likelihood and a "
                                        "confidence level; ICD 203 keeps them in separate sentences."))
        if rows["a"] and rows["b"]:
            minority = rows["b"] if len(rows["b"]) <= len(rows["a"]) else rows["a"]
            t = minority[0]
            out.append(self.finding(ctx, t.start, t.end, f"'{t.text}' comes from the other row of the ICD 203 scale "
                                    "than the rest of the report; keep to one row."))
        out += self._key_judgments(ctx)
        out.sort(key=lambda f: f.start)
        return out[: self.limit] if self.limit else out

    def _key_judgments(self, ctx: Context) -> list[Finding]:
        text, out = ctx.text, []
        sentences = ctx.extraction.sentences
        for i, s in enumerate(sentences):
            if s.heading and _KEY_HEADING.search(s.text):
                body = [x for x in sentences[i + 1:] if x.section == s.index]
                end = body[-1].end if body else s.end
                if not confidence_spans(text, s.start, end):
                    out.append(self.finding(ctx, s.start, s.end, "The key judgments state no confidence level "
                                            "(high, moderate or low confidence).", severity="warning"))
            elif not s.heading and _JUDGMENT.search(s.text):
                para = [x for x in sentences if x.paragraph == s.paragraph]
                if not confidence_spans(text, para[0].start, para[-1].end):
                    m = _JUDGMENT.search(s.text)
                    assert m is not None
                    out.append(self.finding(ctx, s.start + m.start(), s.start + m.end(),
                                            "A judgment without a confidence level.", severity="warning"))
        return out
