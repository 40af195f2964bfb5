"""GDELT event files: 2.0's 61-column `.export.CSV` and 1.0's 57/58-column daily files, plain, gzipped or zipped.

Millions of rows go through DuckDB's own CSV reader, never through Python:
read_csv with explicit columns (CAMEO codes stay strings, so 040 keeps its
zero), mapped in SQL into a staging table, then INSERT ... SELECT into `event`.
A row DuckDB cannot read (wrong column count, an SQLDATE that is no date, a
Goldstein score that is no number, bad UTF-8) is caught by its rejects table,
which knows the line: the file is refused naming it, or with --skip-bad-rows
the row is reported and left out. Before DuckDB reads, one pass over the bytes
finds what its reader would drop without a word or store as text: lines over
MAX_LINE and fields holding control characters (`readable`).

Actor countries are CAMEO codes and place countries FIPS 10-4 codes; both map
to ISO alpha-3 (`watchfloor.ingest.codes`). Each event links to one dataset
source, "The GDELT Project", and keeps its article in `event.source_url`.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

import duckdb

from watchfloor.errors import ImportRejected, InputError
from watchfloor.ingest.base import BadRow, ImportContext, ImportResult
from watchfloor.ingest.codes import code_tables
from watchfloor.ingest.text import not_text
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


GZIP_MAGIC = b"\x1f\x8b"


def detect(path: Path, head: bytes) -> bool:
    """GDELT rows by their shape, looked for inside a .zip or .gz (e.g. `20191024143000.export.CSV.gz`) too."""
    if head[:4] == b"PK\x03\x04" or head[:2] == GZIP_MAGIC:
        try:
            with _opened(path) as (fh, _):
                head = fh.read(65536)
        except (InputError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
            return False
    first = head.split(b"\n", 1)[0].rstrip(b"\r").split(b"\t")
    return len(first) in LAYOUTS and first[0].isdigit() and first[1][:8].isdigit()


def _is_gzip(path: Path) -> bool:
    """Gzip by its magic bytes, whatever the name says (`.gz`, `.CSV.gz`, or none)."""
    with path.open("rb") as fh:
        return fh.read(2) == GZIP_MAGIC


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
    if _is_gzip(path):
        import gzip

        with gzip.open(path, "rb") as gz:
            yield cast(IO[bytes], gz), "gzip"
        return
    with path.open("rb") as fh:
        yield fh, "none"


MAX_LINE = 1 << 20
"""Longest line taken for a GDELT row, in bytes without its newline. Real rows are 300-3,000 bytes; DuckDB's
reader drops lines past its own 2 MB buffer without a word, so longer ones are found here first."""
MAX_EXPANDED = 64 << 30
"""Most bytes a .gz or .zip may expand to (a 15-minute export is a few MB, a 1.0 daily file a few hundred)."""
MAX_REJECTS = 10_000
"""Most unreadable-row reports DuckDB keeps; a file with more is refused, since the rest would go unrecorded."""
_BLOCK = 1 << 20


@dataclass
class Scan:
    """What one pass over the file's bytes found: where lines over MAX_LINE start and end, and its size."""

    long: list[tuple[int, int]] = field(default_factory=list)
    size: int = 0
    controls: bool = False
    """Some block holds a C0 control character (found with bytes.translate, which costs little)."""


def scan(path: Path, fh: IO[bytes], *, keep_going: bool, copy: IO[bytes] | None = None,
         compressed: bool = False) -> Scan:
    """Find lines longer than MAX_LINE in one read of the bytes (memchr finds the newlines, so a clean file
    costs no more than reading it), copying them to `copy` if given. Stops at the first long line unless
    `keep_going`, so a 1 GB line costs MAX_LINE bytes of reading, never 1 GB of memory."""
    limit, block_size = MAX_LINE, max(1, min(_BLOCK, MAX_LINE))
    found, offset, start = Scan(), 0, 0  # start: where the current line began
    flagged = False
    while block := _read(path, fh, block_size):
        if copy is not None:
            copy.write(block)
        if not found.controls and len(block.translate(None, CONTROLS)) != len(block):
            found.controls = True
        first = block.find(b"\n")
        if first == -1:
            if offset + len(block) - start > limit and not flagged:
                flagged = True
                if not keep_going:
                    found.long.append((start, -1))
                    return found
        else:
            if offset + first - start > limit:
                found.long.append((start, offset + first))
                if not keep_going:
                    return found
            start, flagged = offset + block.rfind(b"\n") + 1, False
        offset += len(block)
        if compressed and offset > MAX_EXPANDED:
            raise ImportRejected(f"the file expands to more than {MAX_EXPANDED:,} bytes when decompressed",
                                 file=str(path), hint="is this a GDELT events file? nothing was imported")
    if offset - start > limit:
        found.long.append((start, offset))
    found.size = offset
    return found


