"""Dates as reports write them, each kept with the precision it was written to.

"22 March 2024" is a day, "June 2024" a month, "in 2023 alone" a year; "early 2022"
or "the start of 2024" narrow a year; "from 1992 to 1997" is a range; "since",
"by", "before" and "until" make bounds. Relative dates ("three days later",
"the same year") are resolved against the last date the report mentioned, and
keep a flag saying so. Windows are deliberately generous: a checker that calls
"early 2022" wrong for a May 2022 fact would cry wolf.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from watchfloor.dates import FuzzyDate
from watchfloor.extract.numbers import word_number
from watchfloor.extract.spans import Taken

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_QUAL = (r"(?:early|mid|late|the\s+(?:start|beginning|end|middle|close|turn)\s+of|the\s+(?:first|second)\s+half\s+of|"
         r"the\s+(?:first|second|third|fourth)\s+quarter\s+of|H[12]|Q[1-4]|spring|summer|autumn|fall|winter)")
_NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)"
_UNIT = r"(?:day|week|month|year)s?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|to|and|until)\s*"
_DAYS = rf"(?:{_DAY}{_TO}{_DAY}\s+({_MONTH})|({_MONTH})\s+{_DAY}{_TO}{_DAY})"
"""A span of days in one month, day first ('14 to 17 September') or month first ('Sept. 14-17')."""

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b({_YEAR})-(\d{{2}})-(\d{{2}})\b")),
    ("ddmy", re.compile(rf"\b(?:from\s+|between\s+)?{_DAYS},?\s+({_YEAR})\b", re.I)),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+({_YEAR})\b", re.I)),
    ("mdy", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b", re.I)),
    ("range", re.compile(rf"\b(?:(from|between)\s+)?(?:({_MONTH})\s+)?({_YEAR})\s*(-|–|—|to|and|until|through|till)"
                         rf"\s*(?:({_MONTH})\s+)?({_YEAR}|\d{{2}})\b(?!\s*(?:%|per\s*cent|percent))")),
    ("qmy", re.compile(rf"\b(?:((?:early|mid|late)-?|the\s+(?:start|beginning|end|middle)\s+of)\s*)?({_MONTH})\s+"
                       rf"({_YEAR})\b", re.I)),
    ("qy", re.compile(rf"\b({_QUAL})[\s-]*({_YEAR})\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?((?:1[89]|20)\d0)s\b")),
    ("ddm", re.compile(rf"\b(?:from\s+|between\s+)?{_DAYS}()(?!\s*,?\s*\d)")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?!\s*,?\s*\d)")),
    ("md", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)")),
    ("m", re.compile(rf"\b(?:in|since|by|until|during|from|of|early|late|mid-?|last|next|the)\s+({_MONTH})(?!\s*\d)")),
    ("rel", re.compile(rf"\b(?:(the\s+(?:next|following|previous|preceding)\s+(?:day|week|month|year))|"
                       rf"(the\s+same\s+(?:day|week|month|year))|(later\s+that\s+(?:day|week|month|year))|"
                       rf"(that\s+(?:same\s+)?(?:day|month|year))|"
                       rf"({_NUMWORD})\s+({_UNIT})\s+(later|afterwards|earlier|(?:after|before)(?!\s+(?:the|a|an|his|"
                       rf"her|their|its)\b))|(a\s+day\s+later|the\s+day\s+after|the\s+day\s+before))\b", re.I)),
    ("year", re.compile(rf"(?<![\d,.$€£#№/])\b({_YEAR})\b"
                        rf"(?![,.]\d|%|\s*(?:per\s*cent|percent)|-year|\s*(?:MW|km|kWh))")),
]
_YEAR_ONLY = dict(_PATTERNS)["year"]
_BEFORE = re.compile(r"(since|from|by|before|until|till|through|after|prior\s+to|as\s+of|in|on|during|at|of)\s*$",
                     re.I)
_DIGIT = re.compile(r"\d")
_PARTIAL = {"dm", "md", "m", "rel", "ddm"}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: FuzzyDate
    """The point meant, or the first point of a range."""
    until: FuzzyDate | None = None
    """Last point of a range ("from 1992 to 1997"), to its precision."""
    relation: str = "point"
    """point, range, since, by, before, after or until: how the date bounds what the sentence says."""
    relative: bool = False
    qualifier: str | None = None
    lo: dt.date | None = None
    hi: dt.date | None = None
    inferred_year: bool = False
    """The year was not written ('on 24 March') but taken from the last date mentioned."""

    def window(self) -> tuple[dt.date, dt.date]:
        """First and last day the mention can mean (a range spans both ends)."""
        lo = self.lo or self.date.start
        hi = self.hi or (self.until.end if self.until else self.date.end)
        return lo, hi

    @property
    def year(self) -> int:
        return self.date.value.year

    def human(self) -> str:
        if self.until:
            return f"{self.date.human()}–{self.until.human()}"
        return self.date.human()


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(year: int, month: int, day: int) -> FuzzyDate | None:
    try:
        return FuzzyDate(dt.date(year, month, day), "day")
    except ValueError:
        return None


def _qualified_year(qual: str, year: int) -> tuple[FuzzyDate, dt.date, dt.date]:
    q = re.sub(r"\s+", " ", qual.lower()).strip("- ")
    y = FuzzyDate(dt.date(year, 1, 1), "year")
    d = dt.date
    if q in ("early",) or "first half" in q or q == "h1":
        return y, d(year, 1, 1), d(year, 7, 15)
    if q in ("late",) or "second half" in q or q == "h2":
        return y, d(year, 6, 15), d(year, 12, 31)
    if q in ("mid",) or "middle" in q:
        return y, d(year, 3, 15), d(year, 10, 15)
    if "start" in q or "beginning" in q or "turn" in q:
        return y, d(year - 1, 12, 1), d(year, 3, 1)
    if "end" in q or "close" in q:
        return y, d(year, 10, 1), d(year + 1, 1, 31)
    quarter = {"q1": 1, "q2": 2, "q3": 3, "q4": 4, "the first quarter of": 1, "the second quarter of": 2,
               "the third quarter of": 3, "the fourth quarter of": 4}.get(q)
    if quarter:
        first = 3 * quarter - 2
        return y, d(year, first, 1), d(year, first + 2, calendar.monthrange(year, first + 2)[1])
    if q in _SEASONS:
        a, b = _SEASONS[q]
        end = d(year + 1, 2, 28) if b > 12 else d(year, b, calendar.monthrange(year, b)[1])
        return y, d(year, a, 1), end
    return y, d(year, 1, 1), d(year, 12, 31)


def _shift(anchor: FuzzyDate, n: int, unit: str) -> FuzzyDate | None:
    """The anchor moved n units; None when that leaves the calendar ("5000 years later")."""
    try:
        return _shift_unchecked(anchor, n, unit)
    except (ValueError, OverflowError):
        return None


def _shift_unchecked(anchor: FuzzyDate, n: int, unit: str) -> FuzzyDate | None:
    unit = unit.lower().rstrip("s")
    v = anchor.value
    if unit in ("day", "week"):
        if anchor.precision != "day":
            return None
        return FuzzyDate(v + dt.timedelta(days=n * (7 if unit == "week" else 1)), "day")
    if unit == "month":
        if anchor.precision == "year":
            return None
        total = v.year * 12 + v.month - 1 + n
        return FuzzyDate(dt.date(total // 12, total % 12 + 1, 1), "month")
    return FuzzyDate(dt.date(v.year + n, 1, 1), "year")


def relation_before(text: str, start: int) -> str:
    """How the words right before `start` relate what follows to the sentence's event: point, since, after, by,
    before or until."""
    m = _BEFORE.search(text[max(0, start - 14):start])
    if not m:
        return "point"
    word = m.group(1).lower()
    if word in ("since", "from", "after"):
        return "since" if word != "after" else "after"
    if word in ("by",):
        return "by"
    if word in ("before", "prior to"):
        return "before"
    if word in ("until", "till", "through"):
        return "until"
    return "point"


class DateFinder:
    """Finds dates sentence by sentence, remembering the last one for relative dates ('four days later').

    A day written without its year ('on 26 November') anchors what follows: its day is explicit."""

    def __init__(self) -> None:
        self.anchor: FuzzyDate | None = None
        self.undated: list[tuple[int, int]] = []
        """Spans of the last `find` that read as a day of a month with no year to give it ('the March 22 attack',
        no year written before): not dated, but no count either."""

    def find(self, text: str, start: int, end: int, skip: list[tuple[int, int]] | None = None) -> list[DateMention]:
        taken = Taken(skip or [])
        carried = self.anchor
        self.undated = []
        found: list[DateMention] = []
        chunk = text[start:end]
        years: list[tuple[int, int]] | None = None  # (end, year) of each bare year, read once if a partial date asks
        digits = _DIGIT.search(chunk) is not None
        if not digits and self.anchor is None:
            return []
        for kind, pattern in _PATTERNS:
            if not digits and kind not in ("m", "rel"):
                continue
            if kind in _PARTIAL:
                absolute = [d for d in found if not d.relative]
                if absolute:
                    self.anchor = max(absolute, key=lambda d: d.start).date
            for m in pattern.finditer(chunk):
                s, e = start + m.start(), start + m.end()
                if taken.overlaps(s, e):
                    continue
                if kind in _PARTIAL and kind != "rel":
                    if years is None:
                        years = [(start + y.end(), int(y.group(1))) for y in _YEAR_ONLY.finditer(chunk)]
                    self._year_before(years, s, found)
                if kind == "rel":
                    before = [d for d in found if d.end <= s and (not d.relative or d.inferred_year
                                                                  and d.date.precision == "day")]
                    self.anchor = max(before, key=lambda d: d.start).date if before else carried
                mention = self._build(kind, m, text, s, e)
                if mention is not None:
                    taken.add(s, e)
                    found.append(mention)
        found.sort(key=lambda d: d.start)
        for d in found:
            if not d.relative or d.inferred_year and d.date.precision == "day":
                self.anchor = d.until or d.date
        return found

    def _year_before(self, years: list[tuple[int, int]], s: int, found: list[DateMention]) -> None:
        """A day or month without its year takes a year written before it in the same sentence ('the 2020 rise
        … by 1 October'), when no fuller date stands between them; bare years are read last, so look now."""
        i = bisect.bisect_right(years, (s, 10_000)) - 1
        if i < 0:
            return
        at, year = years[i]
        if not any(not d.relative and at <= d.start < s for d in found):
            self.anchor = FuzzyDate(dt.date(year, 1, 1), "year")

    def _build(self, kind: str, m: re.Match[str], text: str, s: int, e: int) -> DateMention | None:
        g = m.groups()
        quote = text[s:e]
        rel = relation_before(text, s)
        if kind == "iso":
            fd = _day(int(g[0]), int(g[1]), int(g[2]))
            return DateMention(s, e, quote, fd, relation=rel) if fd else None
        if kind in ("ddmy", "ddm"):
            first, last, month = (g[0], g[1], g[2]) if g[0] else (g[4], g[5], g[3])
            year = int(g[6]) if g[6] else (self.anchor.value.year if self.anchor else None)
            if year is None:
                self.undated.append((s, e))
                return None
            a, b = _day(year, _month(month), int(first)), _day(year, _month(month), int(last))
            if a is None or b is None or b.value < a.value:
                return None
            return DateMention(s, e, quote, a, until=b, relation="range", relative=not g[6], inferred_year=not g[6])
        if kind == "dmy":
            fd = _day(int(g[2]), _month(g[1]), int(g[0]))
            return DateMention(s, e, quote, fd, relation=rel) if fd else None
        if kind == "mdy":
            fd = _day(int(g[2]), _month(g[0]), int(g[1]))
            return DateMention(s, e, quote, fd, relation=rel) if fd else None
        if kind == "range":
            return self._range(g, s, e, quote)
        if kind == "qmy":
            if g[1].lower().startswith("may") and not g[1][0].isupper():
                return None
            month, year = _month(g[1]), int(g[2])
            fd = FuzzyDate(dt.date(year, month, 1), "month")
            q = (g[0] or "").lower()
            lo, hi = fd.start, fd.end
            if q.startswith("early") or "start" in q or "beginning" in q:
                hi = dt.date(year, month, min(20, hi.day))
            elif q.startswith("late") or "end" in q:
                lo = dt.date(year, month, 10)
            return DateMention(s, e, quote, fd, relation=rel, qualifier=q or None, lo=lo, hi=hi)
        if kind == "qy":
            fd, lo, hi = _qualified_year(g[0], int(g[1]))
            return DateMention(s, e, quote, fd, relation=rel, qualifier=g[0].lower(), lo=lo, hi=hi)
        if kind == "decade":
            first = int(g[0])
            return DateMention(s, e, quote, FuzzyDate(dt.date(first, 1, 1), "year"),
                               until=FuzzyDate(dt.date(first + 9, 1, 1), "year"), relation="range")
        if kind in ("dm", "md"):
            day_text, month_name = (g[0], g[1]) if kind == "dm" else (g[1], g[0])
            if not day_text or not month_name or month_name.lower().startswith("may") and not month_name[0].isupper():
                return None
            if self.anchor is None:
                self.undated.append((s, e))
                return None
            fd = _day(self.anchor.value.year, _month(month_name), int(day_text))
            return DateMention(s, e, quote, fd, relation=rel, relative=True, inferred_year=True) if fd else None
        if kind == "m":
            if self.anchor is None or (g[0].lower().startswith("may") and not g[0][0].isupper()):
                return None
            ms = s + m.group(0).index(g[0])
            fd = FuzzyDate(dt.date(self.anchor.value.year, _month(g[0]), 1), "month")
            return DateMention(ms, e, text[ms:e], fd, relation=relation_before(text, ms), relative=True,
                               inferred_year=True)
        if kind == "rel":
            return self._relative(g, s, e, quote)
        year = int(g[0])
        return DateMention(s, e, quote, FuzzyDate(dt.date(year, 1, 1), "year"), relation=rel)

    def _range(self, g: tuple[str | None, ...], s: int, e: int, quote: str) -> DateMention | None:
        y1 = int(g[2] or 0)
        if g[3] == "and" and g[0] != "between":
            return None
        y2_text = g[5] or ""
        y2 = int(y2_text) if len(y2_text) == 4 else (y1 // 100) * 100 + int(y2_text)
        if not y1 < y2 <= y1 + 60:
            return None
        start = FuzzyDate(dt.date(y1, _month(g[1]), 1), "month") if g[1] else FuzzyDate(dt.date(y1, 1, 1), "year")
        end = FuzzyDate(dt.date(y2, _month(g[4]), 1), "month") if g[4] else FuzzyDate(dt.date(y2, 1, 1), "year")
        return DateMention(s, e, quote, start, until=end, relation="range")

    def _relative(self, g: tuple[str | None, ...], s: int, e: int, quote: str) -> DateMention | None:
        a = self.anchor
        if a is None:
            return None
        text = quote.lower()
        unit = re.search(r"(day|week|month|year)", text)
        if unit is None:
            return None
        u = unit.group(1)
        if g[1] or g[3] or g[2]:
            prec = {"day": "day", "week": "day", "month": "month", "year": "year"}[u]
            if prec == "day" and a.precision != "day" or prec == "month" and a.precision == "year":
                return None
            fd = a.coarsen(prec)  # type: ignore[arg-type]
            return DateMention(s, e, quote, fd, relative=True)
        if g[0] or g[7]:
            step = -1 if any(w in text for w in ("previous", "preceding", "before")) else 1
            fd2 = _shift(a, step, u)
            return DateMention(s, e, quote, fd2, relative=True) if fd2 else None
        n = word_number((g[4] or "").lower())
        if n is None:
            return None
        sign = -1 if (g[6] or "").lower() in ("earlier", "before") else 1
        fd3 = _shift(a, sign * int(n), u)
        if fd3 is None:
            return None
        if u == "week" and fd3.precision == "day":
            lo, hi = fd3.value - dt.timedelta(days=3), fd3.value + dt.timedelta(days=3)
            return DateMention(s, e, quote, fd3, relative=True, lo=lo, hi=hi)
        return DateMention(s, e, quote, fd3, relative=True)


def with_relation(mention: DateMention, relation: str) -> DateMention:
    return replace(mention, relation=relation)
