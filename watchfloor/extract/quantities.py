"""Numbers with what they count: "eight Ruritanian nationals", "killing 45 people", "nearly 60% of its foreign debt".

Each quantity keeps the interval its wording allows ("nearly 60%" is at most 60,
"over 30,000" at least 30,000, a bare round number a few per cent either way),
its unit (count, pct, usd …), the words it counts (its head), for percentages
what it is a share of, and its category (killed, arrested, deported …) with a
flag saying whether the category was read right next to the number (strong) or
only somewhere in the clause (weak).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from watchfloor.extract.categories import CATEGORY_NOUNS, NOUN_CATEGORIES, category_of, subgroup_of
from watchfloor.extract.money import after_number, before_number, currency_unit
from watchfloor.extract.numbers import (
    SHORT_SCALES,
    TENS,
    UNITS,
    VAGUE,
    VAGUE_RE,
    WORD_NUMBER,
    is_figure,
    is_round,
    parse_numeral,
    word_number,
    written_step,
)
from watchfloor.extract.spans import Taken

_NUMERAL = re.compile(
    rf"(?P<cur>{before_number()})?"
    r"(?<![\w.,/+-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]*\d)"
    r"(?:\s?(?P<scale>trillion|billion|million|thousand|bn|mln|mn|tn|[mbk])\b)?"
    rf"(?:[\s-]?(?P<cur2>{after_number()}))?"
    r"(?P<unit>\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|sq\.?\s?km\b|square\s+kilomet(?:re|er)s\b|km²|"
    r"kilomet(?:re|er)s\b|km\b|MW\b|GW\b|(?:bn\s?|billion\s)?kWh\b|bcm\b|kV\b|tonnes\b|tons\b|-year-old\b|"
    r"(?:-|\s)(?:years?|months?|days?|weeks?)(?:-old)?\b|(?:st|nd|rd|th)\b))?", re.I)
_HEDGES = [
    ("nearly", "below"), ("almost", "below"), ("close to", "below"), ("just under", "below"), ("just shy of", "below"),
    ("about", "approx"), ("around", "approx"), ("roughly", "approx"), ("approximately", "approx"),
    ("approx.", "approx"), ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
    ("an approximate", "approx"), ("more or less", "approx"), ("circa", "approx"),
    ("just over", "above"), ("over", "above"), ("more than", "above"), ("at least", "above"),
    ("upwards of", "above"), ("in excess of", "above"), ("no fewer than", "above"), ("no less than", "above"),
    ("above", "above"), ("exceeding", "above"), ("beyond", "above"), ("a minimum of", "above"),
    ("up to", "upto"), ("as many as", "upto"), ("at most", "upto"), ("no more than", "upto"),
    ("fewer than", "upto"), ("less than", "upto"), ("under", "upto"), ("below", "upto"), ("as much as", "upto"),
]
_HEDGE_KIND = dict(_HEDGES)


def hedge_kind(hedge: str | None) -> str:
    """below, approx, above or upto for a hedge word ('nearly' is below); empty for none."""
    return _HEDGE_KIND.get(hedge or "", "")


_HEDGE_RE = re.compile(r"(?:^|\b)(" + "|".join(re.escape(h) for h, _ in _HEDGES) + r")\s*$", re.I)
_AFTER_HEDGE = re.compile(r"^\s*(?:or\s+more|-plus|\+|or\s+so|odd)\b", re.I)
_STOP_HEAD = {
    "of", "in", "at", "on", "for", "from", "to", "with", "by", "who", "which", "that", "and", "or", "but", "were",
    "was", "are", "is", "had", "have", "has", "been", "said", "including", "as", "after", "before", "during",
    "while", "than", "into", "across", "near", "since", "when", "where", "whom", "whose", "its", "their", "his",
    "her", "the", "a", "an", "it", "they", "be", "being", "per", "against", "over", "under", "between", "among",
    "would", "will", "could", "can", "may", "might", "out", "more", "less", "each", "all",
}
_VERBS_AFTER = re.compile(r"^[\w\s,-]{0,70}?\b(?:were|was|had been|have been|are|being|got|reportedly)?\s*"
                          r"(killed|died|dead|injured|wounded|hurt|arrested|detained|(?<=were\s)held|(?<=was\s)held|(?<=been\s)held|"
                          r"deported|expelled|removed|"
                          r"charged|convicted|sentenced|jailed|repatriated|displaced|executed|hanged|"
                          r"extradited)\b", re.I)
_SENTENCE_YEARS = re.compile(r"\b(?:sentenc\w*|jail\w*|imprison\w*|prison\s+terms?\s+of|terms?\s+of|got|gave|given)"
                             r"(?:\s+(?:\w+\s+){0,3}|[^;]{0,45}?\b)(?:to|for|of)\s*$|\b(?:sentenc\w*|jail\w*)\s+"
                             r"(?:\w+\s+){0,3}$|\b(?:hand(?:ed|s)|gave|given|got|receiv(?:ed|es))\s+(?:[\w'’-]+\s+){0,5}?"
                             r"(?:an?\s+)?(?:extra|additional|further|another|more)?\s*$", re.I)
_TERM_AFTER = re.compile(r"^\s*(?:(?:prison|jail)\s+)?(?:terms?|sentences?)\b", re.I)
"""'his additional 15-year term': a length of years followed by 'term' is a sentence."""
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LETTERS = re.compile(r"[A-Za-z]+")
_INCREMENT = re.compile(r"\s+(?:more|other|others|additional|further|extra|new)\b", re.I)
_PARTIAL_LIST = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?,\s*(?:a|an|one|two|three|four|five|\d+)\s+[A-Z]\w+")
_HEDGE_WORDS = {"nearly", "almost", "about", "around", "roughly", "approximately", "some", "an", "estimated",
                "over", "more", "than", "least", "at", "up", "to", "as", "many", "just", "under", "fewer", "less",
                "another", "further", "all", "the", "a"}
_WORK_ABROAD = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:leaving|left|departing|departed|going|went|travell?ing)\s+"
                          r"(?:\w+\s+){0,2}?(?:for|to)\s+work", re.I)
_TREND = re.compile(r"\b(deportations?|expulsions?|arrests?|detentions?|deaths?|death\s+toll|toll|casualties|"
                    r"fatalities|"
                    r"injuries|repatriations?)\b[^.;:]{0,45}?\b(?:rose|fell|reached|climbed|totall?ed|stood|numbered|hit|"
                    r"grew|increased|jumped|dropped|declined|came|amounted)\s+(?:to|at)?\s*(?:about|some|nearly|almost|"
                    r"around|roughly|over|more\s+than|at\s+least)?\s*$", re.I)
_PARTICLE = re.compile(r"\b(?:hand(?:ed|ing|s)?|turn(?:ed|ing|s)?|t[ao]ok|taken|taking|won|presid\w+|pass(?:ed)?)\s+"
                       r"over\s*$", re.I)
_OF_TOTAL = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                       r"\w+ty(?:-\w+)?|all|both|each|some|many|most)\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_DIFFERENCE = re.compile(r"^\s*(?:\w+\s+){0,1}(?:below|above|more\s+than|less\s+than|fewer\s+than|higher|lower|"
                         r"up\s+from|down\s+from|increase|decrease|rise|drop|fall)\b", re.I)
_BY = re.compile(r"\b(?:by|up|down)\s+(?:some|about|around|nearly|almost|roughly)?\s*$", re.I)
_DIGIT = re.compile(r"\d")
_PHRASAL_UP = re.compile(r"\b(?:[a-z]+ed|set|took|made|put|beat|held|shut|broke|broken|rose)\s+up\s+"
                         r"(?:some|about|around|nearly|almost|roughly)?\s*$", re.I)
"""'picked up ten Ruritanian nationals': a verb's particle, not a rise."""
_ON_TRIAL = re.compile(r"\b(?:trial|tried|prosecution|case)\s+(?:[\w-]+\s+){0,4}?(?:of|against)\s*$", re.I)
"""'the trial on the merits of 19 people': those counted are the defendants."""
_AGE_LIMIT = re.compile(r"\bage\s+(?:(?:limit|threshold|for|of|a)\s+(?:[\w-]+\s+)?)?(?:to|of|at|from)\s*$", re.I)
"""'the minimum age for president to 30', 'an age limit of 35': the number is an age."""
_OF_WHOM = re.compile(r"\s+of\s+(?:the|its|their|his|her)\s+([a-z-]+)(?:\s+([a-z]+))?\b")
"""'six of the intruders', 'three of its officers': whom the number counts, after it."""
_NUMBER_WORDS = set(UNITS) | set(TENS) | {"dozen", "hundred", "thousand", "million", "billion", "half"}
_VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "several", "few", "handful"}


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    lo: float
    hi: float
    unit: str
    """count, pct, a currency (ISO 4217 in lower case, extract/money.py), km, sqkm, mw, kwh, bcm, kv, tonnes, years,
    months, days, age, rank."""
    head: str = ""
    of: str = ""
    category: str | None = None
    strong: bool = False
    subgroup: str | None = None
    hedge: str | None = None
    vague: bool = False
    num_start: int = 0
    num_end: int = 0
    before: str = ""
    """The few words before the number ('at a cost of'), lower-case."""

    def compatible(self, lo: float, hi: float) -> bool:
        """True when this quantity's interval meets [lo, hi]."""
        return self.lo <= hi and lo <= self.hi


