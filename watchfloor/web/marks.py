"""Findings highlighted in place: the report's text, escaped, with each finding's span marked.

The check page uses these marks rather than `watchfloor.check.render.render_html`, whose fragment is a
whole widget (heading, findings, inline script) that the page's layout and CSP already cover. Every
piece of the report goes through `escape`; only our own <mark> tags are markup.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

RANK = {"error": 3, "warning": 2, "info": 1}


def highlight(text: str, findings: list[dict[str, Any]]) -> Markup:
    """`text` as HTML with <mark data-finding="f1 f2" class="sev-error"> around every finding's span."""
    spans = [(int(f["start"]), int(f["end"]), f) for f in findings
             if 0 <= int(f.get("start", -1)) < int(f.get("end", -1)) <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        over = [f for s, e, f in spans if s <= a and b <= e]
        if not over:
            out.append(piece)
            continue
        worst = max(over, key=lambda f: RANK.get(f.get("severity", "info"), 0))
        ids = " ".join(str(f["id"]) for f in over)
        title = "; ".join(str(f.get("message", "")) for f in over)
        out.append(Markup('<mark class="finding sev-{}" data-finding="{}" title="{}" tabindex="0">{}</mark>').format(
            worst.get("severity", "info"), ids, title, piece))
    return Markup("").join(out)
