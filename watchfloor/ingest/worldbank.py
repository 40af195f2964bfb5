"""World Bank indicators, in the three layouts analysts download.

- bulk "API_" CSV: UTF-8 BOM, 4 preamble lines, then Country Name, Country
  Code, Indicator Name, Indicator Code, one column per year, a trailing comma;
- DataBank export: Series Name, Series Code, Country Name, Country Code,
  "1970 [YR1970]" ..., ".." for missing, sometimes a footer;
- a long panel: iso3c (or iso3), year, then one column per indicator
  (or `indicator` and `value` columns).

Every value becomes an `observation` (country, indicator, year, value, unit,
source) with one dataset source per file. Aggregates (World, Arab World, income
groups ...) have codes that are no ISO country, so their rows are skipped and
counted, not refused. Re-importing is idempotent by (country, indicator, year,
source); a changed value is updated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from watchfloor.errors import ImportRejected
from watchfloor.ingest.base import ImportContext, ImportResult
from watchfloor.ingest.csvrows import Header, as_dict, no_rows, number, read_header, records
from watchfloor.ingest.sources import source_id
from watchfloor.ingest.spellings import spellings
from watchfloor.ingest.writer import upsert_sources
from watchfloor.model import Source
from watchfloor.store.bulk import bulk_insert

NAME = "worldbank"
ISO_COLUMNS = ("iso3c", "iso3", "iso_code", "iso3_code", "country_code", "countrycode", "Country Code")
PANEL_COLUMNS: dict[str, tuple[str, str]] = {
    column: (code, name) for column, (code, name) in spellings()["panel_columns"].items()}
"""Panel column names known to be WDI series (data/datasets.json); any other value column keeps its own name as
indicator."""
KEY_COLUMNS = {"country", "country_name", "Country Name", "year", "region", "income", "date", *ISO_COLUMNS}
_YEAR = re.compile(r"^(\d{4})(?: \[YR\d{4}\])?$")
_BATCH = 50_000


@dataclass(frozen=True)
class Layout:
    name: str
    start: int
    """Preamble lines before the header."""


def detect(path: Path, head: bytes) -> bool:
    return layout_of(head) is not None


def layout_of(head: bytes) -> Layout | None:
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = text.splitlines()
    if not lines:
        return None
    first = lines[0]
    if first.startswith('"Data Source"') or first.startswith("Data Source,"):
        for i, line in enumerate(lines[:12]):
            if line.replace('"', "").startswith("Country Name,Country Code,Indicator Name,Indicator Code"):
                return Layout("api", i)
        return None
    plain = first.replace('"', "")
    if plain.startswith("Country Name,Country Code,Indicator Name,Indicator Code"):
        return Layout("api", 0)
    if "Series Code" in plain and "Country Code" in plain and "[YR" in plain:
        return Layout("databank", 0)
    cols = {c.strip() for c in plain.split(",")}
    if "year" in cols and cols & set(ISO_COLUMNS) and "event_id_cnty" not in cols and "eventid" not in cols:
        return Layout("panel", 0)
    return None


def run(ctx: ImportContext) -> ImportResult:
    with ctx.path.open("rb") as fh:
        layout = layout_of(fh.read(65536))
    if layout is None:
        raise ImportRejected("not a World Bank indicator file (API_ bulk CSV, DataBank export or iso3c/year panel)",
                             file=str(ctx.path), line=1, hint="pass --format to choose another importer")
    rows = records(ctx, start=layout.start)
    header = read_header(ctx, rows, "World Bank")
    known = {r[0] for r in ctx.store.con.execute(
        "SELECT iso3 FROM entity WHERE kind = 'country' AND iso3 IS NOT NULL").fetchall()}
    values = {"api": api_values, "databank": databank_values, "panel": panel_values}[layout.name]
    aggregates: set[str] = set()
    with ctx.writing() as con:
        con.execute("CREATE OR REPLACE TEMP TABLE wb_stage (id VARCHAR, country_iso3 VARCHAR, indicator VARCHAR, "
                    "name VARCHAR, year INTEGER, value DOUBLE, unit VARCHAR, source_id VARCHAR)")
        source = dataset_source(ctx)
        batch: list[tuple] = []
        names: set[str] = set()
        for iso3, code, name, year, value in values(ctx, header, rows, known, aggregates):
            names.add(name)
            batch.append((obs_id(iso3, code, year, source.id), iso3, code, name, year, value, unit_of(name),
                          source.id))
            if len(batch) >= _BATCH:
                bulk_insert(con, "wb_stage", ["id", "country_iso3", "indicator", "name", "year", "value", "unit",
                                              "source_id"], batch)
                batch = []
        bulk_insert(con, "wb_stage", ["id", "country_iso3", "indicator", "name", "year", "value", "unit",
                                      "source_id"], batch)
        if ctx.result.rows_read == 0:
            raise no_rows(ctx, "World Bank")
        if len(names) == 1:
            source = Source(**{**source.__dict__, "title": f"World Bank, World Development Indicators: {names.pop()}"})
        upsert_sources(con, [source])
        merge(ctx, con)
        con.execute("DROP TABLE wb_stage")
    if aggregates:
        ctx.result.note = (f"{len(aggregates)} aggregates or non-ISO codes skipped "
                           f"({', '.join(sorted(aggregates)[:5])}{' …' if len(aggregates) > 5 else ''})")
    return ctx.result


def merge(ctx: ImportContext, con: duckdb.DuckDBPyConnection) -> None:
    """New observations in, changed values updated, the same ones left alone; counts per country."""
    dup = con.execute("SELECT country_iso3, indicator, year FROM wb_stage GROUP BY ALL HAVING count(*) > 1 "
                      "LIMIT 1").fetchone()
    if dup:
        raise ImportRejected(f"{dup[0]} {dup[1]} {dup[2]} appears more than once with different rows",
                             file=str(ctx.path), hint="remove the duplicate rows; nothing was imported")
    new = con.execute("SELECT country_iso3, count(*) FROM wb_stage s WHERE NOT EXISTS "
                      "(SELECT 1 FROM observation o WHERE o.id = s.id) GROUP BY 1").fetchall()
    changed = con.execute("SELECT s.country_iso3, count(*) FROM wb_stage s JOIN observation o ON o.id = s.id "
                          "WHERE o.value IS DISTINCT FROM s.value OR o.name IS DISTINCT FROM s.name GROUP BY 1"
                          ).fetchall()
    con.execute("UPDATE observation o SET value = s.value, name = s.name, unit = s.unit FROM wb_stage s "
                "WHERE o.id = s.id AND (o.value IS DISTINCT FROM s.value OR o.name IS DISTINCT FROM s.name)")
    con.execute("INSERT INTO observation SELECT s.* FROM wb_stage s WHERE NOT EXISTS "
                "(SELECT 1 FROM observation o WHERE o.id = s.id)")
    ctx.result.added = sum(n for _, n in new)
    ctx.result.updated = sum(n for _, n in changed)
    for iso3, n in [*new, *changed]:
        ctx.result.per_country[iso3] += n


def dataset_source(ctx: ImportContext) -> Source:
    code = re.match(r"API_([A-Z0-9.]+?)_DS2", ctx.path.name)
    url = (f"https://data.worldbank.org/indicator/{code.group(1)}" if code
           else "https://databank.worldbank.org/source/world-development-indicators")
    return Source(id=source_id(f"worldbank:{ctx.path.name}"), kind="dataset",
                  title=f"World Bank, World Development Indicators ({ctx.path.name})", publisher="World Bank",
                  url=url, published_at=last_updated(ctx.path), reliability=ctx.options.reliability or "B")


def last_updated(path: Path) -> str | None:
    """The "Last Updated Date" of an API_ file's preamble, as YYYY-MM-DD."""
    with path.open("rb") as fh:
        head = fh.read(4096).decode("utf-8", "replace")
    m = re.search(r'"?Last Updated Date"?,"?(\d{4}-\d{2}-\d{2})', head)
    return m.group(1) if m else None