def interval(value: float, hedge: str | None, unit: str, step: float = 0.0) -> tuple[float, float]:
    """The values a phrase allows: hedges widen it, round numbers get a few per cent of slack. A figure written
    with decimals ('7.25%', '$701.6 million') names its own precision, `step` (0.01, 100,000): it allows half a
    step, or one per cent, around it, whichever is wider, and no more."""
    if unit == "pct":
        slack = 0.6 if value == int(value) else 0.15
        if step:
            slack = max(step / 2, min(slack, 0.01 * value))
        base_lo, base_hi = value - slack, value + slack
    elif unit in ("years", "months", "days", "age", "rank", "weeks"):
        base_lo = base_hi = value
    elif step:
        slack = max(step / 2, 0.01 * value) * (1 + 1e-9)
        base_lo, base_hi = value - slack, value + slack
    else:
        rel = 0.05 if is_round(value) or value != int(value) else (0.01 if value >= 20 else 0.0)
        base_lo, base_hi = value * (1 - rel), value * (1 + rel)
    kind = dict(_HEDGES).get(hedge.lower() if hedge else "", None) if hedge else None
    if kind == "below":
        return value * 0.82, base_hi
    if kind == "approx":
        return min(base_lo, value * 0.9), max(base_hi, value * 1.1)
    if kind == "above":
        return value, value * 1.7 + 1
    if kind == "upto":
        if hedge and hedge.lower() in ("fewer than", "less than", "under", "below"):
            return 0.0, value
        return value * 0.7, base_hi
    return base_lo, base_hi


