"""The numbered source list: numbers in order of first citation, so every number is used and resolves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from watchfloor.brief.escape import md_text, md_url
from watchfloor.brief.evidence import ADMIRALTY


@dataclass(frozen=True)
class SourceEntry:
    number: int
    id: str
    publisher: str
    title: str
    date: str
    url: str
    reliability: str

    def line(self) -> str:
        """`[n] publisher, title, date, url, reliability` — the house format of `## Sources`, as Markdown: what
        came from the store is escaped, so a title cannot turn into a link or an image."""
        url = md_url(self.url) if self.url.startswith(("http://", "https://")) else md_text(self.url)
        return (f"[{self.number}] {md_text(self.publisher)}, “{md_text(self.title)}”, {md_text(self.date)}, {url}, "
                f"reliability {md_text(self.reliability)} ({ADMIRALTY.get(self.reliability, 'unknown')})")


class Numbering:
    """Hands out [n] numbers to source ids as the brief is read from top to bottom."""

    def __init__(self, sources: dict[str, dict[str, Any]]) -> None:
        self.sources = sources
        self.numbers: dict[str, int] = {}

    def number(self, source_id: str) -> int:
        if source_id not in self.numbers:
            if source_id not in self.sources:
                raise KeyError(f"source {source_id!r} is not in the evidence")
            self.numbers[source_id] = len(self.numbers) + 1
        return self.numbers[source_id]

    def markers(self, ids: tuple[str, ...]) -> str:
        """'[3]' or '[3, 7]': numbers ascending, each once."""
        nums = sorted({self.number(i) for i in ids})
        return "[" + ", ".join(str(n) for n in nums) + "]"

    def entries(self) -> list[SourceEntry]:
        out = []
        for sid, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            s = self.sources[sid]
            out.append(SourceEntry(n, sid, clean(s.get("publisher") or "unknown publisher"),
                                   title(s.get("title") or "untitled"), s.get("published_at") or "n.d.",
                                   s.get("url") or "no link", s.get("reliability") or "F"))
        return out


def title(text: str) -> str:
    """A stored title without the numeric page id a URL put in front of it ('290496 Two men detained …')."""
    t = clean(text)
    m = re.match(r"^\d{4,}\s+(\S.*)$", t)
    if m and len(m.group(1).split()) >= 3:
        t = m.group(1)
    return t[:1].upper() + t[1:]


def clean(text: str) -> str:
    """Titles and publishers on one line, without characters that would break the list."""
    return " ".join(str(text).replace("“", "'").replace("”", "'").split())
