"""GDELT event files: 2.0's 61-column `.export.CSV` and 1.0's 57/58-column daily files, plain, gzipped or zipped.

Millions of rows go through DuckDB's own CSV reader, never through Python:
read_csv with explicit columns (CAMEO codes stay strings, so 040 keeps its
zero), mapped in SQL into a staging table, then INSERT ... SELECT into `event`.
A row DuckDB cannot read (wrong column count, an SQLDATE that is no date, a
Goldstein score that is no number, bad UTF-8) is caught by its rejects table,
which knows the line: the file is refused naming it, or with --skip-bad-rows
the row is reported and left out.

Actor countries are CAMEO codes and place countries FIPS 10-4 codes; both map
to ISO alpha-3 (`watchfloor.ingest.codes`). Each event links to one dataset
source, "The GDELT Project", and keeps its article in `event.source_url`.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

import duckdb

from watchfloor.errors import ImportRejected, InputError
from watchfloor.ingest.base import BadRow, ImportContext, ImportResult
from watchfloor.ingest.codes import code_tables
from watchfloor.ingest.writer import upsert_sources
from watchfloor.model import Source
from watchfloor.store.store import out_of_memory

NAME = "gdelt"
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_EVENT = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
          "NumMentions", "NumSources", "NumArticles", "AvgTone"]


def _geo(prefix: str, adm2: bool) -> list[str]:
    parts = ["Type", "FullName", "CountryCode", "ADM1Code", *(["ADM2Code"] if adm2 else []), "Lat", "Long",
             "FeatureID"]
    return [f"{prefix}_{p}" for p in parts]


def layout(version: int, url: bool = True) -> list[str]:
    """GDELT's column names: version 2 (61 columns) or 1 (57, or 58 with SOURCEURL)."""
    adm2 = version == 2
    cols = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
            *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR), *_EVENT,
            *_geo("Actor1Geo", adm2), *_geo("Actor2Geo", adm2), *_geo("ActionGeo", adm2), "DATEADDED"]
    return cols + ["SOURCEURL"] if url else cols


LAYOUTS = {61: layout(2), 58: layout(1), 57: layout(1, url=False)}
TYPES = {"GLOBALEVENTID": "BIGINT", "SQLDATE": "DATE", "QuadClass": "INTEGER", "GoldsteinScale": "DOUBLE",
         "NumMentions": "INTEGER", "NumSources": "INTEGER", "NumArticles": "INTEGER", "AvgTone": "DOUBLE",
         "ActionGeo_Lat": "DOUBLE", "ActionGeo_Long": "DOUBLE"}
"""Columns read as numbers or dates (so a bad value is rejected with its line); all others stay strings."""

ROOTS = {"01": ("statement", "make a public statement"), "02": ("appeal", "appeal"),
         "03": ("intent_to_cooperate", "express intent to cooperate"), "04": ("consult", "consult"),
         "05": ("diplomatic_cooperation", "engage in diplomatic cooperation"),
         "06": ("material_cooperation", "engage in material cooperation"), "07": ("aid", "provide aid"),
         "08": ("yield", "yield"), "09": ("investigate", "investigate"), "10": ("demand", "demand"),
         "11": ("disapprove", "disapprove"), "12": ("reject", "reject"), "13": ("threaten", "threaten"),
         "14": ("protest", "protest"), "15": ("force_posture", "exhibit military posture"),
         "16": ("reduce_relations", "reduce relations"), "17": ("coerce", "coerce"), "18": ("attack", "assault"),
         "19": ("fight", "fight"), "20": ("mass_violence", "use unconventional mass violence")}
"""CAMEO root code → (our event type, what the code means); the full CAMEO code is kept as the subtype."""

SOURCE = Source(id="src-dataset-gdelt", kind="dataset", title="GDELT Event Database (The GDELT Project)",
                publisher="The GDELT Project", url="https://www.gdeltproject.org/", reliability="C")
CREDIBILITY = 6
"""Machine-coded from one or more articles: the information's credibility cannot be judged (Admiralty 6)."""