def _unit_of(m: re.Match[str]) -> tuple[str, float]:
    cur = (m.group("cur") or m.group("cur2") or "").strip().lower()
    scale_word = (m.group("scale") or "").lower()
    unit_text = re.sub(r"\s+", " ", (m.group("unit") or "").strip().lower())
    scale = SHORT_SCALES.get(scale_word, 1.0)
    if scale_word in ("m", "b", "k") and not cur:
        return ("", 0.0)
    if cur:
        return currency_unit(cur) or "usd", scale
    if unit_text in ("%", "per cent", "percent", "percentage point", "percentage points", "percent"):
        return "pct", 1.0
    if unit_text.startswith(("sq", "square", "km²")):
        return "sqkm", scale
    if unit_text.startswith(("km", "kilomet")):
        return "km", scale
    if unit_text.endswith("kwh"):
        return "kwh", 1e9 if unit_text.startswith(("bn", "billion")) else scale
    if unit_text in ("mw", "gw"):
        return "mw", 1000.0 if unit_text == "gw" else 1.0
    if unit_text in ("bcm", "kv", "tonnes", "tons"):
        return unit_text.replace("tons", "tonnes"), scale
    if unit_text.endswith("-old") or unit_text == "-year-old":
        return "age", 1.0
    if unit_text.lstrip("- ").startswith(("year", "month", "day", "week")):
        return unit_text.lstrip("- ").rstrip("s") + "s", 1.0
    if unit_text in ("st", "nd", "rd", "th"):
        return "rank", 1.0
    return "count", scale


def _head(text: str, pos: int, end: int) -> tuple[str, int]:
    """Up to five words after the number that say what it counts; returns them and where they end."""
    words: list[str] = []
    stop = pos
    for m in _WORD.finditer(text, pos, end):
        gap = text[stop:m.start()]
        if words and re.search(r"[,;:()\[\].—–]", gap) or not words and re.search(r"[,;:()\[\]—–]", gap):
            break
        w = m.group()
        if w.lower() in _STOP_HEAD or len(words) >= 5 or w.replace(",", "").isdigit() and words:
            break
        if words and (w.lower() in _NUMBER_WORDS or w.lower().endswith("ed") and len(w) > 4):
            break
        words.append(w)
        stop = m.end()
        if w.lower() in CATEGORY_NOUNS:
            break
    return " ".join(words), stop


