"""Curated fact packs: JSON Lines, one dated, sourced fact per line.

Format (docs/importers.md): date (YYYY, YYYY-MM or YYYY-MM-DD), event_type,
summary, source_url required; actors, location, country, numbers optional.
A pack is all or nothing: one bad line rejects the file and names the line.
A sources.json beside the file (and the bundled packs' ones) gives the sources their
titles, publishers and dates (watchfloor/ingest/sources.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from watchfloor.dates import parse_iso
from watchfloor.ingest.base import ImportContext, ImportResult
from watchfloor.ingest.sources import SourceMeta, catalogue_for, refresh_sources, source_for_url, source_id
from watchfloor.ingest.text import NOT_TEXT, not_text
from watchfloor.ingest.vectors import embed_summaries
from watchfloor.ingest.writer import existing_versions, insert_events
from watchfloor.model import Actor, Event
from watchfloor.reference import Resolver
from watchfloor.reference.catalogue import DEMONYMS

NAME = "facts"
MAX_LINE = 1 << 20
MAX_DEPTH = 32
"""How deeply a fact may nest objects and lists: a fact is flat, so deeper is an attack or a mistake."""
_TYPE = re.compile(r"^[a-z][a-z0-9_]*$")
_URL = re.compile(r"^https?://\S+$")
_DEMONYM = {w: iso3 for iso3, words in DEMONYMS.items() for w in words}
_DEMONYM_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _DEMONYM), key=len, reverse=True)) + r")\b")


def detect(path: Path, head: bytes) -> bool:
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    first = head.lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"source_url"' in first or not first


def run(ctx: ImportContext) -> ImportResult:
    catalogue = catalogue_for(ctx.path)
    events = parse(ctx, catalogue)
    ids = [e.id for e in events]
    with ctx.writing() as con:
        have = existing_versions(con, ids)
        new = [e for e in events if e.id not in have]
        insert_events(con, new)
        cited = {s.id for e in events for s, _ in e.sources}
        refresh_sources(con, catalogue, [u for u in catalogue if source_id(u) in cited], ctx.options.reliability)
        embed_summaries(con, ctx.progress)
    ctx.result.added = len(new)
    ctx.result.per_country.update(e.country_iso3 or "—" for e in new)
    return ctx.result


def parse(ctx: ImportContext, catalogue: Mapping[str, SourceMeta] | None = None) -> list[Event]:
    """Read the pack line by line (streamed), rejecting it at the first bad line; `catalogue` describes the links."""
    events: list[Event] = []
    seen: set[str] = set()
    total = ctx.path.stat().st_size
    done = 0
    with ctx.path.open("rb") as fh:
        for n, raw_bytes in enumerate(fh, 1):
            done += len(raw_bytes)
            ctx.progress(done, total)
            if len(raw_bytes) > MAX_LINE:
                ctx.reject(f"line is {len(raw_bytes):,} bytes long; a fact is one short JSON object", line=n,
                           hint="is this really a fact pack? pass --format to choose another importer")
                continue
            try:
                raw = raw_bytes.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                ctx.reject(f"not UTF-8 text (byte {exc.start + 1} of the line)", line=n,
                           hint="save the file as UTF-8 and import it again; nothing was imported")
                continue
            if not raw.strip():
                continue
            ctx.result.rows_read += 1
            event = parse_line(ctx, n, raw, catalogue)
            if event is not None and event.id not in seen:
                seen.add(event.id)
                events.append(event)
    return events


def parse_line(ctx: ImportContext, n: int, line: str, catalogue: Mapping[str, SourceMeta] | None = None
               ) -> Event | None:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        ctx.reject(f"invalid JSON: {exc.msg} at column {exc.colno}", line=n, value=line[:60])
        return None
    except RecursionError:
        obj, too_deep = None, True
    else:
        too_deep = depth(obj) > MAX_DEPTH
    if too_deep:
        ctx.reject(f"the JSON is nested more than {MAX_DEPTH} levels deep; a fact is one flat object", line=n,
                   hint="write each fact as one object whose values are strings, numbers, a list of names and "
                        "a numbers object; nothing was imported")
        return None
    if not isinstance(obj, dict):
        ctx.reject("each line must be a JSON object", line=n, value=line[:60])
        return None
    if NOT_TEXT.search(line) or "\\u" in line:
        for field, value in strings(obj):
            if (why := not_text(value)) is not None:
                ctx.reject(f"the value is not text: {why}", line=n, field=field, value=value,
                           hint="remove the control characters (JSON escapes such as \\u0000 included), or pass "
                                "--skip-bad-rows to import the good facts; nothing was imported")
                return None
    for key in ("date", "event_type", "summary", "source_url"):
        if key not in obj or obj[key] in (None, ""):
            ctx.reject("required field is missing", line=n, field=key)
            return None
        if not isinstance(obj[key], str):
            ctx.reject("must be a string", line=n, field=key, value=obj[key])
            return None
    try:
        date = parse_iso(obj["date"])
    except ValueError as exc:
        ctx.reject(f"bad date: {exc}", line=n, field="date", value=obj["date"])
        return None
    if not _TYPE.match(obj["event_type"]):
        ctx.reject("event_type must be snake_case, e.g. arrest or debt_figure", line=n, field="event_type",
                   value=obj["event_type"])
        return None
    if not _URL.match(obj["source_url"]):
        ctx.reject("source_url must be an http(s) link", line=n, field="source_url", value=obj["source_url"])
        return None
    actors_raw = obj.get("actors", [])
    if not isinstance(actors_raw, list) or not all(isinstance(a, str) for a in actors_raw):
        ctx.reject("actors must be a list of names", line=n, field="actors", value=actors_raw)
        return None
    numbers = obj.get("numbers", {}) or {}
    if not isinstance(numbers, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in numbers.values()):
        ctx.reject("numbers must map names to numbers", line=n, field="numbers", value=numbers)
        return None
    countries: list[str] = []
    for name in [c.strip() for c in str(obj.get("country") or "").split("/") if c.strip()]:
        ent = ctx.resolver.lookup(name, "country")
        if ent is None or not ent.iso3:
            ctx.reject("unknown country", line=n, field="country", value=obj.get("country"),
                       hint="use a country name or ISO code (`watchfloor entities --kind country`)")
            return None
        countries.append(ent.iso3)
    location = obj.get("location")
    if location is not None and not isinstance(location, str):
        ctx.reject("location must be a string", line=n, field="location", value=location)
        return None
    return build_event(ctx.resolver, obj, date, countries, actors_raw, numbers, location, ctx.options.reliability,
                       (catalogue or {}).get(obj["source_url"]))


def depth(obj: object) -> int:
    """How deeply lists and objects nest in a parsed line, walked without recursion so depth cannot crash us."""
    deepest = 0
    stack: list[tuple[object, int]] = [(obj, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            level += 1
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            stack.extend((v, level) for v in (value.values() if isinstance(value, dict) else value))
    return deepest


def strings(obj: dict) -> Iterator[tuple[str, str]]:
    """(field, string) for every key and string value in a parsed fact, nested ones named like numbers.killed."""
    stack: list[tuple[str, object]] = [("", obj)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                name = f"{where}.{key}" if where else key
                yield name, key
                stack.append((name, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in enumerate(value))


_ORG_WORDS = re.compile(
    r"\b(Ministry|Court|Bank|Party|Department|police|Police|services|Service|Committee|Corporation|Company|"
    r"Reporters|Treasury|Parliament|Government|Council|OMON|District|Agency|Office|Forces|Army|Prosecutor|"
    r"Commission|Embassy|Union|Organi[sz]ation|Fund|Group|Impregilo|EBRD|Rewards|Supreme|Federal|Guard)\b")


def new_entity_id(name: str) -> str:
    """An id for an actor the reference data does not know: organisation, person or other."""
    from watchfloor.reference.seed import entity_id

    words = name.split()
    if _ORG_WORDS.search(name) or name.isupper():
        kind = "organisation"
    elif 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        kind = "person"
    else:
        kind = "other"
    return entity_id(kind, name)


def build_event(resolver: Resolver, obj: dict, date, countries: list[str], actor_names: list[str],
                numbers: dict, location: str | None, reliability: str | None, meta: SourceMeta | None = None
                ) -> Event:
    """The event a fact makes. Its id hashes date, type, summary and the link as the fact gives it: a sources.json
    (`meta`) changes the source's title, date and URL, never the id."""
    key = "|".join([obj["date"], obj["event_type"], obj["summary"], obj["source_url"]])
    actors = []
    involved = list(countries)
    for name in actor_names:
        ent = resolver.match_actor(name)
        actors.append(Actor(name=name, entity_id=ent.id if ent else new_entity_id(name)))
        if ent and ent.kind == "country" and ent.iso3 and ent.iso3 not in involved:
            involved.append(ent.iso3)
    for word in _DEMONYM_RE.findall(obj["summary"]):
        if _DEMONYM[word] not in involved:
            involved.append(_DEMONYM[word])
    lat = lon = None
    if location:
        place = resolver.lookup(location.split(",")[0].strip(), "place")
        if place:
            lat, lon = place.lat, place.lon
    return Event(
        id="fact-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], dataset="facts", date=date,
        type=obj["event_type"], summary=obj["summary"], country_iso3=countries[0] if countries else None,
        countries=involved, location=location, lat=lat, lon=lon, counts={k: float(v) for k, v in numbers.items()},
        actors=actors, sources=[(source_for_url(obj["source_url"], reliability=reliability, meta=meta), 2)],
    )