def _read(path: Path, fh: IO[bytes], n: int) -> bytes:
    """n bytes, with a damaged .gz or .zip said plainly instead of a traceback."""
    try:
        return fh.read(n)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise ImportRejected(f"the compressed file is damaged: {exc}", file=str(path),
                             hint="download it again; nothing was imported") from None


def line_number(path: Path, offset: int) -> int:
    """The line that starts at byte `offset` (counted only when a bad line was found)."""
    with _opened(path) as (fh, _):
        n, done = 1, 0
        while done < offset and (block := _read(path, fh, min(_BLOCK, offset - done))):
            n += block.count(b"\n")
            done += len(block)
    return n


def long_line_error(path: Path, line: int) -> ImportRejected:
    return ImportRejected(f"the line is longer than {MAX_LINE:,} bytes; a GDELT row is a few kilobytes",
                          file=str(path), line=line,
                          hint="is this a GDELT events file? fix the line, or pass --skip-bad-rows to import the "
                               "other rows and write this one to a report; nothing was imported")


@contextlib.contextmanager
def readable(ctx: ImportContext, cols: list[str]) -> Iterator[tuple[Path, str]]:
    """A path DuckDB can read, after one pass that refuses (or, with --skip-bad-rows, blanks out and reports)
    lines over MAX_LINE and rows whose field holds a control character; a zip's member is streamed to a
    temporary file on that pass (memory stays flat). Only when that pass finds something is the file read
    again, to name the lines and fields."""
    path, skip = ctx.path, ctx.options.skip_bad_rows
    is_zip, is_gz = zipfile.is_zipfile(path), _is_gzip(path)
    with tempfile.TemporaryDirectory(prefix="watchfloor-gdelt-") as tmp:
        source, compression = path, "gzip" if is_gz else "none"
        with _opened(path) as (fh, _):
            if is_zip:
                source = Path(tmp) / "events.tsv"
                with source.open("wb") as dst:
                    found = scan(path, fh, keep_going=skip, copy=dst, compressed=True)
            else:
                found = scan(path, fh, keep_going=skip, compressed=is_gz)
        if found.long:
            lines = [line_number(source if is_zip else path, start) for start, _ in found.long]
            if not skip:
                raise long_line_error(path, lines[0])
            for line in lines:
                ctx.result.bad_rows.append(BadRow(line, "", "", f"the line is longer than {MAX_LINE:,} bytes"))
                ctx.result.skipped += 1
            cleaned = Path(tmp) / "cleaned.tsv"
            with _opened(source) as (fh, _), cleaned.open("wb") as dst:
                blank_out(source, fh, dst, found.long)
            source, compression = cleaned, "none"
        if found.controls:
            spans = []
            with _opened(source) as (fh, _):
                for line, name, value, span in control_rows(path, fh, cols):  # lazily: the first may refuse
                    reason = f"the value is not text: {not_text(value) or 'it holds a control character'}"
                    if not skip:
                        raise ImportRejected(reason, file=str(path), line=line, field=name, value=value,
                                             hint="remove the control characters (NUL often means a binary or "
                                                  "UTF-16 file), or pass --skip-bad-rows to import the good rows; "
                                                  "nothing was imported")
                    ctx.result.bad_rows.append(BadRow(line, name, value, reason))
                    ctx.result.skipped += 1
                    spans.append(span)
            cleaned = Path(tmp) / "cleaned-text.tsv"
            with _opened(source) as (fh, _), cleaned.open("wb") as dst:
                blank_out(source, fh, dst, spans)
            source, compression = cleaned, "none"
        yield source, compression