_OF = re.compile(r"\s+of\s+([^,;.()\d]{1,80}?)(?=\s+(?:in|by|at|for|during|and|as\s+of)\s+(?:the\s+)?(?:\d|early|"
                 r"late|mid|start|end)|\s*[,;.()\d]|\s+and\s|\s*$)")
"""Matched in place (pos, end), not on a slice: a slice per percentage copied the rest of the clause."""


def _of_phrase(text: str, pos: int, end: int) -> tuple[str, int]:
    """What a percentage is a share of: 'of its foreign debt to Graustark', stopping before a date or a number."""
    m = _OF.match(text, pos, end)
    if not m:
        return "", pos
    return m.group(1).strip(), m.end(1)


NON_PERSON_HEADS = {"counts", "charges", "times", "provinces", "cities", "regions", "districts", "countries",
                    "villages", "offences", "offenses", "crimes", "bombs", "weapons", "rockets", "drones", "cases",
                    "points", "places", "votes", "seats", "rounds", "occasions", "sites", "facilities", "buildings"}


def _category(text: str, clause: tuple[int, int], num_start: int, head: str, head_end: int
              ) -> tuple[str | None, bool, str | None]:
    """What a number counts, read in order of reliability: the verb right before it ('killing 45'), a verb
    or category noun among its own words ('45 dead', 'six detainees'), a trend ('deportations rose to'),
    the verb after it ('nine officers died'), then any category word nearby (weak)."""
    head_words = head.lower().split()
    if re.match(r"\s*(?:[\w-]+\s+)?death\s+(?:sentences?|penalt)", text[num_start:num_start + 40].split(" ", 1)[-1]):
        return "sentenced", True, None
    before = text[max(clause[0], num_start - 40):num_start]
    tail = re.split(r",|\band\b|\bor\b|\bwhile\b|;", before)[-1]
    prev_words = [w.lower() for w in _WORD.findall(tail) if w.lower() not in _HEDGE_WORDS][-3:]
    of_whom = _OF_WHOM.match(text, head_end) if not head_words else None
    subgroup = next((g for w in head_words if (g := subgroup_of(w))), None) or next(
        (g for w in prev_words if (g := subgroup_of(w))), None) or next(
        (g for w in (of_whom.groups() if of_whom else ()) if w and (g := subgroup_of(w))), None)
    if re.search(r"\b(?:picked|rounded|locked)\s+up\s+(?:some|about|around|nearly|almost|roughly|at\s+least)?\s*$",
                 tail, re.I):
        return "arrested", True, subgroup
    if prev_words and (cat := category_of(prev_words[-1])):
        return cat, True, subgroup
    if head_words and head_words[-1] in NON_PERSON_HEADS and head_words[-1] not in CATEGORY_NOUNS:
        return None, False, subgroup
    for w in head_words:
        cat = category_of(w)
        if cat and cat not in NOUN_CATEGORIES and w not in CATEGORY_NOUNS:
            return cat, True, subgroup
    for w in reversed(head_words):
        if w in CATEGORY_NOUNS or w in ("agreements", "documents"):
            cat = category_of(w)
            if cat:
                return cat, True, subgroup
    if _WORK_ABROAD.match(text[head_end:min(clause[1], head_end + 50)]) or _WORK_ABROAD.match(
            " " + head + text[head_end:min(clause[1], head_end + 50)]):
        return "migrants", True, subgroup
    trend = _TREND.search(text[max(clause[0], num_start - 90):num_start])
    if trend:
        cat = category_of(trend.group(1))
        if cat:
            return cat, True, subgroup
    for w in reversed(prev_words):
        cat = category_of(w)
        if cat:
            return cat, True, subgroup
    partitive = re.match(r"\s*of\s+(?:the|them|whom|these|those)\b", text[head_end:head_end + 20])
    after = _VERBS_AFTER.match(text[head_end:min(clause[1], head_end + 95)])
    if after and partitive and not re.search(r"\b(?:had\s+been|have\s+been|has\s+been|were|was|are|is|had|have)\s*$",
                                             after.group(0)[:after.start(1)]):
        after = None
    if after:
        gap = after.group(0)[:after.start(1)]
        short = len(gap) <= 28 and "," not in gap
        aside = re.match(r"^\s*,[^,]{0,70},\s*(?:who\s+)?(?:were|was|had\s+been|have\s+been|are|being)?\s*$", gap)
        if short or aside:
            return category_of(after.group(1)), True, subgroup
    window = text[max(clause[0], num_start - 90):min(clause[1], head_end + 60)]
    for w in _WORD.findall(window):
        cat = category_of(w)
        if cat:
            return cat, False, subgroup
    return None, False, subgroup


