"""Sources from URLs: publisher, a readable title and a default reliability grade.

A fact pack gives only a link. The publisher comes from the domain; the grade
is a default an analyst can change, stated in docs/importers.md and kept with
the publishers in data/publishers.json: B for established wire services,
broadcasters and official statistics, C for other named news outlets and
official government sites, F (cannot be judged) for the rest.

A pack may say more about its links in a `sources.json` beside its facts (format in docs/country-packs.md): each
link's real title, publisher, publication date and, for a mirror, the original publisher's URL. The facts importer
reads it, and the bundled packs' files, so a fact citing a described link gets its title and date whatever file it
is in. The link the fact gives stays the source's id (and the fact's id); a canonical URL goes into source.url only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlparse

import duckdb

from watchfloor.errors import InputError
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


@dataclass(frozen=True)
class SourceMeta:
    """What a pack's sources.json says about one link."""

    title: str
    publisher: str
    published: str | None = None
    """ISO date (YYYY-MM-DD) the page was published, or None when unknown."""
    canonical: str | None = None
    """The original publisher's URL when the link is a mirror, a reprint host or an archive copy."""
    title_checked: bool = True
    """False when the title is our plain description, not the page's own."""


CATALOGUE = "sources.json"
"""The file beside a pack's facts that describes its links."""
_HINT = "fix the pack's sources.json (format in docs/country-packs.md); nothing was imported"
_LINK = re.compile(r"^https?://\S+$")
_FIELDS: dict[str, type | tuple[type, ...]] = {
    "title": str, "publisher": str, "published": (str, type(None)), "canonical": str, "title_checked": bool,
    "note": str}
_REQUIRED = ("title", "publisher", "published")


def _line(lines: list[str], pattern: str, start: int = 1) -> int | None:
    for n in range(start, len(lines) + 1):
        if re.search(pattern, lines[n - 1]):
            return n
    return None


def read_catalogue(path: Path) -> dict[str, SourceMeta]:
    """A sources.json checked whole: link → what it is. A mistake names the file, the line, the link and the field."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start + 1})", file=str(path), hint=_HINT) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at column {exc.colno}", file=str(path), line=exc.lineno,
                         hint=_HINT) from None
    lines = text.splitlines()
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        raise InputError('must be one object with "sources": link → {"title", "publisher", "published"}',
                         file=str(path), line=1, field="sources", hint=_HINT)
    out: dict[str, SourceMeta] = {}
    for url, entry in data["sources"].items():
        at = _line(lines, rf"^\s*{re.escape(json.dumps(url, ensure_ascii=False))}\s*:") or \
            _line(lines, re.escape(json.dumps(url, ensure_ascii=False)[1:-1]))

        def bad(message: str, field: str | None = None, value: object = None, *, link: str = url,
                start: int | None = at, present: object = entry) -> InputError:
            """The error at the entry's line, or its field's when the field is there."""
            found = field and start and isinstance(present, dict) and field in present
            line = _line(lines, rf'"{re.escape(field or "")}"\s*:', start or 1) if found else start
            return InputError(f"link {link}: {message}", file=str(path), line=line or start,
                              field=field, value=value, hint=_HINT)

        if not _LINK.match(url):
            raise bad("each key must be the http(s) link a fact gives as its source_url", value=url)
        if not isinstance(entry, dict):
            raise bad('must map to an object with "title", "publisher" and "published"', value=entry)
        for field in entry:
            if field not in _FIELDS:
                raise bad(f"unknown field; the fields are {', '.join(_FIELDS)}", field, entry[field])
        for field in _REQUIRED:
            if field not in entry:
                raise bad("required field is missing (published may be null when the date is unknown)", field)
        for field, kind in _FIELDS.items():
            if field in entry and not isinstance(entry[field], kind):
                raise bad(f"must be {'true or false' if kind is bool else 'a string'}"
                          f"{' or null' if field == 'published' else ''}", field, entry[field])
        for field in ("title", "publisher"):
            if not entry[field].strip():
                raise bad("must not be empty", field, entry[field])
        published = entry["published"]
        if published is not None:
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                    raise ValueError
                dt.date.fromisoformat(published)
            except ValueError:
                raise bad("must be a date YYYY-MM-DD, or null when the page's date is unknown", "published",
                          published) from None
        canonical = entry.get("canonical")
        if canonical is not None and not _LINK.match(canonical):
            raise bad("must be an http(s) link (the original publisher's page)", "canonical", canonical)
        out[url] = SourceMeta(title=" ".join(entry["title"].split()), publisher=entry["publisher"].strip(),
                              published=published, canonical=canonical,
                              title_checked=entry.get("title_checked", True))
    return out


@lru_cache(maxsize=1)
def bundled_catalogue() -> dict[str, SourceMeta]:
    """Every bundled pack's sources.json (data/countries/<ISO3>/sources.json), link → what it is."""
    countries = Path(str(resources.files("watchfloor").joinpath("data", "countries")))
    out: dict[str, SourceMeta] = {}
    for path in sorted(countries.glob(f"*/{CATALOGUE}")):
        out.update(read_catalogue(path))
    return out


def catalogue_for(facts: Path) -> dict[str, SourceMeta]:
    """What the sources.json beside a facts file says, over what the bundled packs say."""
    beside = facts.parent / CATALOGUE
    return {**bundled_catalogue(), **(read_catalogue(beside) if beside.is_file() else {})}


def source_for_url(url: str, *, kind: str = "article", reliability: str | None = None,
                   meta: SourceMeta | None = None) -> Source:
    """The source a link makes: from its sources.json entry when there is one, else from the URL alone.

    The id is always the link's, so the same link makes the same source; a canonical URL is graded and stored in
    its place (the text is the original publisher's)."""
    if meta is None:
        publisher, grade = publisher_for(url)
        return Source(id=source_id(url), kind=kind, title=title_from_url(url), publisher=publisher, url=url,
                      reliability=reliability or grade)
    target = meta.canonical or url
    return Source(id=source_id(url), kind=kind, title=meta.title, publisher=meta.publisher, url=target,
                  published_at=meta.published, reliability=reliability or publisher_for(target)[1])


def refresh_sources(con: duckdb.DuckDBPyConnection, catalogue: Mapping[str, SourceMeta],
                    urls: Iterable[str] | None = None, reliability: str | None = None) -> int:
    """Give sources already in the store what a sources.json says (title, publisher, date, URL), for the links in
    `urls` (all the catalogue's by default); a source graded F only because its domain was unknown gets its
    outlet's grade. Returns how many sources changed. Stores loaded before a pack had a sources.json catch up."""
    wanted = [u for u in (catalogue if urls is None else urls) if u in catalogue]
    if not wanted:
        return 0
    fresh = {s.id: s for s in (source_for_url(u, reliability=reliability, meta=catalogue[u]) for u in wanted)}
    rows = con.execute("SELECT id, title, publisher, url, published_at, reliability FROM source "
                       "WHERE id IN (SELECT unnest(?))", [list(fresh)]).fetchall()
    changed = []
    for sid, title, publisher, url, published, grade in rows:
        s = fresh[sid]
        new_grade = s.reliability if grade == "F" else grade
        was = (title, publisher, url, published.isoformat() if published else None, grade)
        if was != (s.title, s.publisher, s.url, s.published_at, new_grade):
            changed.append([s.title, s.publisher, s.url, s.published_at, new_grade, sid])
    if changed:
        con.executemany("UPDATE source SET title = ?, publisher = ?, url = ?, published_at = ?, reliability = ? "
                        "WHERE id = ?", changed)
    return len(changed)
