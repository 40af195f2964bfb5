"""Citation markers and source lists: "[3]", "[3, 4]", "[^2]", "(Reuters, 12 June 2024)", links, "Sources:".

They matter twice: "[3]" must never be read as a number, and a report that
cites nothing at all gets a missing_source finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"\[\^?\d{1,3}(?:\s*[,;–-]\s*\^?\d{1,3})*\]|\[\^[\w-]{1,20}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[a-z0-9-]+\.[a-z]{2,}[^\s<>\"')\]]*", re.I)
_PAREN = re.compile(r"\((?:[A-Z][\w&./’'-]*(?:\s+[A-Z][\w&./’'-]*){0,5}),\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+)?"
                    r"(?:(?:19|20)\d\d|n\.d\.)(?:[,;]\s*[^)]{0,40})?\)")
_SOURCE_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:sources?|references?|bibliography|notes|citations|works\s+cited|"
                             r"footnotes|endnotes)\s*(?::.*)?$", re.I | re.M)
_ATTRIBUTION = re.compile(r"\baccording\s+to\s+(?:the\s+)?[A-Z]|\b(?:reported|told|said)\s+(?:by\s+)?(?:the\s+)?"
                          r"(?:Reuters|AP|AFP|RFE/RL|Radio\s+Ozodi|Asia-Plus|Eurasianet|TASS|Interfax|BBC)\b")


@dataclass(frozen=True)
class Citations:
    markers: list[tuple[int, int]]
    """Spans of markers, links and parenthetical cites: never numbers, dates or claims."""
    has_source_list: bool
    attributions: int

    @property
    def any(self) -> bool:
        return bool(self.markers) or self.has_source_list or self.attributions > 0


def find_citations(text: str) -> Citations:
    spans = [(m.start(), m.end()) for m in _MARKER.finditer(text)]
    spans += [(m.start(), m.end()) for m in _URL.finditer(text)]
    spans += [(m.start(), m.end()) for m in _PAREN.finditer(text)]
    return Citations(sorted(spans), bool(_SOURCE_HEADING.search(text)), len(_ATTRIBUTION.findall(text)))
