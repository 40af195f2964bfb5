"""Sources from URLs: publisher, a readable title and a default reliability grade.

A fact pack gives only a link. The publisher comes from the domain; the grade
is a default an analyst can change, stated in docs/importers.md and kept with
the publishers in data/publishers.json: B for established wire services,
broadcasters and official statistics, C for other named news outlets and
official government sites, F (cannot be judged) for the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from urllib.parse import unquote, urlparse

from watchfloor.model import Source

_PUBLISHERS: dict[str, tuple[str, str]] = {
    domain: (name, grade) for domain, (name, grade) in json.loads(resources.files("watchfloor").joinpath(
        "data", "publishers.json").read_text(encoding="utf-8"))["publishers"].items()}
"""Registered domain → (publisher, default grade), from data/publishers.json."""


def publisher_for(url: str) -> tuple[str, str]:
    """(publisher, reliability) for a URL, by its registered domain."""
    host = urlparse(url).netloc.lower().split(":")[0]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        hit = _PUBLISHERS.get(".".join(parts[i:]))
        if hit:
            return hit
    bare = host.removeprefix("www.")
    return (bare or "unknown publisher", "F")


def title_from_url(url: str) -> str:
    """A readable title from a URL's last meaningful path segment."""
    path = unquote(urlparse(url).path).rstrip("/")
    segments = [s for s in path.split("/") if s and not re.fullmatch(r"[\d.]+|amp|index\.\w+|view", s)]
    words = ""
    for seg in reversed(segments):
        seg = re.sub(r"\.(html?|php|aspx?|json)$", "", seg)
        cand = re.sub(r"[-_+]+", " ", seg).strip()
        if re.search(r"[A-Za-z]{3}", cand):
            words = cand
            break
    if not words:
        return urlparse(url).netloc or url
    words = re.sub(r"\s+\d{5,}$", "", words)
    return words[:1].upper() + words[1:]


def source_id(key: str) -> str:
    return "src-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def source_for_url(url: str, *, kind: str = "article", reliability: str | None = None) -> Source:
    publisher, grade = publisher_for(url)
    return Source(id=source_id(url), kind=kind, title=title_from_url(url), publisher=publisher, url=url,
                  reliability=reliability or grade)
