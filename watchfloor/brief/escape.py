"""Markdown escaping for text that comes from the store or from a caller (a title), never from our templates.

A summary or a source title may carry Markdown: `[x](http://evil)` would become a live link and
`![](http://evil/i.png)` an image that the downloaded HTML fetches from outside (and that stops the PDF). So
every such text is escaped before it goes into the Markdown, and reads the same once rendered.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")
_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in "[]<>`\\*\"' |"}


def md_text(text: str, starts_line: bool = False) -> str:
    """Plain text made inert in Markdown: emphasis, links, images, autolinks, code and entities; with
    `starts_line`, also what would open a heading, list or quote when the text begins a paragraph or list item."""
    one_line = " ".join(str(text).split())
    out = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", one_line))
    m = _LINE_START.match(out) if starts_line else None
    if m:  # '# x', '- x', '> x', '1. x'
        mark = m.group(2)
        out = m.group(1) + (mark + "\\" if mark[0].isdigit() else "\\" + mark) + out[m.end():]
    return out


def md_url(url: str) -> str:
    """A URL written bare in Markdown: characters that could open a link, an image or code are percent-encoded."""
    return "".join(_URL_UNSAFE.get(c, c) for c in " ".join(str(url).split()))
