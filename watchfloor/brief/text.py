"""Phrasing helpers: dates, numbers with units and lists the way an analyst writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from watchfloor.dates import FuzzyDate

_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_ABBREV = [(re.compile(r"\bU\.S\.(?=\s|$|[-,;:)])"), "US"), (re.compile(r"\bU\.N\.(?=\s|$|[-,;:)])"), "UN")]
COMMON_STARTS = {
    "a", "an", "the", "after", "at", "during", "in", "on", "of", "for", "with", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "armed", "attackers", "authorities", "blasts", "civil", "contrary",
    "coordinated", "ending", "gunmen", "internet", "meeting", "renewed", "responding", "security", "acting",
    "under", "official", "transfers", "informal", "first", "special", "deportations", "remittances", "external",
    "public", "debt", "ahead", "before", "following", "amid", "despite", "according", "speaking", "addressing",
    "while", "since", "by", "from",
}
"""Words that start a summary but are not names, so they lose their capital after a date lead-in."""
_KEEP = {"president", "presidents", "prosecutor-general",
         "finance", "foreign", "secretary", "colonel"}


def number_word(n: int) -> str:
    """Small counts in words (house style), larger ones in figures with separators."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"


def fmt_number(v: float) -> str:
    """12.0 → '12', 36000 → '36,000', 3.163 → '3.163'."""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.3f}".rstrip("0").rstrip(".")


def quantity(key: str, value: float) -> str:
    """A count from the store with its unit, read off the key: owed_to_china_usd_m → '$820m'."""
    k = key.lower()
    n = fmt_number(value)
    if "_usd_bn" in k or k.endswith("usd_bn"):
        text = f"${n}bn"
    elif "_usd_m" in k or "usd_million" in k or k.endswith("usd_m"):
        text = f"${n}m"
    elif k.endswith("_usd") or "_usd_" in k:
        text = f"${n}"
    elif "pct_gdp" in k:
        text = f"{n}% of GDP"
    elif "_pct" in k or k.endswith("pct"):
        text = f"{n}%"
    else:
        text = n
    if k.endswith(("_approx",)) or "_approx_" in k:
        text = "about " + text
    elif k.endswith(("_over", "_min")) or "_over_" in k or "_min_" in k:
        text = "more than " + text
    elif k.endswith("_max") or "_max_" in k:
        text = "up to " + text
    return text


def join(items: Iterable[str], word: str = "and") -> str:
    """['a', 'b', 'c'] → 'a, b and c'."""
    xs = list(items)
    if len(xs) <= 1:
        return "".join(xs)
    return ", ".join(xs[:-1]) + f" {word} " + xs[-1]


def human_date(d: FuzzyDate) -> str:
    return d.human()


def date_lead(d: FuzzyDate) -> str:
    """'On 22 March 2024', 'In June 2024' or 'In 2024'."""
    return f"On {d.human()}" if d.precision == "day" else f"In {d.human()}"


def period_text(start: FuzzyDate, end: FuzzyDate) -> str:
    """'between January 2024 and December 2025' (months when the bounds are whole months); 'in June 2024'."""
    a, b = _bound(start), _bound(end, last=True)
    return f"in {a}" if a == b else f"between {a} and {b}"


def _bound(d: FuzzyDate, last: bool = False) -> str:
    v = d.value
    if d.precision == "year":
        return ("December " if last else "January ") + str(v.year)
    if d.precision == "month":
        return d.human()
    if (not last and v.day == 1) or (last and d.end == FuzzyDate(v.replace(day=1), "month").end):
        return v.strftime("%B %Y")
    return d.human()


def tidy(summary: str) -> str:
    """A store summary made ready to carry markers: house abbreviations, no final full stop."""
    text = summary.strip()
    for rx, repl in _ABBREV:
        text = rx.sub(repl, text)
    return text.rstrip(" .")


def lower_first(text: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Lower-case the first word when it is a common word rather than a name ('Four gunmen…' → 'four gunmen…')."""
    m = re.match(r"([A-Z][a-z'\-]*)(\b.*)", text, re.S)
    if not m:
        return text
    word = m.group(1)
    low = word.lower()
    if low in _KEEP:
        return text
    if low in COMMON_STARTS or low in vocabulary:
        return low + m.group(2)
    return text


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the store writes in lower case mid-sentence: a capitalised one at the start is not a name."""
    seen: set[str] = set()
    for t in texts:
        for w in re.findall(r"(?<=[a-z,;] )([a-z][a-z'\-]+)", t):
            seen.add(w)
    return frozenset(seen)
