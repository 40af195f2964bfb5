"""ACLED CSV exports (the 31-column layout used since 2023).

Each row becomes event `acled-<event_id_cnty>`. ACLED revises events and stamps
each revision with a Unix `timestamp`; a re-import replaces an event only when
its timestamp is newer, as ACLED's own tools do. ACLED's `notes` are ACLED's
sentences, so the event summary is composed from the coded fields instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pycountry

from watchfloor.dates import FuzzyDate
from watchfloor.ingest.base import ImportContext, ImportResult
from watchfloor.ingest.csvrows import coordinates, number
from watchfloor.ingest.names import Actors, snake
from watchfloor.ingest.sink import by_number, import_rows
from watchfloor.model import Actor, Event, Source

NAME = "acled"
COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
"""The export's columns, in order (SOURCES.md)."""
REQUIRED = ("event_id_cnty", "event_date", "event_type", "country", "fatalities", "timestamp")

TYPES = {"battles": "armed_clash", "explosions/remote violence": "attack", "violence against civilians": "attack",
         "protests": "protest", "riots": "riot", "strategic developments": "strategic_development"}
"""ACLED event_type → our event type; the sub-event type is kept as the subtype."""

INTER = {"1": "State forces", "2": "Rebel group", "3": "Political militia", "4": "Identity militia",
         "5": "Rioters", "6": "Protesters", "7": "Civilians", "8": "External/Other forces"}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_DMY = re.compile(r"^(\d{1,2})[ \-]([A-Za-z]+)\.?[ \-,]+(\d{4})$")

SOURCE = Source(id="src-dataset-acled", kind="dataset", title="ACLED (Armed Conflict Location & Event Data) export",
                publisher="ACLED", url="https://acleddata.com", reliability="B")


def detect(path: Path, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0]
    return b"event_id_cnty" in first and b"event_date" in first


def parse_date(text: str) -> dt.date:
    """An ACLED event_date: 2024-03-22 or 22 March 2024 (22 Mar 2024, 22-March-2024); ValueError otherwise."""
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    m = _DMY.match(text)
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    elif m and m.group(2).lower() in _MONTHS:
        year, month, day = int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))
    else:
        raise ValueError("expected a date such as 2024-03-22 or 22 March 2024")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError("no such day in the calendar") from None


def run(ctx: ImportContext) -> ImportResult:
    source = Source(**{**SOURCE.__dict__, "reliability": ctx.options.reliability or SOURCE.reliability})
    import_rows(ctx, "ACLED", REQUIRED, source, parse_row, newer=by_number)
    return ctx.result


def parse_row(ctx: ImportContext, line: int, row: dict[str, str], source: Source,
              names: Actors | None = None) -> Event | None:
    eid = row["event_id_cnty"].strip()
    if not eid:
        ctx.reject("event_id_cnty is empty", line=line, field="event_id_cnty", value="")
        return None
    try:
        date = parse_date(row["event_date"])
    except ValueError as exc:
        ctx.reject(f"bad date: {exc}", line=line, field="event_date", value=row["event_date"])
        return None
    precision = row.get("time_precision", "").strip()
    fuzzy = FuzzyDate(date.replace(day=1), "month") if precision == "3" else FuzzyDate(date, "day")
    ok, killed = number(ctx, line, "fatalities", row["fatalities"], integer=True, missing=("",),
                        check=lambda v: v >= 0, why="fatalities cannot be negative")
    if not ok:
        return None
    ts = row["timestamp"].strip()
    if not ts.isdigit():
        ctx.reject("timestamp must be a Unix time in seconds", line=line, field="timestamp", value=ts)
        return None
    ok, lat, lon = coordinates(ctx, line, row)
    if not ok:
        return None
    names = names or Actors(ctx.resolver)
    iso3 = country_of(names, row)
    actors = actors_of(names, row)
    others = [c for a in actors for c in actor_countries(names, a)]
    countries = list(dict.fromkeys([c for c in [iso3, *others] if c]))
    event_type = row["event_type"].strip()
    sub = row.get("sub_event_type", "").strip()
    attrs = {k: row[k].strip() for k in ("disorder_type", "inter1", "inter2", "interaction", "civilian_targeting",
                                          "admin1", "admin2", "admin3", "geo_precision", "source",
                                          "source_scale", "tags", "time_precision", "region")
             if row.get(k, "").strip()}
    return Event(
        id=f"acled-{eid}", dataset="acled", date=fuzzy, type=TYPES.get(event_type.lower(), snake(event_type)),
        subtype=snake(sub) or None, summary=summary(row, killed), country_iso3=iso3, countries=countries,
        location=", ".join(dict.fromkeys(p for p in (row.get("location", "").strip(), row.get("admin1", "").strip())
                                         if p)) or None,
        lat=lat, lon=lon, counts={"killed": killed} if killed is not None else {},
        attrs=attrs, actors=actors, sources=[(source, 2)], version=ts)


def country_of(names: Actors, row: dict[str, str]) -> str | None:
    """ISO alpha-3 from ACLED's numeric `iso` code, else from the country name."""
    code = row.get("iso", "").strip()
    if code.isdigit():
        hit = pycountry.countries.get(numeric=f"{int(code):03d}")
        if hit is not None:
            return str(hit.alpha_3)
    return names.country(row["country"].strip())


def actors_of(names: Actors, row: dict[str, str]) -> list[Actor]:
    found: list[Actor] = []
    for name_col, assoc_col, inter_col, role in (("actor1", "assoc_actor_1", "inter1", "actor1"),
                                                 ("actor2", "assoc_actor_2", "inter2", "actor2")):
        inter = INTER.get(row.get(inter_col, "").strip(), row.get(inter_col, "").strip())
        name = row.get(name_col, "").strip()
        if name:
            found.append(names.get(name, role, inter))
        for assoc in row.get(assoc_col, "").split(";"):
            if assoc.strip():
                found.append(names.get(assoc.strip(), f"{role}_associate", inter))
    return found


_OF_COUNTRY = re.compile(r"\bof (?:the )?([A-Z][\w' .-]+?)\s*(?:\(|$)|\(([A-Z][\w' .-]+)\)\s*$")


def actor_countries(names: Actors, a: Actor) -> list[str]:
    """Countries an ACLED actor belongs to: 'Military Forces of Ruritania (2005-)', 'Protesters (Ruritania)'."""
    if a.entity_id and a.entity_id.startswith("country:"):
        return [a.entity_id.split(":", 1)[1]]
    if a.name not in names.countries:
        found = []
        for m in _OF_COUNTRY.finditer(a.name):
            ent = names.resolver.lookup(m.group(1) or m.group(2), "country")
            if ent is not None and ent.iso3:
                found.append(ent.iso3)
        names.countries[a.name] = found
    return names.countries[a.name]


def summary(row: dict[str, str], killed: float | None) -> str:
    what = row.get("sub_event_type", "").strip() or row["event_type"].strip()
    where = ", ".join(dict.fromkeys(p for p in (row.get("location", "").strip(), row.get("admin1", "").strip(),
                                                row["country"].strip()) if p))
    who = row.get("actor1", "").strip()
    if row.get("actor2", "").strip():
        who += f" and {row['actor2'].strip()}" if who else row["actor2"].strip()
    text = f"{what} in {where}" if where else what
    if who:
        text += f" involving {who}"
    if killed:
        text += f"; {int(killed)} reported fatalities"
    return text + " (ACLED)."