def detect(path: Path, head: bytes) -> bool:
    if head[:4] == b"PK\x03\x04":
        try:
            with _opened(path) as (fh, _):
                head = fh.read(65536)
        except (InputError, zipfile.BadZipFile, OSError):
            return False
    first = head.split(b"\n", 1)[0].rstrip(b"\r").split(b"\t")
    return len(first) in LAYOUTS and first[0].isdigit() and first[1][:8].isdigit()


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[IO[bytes], str]]:
    """The file's bytes (the one member of a zip, or the file itself) and its compression for DuckDB."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if len(members) != 1:
                raise InputError(f"expected one file inside the zip, found {len(members)}", file=str(path),
                                 hint="unzip it and import the event file")
            with zf.open(members[0]) as fh:
                yield fh, "none"
        return
    if path.suffix.lower() == ".gz":
        import gzip

        with gzip.open(path, "rb") as gz:
            yield cast(IO[bytes], gz), "gzip"
        return
    with path.open("rb") as fh:
        yield fh, "none"


@contextlib.contextmanager
def readable(path: Path) -> Iterator[tuple[Path, str]]:
    """A path DuckDB can read: a zip's member is streamed to a temporary file first (memory stays flat)."""
    if not zipfile.is_zipfile(path):
        yield path, "gzip" if path.suffix.lower() == ".gz" else "none"
        return
    with tempfile.TemporaryDirectory(prefix="watchfloor-gdelt-") as tmp, _opened(path) as (fh, _):
        out = Path(tmp) / "events.tsv"
        with out.open("wb") as dst:
            shutil.copyfileobj(fh, dst, 1 << 20)
        yield out, "none"


def column_count(ctx: ImportContext) -> int:
    with _opened(ctx.path) as (fh, _):
        first = fh.readline(1 << 20)
    if not first.strip():
        raise ImportRejected("the file is empty", file=str(ctx.path), line=1,
                             hint="download the GDELT file again; nothing was imported")
    n = len(first.rstrip(b"\r\n").split(b"\t"))
    if n not in LAYOUTS:
        raise ImportRejected(f"expected 61 tab-separated columns (GDELT 2.0) or 57/58 (GDELT 1.0), found {n}",
                             file=str(ctx.path), line=1, hint="is this a GDELT events file? nothing was imported")
    return n


def run(ctx: ImportContext) -> ImportResult:
    cols = LAYOUTS[column_count(ctx)]
    size = ctx.path.stat().st_size
    con = ctx.store.con
    known = {r[0] for r in con.execute("SELECT iso3 FROM entity WHERE kind = 'country' AND iso3 IS NOT NULL")
             .fetchall()}
    cameo, fips = code_tables(known)
    source = Source(**{**SOURCE.__dict__, "reliability": ctx.options.reliability or SOURCE.reliability})
    with readable(ctx.path) as (csv_path, compression), loading_settings(con), ctx.store.transaction():
        sql = stage_sql(cols, cameo, fips)
        _with_progress(ctx, lambda: con.execute(sql, [str(csv_path), compression]))
        staged = con.execute("SELECT count(*) FROM gdelt_stage").fetchone()[0]  # type: ignore[index]
        check_rejects(ctx, con, cols)
        ctx.result.rows_read = staged + len(ctx.result.bad_rows)
        if ctx.result.rows_read == 0:
            raise ImportRejected("the file has no rows", file=str(ctx.path), hint="nothing was imported")
        con.execute("DELETE FROM gdelt_stage s WHERE EXISTS (SELECT 1 FROM event e WHERE e.id = s.id)")
        upsert_sources(con, [source])
        insert(ctx, con, source)
        ctx.progress(int(size * 0.9), size)
        for iso3, n in con.execute("SELECT coalesce(country_iso3, '—'), count(*) FROM gdelt_stage GROUP BY 1"
                                   ).fetchall():
            ctx.result.per_country[iso3] += n
        ctx.result.added = sum(ctx.result.per_country.values())
        con.execute("DROP TABLE gdelt_stage")
    ctx.progress(size, size)
    return ctx.result


_SETTINGS = {"preserve_insertion_order": "false", "enable_progress_bar": "true", "enable_progress_bar_print": "false"}