def blank_out(path: Path, fh: IO[bytes], dst: IO[bytes], spans: list[tuple[int, int]]) -> None:
    """Copy the bytes, leaving each span (a long line, without its newline) out: the line stays, empty, so
    DuckDB passes over it and every later line keeps its number."""
    offset = 0
    for start, end in spans:
        while offset < start and (block := _read(path, fh, min(_BLOCK, start - offset))):
            dst.write(block)
            offset += len(block)
        while offset < end and (block := _read(path, fh, min(_BLOCK, end - offset))):
            offset += len(block)
    while block := _read(path, fh, _BLOCK):
        dst.write(block)


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
    with _opened(ctx.path) as (fh, _):
        first = scan(ctx.path, io.BytesIO(_read(ctx.path, fh, MAX_LINE + 2)), keep_going=False)
    if first.long and first.long[0][0] == 0:
        raise long_line_error(ctx.path, 1)
    cols = LAYOUTS[column_count(ctx)]
    size = ctx.path.stat().st_size
    con = ctx.store.con
    known = {r[0] for r in con.execute("SELECT iso3 FROM entity WHERE kind = 'country' AND iso3 IS NOT NULL")
             .fetchall()}
    cameo, fips = code_tables(known)
    source = Source(**{**SOURCE.__dict__, "reliability": ctx.options.reliability or SOURCE.reliability})
    with readable(ctx, cols) as (csv_path, compression), loading_settings(con), ctx.writing():
        sql = stage_sql(cols, cameo, fips)
        _with_progress(ctx, lambda: con.execute(sql, [str(csv_path), compression]))
        check_rejects(ctx, con, cols)
        ctx.result.bad_rows.sort(key=lambda b: b.line)  # long lines and control characters were found first
        staged = con.execute("SELECT count(*) FROM gdelt_stage").fetchone()[0]  # type: ignore[index]
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

    No memory_limit is set here: the store's connection has one (WATCHFLOOR_MEMORY_LIMIT), past which DuckDB
    spills to disk, and running out of it is said as such (`watchfloor.store.store.out_of_memory`).
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
                  store_rejects = true, rejects_table = 'gdelt_rejects', rejects_scan = 'gdelt_scans',
                  rejects_limit = {MAX_REJECTS}) r
    ) mapped
    """


def check_rejects(ctx: ImportContext, con: duckdb.DuckDBPyConnection, cols: list[str]) -> set[int]:
    """Refuse the file at its first unreadable row, or record every such row (once, however many of its
    fields are wrong) under --skip-bad-rows; the lines recorded. Past MAX_REJECTS DuckDB stops recording,
    so such a file is refused whole rather than have rows go missing unreported."""
    total = con.execute("SELECT count(*) FROM gdelt_rejects").fetchone()[0]  # type: ignore[index]
    if total >= MAX_REJECTS:
        raise ImportRejected(f"more than {MAX_REJECTS:,} rows could not be read", file=str(ctx.path),
                             hint="is this a GDELT events file? nothing was imported")
    rows = con.execute("SELECT line, column_idx, column_name, error_type, csv_line, error_message "
                       "FROM gdelt_rejects ORDER BY line, column_idx").fetchall()
    seen: set[int] = set()
    for line, idx, column, kind, raw, message in rows:
        if int(line) in seen:
            continue
        seen.add(int(line))
        reason, field, value = explain(cols, idx, column, str(kind), raw or "", message or "")
        if not ctx.options.skip_bad_rows:
            raise ImportRejected(reason, file=str(ctx.path), line=int(line), field=field, value=value,
                                 hint="fix the row, or pass --skip-bad-rows to import the good rows and write the "
                                      "bad ones to a report; nothing was imported")
        ctx.result.bad_rows.append(BadRow(int(line), field or "", "" if value is None else str(value), reason))
        ctx.result.skipped += 1
    return seen


CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 13))
"""C0 control characters other than tab, newline and carriage return: never data in a GDELT field."""
_CONTROL = re.compile(b"[" + re.escape(CONTROLS) + b"]")


def control_rows(path: Path, fh: IO[bytes], cols: list[str]) -> Iterator[tuple[int, str, str, tuple[int, int]]]:
    """(line, field, value, byte span without the newline) of each line holding a control character, read in
    blocks of whole lines (lines are at most MAX_LINE bytes by now, so the carried part stays bounded)."""
    line, carry, base = 1, b"", 0  # base: the file offset of data[0]
    while True:
        block = _read(path, fh, _BLOCK)
        data = carry + block
        cut = data.rfind(b"\n") if block else len(data) - 1
        if cut < 0:
            if not block:
                return
            carry = data
            continue
        whole, carry = data[:cut + 1], data[cut + 1:]
        if len(whole.translate(None, CONTROLS)) != len(whole):
            last = 0
            for m in _CONTROL.finditer(whole):
                begin = whole.rfind(b"\n", 0, m.start()) + 1
                if begin < last:
                    continue  # the line is already reported
                end = whole.find(b"\n", m.start())
                last = len(whole) if end == -1 else end + 1
                idx = whole.count(b"\t", begin, m.start())
                value = whole[begin:last].rstrip(b"\r\n").split(b"\t")[idx].decode("utf-8", "replace")
                field_name = cols[idx] if idx < len(cols) else f"column {idx + 1}"
                span = (base + begin, base + (len(whole) if end == -1 else end))
                yield line + whole.count(b"\n", 0, begin), field_name, value, span
        line += whole.count(b"\n")
        base += len(whole)
        if not block:
            return


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

