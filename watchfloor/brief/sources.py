"""The numbered source list: numbers in order of first citation, so every number is used and resolves."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from watchfloor.brief.escape import md_text, md_url
from watchfloor.brief.evidence import ADMIRALTY
from watchfloor.brief.text import join
from watchfloor.dates import FuzzyDate, from_parts
from watchfloor.store import Store

SPAN = 3
"""More distinct months than this, and an undated source's note gives the first and the last only."""


@dataclass(frozen=True)
class SourceEntry:
    number: int
    id: str
    publisher: str
    title: str
    date: str
    url: str
    reliability: str
    state: bool = False
    """Owned or run by a state (the watch plan's list, or an outlet type in `STATE_KINDS`): it may carry its
    government's line."""
    why: str = ""
    """Why the source has its grade: its outlet type (data/publishers.json), or that the grade was set for it."""

    def line(self) -> str:
        """`[n] publisher, title, date, url, reliability` — the house format of `## Sources`, as Markdown: what
        came from the store is escaped, so a title cannot turn into a link or an image."""
        url = md_url(self.url) if self.url.startswith(("http://", "https://")) else md_text(self.url)
        return (f"[{self.number}] {md_text(self.publisher)}, “{md_text(self.title)}”, {md_text(self.date)}, {url}, "
                f"reliability {md_text(self.reliability)} ({ADMIRALTY.get(self.reliability, 'unknown')}"
                f"{'; ' + md_text(self.why) if self.why else ''}"
                f"{'; state media, may carry its government’s line' if self.state else ''})")


class Numbering:
    """Hands out [n] numbers to source ids as the brief is read from top to bottom."""

    def __init__(self, sources: dict[str, dict[str, Any]], undated: dict[str, str] | None = None,
                 cutoff: str | None = None, state_media: frozenset[str] = frozenset()) -> None:
        self.sources = sources
        self.state_media = state_media
        self.cutoff = cutoff
        """The evidence cut-off (ISO): a source published later is kept, for a year's figures come out after the
        year, and says so."""
        self.undated = undated or {}
        """Source id → what stands for the date of a source that has none ('undated; cited for events of …')."""
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

    def _date(self, sid: str, s: dict[str, Any]) -> str:
        published = str(s.get("published_at") or "")
        if not published:
            return self.undated.get(sid) or "n.d."
        if self.cutoff and published[:10] > self.cutoff:
            return f"{published} (after the evidence cut-off; cited for what happened before it)"
        return published

    def entries(self) -> list[SourceEntry]:
        out = []
        for sid, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            s = self.sources[sid]
            out.append(SourceEntry(n, sid, clean(s.get("publisher") or "unknown publisher"),
                                   title(s.get("title") or "untitled"),
                                   self._date(sid, s),
                                   s.get("url") or "no link", s.get("reliability") or "F",
                                   clean(s.get("publisher") or "") in self.state_media
                                   or outlet_kind(s.get("url") or "") in STATE_KINDS,
                                   grade_reason(sid, s.get("url") or "", s.get("reliability") or "F")))
        return out


@functools.cache
def _outlets() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(domain → (publisher, default grade), domain → outlet type) from data/publishers.json."""
    import json
    from importlib import resources

    data = json.loads(resources.files("watchfloor").joinpath("data", "publishers.json").read_text(encoding="utf-8"))
    return ({k: (v[0], v[1]) for k, v in data["publishers"].items()}, dict(data.get("types", {})))


STATE_KINDS = frozenset({"state news agency", "state broadcaster", "state-run newspaper"})
"""Outlet types (data/publishers.json) that are state media: the source list marks each, whether or not the watch
plan names it (the ninth review: TASS was marked, Kazinform and a state broadcaster were not)."""


def outlet_kind(url: str) -> str:
    """The outlet type data/publishers.json gives the link's domain, or ''."""
    from urllib.parse import urlparse

    grades, kinds = _outlets()
    host = urlparse(url).netloc.lower().split(":")[0]
    parts = host.split(".")
    domain = next((".".join(parts[i:]) for i in range(len(parts) - 1) if ".".join(parts[i:]) in grades), "")
    return kinds.get(domain, "") if domain else ""