@contextlib.contextmanager
def loading_settings(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """While the file loads: rows may go in out of order (much less memory for big inserts), and DuckDB tracks
    its progress (for the bar) without printing it; then the settings are put back.

    No memory_limit is forced: the transaction's new index entries must stay in memory until COMMIT, and a
    cap below that need makes a large import fail instead of merely using more memory (docs/performance.md).
    """
    before = {k: con.execute(f"SELECT current_setting('{k}')").fetchone() for k in _SETTINGS}
    for key, value in _SETTINGS.items():
        con.execute(f"SET {key} = {value}")
    try:
        yield
    finally:
        for key, row in before.items():
            con.execute(f"SET {key} = {bool(row and row[0])}")


def _with_progress(ctx: ImportContext, work, share: float = 0.6) -> None:  # type: ignore[no-untyped-def]
    """Run one long query in a thread, reporting DuckDB's own progress as the first `share` of the file's bytes."""
    total = ctx.path.stat().st_size
    failure: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as exc:  # re-raised below, in the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
            with contextlib.suppress(duckdb.Error, RuntimeError):
                pct = ctx.store.con.query_progress()
                if pct and pct > 0:
                    ctx.progress(int(total * share * min(pct, 100) / 100), total)
    except BaseException:  # Ctrl-C: stop DuckDB's query before the transaction rolls back
        ctx.store.con.interrupt()
        worker.join()
        raise
    if failure:
        exc = failure[0]
        if isinstance(exc, duckdb.OutOfMemoryException):
            raise out_of_memory(exc) from None
        if isinstance(exc, duckdb.Error):
            raise ImportRejected(f"DuckDB could not read the file: {str(exc).splitlines()[0]}", file=str(ctx.path),
                                 hint="is this a GDELT events file? nothing was imported") from None
        raise exc
    ctx.progress(int(total * share), total)


def code_lookup(column: str, pairs: list[tuple[str, str]]) -> str:
    """SQL mapping `column` through (code, iso3) pairs: a cast to an inline ENUM of the codes (a hash lookup;
    an unknown code gives NULL) whose index picks the ISO code from a constant list.

    No join: DuckDB guesses a CSV holds a few dozen rows, so with the full country list (about 260 codes)
    it built LEFT JOIN hash tables on the file instead of the code table, every row three times, and ran
    out of memory at 5 million rows (docs/performance.md).
    """
    if not pairs:
        return "NULL::VARCHAR"

    def quoted(items: list[str]) -> str:
        return ", ".join("'" + x.replace("'", "''") + "'" for x in items)

    codes, iso3s = [p[0] for p in pairs], [p[1] for p in pairs]
    return f"[{quoted(iso3s)}][enum_code(TRY_CAST(r.{column} AS ENUM({quoted(codes)})))::INTEGER + 1]"


def stage_sql(cols: list[str], cameo: list[tuple[str, str]], fips: list[tuple[str, str]]) -> str:
    """read_csv into `gdelt_stage`, mapped to event columns; bad rows land in `gdelt_rejects`."""
    columns = "{" + ", ".join(f"'{c}': '{TYPES.get(c, 'VARCHAR')}'" for c in cols) + "}"
    root_type = "CASE r.EventRootCode " + " ".join(f"WHEN '{k}' THEN '{v[0]}'" for k, v in ROOTS.items()) + \
        " ELSE 'other' END"
    root_words = "CASE r.EventRootCode " + " ".join(f"WHEN '{k}' THEN '{v[1]}'" for k, v in ROOTS.items()) + \
        " ELSE 'act' END"
    url = "r.SOURCEURL" if "SOURCEURL" in cols else "NULL"
    a1, a2 = code_lookup("Actor1CountryCode", cameo), code_lookup("Actor2CountryCode", cameo)
    g = code_lookup("ActionGeo_CountryCode", fips)
    return f"""
    CREATE OR REPLACE TEMP TABLE gdelt_stage AS
    SELECT id, date, type, subtype, coalesce(g, a1, a2) AS country_iso3,
           list_filter([g, CASE WHEN a1 IS DISTINCT FROM g THEN a1 END,
                        CASE WHEN a2 IS DISTINCT FROM g AND a2 IS DISTINCT FROM a1 THEN a2 END],
                       lambda x: x IS NOT NULL) AS countries,
           location, lat, lon, summary, version, a1 AS actor1_iso3, a2 AS actor2_iso3, goldstein, tone,
           mentions, quad_class, source_url
    FROM (
    SELECT 'gdelt-' || r.GLOBALEVENTID AS id, r.SQLDATE AS date, {root_type} AS type, r.EventCode AS subtype,
           {g} AS g, {a1} AS a1, {a2} AS a2,
           nullif(r.ActionGeo_FullName, '') AS location, r.ActionGeo_Lat AS lat, r.ActionGeo_Long AS lon,
           concat_ws(' ', coalesce(nullif(r.Actor1Name, ''), 'An unnamed actor'), '—', {root_words},
                     CASE WHEN r.Actor2Name <> '' THEN '— ' || r.Actor2Name END,
                     CASE WHEN r.ActionGeo_FullName <> '' THEN '— at ' || r.ActionGeo_FullName END,
                     '(GDELT, CAMEO ' || r.EventCode || ')') AS summary,
           r.DATEADDED AS version, r.GoldsteinScale AS goldstein,
           r.AvgTone AS tone, r.NumMentions AS mentions, r.QuadClass AS quad_class, nullif({url}, '') AS source_url
    FROM read_csv($1, delim = '\t', header = false, quote = '', escape = '', auto_detect = false,
                  columns = {columns}, dateformat = '%Y%m%d', compression = $2, null_padding = false,
                  store_rejects = true, rejects_table = 'gdelt_rejects', rejects_scan = 'gdelt_scans') r
    ) mapped
    """


def check_rejects(ctx: ImportContext, con: duckdb.DuckDBPyConnection, cols: list[str]) -> None:
    """Refuse the file at its first unreadable row, or record every such row under --skip-bad-rows."""
    rows = con.execute("SELECT line, column_idx, column_name, error_type, csv_line, error_message "
                       "FROM gdelt_rejects ORDER BY line").fetchall()
    for line, idx, column, kind, raw, message in rows:
        reason, field, value = explain(cols, idx, column, str(kind), raw or "", message or "")
        if not ctx.options.skip_bad_rows:
            raise ImportRejected(reason, file=str(ctx.path), line=int(line), field=field, value=value,
                                 hint="fix the row, or pass --skip-bad-rows to import the good rows and write the "
                                      "bad ones to a report; nothing was imported")
        ctx.result.bad_rows.append(BadRow(int(line), field or "", "" if value is None else str(value), reason))
        ctx.result.skipped += 1


def explain(cols: list[str], idx: int | None, column: str | None, kind: str, raw: str,
            message: str) -> tuple[str, str | None, str | None]:
    """(reason, field, value) a person can act on, from one DuckDB reject."""
    fields = raw.rstrip("\r\n").split("\t")
    if kind in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
        return f"expected {len(cols)} tab-separated columns, found {len(fields)}", None, None
    if kind == "CAST" and column:
        value = fields[idx - 1] if idx and idx - 1 < len(fields) else None
        want = {"DATE": "a date written YYYYMMDD", "DOUBLE": "a number", "INTEGER": "a whole number",
                "BIGINT": "a whole number"}.get(TYPES.get(column, ""), "a valid value")
        return f"expected {want}", column, value
    if kind == "INVALID ENCODING":
        return "the line is not UTF-8 text", None, None
    if kind == "LINE SIZE OVER MAXIMUM":
        return "the line is too long for a GDELT row", None, None
    return message.splitlines()[0] if message else kind.lower(), column, None


def insert(ctx: ImportContext, con: duckdb.DuckDBPyConnection, source: Source) -> None:
    """Staged rows into `event` and `event_source`; a GLOBALEVENTID twice in the file is an error."""
    dup = con.execute("SELECT id FROM gdelt_stage GROUP BY id HAVING count(*) > 1 LIMIT 1").fetchone()
    if dup:
        if not ctx.options.skip_bad_rows:
            raise ImportRejected("GLOBALEVENTID appears more than once", file=str(ctx.path), field="GLOBALEVENTID",
                                 value=dup[0].removeprefix("gdelt-"), hint="nothing was imported")
        con.execute("CREATE OR REPLACE TEMP TABLE gdelt_stage AS SELECT DISTINCT ON (id) * FROM gdelt_stage")
        ctx.result.note = "repeated GLOBALEVENTIDs were imported once"
    con.execute("""
        INSERT INTO event (id, dataset, date, date_precision, type, subtype, country_iso3, countries, location,
                           lat, lon, summary, version, actor1_iso3, actor2_iso3, goldstein, tone, mentions,
                           quad_class, source_url)
        SELECT id, 'gdelt', date, 'day', type, subtype, country_iso3, countries, location, lat, lon, summary,
               version, actor1_iso3, actor2_iso3, goldstein, tone, mentions, quad_class, source_url
        FROM gdelt_stage""")
    con.execute("INSERT INTO event_source (event_id, source_id, credibility) SELECT id, ?, ? FROM gdelt_stage",
                [source.id, CREDIBILITY])

