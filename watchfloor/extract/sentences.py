"""Sentences and headings with offsets, for plain text and Markdown reports.

A heading ("Recent Arrests of Ruritanian Nationals on RLF-Related Terrorism Charges")
can assert as much as a sentence, so headings are kept, marked as such, and
each sentence knows the heading it sits under (its section) and its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "eg", "ie", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt", "sgt", "prof", "inc", "ltd", "co",
    "corp", "approx", "est", "fig", "ca", "cf", "al", "u.s", "u.k", "u.n", "u.s.a", "e.u", "d.c", "jr", "sr", "rev",
    "gov", "sen", "rep", "pres", "maj", "capt", "cmdr", "adm", "mt", "ft", "op", "vol", "pp", "p", "art", "para",
}
"""Words whose full stop does not end a sentence (compared lower-case, without the final dot)."""

SENTENCE_STARTERS = {
    "the", "a", "an", "in", "on", "at", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "but", "however", "meanwhile", "since", "after", "before", "while", "when", "as", "by", "for", "his", "her",
    "their", "our", "some", "many", "most", "both", "each", "yet", "still", "also", "such", "there", "then",
}
"""After 'U.S.' or 'etc.' a capitalised word from this list starts a new sentence."""

_END = re.compile(r"[.!?…]+[\"”’')\]]*(?:\[\^?[\w ,–-]{1,12}\])*(?=\s|$)")
_LIST_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*•+]\s+|[*_]{0,2}\d{1,3}[.)]\s+|>\s*|\|\s*)")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_TERMINAL = re.compile(r"[.!?:;,…\"”]\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    section: int
    """Index of the heading sentence this sentence sits under (-1 before the first heading)."""
    heading: bool = False


def _is_heading(line: str, prev_blank: bool, next_blank: bool) -> bool:
    if _MD_HEADING.match(line):
        return True
    stripped = line.strip()
    if not stripped or _TERMINAL.search(stripped):
        return False
    words = stripped.split()
    if len(words) > 16:
        return False
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    titled = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 1.0
    return titled >= 0.6 or (prev_blank and next_blank)


HARD_WRAP = 125
"""Text wrapped by hand, by a mail client or by an editor keeps its lines within 120 columns at most; a longer line
says its run of lines is not wrapped, so each of its line breaks was typed to end something (a chat message, a log
entry, a row)."""


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, heading) for each heading line and each run of prose lines."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(raw)
    blocks: list[tuple[int, int, bool]] = []
    current: list[tuple[int, int]] = []

    def flush() -> None:
        if len(current) > 1 and max(e - s for s, e in current) > HARD_WRAP:
            blocks.extend((s, e, False) for s, e in current)
        elif current:
            blocks.append((current[0][0], current[-1][1], False))
        current.clear()

    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if not line.strip() or _TABLE_RULE.match(line):
            flush()
            continue
        if _TABLE_ROW.match(line):
            flush()
            blocks.append((s, e, False))
            continue
        prev_blank = i == 0 or not text[lines[i - 1][0]:lines[i - 1][1]].strip()
        next_blank = i + 1 >= len(lines) or not text[lines[i + 1][0]:lines[i + 1][1]].strip()
        if _is_heading(line, prev_blank, next_blank) or _LIST_MARK.match(line):
            flush()
            if _is_heading(line, prev_blank, next_blank):
                blocks.append((s, e, True))
                continue
        current.append((s, e))
        if next_blank or _LIST_MARK.match(line):
            flush()
    flush()
    return blocks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LIST_MARK.match(text[start:end])
    if m:
        start += m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _boundaries(text: str, start: int, end: int) -> list[int]:
    cuts = []
    chunk = text[start:end]
    for m in _END.finditer(chunk):
        cut = start + m.end()
        rest = text[cut:end].lstrip()
        if not rest:
            continue
        before = chunk[:m.start()]
        word = re.search(r"([\w.]+)$", before)
        prev = word.group(1).lower().rstrip(".") if word else ""
        nxt = re.match(r"[\"“‘'(\[]*(\w+)", rest)
        nxt_word = nxt.group(1) if nxt else ""
        if nxt_word and nxt_word[0].islower():
            continue
        initials = re.fullmatch(r"(?:[a-z]\.)*[a-z]", prev) is not None
        abbreviated = chunk[m.start()] == "." and (prev in ABBREVIATIONS or initials)
        if abbreviated and (nxt_word.lower() not in SENTENCE_STARTERS or (initials and len(prev) == 1)):
            continue
        cuts.append(cut)
    return cuts


def split_sentences(text: str) -> list[Sentence]:
    """Headings and sentences in reading order, with offsets into `text`."""
    out: list[Sentence] = []
    section = -1
    for paragraph, (bstart, bend, heading) in enumerate(_blocks(text)):
        if heading:
            s, e = _trim(text, bstart, bend)
            if e > s:
                section = len(out)
                out.append(Sentence(len(out), s, e, text[s:e], paragraph, section, heading=True))
            continue
        cuts = [bstart, *_boundaries(text, bstart, bend), bend]
        for a, b in zip(cuts, cuts[1:], strict=False):
            s, e = _trim(text, a, b)
            if e > s:
                out.append(Sentence(len(out), s, e, text[s:e], paragraph, section))
    return out
