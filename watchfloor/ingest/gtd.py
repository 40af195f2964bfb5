"""Global Terrorism Database CSV (the codebook's columns: eventid, iyear, imonth, iday ... nhostkid, summary).

Each row becomes event `gtd-<eventid>`. A month or day of 0 means GTD does not
know it, so the date keeps only the precision it has. GTD's `summary`, `motive`
and citation columns are its own sentences; the event summary is composed from
the coded fields instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from watchfloor.dates import FuzzyDate
from watchfloor.ingest.base import ImportContext, ImportResult
from watchfloor.ingest.csvrows import coordinates, number
from watchfloor.ingest.names import Actors, snake
from watchfloor.ingest.sink import import_rows
from watchfloor.ingest.spellings import spellings
from watchfloor.model import Actor, Event, Source

NAME = "gtd"
REQUIRED = ("eventid", "iyear", "imonth", "iday", "country_txt", "attacktype1_txt", "gname", "nkill", "nwound")
HOSTAGE_TYPES = {"Hostage Taking (Kidnapping)": "kidnapping", "Hostage Taking (Barricade Incident)": "hostage_taking",
                 "Hijacking": "hijacking"}
"""GTD attack types that are not simply attacks; every other attack type gives type `attack`."""
HISTORIC: dict[str, str] = spellings()["gtd_former_countries"]
"""country_txt values of states that no longer exist, mapped to their successor (kept in attrs as written)."""

SOURCE = Source(id="src-dataset-gtd", kind="dataset", title="Global Terrorism Database (START, University of Maryland)",
                publisher="START, University of Maryland", url="https://www.start.umd.edu/gtd/", reliability="B")


def detect(path: Path, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0].removeprefix(b"\xef\xbb\xbf")
    return first.startswith(b"eventid,") or (b"eventid" in first and b"iyear" in first and b"gname" in first)


def gtd_date(year: int, month: int, day: int) -> FuzzyDate:
    """A GTD date: month or day 0 means unknown, so the precision drops to month or year. ValueError if impossible."""
    if not 1900 <= year <= 2999:
        raise ValueError(f"year {year} is out of range")
    if not 0 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    if month == 0:
        return FuzzyDate(dt.date(year, 1, 1), "year")
    if day == 0:
        return FuzzyDate(dt.date(year, month, 1), "month")
    try:
        return FuzzyDate(dt.date(year, month, day), "day")
    except ValueError:
        raise ValueError(f"no such day: {year:04d}-{month:02d}-{day:02d}") from None


def run(ctx: ImportContext) -> ImportResult:
    source = Source(**{**SOURCE.__dict__, "reliability": ctx.options.reliability or SOURCE.reliability})
    import_rows(ctx, "GTD", REQUIRED, source, parse_row)
    return ctx.result


def parse_row(ctx: ImportContext, line: int, row: dict[str, str], source: Source,
              names: Actors | None = None) -> Event | None:
    eid = row["eventid"].strip()
    if not eid.isdigit():
        ctx.reject("eventid must be a number such as 201903220001", line=line, field="eventid", value=eid)
        return None
    parts = []
    for field in ("iyear", "imonth", "iday"):
        text = row[field].strip()
        if not text.lstrip("-").isdigit():
            ctx.reject("expected a whole number", line=line, field=field, value=text)
            return None
        parts.append(int(text))
    try:
        date = gtd_date(*parts)
    except ValueError as exc:
        field = "iyear" if "year" in str(exc) else "imonth" if "month" in str(exc) else "iday"
        ctx.reject(f"bad date: {exc}", line=line, field=field,
                   value=f"{parts[0]}-{parts[1]}-{parts[2]}")
        return None
    counts: dict[str, float] = {}
    for field, key in (("nkill", "killed"), ("nwound", "injured"), ("nhostkid", "hostages"),
                       ("nkillter", "perpetrators_killed"), ("nwoundte", "perpetrators_wounded")):
        ok, value = number(ctx, line, field, row.get(field, ""), check=lambda v: v >= 0 or v == -99,
                           why="counts cannot be negative (GTD writes -99 for unknown)")
        if not ok:
            return None
        if value is not None and value >= 0:
            counts[key] = value
    ok, lat, lon = coordinates(ctx, line, row)
    if not ok:
        return None
    country_txt = row["country_txt"].strip()
    names = names or Actors(ctx.resolver)
    iso3 = names.country(country_txt) or HISTORIC.get(country_txt) or None
    actors = actors_of(names, row)
    countries = list(dict.fromkeys([c for c in [iso3, *nationalities(names, row)] if c]))
    attack = row["attacktype1_txt"].strip()
    attrs = {k: row[k].strip() for k in ("country_txt", "region_txt", "provstate", "targtype1_txt",
                                          "targsubtype1_txt", "weaptype1_txt", "success", "suicide", "doubtterr",
                                          "claimed", "natlty1_txt", "dbsource")
             if row.get(k, "").strip()}
    return Event(
        id=f"gtd-{eid}", dataset="gtd", date=date, type=HOSTAGE_TYPES.get(attack, "attack"),
        subtype=snake(attack) or None, summary=summary(row, counts), country_iso3=iso3, countries=countries,
        location=", ".join(dict.fromkeys(p for p in (row.get("city", "").strip(), row.get("provstate", "").strip())
                                         if p and p.lower() != "unknown")) or None,
        lat=lat, lon=lon, counts=counts, attrs=attrs, actors=actors, sources=[(source, 2)])


def actors_of(names: Actors, row: dict[str, str]) -> list[Actor]:
    found = []
    for field in ("gname", "gname2", "gname3"):
        name = row.get(field, "").strip()
        if name and name.lower() != "unknown":
            found.append(names.get(name, "perpetrator", "perpetrator"))
    return found


def nationalities(names: Actors, row: dict[str, str]) -> list[str]:
    """Countries of the targets' nationality (natlty1_txt ...): they are involved too."""
    found = [names.country(row.get(field, "").strip()) for field in ("natlty1_txt", "natlty2_txt", "natlty3_txt")]
    return [c for c in found if c]


def summary(row: dict[str, str], counts: dict[str, float]) -> str:
    where = ", ".join(dict.fromkeys(p for p in (row.get("city", "").strip(), row.get("provstate", "").strip(),
                                                row["country_txt"].strip()) if p and p.lower() != "unknown"))
    text = row["attacktype1_txt"].strip() or "Attack"
    if where:
        text += f" in {where}"
    target = row.get("targtype1_txt", "").strip()
    if target and target.lower() != "unknown":
        text += f" (target type: {target})"
    group = row["gname"].strip()
    text += f", attributed to {group}" if group and group.lower() != "unknown" else ", perpetrator unknown"
    figures = [f"{int(counts[k])} {word}" for k, word in (("killed", "killed"), ("injured", "wounded"),
                                                          ("hostages", "taken hostage")) if counts.get(k)]
    if figures:
        text += "; " + ", ".join(figures)
    return text + " (GTD)."