_RANGE_GAP = re.compile(r"^\s*(?:to|-|–|and|or)\s*$", re.I)


_NAME_GAP = re.compile(r"^\s*(?:,\s*|,?\s+and\s+)(?:[A-Z][\w'’.-]*\s+){1,3}$")


def _next_term(found: list[Quantity], text: str, s: int) -> bool:
    """'gave Sharifov 20 years and Zafar 30 years': a length after a name, right after a sentence length."""
    return bool(found) and found[-1].category == "sentence_years" and bool(_NAME_GAP.match(text[found[-1].end:s]))


def _adds_to_earlier(found: list[Quantity], category: str | None) -> bool:
    """'two more were killed' after 'three were killed' adds to an earlier count of the same kind, so it is not the
    total; 'killing three and wounding two others' counts a kind of its own, and the verb's reading stands (only a
    reading next to the number is trusted so: a category word somewhere near says nothing of 'others')."""
    return category is None or any(q.category == category for q in found)


def _range_floors(text: str, raw: list[tuple[int, int, float, str, float, bool, float]]
                  ) -> list[tuple[int, int, float, str, float, bool, float]]:
    """Drop the bare first number of a range whose unit is written only after the second ('2 to 27 years',
    'between two and 28 years'): it is no count of anything, and its unit is the second's."""
    out = []
    for i, item in enumerate(raw):
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if item[3] == "count" and nxt is not None and nxt[3] != "count" and _RANGE_GAP.match(text[item[1]:nxt[0]]):
            continue
        out.append(item)
    return out


def _passive_agent(text: str, start: int, end: int, at: int) -> bool:
    """The 'by' at `at` brings a passive verb's agent ('approved by 96.5% of voters'), not the size of a change
    ('rose by 5%'): the parse tells them apart, read only for a figure after 'by'."""
    from watchfloor.extract.frames import parsed, span_at

    word = span_at(parsed(text[start:end]), at - start, at - start + 2)
    return word is not None and word.root.dep_ == "agent"


