"""Benchmark: importing a GDELT 2.0 events file, against two baselines, in one run.

    python bench/import_gdelt.py --rows 1000000

    python bench/import_gdelt.py --rows 20000000 --methods watchfloor --runs 1 --dir /big/disk

Writes a file of N rows in GDELT 2.0's real layout (61 tab-separated columns, no
header) recombined from the real 15-minute export in tests/data/public: actor
and place country codes, names, places, CAMEO codes and URLs follow its spread,
with one row in eight drawing its country codes from the full CAMEO and FIPS
lists (regional and non-ISO codes too). A synthetic file with a dozen codes once
hid an out-of-memory failure that real files hit. Then it times three ways of
loading it, each in a fresh child process so that each peak RSS is its own:

- watchfloor: `watchfloor.ingest.import_path` into a new store (mapping,
  country codes, staging, event + event_source);
- duckdb: raw `read_csv` into a table with no mapping at all (the floor);
- pandas: `pandas.read_csv` then inserting the DataFrame into DuckDB.

Prints rows/s for each, the ratios (goal: watchfloor >= 0.5x raw DuckDB and
>= 10x pandas) and each one's peak RSS (goal: < 1 GB at 5,000,000 and 20,000,000
rows), medians of --runs runs. Exits 1 if a method fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import cast

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


SAMPLE = ROOT / "tests" / "data" / "public" / "gdelt2_events_20191024143000.export.CSV"
"""A real 15-minute GDELT 2.0 export (2,111 rows): the generated rows are recombined from its rows."""
REGIONAL_CAMEO = ["AFR", "ASA", "BLK", "CAF", "CAS", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MDT", "MEA", "NAF",
                  "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST"]
"""CAMEO's regional actor codes, which map to no country."""
NON_ISO_FIPS = ["AT", "AX", "BS", "CR", "DX", "EU", "GO", "IP", "JU", "NM", "NT", "OS", "PF", "PG", "TE"]
"""FIPS 10-4 geo codes GDELT uses that stand for no ISO country (oceans, disputed islands ...)."""
TAIL = 8
"""One row in TAIL takes its actor and place countries uniformly from every code: the long tail that a year of
GDELT holds and one 15-minute file does not."""