def obs_id(iso3: str, indicator: str, year: int, source: str) -> str:
    return "obs-" + hashlib.sha1(f"{iso3}|{indicator}|{year}|{source}".encode()).hexdigest()[:16]


def unit_of(name: str) -> str | None:
    """The unit a WDI series name gives in its last brackets: 'GDP per capita (current US$)' → 'current US$'."""
    brackets = [b for b in re.findall(r"\(([^()]*)\)", name) if "estimate" not in b.lower()]
    return brackets[-1] if brackets else None


Values = Iterator[tuple[str, str, str, int, float]]


def _years(header: Header) -> list[tuple[int, int]]:
    """(column index, year) for the year columns of a wide layout."""
    return [(i, int(m.group(1))) for i, n in enumerate(header.names) if (m := _YEAR.match(n.strip()))]


def _wide(ctx: ImportContext, header: Header, rows: Iterator[tuple[int, list[str]]], known: set[str],
          aggregates: set[str], code_col: str, ind_code: str, ind_name: str) -> Values:
    years = _years(header)
    if not years:
        raise ImportRejected("no year columns in the header", file=str(ctx.path), line=header.line,
                             hint="export the indicator with years as columns")
    for line, raw in rows:
        row = as_dict(ctx, header, line, raw)
        if row is None:
            ctx.result.rows_read += 1
            continue
        iso3 = row[code_col].strip().upper()
        if not iso3 and not row[ind_code].strip():
            continue  # a DataBank footer line ("Data from database: ...", "Last Updated: ...")
        ctx.result.rows_read += 1
        if iso3 not in known:
            aggregates.add(iso3 or "(blank)")
            ctx.result.skipped += 1
            continue
        code, name = row[ind_code].strip(), row[ind_name].strip()
        if not code:
            ctx.reject("indicator code is empty", line=line, field=ind_code, value="")
            continue
        for i, year in years:
            ok, value = number(ctx, line, header.names[i], raw[i] if i < len(raw) else "")
            if ok and value is not None:
                yield iso3, code, name or code, year, value


