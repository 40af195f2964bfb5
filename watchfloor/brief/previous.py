"""What an earlier reading said: a previous brief (its Markdown or JSON) or the store as of a date, in one shape.

A brief's "What Changed" section compares the brief with one of these. A previous
brief is read back from its own file, so the comparison is with what the reader
was actually told, not with a recomputation under today's store.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchfloor.brief.judgments import INSUFFICIENT, TERMS
from watchfloor.errors import InputError

if TYPE_CHECKING:
    from watchfloor.brief.brief import Brief

LEVELS = ("high", "moderate", "low")
HINT = "give the .md or .json of a brief written by `watchfloor brief`"


@dataclass(frozen=True)
class Snapshot:
    """The judgments, signpost statuses and (when known) the events of an earlier reading."""

    label: str
    """How the brief names it: 'the brief of 15 January 2026 (evidence to 31 December 2025)' or '31 December
    2024'."""
    cutoff: dt.date
    """Its evidence cut-off: an event dated after it is new."""
    judgments: dict[str, tuple[str, str]]
    """Question → (likelihood, confidence)."""
    signposts: dict[str, str]
    """Signpost name → status (met, not met, no data)."""
    events: frozenset[str] | None = None
    """The event ids it held (a JSON brief, or the store as of a date); None from Markdown, which does not list
    them: then only events dated after the cut-off count as new."""
    since: dt.date | None = None
    """The start of its period, with `events`: an event in that period it did not hold was learned since."""


def to_dict(brief: Brief) -> dict[str, Any]:
    """A brief as data (`--format json`): what a later brief needs to say what changed, and the record box."""
    c = brief.contents
    return {
        "title": brief.title, "country": brief.country, "iso3": brief.iso3, "written": brief.today.isoformat(),
        "cutoff": brief.evidence.end.end.isoformat(),
        "period": {"since": brief.evidence.start.start.isoformat(), "until": brief.evidence.end.end.isoformat()},
        "judgments": [{"question": j.question, "short": j.short, "answer": j.label or j.answer,
                       "likelihood": j.headline(), "confidence": j.level} for j in c.judgments],
        "signposts": [{"question": sp.question.question, "name": sp.indicator.name, "status": sp.status,
                       "trend": sp.reading.trend, "value": sp.reading.value} for sp in c.readings],
        "events": [f.id for f in brief.evidence.period],
        "record": None if c.record is None else {
            "report": c.record.report,
            "errors": [{"kind": x.kind, "quote": x.quote, "message": x.says,
                        "events": [e.event for e in x.evidence if e.event]} for x in c.record.corrections]},
    }


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=1) + "\n"


BOARD_HEADINGS = ("\n## Annex: Signpost Board and What Would Change the Call\n",
                  "\n## Annex: Signpost Board and What to Check Now\n", "\n## Annex: Signpost Board\n",
                  "\n## Signposts\n")
"""Where a brief keeps its signpost board: in an annex since session 7 (with what to check now in session 9, what would
change the call since session 10), in the body before."""


def from_file(path: Path) -> Snapshot:
    """A previous brief written by `watchfloor brief` (.md or .json)."""
    if not path.is_file():
        raise InputError("no such file", file=str(path),
                         hint="give the .md or .json of a brief written earlier by `watchfloor brief`")
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() == ".json":
        return _from_json(path, text)
    return _from_markdown(path, text)


def _from_json(path: Path, text: str) -> Snapshot:
    try:
        data = json.loads(text)
        written = dt.date.fromisoformat(data["written"])
        cutoff = dt.date.fromisoformat(data["cutoff"])
        snap = Snapshot(label(written, cutoff), cutoff,
                        {j["question"]: (j["likelihood"], j["confidence"]) for j in data["judgments"]},
                        {s["name"]: s["status"] for s in data["signposts"]},
                        frozenset(data["events"]), dt.date.fromisoformat(data["period"]["since"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a brief's JSON ({exc.__class__.__name__}: {exc})", file=str(path),
                         hint="write one with `watchfloor brief COUNTRY --format json`") from None
    return snap


_COVER = re.compile(r"^\*\*(Date of writing|Evidence cut-off):\*\* (\d{1,2} [A-Z][a-z]+ \d{4})", re.M)
_QUESTION = re.compile(r"^### \d+\. (.+)\n\n(.+)$", re.M)
_TERM = re.compile(r"\b(?:it is|there is an?) (" + "|".join(map(re.escape, TERMS)) + r") that\b", re.I)
_NO_TERM = re.compile(r"\bthe evidence is insufficient to judge whether\b", re.I)
_LEVEL = re.compile(r"\bwith (" + "|".join(LEVELS) + r") confidence\b|\b[Cc]onfidence is ("
                    + "|".join(LEVELS) + r")\b")
"""'with moderate confidence' or, in a later judgment's varied wording (`assess.vary`), 'Confidence is moderate'."""


def _from_markdown(path: Path, text: str) -> Snapshot:
    cover: dict[str, str] = dict(_COVER.findall(text))
    try:
        cutoff = dt.datetime.strptime(cover["Evidence cut-off"], "%d %B %Y").date()
        written = dt.datetime.strptime(cover.get("Date of writing", cover["Evidence cut-off"]), "%d %B %Y").date()
    except (KeyError, ValueError):
        raise InputError("not a brief: no '**Evidence cut-off:** DAY MONTH YEAR' line in its cover block",
                         file=str(path), hint=HINT) from None
    judgments = {}
    for question, paragraph in _QUESTION.findall(text):
        term, level = _TERM.search(paragraph), _LEVEL.search(paragraph)
        if level and (term or _NO_TERM.search(paragraph)):
            judgments[unescape(question)] = (term.group(1).lower() if term else INSUFFICIENT,
                                             level.group(1) or level.group(2))
    signposts = {}
    heading = next((h for h in BOARD_HEADINGS if h in text), None)
    # the board's own table only: the annex's later tables (the events behind each count) hold no status
    board = text.split(heading, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0] if heading else ""
    at = 4  # the status column: found from the header (a board without the threshold column has it third)
    for line in board.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if "Status" in cells:
            at = cells.index("Status")
        elif len(cells) > at and cells[at] != "---":
            signposts[unescape(cells[0])] = cells[at].split(",")[0].strip()
    return Snapshot(label(written, cutoff), cutoff, judgments, signposts)


def unescape(text: str) -> str:
    """Markdown as the brief escaped it, back to the words (see `escape.md_text`)."""
    return re.sub(r"\\([\\`*_\[\]<>|&#>+=.)-])", r"\1", text)


def label(written: dt.date, cutoff: dt.date) -> str:
    return f"the brief of {human(written)} (evidence to {human(cutoff)})"


def human(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