def find_quantities(text: str, start: int, end: int, skip: list[tuple[int, int]],
                    deltas: list[Quantity] | None = None) -> list[Quantity]:
    """Quantities in text[start:end], ignoring anything inside `skip` (dates, citations, names).

    Differences ('rose by $87m', '$5m more than') are not levels and are left out; pass a list as `deltas`
    to collect them there."""
    found: list[Quantity] = []
    taken = Taken(skip)

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    raw: list[tuple[int, int, float, str, float, bool, float]] = []
    chunk = text[start:end]
    words = {w.lower() for w in _LETTERS.findall(chunk)}
    numerals = _NUMERAL.finditer(text, start, end) if _DIGIT.search(chunk) else iter(())
    spelled = WORD_NUMBER.finditer(text, start, end) if words & _NUMBER_WORDS else iter(())
    rough = VAGUE_RE.finditer(text, start, end) if words & _VAGUE_WORDS else iter(())
    for m in numerals:
        s, e = m.start(), m.end()
        if not free(m.start("num"), m.end("num")):
            continue
        unit, scale = _unit_of(m)
        if not unit:
            continue
        if unit == "rank" and not re.search(r"\b(?:rank\w*|place[sd]?|position|member|signatory)\b",
                                            text[max(start, s - 25):e + 25]):
            continue
        numeral = parse_numeral(m.group("num")) * scale
        if not is_figure(numeral):
            continue
        raw.append((s, e, numeral, unit, 0.0, False, written_step(m.group("num")) * scale))
    for m in spelled:
        if not free(m.start(), m.end()):
            continue
        word = m.group().lower()
        value = word_number(word)
        if value is None:
            continue
        after = text[m.end():m.end() + 12].lower()
        before = text[max(start, m.start() - 8):m.start()].lower()
        if word == "one" and (after.startswith((" of", " another", "-", " day")) or before.endswith(("no ", "any "))):
            continue
        unit_m = re.match(r"[\s-]?(?:(percent|per cent)|(years?|months?|days?|weeks?)(?:-old)?)\b", text[m.end():end])
        unit, e = "count", m.end()
        if unit_m:
            unit = "pct" if unit_m.group(1) else unit_m.group(2).rstrip("s") + "s"
            e = m.end() + unit_m.end()
        raw.append((m.start(), e, value, unit, 0.0, False, 0.0))
    for m in rough:
        if free(m.start(), m.end()) and not any(a <= m.start() < b for a, b, *_ in raw):
            least, most = VAGUE[re.sub(r"\s+", " ", m.group().lower())]
            raw.append((m.start(), m.end(), float(least), "count", float(most), True, 0.0))
    raw = _range_floors(text, sorted(raw))
    clause = (start, end)
    for s, e, value, unit, vague_hi, vague, step in raw:
        if not free(s, e):
            continue
        hedge_m = _HEDGE_RE.search(text[max(start, s - 20):s])
        if hedge_m and _PARTICLE.search(text[max(start, s - 40):s]):
            hedge_m = None
        hedge = hedge_m.group(1).lower() if hedge_m else None
        q_start = s - (len(text[max(start, s - 20):s]) - hedge_m.start(1)) if hedge_m else s
        if _AFTER_HEDGE.match(text[e:e + 10]) and not hedge:
            hedge = "at least"
        if unit == "count" and _AGE_LIMIT.search(text[max(start, s - 40):s]):
            unit = "age"
        if unit == "years" and (_SENTENCE_YEARS.search(text[max(start, s - 70):s]) or
                                _TERM_AFTER.match(text[e:e + 20]) or _next_term(found, text, s)):
            category: str | None = "sentence_years"
            strong, subgroup, head, head_end = True, None, "", e
        else:
            head, head_end = _head(text, e, end)
            category, strong, subgroup = _category(text, clause, s, head, head_end)
            if unit not in ("count", "pct"):
                category, strong = None, False
            if _OF_TOTAL.search(text[max(start, s - 30):s]) and unit == "count" and head and \
                    head.lower().split()[-1] in CATEGORY_NOUNS and category_of(head.lower().split()[-1]):
                category, strong = category_of(head.lower().split()[-1]), True
            elif _OF_TOTAL.search(text[max(start, s - 30):s]) or (
                    _INCREMENT.match(text[e:e + 16]) and (not strong or _adds_to_earlier(found, category))):
                category, strong = None, False
            elif unit == "count" and category is None and _ON_TRIAL.search(text[max(start, s - 40):s]) and (
                    head.lower() in ("people", "men", "persons", "suspects", "women")):
                category, strong = "defendants", True
        by = _BY.search(text[max(start, s - 12):s])
        if _DIFFERENCE.match(text[e:min(end, e + 30)]) or by and not (
                _PHRASAL_UP.search(text[max(start, s - 30):s])) and not (
                    by.group().lower().startswith("by") and _passive_agent(text, start, end,
                                                                            max(start, s - 12) + by.start())):
            taken.add(s, e)
            if deltas is not None and not vague:
                lo, hi = interval(value, hedge, unit, step)
                deltas.append(Quantity(q_start, e, text[q_start:e], value, lo, hi, unit, hedge=hedge, num_start=s,
                                       num_end=e))
            continue
        of, of_end = _of_phrase(text, head_end if head else e, end) if unit == "pct" else ("", e)
        lo, hi = (value, vague_hi) if vague else interval(value, hedge, unit, step)
        if _PARTIAL_LIST.match(text[e:min(end, e + 60)]) or _PARTIAL_LIST.match(
                text[head_end:min(end, head_end + 40)]):
            category, strong = None, False
        if re.search(r"\b[A-Z][\w.-]+\s+and\s+$", text[max(start, s - 40):s]):
            hi = hi + 1
        q_end = max(e, of_end, head_end if head else e)
        before_words = " ".join(_WORD.findall(text[max(start, q_start - 60):q_start])[-6:]).lower()
        found.append(Quantity(q_start, q_end, text[q_start:q_end], value, lo, hi, unit, head.lower(), of.lower(),
                              category, strong, subgroup, hedge, vague, s, e, before_words))
        taken.add(s, e)
    return found


UNITS_OF_MEASURE = frozenset({"km", "sqkm", "mw", "kwh", "bcm", "kv", "tonnes"})
"""Units of measure the figure reader knows (as opposed to counts, shares, money, ages and spans of time)."""


@lru_cache(maxsize=512)
def unit_named(word: str) -> tuple[str, float] | None:
    """The unit of measure a bare word names and its scale ('tonnes' 1, 'GW' 1000 MW), read by the same pattern that
    reads figures in text, so a store key ('capacity_tonnes') and a report ('560,000 tonnes') agree; else None."""
    text = f"1 {word}"
    found = find_quantities(text, 0, len(text), [])
    if not found or found[0].unit not in UNITS_OF_MEASURE or found[0].end != len(text):
        return None
    return found[0].unit, found[0].value
