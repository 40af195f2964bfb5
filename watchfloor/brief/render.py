"""Markdown to a standalone HTML page: figures inline as SVG, markers linked to their sources, CSS inside.

Nothing on the page points outside it: no script, no web font, no stylesheet
link, so it reads the same on an air-gapped laptop and prints the same to PDF.
"""

from __future__ import annotations

import html as htmllib
import re

from jinja2 import Environment, select_autoescape
from markdown_it import MarkdownIt

from watchfloor.brief.layout import BOTTOM_LINE, FIRST_ANNEX, template
from watchfloor.brief.model import Figure
from watchfloor.brief.record import HEADING as RECORD

_RECORD = re.compile(r"(<h2>" + re.escape(RECORD) + r"</h2>)\s*<blockquote>(.*?)</blockquote>", re.S)
"""The Correcting the Record section, a block quote in the Markdown, becomes a box."""
_MARKERS = re.compile(r"\[(\d+(?:, \d+)*)\]")
_SOURCE_P = re.compile(r"<p>\[(\d+)\] (.*?)</p>", re.S)
_URL = re.compile(r"(https?://[^\s,<]+)(, reliability [^,<]*)$")
"""The entry's own URL: the field just before its grade at the end (a URL inside a title stays text)."""


def to_html(markdown: str, title: str, figures: list[Figure], figure_prefix: str) -> str:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    body = md.render(markdown)
    head, sep, tail = body.partition("<h2>Sources</h2>")
    head = _MARKERS.sub(_link_markers, head)
    tail = _SOURCE_P.sub(_source_entry, tail)
    body = (head + sep + tail).replace(f"<h2>{FIRST_ANNEX}", f'<h2 class="annex">{FIRST_ANNEX}', 1)
    body = summary_page(body)
    body = _RECORD.sub(lambda m: f'<aside class="record">{m.group(1)}{m.group(2)}</aside>', body, count=1)
    for i, f in enumerate(figures, 1):
        body = _inline_figure(body, f, i, f"{figure_prefix}-{f.name}.svg")
    env = Environment(autoescape=select_autoescape(default=True))
    page = env.from_string(template("brief.html.j2"))
    return page.render(title=title, css=template("brief.css"), body=body)


def summary_page(body: str) -> str:
    """The cover block and the bottom line (with the judgments at a glance) as the first page: a section the PDF
    ends with a page break. A chronology (no bottom line) has no summary page."""
    at = body.find(f"<h2>{BOTTOM_LINE}</h2>")
    end = body.find("<h2", at + 1) if at >= 0 else -1
    if end < 0:
        return body
    return f'<section class="summary">\n{body[:end]}</section>\n{body[end:]}'


def _link_markers(m: re.Match[str]) -> str:
    nums = m.group(1).split(", ")
    return ('<span class="cite">[' + ", ".join(f'<a href="#src-{n}">{n}</a>' for n in nums) + "]</span>")


def _source_entry(m: re.Match[str]) -> str:
    n, rest = m.group(1), m.group(2)
    rest = _URL.sub(lambda u: f'<a href="{u.group(1)}">{u.group(1)}</a>{u.group(2)}', rest.strip())
    return f'<p class="source" id="src-{n}"><span class="num">[{n}]</span> {rest}</p>'


def _inline_figure(body: str, fig: Figure, number: int, file: str) -> str:
    """The image link becomes the SVG in a <figure>. A judgment's figure carries its cited caption as the paragraph
    after the image ('Figure 2: … [3, 4].'), which becomes the figcaption with its linked markers."""
    image = r'<p><img src="' + re.escape(htmllib.escape(file)) + r'" alt="([^"]*)" ?/?></p>'
    argued = re.compile(image + r"\s*<p>(Figure \d+: .*?)</p>", re.S)
    if argued.search(body):
        return argued.sub(lambda m: f'<figure class="figure" id="figure-{fig.name}">{fig.svg}'
                                    f"<figcaption>{m.group(2)}</figcaption></figure>", body, count=1)
    pattern = re.compile(image)
    caption = f"<figcaption>Figure {number}: {htmllib.escape(fig.caption)}</figcaption>" if fig.caption else ""
    block = f'<figure class="figure" id="figure-{fig.name}">{fig.svg}{caption}</figure>'
    return pattern.sub(lambda _m: block, body)