def grade_reason(source_id: str, url: str, grade: str) -> str:
    """Why a source has its grade, for the source list (the eighth review: the grades looked like defaults, with no
    reason given): 'graded by outlet type: wire service'; 'graded for this source (a named news outlet is C by
    default)' when an analyst or a pack set it; 'not on the publishers list, so it cannot be judged' for an unlisted
    domain graded F; 'graded in the watch plan' for a source the plan gives."""
    from urllib.parse import urlparse

    if source_id.startswith("plan:"):
        return "graded in the watch plan"
    grades, kinds = _outlets()
    host = urlparse(url).netloc.lower().split(":")[0]
    parts = host.split(".")
    domain = next((".".join(parts[i:]) for i in range(len(parts) - 1) if ".".join(parts[i:]) in grades), "")
    if not domain:
        return "not on the publishers list, so it cannot be judged" if grade == "F" else "graded for this source"
    default, kind = grades[domain][1], kinds.get(domain, "")
    if not kind:
        return "" if grade == default else "graded for this source"
    if grade == default:
        return f"graded by outlet type: {kind}"
    return f"graded for this source (a {kind} is {default} by default)"


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


def undated(store: Store, ids: Iterable[str], cutoff: dt.date | None = None) -> dict[str, str]:
    """For each source without a publication date, when it was cited for, from the store: the dates of the events
    that cite it ('undated; cited for events of June 2024'), else the years of the observations it publishes
    ('undated; cited for figures for 2009 to 2024'). A reader can place an undated report in time without a guess
    at its date. A source cited only for a whole year that ends at the `cutoff` can only have come out after it
    (a year's total is known once the year is over), and says so."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    dates: dict[str, list[FuzzyDate]] = defaultdict(list)
    for r in store.query("SELECT es.source_id, e.date, e.date_precision FROM event_source es "
                         f"JOIN event e ON e.id = es.event_id JOIN source s ON s.id = es.source_id "
                         f"WHERE es.source_id IN ({marks}) AND s.published_at IS NULL", wanted):
        dates[r["source_id"]].append(from_parts(r["date"], r["date_precision"]))
    out = {sid: "undated; cited for " + events(ds) + (
        " (a total for a year ending at the evidence cut-off: published after it)"
        if cutoff is not None and all(d.precision == "year" and d.end >= cutoff for d in ds) else "")
        for sid, ds in dates.items()}
    for r in store.query("SELECT o.source_id, min(o.year) AS first, max(o.year) AS last FROM observation o "
                         f"JOIN source s ON s.id = o.source_id WHERE o.source_id IN ({marks}) "
                         "AND s.published_at IS NULL GROUP BY o.source_id", wanted):
        if r["source_id"] not in out:
            span = str(r["first"]) if r["first"] == r["last"] else f"{r['first']} to {r['last']}"
            out[r["source_id"]] = f"undated; cited for figures for {span}"
    return out


def events(dates: list[FuzzyDate]) -> str:
    """'an event of 11 June 2024'; 'events of June 2024 and March 2025'; 'events of 2016 to March 2025'."""
    ordered = sorted(dates, key=lambda d: (d.start, d.end))
    if len({(d.start, d.end) for d in ordered}) == 1:
        return f"{'an event' if len(ordered) == 1 else 'events'} of {ordered[0].human()}"
    months = list(dict.fromkeys(d.human() if d.precision == "year" else f"{d.value.strftime('%B')} {d.value.year}"
                                for d in ordered))
    if len(months) == 1:
        return f"events of {months[0]}"
    if len(months) <= SPAN:
        return f"events of {join(months)}"
    return f"events of {months[0]} to {months[-1]}"