def write_synthetic(path: Path, rows: int) -> None:
    """N rows in the GDELT 2.0 export layout, recombined from the real sample inside DuckDB.

    Each block of a row (event, actor 1, actor 2, each of the three places, URL) comes from a different
    real row picked by hash, so country codes, names, places and URLs follow the real file's spread; one row
    in TAIL gets its actor and place country codes from the full CAMEO and FIPS lists instead (regional and
    non-ISO codes included). Ids are unique, dates spread over a year, URLs get a per-article suffix.
    """
    import pycountry

    from watchfloor.ingest.codes import CAMEO_EXCEPTIONS, FIPS_TO_ISO3
    from watchfloor.ingest.gdelt import LAYOUTS

    cols = LAYOUTS[61]
    cameo = sorted({c.alpha_3 for c in pycountry.countries} | set(CAMEO_EXCEPTIONS) | set(REGIONAL_CAMEO))
    fips = sorted(set(FIPS_TO_ISO3) | set(NON_ISO_FIPS))
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET enable_progress_bar = false")
    types = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in cols) + "}"
    con.execute(f"""CREATE TABLE s AS SELECT row_number() OVER () - 1 AS k, * FROM read_csv('{SAMPLE}',
                    delim = '\t', header = false, quote = '', escape = '', columns = {types})""")
    n = con.execute("SELECT count(*) FROM s").fetchone()[0]  # type: ignore[index]
    blocks = {"ev": 1, "a1": 2, "a2": 3, "g1": 4, "g2": 5, "ga": 6, "url": 7}

    def col(c: str) -> str:
        block = ("a1" if c.startswith("Actor1") and "Geo" not in c else "a2" if c.startswith("Actor2") and
                 "Geo" not in c else "g1" if c.startswith("Actor1Geo") else "g2" if c.startswith("Actor2Geo")
                 else "ga" if c.startswith("ActionGeo") else "url" if c == "SOURCEURL" else "ev")
        return f"{block}.{c}"

    def lst(items: list[str]) -> str:
        return "[" + ", ".join(f"'{x}'" for x in items) + "]"

    def tail(c: str, items: list[str], salt: int) -> str:
        """The real code, or (one row in TAIL, when the real one is set) any code of the full list."""
        return (f"CASE WHEN {col(c)} <> '' AND hash(i * 256 + {salt}) % {TAIL} = 0 THEN "
                f"{lst(items)}[(hash(i * 256 + {salt + 1}) % {len(items)})::INT + 1] ELSE {col(c)} END")

    day = f"(DATE '2019-01-01' + (i * 365 // {max(rows, 1)})::INT)"
    exprs = []
    for c in cols:
        if c == "GLOBALEVENTID":
            exprs.append("(800000000 + i)::VARCHAR")
        elif c == "SQLDATE":
            exprs.append(f"strftime({day}, '%Y%m%d')")
        elif c == "MonthYear":
            exprs.append(f"strftime({day}, '%Y%m')")
        elif c == "Year":
            exprs.append(f"strftime({day}, '%Y')")
        elif c == "FractionDate":
            exprs.append(f"printf('%.4f', year({day}) + dayofyear({day}) / 365.0)")
        elif c == "DATEADDED":
            exprs.append(f"strftime({day}, '%Y%m%d') || lpad(((i % 96) * 15 // 60)::VARCHAR, 2, '0') || "
                         "lpad(((i % 4) * 15)::VARCHAR, 2, '0') || '00'")
        elif c == "SOURCEURL":
            exprs.append("regexp_replace(url.SOURCEURL, '(\\.html?)?/?$', '') || '-' || (i // 4)::VARCHAR || "
                         "CASE WHEN url.SOURCEURL LIKE '%.htm%' THEN '.html' ELSE '' END")
        elif c in ("Actor1CountryCode", "Actor2CountryCode"):
            exprs.append(tail(c, cameo, 31 if c[5] == "1" else 37))
        elif c.endswith("Geo_CountryCode"):
            exprs.append(tail(c, fips, {"Actor1Geo": 41, "Actor2Geo": 43, "ActionGeo": 47}[c.split("_")[0]]))
        else:
            exprs.append(col(c))
    joins = " ".join(f"JOIN s {b} ON {b}.k = hash(i * 256 + {salt}) % {n}" for b, salt in blocks.items())
    select = f"SELECT {', '.join(exprs)} FROM range({rows}) t(i) {joins}"
    con.execute(f"COPY ({select}) TO '{path}' (DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '')")
    con.close()


def spread(path: Path) -> dict[str, int]:
    """Distinct actor and place country codes in the file: the figure the synthetic file used to get wrong."""
    con = duckdb.connect()
    row = con.execute(f"""SELECT count(DISTINCT column07) + count(DISTINCT column17),
                                 count(DISTINCT column53), count(DISTINCT column60)
                          FROM read_csv('{path}', delim = '\t', header = false, quote = '', escape = '',
                                        all_varchar = true)""").fetchone()
    con.close()
    assert row
    return {"actor_codes": row[0], "place_codes": row[1], "urls": row[2]}


def run_watchfloor(path: Path, work: Path) -> tuple[int, float]:
    from watchfloor.ingest import ImportOptions, import_path
    from watchfloor.store import Store

    with Store.open(work / "bench.duckdb") as store:  # a new store (reference data seeded) before the clock starts
        start = time.perf_counter()
        result = import_path(store, path, ImportOptions(quiet=True))
        seconds = time.perf_counter() - start
        assert store.scalar("SELECT count(*) FROM event") == result.added
        return result.added, seconds


def run_duckdb(path: Path, work: Path) -> tuple[int, float]:
    con = duckdb.connect(str(work / "raw.duckdb"))
    start = time.perf_counter()
    con.execute(f"CREATE TABLE raw AS SELECT * FROM read_csv('{path}', delim = '\t', header = false, quote = '', "
                "escape = '', all_varchar = true)")
    seconds = time.perf_counter() - start
    n = con.execute("SELECT count(*) FROM raw").fetchone()[0]  # type: ignore[index]
    con.close()
    return int(n), seconds


