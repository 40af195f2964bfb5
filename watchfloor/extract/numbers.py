"""Numerals and number words: "1,100", "3.2bn", "forty-five", "a dozen", "hundreds"."""

from __future__ import annotations

import math
import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
                "billion": 1e9, "tn": 1e12, "trillion": 1e12}
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
         "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
         "millions": (2_000_000, 9_999_999), "several": (3, 9), "a few": (2, 5), "a handful": (2, 6)}

_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
WORD_NUMBER = re.compile(
    rf"\b(?:(?:a|one|{_NUMBER_WORD})\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:{_NUMBER_WORD}))?"
    rf"(?:[-\s](?:{_NUMBER_WORD}))?|(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(k for k in UNITS if UNITS[k] < 10)}))?"
    rf"|{'|'.join(UNITS)}|a\s+dozen|half\s+a\s+(?:million|dozen))\b", re.I)
MAX_FIGURE = 1e15
"""Larger than any count or sum a report states (world GDP is about 1e14 dollars): a bigger numeral is a
digit run (an id, a hash, fuzz), not a figure, and would overflow int() and the date arithmetic."""
VAGUE_RE = re.compile(r"\b(tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|"
                      r"several|a\s+few|a\s+handful)\b", re.I)


def word_number(text: str) -> float | None:
    """The value of a number written in words, or of a numeral; None when it is neither."""
    t = re.sub(r"[\s-]+", " ", text.strip().lower())
    if not t:
        return None
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", t):
        value = parse_numeral(t)
        return value if is_figure(value) else None
    if t in ("a", "an"):
        return 1.0
    if t == "a dozen":
        return 12.0
    if t.startswith("half a "):
        return {"million": 500_000.0, "dozen": 6.0}.get(t[7:])
    total, current = 0.0, 0.0
    seen = False
    for w in t.split():
        if w == "and":
            continue
        if w in ("a",):
            current = 1.0
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            scale = SCALES[w]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_numeral(text: str) -> float:
    """The numeral's value; may be huge or inf for a long digit run (see is_figure)."""
    return float(text.replace(",", ""))


def written_step(numeral: str) -> float:
    """The precision a numeral is written to: 0.01 for '7.25', 0.1 for '701.6', 0 for '1,200' (no decimals,
    which says nothing: 1,200 may be rounded or exact)."""
    _, dot, decimals = numeral.replace(",", "").partition(".")
    return 10.0 ** -len(decimals) if dot and decimals.isdigit() else 0.0


def is_figure(value: float) -> bool:
    """False for values no report means as a figure (inf, nan, beyond MAX_FIGURE): they are skipped."""
    return math.isfinite(value) and abs(value) <= MAX_FIGURE


def rounding_step(value: float) -> float:
    """The place a number was rounded at: 1,000 for 13,000, 5 for 145, 0.1 for 45.3."""
    if not is_figure(value) or value == 0:
        return 1.0
    if value != int(value):
        decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    v, step = int(abs(value)), 1
    while v % 10 == 0:
        v, step = v // 10, step * 10
    return float(step)


def is_round(value: float) -> bool:
    """Numbers writers round to: 60, 150, 1,000, 30,000."""
    if not is_figure(value) or value < 20 or value != int(value):
        return False
    v = int(value)
    return v % 10 == 0 or (v >= 100 and v % 5 == 0)
