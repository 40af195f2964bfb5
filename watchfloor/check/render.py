"""Check reports for people: plain text for a terminal, HTML with every finding marked in place.

Both escape nothing into markup they do not control: the text renderer returns
plain text (no Rich markup), the HTML renderer escapes every piece of report
text, message, quote and evidence, and only links http(s) URLs. The HTML is
offline: inline CSS and a few lines of inline JavaScript, no external assets.
"""

from __future__ import annotations

import html
import textwrap

from watchfloor.check.report import CheckReport, EvidenceRef, Finding

ORDER = ("error", "warning", "info")
TITLES = {"error": "Errors", "warning": "Warnings", "info": "Notes"}


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _wrap(s: str, indent: str, width: int = 100) -> list[str]:
    return textwrap.wrap(s, width=width, initial_indent=indent, subsequent_indent=indent) or [indent]


def _evidence_line(e: EvidenceRef) -> str:
    where = e.source + (f" ({e.publisher})" if e.publisher and e.publisher not in e.source else "")
    return f"{e.id} · {e.when or e.date} · {where}" + (f" · {e.url}" if e.url else "")


def render_text(report: CheckReport, text: str, width: int = 100) -> str:
    """A readable terminal report grouped by severity, each finding with its line, quote, message and evidence."""
    s = report.summary()
    notes = len(report.infos)
    out = [f"Check of {report.name}: {s['errors']} errors, {s['warnings']} warnings, {notes} notes",
           f"{s['claims']} claims: {s['supported']} supported, {s['contradicted']} contradicted, "
           f"{s['unsupported']} unsupported"]
    for severity in ORDER:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        out += ["", f"{TITLES[severity].upper()} ({len(group)})"]
        for f in group:
            quote = f.quote if len(f.quote) <= 160 else f.quote[:157] + "…"
            out.append(f"  [{f.id}] {f.kind}, line {_line(text, f.start)}: “{quote}”")
            out += _wrap(f.message, "      ", width)
            if f.why:
                out += _wrap(f"({f.why})", "      ", width)
            for r in f.related:
                out += _wrap(f"related, line {_line(text, r.start)}: “{r.quote}”", "      ", width)
            for e in f.evidence:
                out += _wrap("evidence " + _evidence_line(e), "      ", width)
    if not report.findings:
        out += ["", "No findings."]
    return "\n".join(out) + "\n"


_CSS = """
.wf-check{font:15px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;color:#1d2329;max-width:980px;margin:0 auto}
.wf-check h1{font-size:1.3em;margin:.4em 0}.wf-check h2{font-size:1.05em;margin:1.2em 0 .4em}
.wf-legend span{display:inline-block;margin-right:1em}.wf-text{white-space:pre-wrap;border:1px solid #d8dde3;
padding:1em 1.2em;border-radius:6px;background:#fff}
.wf-check mark{cursor:pointer;border-radius:3px;padding:0 1px;color:inherit}
.wf-check mark.error,.wf-key.error{background:#ffd3cf;border-bottom:2px solid #c62828}
.wf-check mark.warning,.wf-key.warning{background:#fff1c2;border-bottom:2px solid #b7791f}
.wf-check mark.info,.wf-key.info{background:#dcebff;border-bottom:2px dotted #2b6cb0}
.wf-check mark.active{outline:2px solid #1d2329}
.wf-key{padding:0 .4em;border-radius:3px}
.wf-finding{border-left:4px solid #d8dde3;padding:.3em .8em;margin:.5em 0;background:#fafbfc}
.wf-finding.error{border-color:#c62828}.wf-finding.warning{border-color:#b7791f}.wf-finding.info{border-color:#2b6cb0}
.wf-finding.active{background:#fffbe6}.wf-finding .q{font-style:italic}.wf-finding small{color:#5a6470}
.wf-finding ul{margin:.3em 0 .2em 1.2em;padding:0}
"""

_JS = """
document.querySelectorAll('.wf-check mark[data-f]').forEach(function(m){m.addEventListener('click',function(){
var id=m.getAttribute('data-f').split(' ')[0];document.querySelectorAll('.wf-check .active').forEach(function(x){
x.classList.remove('active')});m.classList.add('active');var d=document.getElementById('wf-'+id);
if(d){d.classList.add('active');d.scrollIntoView({behavior:'smooth',block:'center'});}});});
"""


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def _link(url: str | None, label: str) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(label)}</a>'
    return _esc(label)


def _marked(report: CheckReport, text: str) -> str:
    """The report text with a <mark> over every stretch that one or more findings are about."""
    cuts = {0, len(text)}
    for f in report.findings:
        cuts |= {max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))}
    points = sorted(cuts)
    parts = []
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        covering = [f for f in report.findings if f.start <= a and b <= f.end and f.end > f.start]
        chunk = _esc(text[a:b])
        if not covering:
            parts.append(chunk)
            continue
        covering.sort(key=lambda f: (ORDER.index(f.severity), f.id))
        top = covering[0]
        title = " | ".join(f"{f.kind}: {f.message}" for f in covering)
        ids = " ".join(f.id for f in covering)
        parts.append(f'<mark class="{top.severity}" data-f="{_esc(ids)}" title="{_esc(title)}">{chunk}</mark>')
    return "".join(parts)


def _finding(f: Finding) -> str:
    items = []
    for r in f.related:
        items.append(f"<li>the report also says: <span class=\"q\">“{_esc(r.quote)}”</span></li>")
    for e in f.evidence:
        items.append(f"<li><b>{_esc(e.id)}</b> {_esc(e.when or e.date)} · {_link(e.url, e.source)}"
                     + (f" <small>({_esc(e.publisher)})</small>" if e.publisher else "")
                     + f"<br>{_esc(e.fact)}</li>")
    listed = f"<ul>{''.join(items)}</ul>" if items else ""
    return (f'<div class="wf-finding {f.severity}" id="wf-{_esc(f.id)}"><small>{_esc(f.id)} · {_esc(f.severity)} · '
            f'{_esc(f.kind)}</small><div class="q">“{_esc(f.quote[:300])}”</div><div>{_esc(f.message)}</div>'
            + (f"<small>{_esc(f.why)}</small>" if f.why else "") + f"{listed}</div>")


def render_html(report: CheckReport, text: str, standalone: bool = True) -> str:
    """The report itself with each finding highlighted in place; click a mark for its message and evidence."""
    s = report.summary()
    counts = {sev: sum(1 for f in report.findings if f.severity == sev) for sev in ORDER}
    legend = "".join(f'<span><span class="wf-key {sev}">{TITLES[sev]}</span> {counts[sev]}</span>' for sev in ORDER)
    groups = []
    for sev in ORDER:
        found = [f for f in report.findings if f.severity == sev]
        if found:
            groups.append(f"<h2>{TITLES[sev]} ({len(found)})</h2>" + "".join(_finding(f) for f in found))
    body = (f'<div class="wf-check"><style>{_CSS}</style><h1>Check: {_esc(report.name)}</h1>'
            f'<p>{s["claims"]} claims: {s["supported"]} supported, {s["contradicted"]} contradicted, '
            f'{s["unsupported"]} unsupported.</p><p class="wf-legend">{legend}</p>'
            f'<div class="wf-text">{_marked(report, text)}</div>{"".join(groups) or "<p>No findings.</p>"}'
            f"<script>{_JS}</script></div>")
    if not standalone:
        return body
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>Check: {_esc(report.name)}</title></head>'
            f"<body>{body}</body></html>\n")