def run_pandas(path: Path, work: Path) -> tuple[int, float]:
    import pandas as pd

    con = duckdb.connect(str(work / "pandas.duckdb"))
    start = time.perf_counter()
    frame = pd.read_csv(path, sep="\t", header=None, dtype=str, quoting=3, keep_default_na=False)
    con.register("frame", frame)
    con.execute("CREATE TABLE events AS SELECT * FROM frame")
    seconds = time.perf_counter() - start
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    con.close()
    return int(n), seconds


METHODS = {"watchfloor": run_watchfloor, "duckdb": run_duckdb, "pandas": run_pandas}


def child(method: str, path: Path) -> None:
    """Run one method in this (fresh) process; print its time, rows and peak RSS as JSON."""
    with tempfile.TemporaryDirectory(prefix=f"wf-bench-{method}-", dir=path.parent) as work:
        rows, seconds = METHODS[method](path, Path(work))
    print(json.dumps({"method": method, "rows": rows, "seconds": seconds, "rss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's own peak RSS: VmHWM, which starts afresh at exec. (getrusage's ru_maxrss does not on
    Linux: a child started from the parent that wrote the file reported the parent's 1.1 GB.)"""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(method: str, path: Path) -> dict[str, float] | str:
    """One run of one method in a fresh child process: its result, or its error's last lines."""
    proc = subprocess.run([sys.executable, __file__, "--child", method, "--file", str(path)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return (proc.stdout + proc.stderr).strip()[-1500:]
    return cast(dict[str, float], json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the generated file (default 1,000,000)")
    parser.add_argument("--methods", default="watchfloor,duckdb,pandas", help="comma-separated subset to run")
    parser.add_argument("--runs", type=int, default=3, help="runs of each method; the median is reported")
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder for the generated file and stores (20M rows need about 16 GB free)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file)
        return
    failed = False
    with tempfile.TemporaryDirectory(prefix="wf-bench-", dir=args.dir) as tmp:
        path = Path(tmp) / "generated.export.CSV"
        start = time.perf_counter()
        write_synthetic(path, args.rows)
        size = path.stat().st_size / 1e6
        print(f"GDELT 2.0 file recombined from the real sample: {args.rows:,} rows, {size:,.0f} MB, written in "
              f"{time.perf_counter() - start:.1f} s; distinct codes {spread(path)}")
        results: dict[str, dict[str, float]] = {}
        for method in args.methods.split(","):
            runs = []
            for _ in range(args.runs):
                r = measure(method, path)
                if isinstance(r, str):
                    print(f"{method} failed:\n{r}", file=sys.stderr)
                    failed = True
                    break
                runs.append(r)
            if not runs:
                continue
            r = {"rows": runs[0]["rows"], "seconds": statistics.median(x["seconds"] for x in runs),
                 "rss_mb": statistics.median(x["rss_mb"] for x in runs)}
            results[method] = r
            per_s = r["rows"] / r["seconds"]
            print(f"{method:<11} {r['rows']:>10,.0f} rows  {r['seconds']:7.2f} s  {per_s:>12,.0f} rows/s"
                  f"  peak RSS {r['rss_mb']:7,.0f} MB  (median of {len(runs)})")
    rate = {m: r["rows"] / r["seconds"] for m, r in results.items()}
    if "watchfloor" in rate and "duckdb" in rate:
        print(f"watchfloor / raw duckdb read_csv: {rate['watchfloor'] / rate['duckdb']:.2f}x (goal >= 0.5x)")
    if "watchfloor" in rate and "pandas" in rate:
        print(f"watchfloor / pandas read_csv + insert: {rate['watchfloor'] / rate['pandas']:.2f}x (goal >= 10x)")
    if "watchfloor" in results:
        print(f"watchfloor peak RSS: {results['watchfloor']['rss_mb']:,.0f} MB (goal < 1024 MB at 5,000,000 and "
              "20,000,000 rows)")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