def api_values(ctx: ImportContext, header: Header, rows: Iterator[tuple[int, list[str]]], known: set[str],
               aggregates: set[str]) -> Values:
    return _wide(ctx, header, rows, known, aggregates, "Country Code", "Indicator Code", "Indicator Name")


def databank_values(ctx: ImportContext, header: Header, rows: Iterator[tuple[int, list[str]]], known: set[str],
                    aggregates: set[str]) -> Values:
    return _wide(ctx, header, rows, known, aggregates, "Country Code", "Series Code", "Series Name")


def panel_values(ctx: ImportContext, header: Header, rows: Iterator[tuple[int, list[str]]], known: set[str],
                 aggregates: set[str]) -> Values:
    iso_col = next(c for c in header.names if c in ISO_COLUMNS)
    long = "value" in header.names and ({"indicator", "indicator_code", "series_code"} & set(header.names))
    ind_col = next((c for c in ("indicator_code", "indicator", "series_code") if c in header.names), "")
    value_cols = [c for c in header.names if c not in KEY_COLUMNS and c not in ("value", ind_col, "indicator_name")]
    for line, raw in rows:
        ctx.result.rows_read += 1
        row = as_dict(ctx, header, line, raw)
        if row is None:
            continue
        iso3 = row[iso_col].strip().upper()
        if iso3 not in known:
            aggregates.add(iso3 or "(blank)")
            ctx.result.skipped += 1
            continue
        text = row["year"].strip()
        if not (text.isdigit() and 1800 <= int(text) <= 2200):
            ctx.reject("expected a year such as 2022", line=line, field="year", value=text)
            continue
        year = int(text)
        if long:
            ok, value = number(ctx, line, "value", row["value"])
            code = row[ind_col].strip()
            if ok and value is not None and code:
                yield iso3, code, row.get("indicator_name", "").strip() or code, year, value
            continue
        for col in value_cols:
            ok, value = number(ctx, line, col, row[col], missing=("", "..", "NA", "NaN", "nan"))
            if ok and value is not None:
                code, name = PANEL_COLUMNS.get(col, (col, col))
                yield iso3, code, name, year, value
