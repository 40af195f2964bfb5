"""HTML and PDF from the Markdown: figures inline, nothing fetched from outside, a real PDF."""

from __future__ import annotations

import re

import pytest

from watchfloor.brief import Brief
from watchfloor.brief.pdf import refuse_network
from watchfloor.brief.render import to_html


def test_html_is_standalone_with_inline_figures(brief: Brief) -> None:
    page = brief.html()
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"<(script|link)\b[^>]*(src|href)=\"https?://", page)
    assert not re.search(r"@import|url\(\s*['\"]?https?://", page)
    assert not re.search(r"<img\b", page), "figures are inline SVG, not image links"
    assert [f.name for f in brief.figures] == ["events", "actors", "map"]
    assert page.count("<figure class=\"figure\"") == 3 and page.count("<svg") >= 3
    assert '<h2>Key Judgments</h2>' in page


def test_html_links_markers_to_numbered_sources(brief: Brief) -> None:
    page = brief.html()
    first = re.search(r'<span class="cite">\[<a href="#src-(\d+)">', page)
    assert first and first.group(1) == "1"
    n = len(brief.sources)
    assert f'id="src-{n}"' in page and f'id="src-{n + 1}"' not in page


def test_figures_are_replaced_where_the_markdown_links_them(brief: Brief) -> None:
    from watchfloor.brief.model import Figure

    md = ("# T\n\n## Figures\n\n![Figure 1: a test](p-events.svg)\n\n## Sources\n\n"
          "[1] x, “t”, n.d., https://e.org, reliability B\n")
    page = to_html(md, "T", [Figure("events", "a test", '<svg xmlns="http://www.w3.org/2000/svg"></svg>')], "p")
    assert '<figure class="figure" id="figure-events"><svg' in page and "<figcaption>Figure 1: a test" in page
    assert '<p class="source" id="src-1">' in page and '<a href="https://e.org">' in page


def test_pdf_is_a_pdf(brief: Brief) -> None:
    data = brief.pdf()
    assert data.startswith(b"%PDF") and len(data) > 20_000


def test_pdf_fetches_nothing() -> None:
    with pytest.raises(ValueError, match="offline"):
        refuse_network("https://cdn.example.org/font.woff")
