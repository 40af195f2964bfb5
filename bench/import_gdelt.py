"""Benchmark: importing a GDELT 2.0 events file, against two baselines, in one run.

    python bench/import_gdelt.py --rows 1000000

Writes a synthetic file of N rows in GDELT 2.0's real layout (61 tab-separated
columns, no header, CAMEO codes with leading zeros, FIPS geo codes, URLs) into
a temporary folder, then times three ways of loading it, each in a fresh child
process so that each one's peak memory (RSS) is its own:

- watchfloor: `watchfloor.ingest.import_path` into a new store (mapping,
  country codes, staging, event + event_source, indexes);
- duckdb: raw `read_csv` into a table with no mapping at all (the floor);
- pandas: `pandas.read_csv` then inserting the DataFrame into DuckDB.

Prints rows/s for each, the ratios (goal: watchfloor >= 0.5x raw DuckDB and
>= 10x pandas) and each one's peak RSS (goal: < 1 GB at 5,000,000 rows).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

COLUMNS = 61


def write_synthetic(path: Path, rows: int) -> None:
    """N rows in the GDELT 2.0 export layout, generated inside DuckDB (fast, deterministic)."""
    pick = "list_element({items}, (hash(i * {salt}) % {n})::INT + 1)"

    def choice(items: list[str], salt: int) -> str:
        return pick.format(items="[" + ", ".join(f"'{x}'" for x in items) + "]", salt=salt, n=len(items))

    actors = ["RUS", "USA", "TJKGOV", "AFGMIL", "CHN", "UZBGOV", "KGZ", "IRN", "GBRMED", "", "CVL", "REBTAL"]
    names = ["RUSSIA", "UNITED STATES", "TAJIKISTAN", "AFGHANISTAN", "CHINA", "UZBEKISTAN", "KYRGYZSTAN", "IRAN",
             "LONDON", "", "RESIDENTS", "TALIBAN"]
    countries = ["RUS", "USA", "TJK", "AFG", "CHN", "UZB", "KGZ", "IRN", "GBR", "", "", "AFG"]
    events = ["010", "020", "036", "040", "042", "051", "057", "061", "071", "112", "120", "141", "173", "190",
              "193", "195", "200"]
    geos = [("Dushanbe, Dushanbe, Tajikistan", "TI", "TI00", "38.5358", "68.7791"),
            ("Moscow, Moskva, Russia", "RS", "RS48", "55.7522", "37.6156"),
            ("Kabul, Kabol, Afghanistan", "AF", "AF13", "34.5167", "69.1833"),
            ("Washington, District of Columbia, United States", "US", "USDC", "38.8951", "-77.0364"),
            ("Beijing, Beijing, China", "CH", "CH22", "39.9289", "116.388"),
            ("Tashkent, Toshkent Shahri, Uzbekistan", "UZ", "UZ13", "41.3167", "69.25")]
    geo_i = "(hash(i * 7) % 6)::INT + 1"

    def geo(k: int) -> str:
        return "list_element([" + ", ".join(f"'{g[k]}'" for g in geos) + f"], {geo_i})"

    ev = choice(events, 5)
    select = f"""
        SELECT 900000000 + i AS id, strftime(DATE '2019-01-01' + (i % 365)::INT, '%Y%m%d') AS sqldate,
               strftime(DATE '2019-01-01' + (i % 365)::INT, '%Y%m') AS monthyear, '2019' AS year,
               printf('%.4f', 2019 + (i % 365) / 365.0) AS fraction,
               {choice(actors, 1)} AS a1code, {choice(names, 1)} AS a1name, {choice(countries, 1)} AS a1country,
               '' AS a1k, '' AS a1e, '' AS a1r1, '' AS a1r2, {choice(['GOV', 'MIL', '', 'MED'], 2)} AS a1t1,
               '' AS a1t2, '' AS a1t3,
               {choice(actors, 3)} AS a2code, {choice(names, 3)} AS a2name, {choice(countries, 3)} AS a2country,
               '' AS a2k, '' AS a2e, '' AS a2r1, '' AS a2r2, '' AS a2t1, '' AS a2t2, '' AS a2t3,
               (i % 2)::VARCHAR AS isroot, {ev} AS code, left({ev}, 3) AS base, left({ev}, 2) AS root,
               ((hash(i) % 4) + 1)::VARCHAR AS quad, printf('%.1f', (hash(i * 11) % 200) / 10.0 - 10) AS goldstein,
               ((hash(i * 13) % 20) + 1)::VARCHAR AS mentions, ((hash(i * 17) % 5) + 1)::VARCHAR AS sources,
               ((hash(i * 13) % 20) + 1)::VARCHAR AS articles, printf('%.14f', (hash(i * 19) % 2000) / 100.0 - 10)
               AS tone,
               '4' AS g1type, {geo(0)} AS g1name, {geo(1)} AS g1cc, {geo(2)} AS g1adm1, '' AS g1adm2, {geo(3)} AS g1lat,
               {geo(4)} AS g1lon, '-1' AS g1fid,
               '4' AS g2type, {geo(0)} AS g2name, {geo(1)} AS g2cc, {geo(2)} AS g2adm1, '' AS g2adm2, {geo(3)} AS g2lat,
               {geo(4)} AS g2lon, '-1' AS g2fid,
               '4' AS gatype, {geo(0)} AS ganame, {geo(1)} AS gacc, {geo(2)} AS gaadm1, '' AS gaadm2, {geo(3)} AS galat,
               {geo(4)} AS galon, '-1' AS gafid,
               strftime(DATE '2019-01-01' + (i % 365)::INT, '%Y%m%d') || '143000' AS dateadded,
               'https://news.example.org/' || (i % 100000)::VARCHAR || '/story-' || i::VARCHAR AS url
        FROM range({rows}) t(i)"""
    con = duckdb.connect()
    con.execute(f"COPY ({select}) TO '{path}' (DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '')")
    con.close()


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
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"method": method, "rows": rows, "seconds": seconds, "rss_mb": rss_mb}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the synthetic file (default 1,000,000)")
    parser.add_argument("--methods", default="watchfloor,duckdb,pandas", help="comma-separated subset to run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file)
        return
    with tempfile.TemporaryDirectory(prefix="wf-bench-") as tmp:
        path = Path(tmp) / "synthetic.export.CSV"
        start = time.perf_counter()
        write_synthetic(path, args.rows)
        size = path.stat().st_size / 1e6
        print(f"synthetic GDELT 2.0 file: {args.rows:,} rows, {size:,.0f} MB, written in "
              f"{time.perf_counter() - start:.1f} s")
        results = {}
        for method in args.methods.split(","):
            proc = subprocess.run([sys.executable, __file__, "--child", method, "--file", str(path)],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"{method} failed:\n{proc.stderr[-3000:]}", file=sys.stderr)
                continue
            results[method] = json.loads(proc.stdout.strip().splitlines()[-1])
            r = results[method]
            per_s = r["rows"] / r["seconds"]
            print(f"{method:<11} {r['rows']:>10,} rows  {r['seconds']:7.2f} s  {per_s:>12,.0f} rows/s"
                  f"  peak RSS {r['rss_mb']:7,.0f} MB")
    rate = {m: r["rows"] / r["seconds"] for m, r in results.items()}
    if "watchfloor" in rate and "duckdb" in rate:
        print(f"watchfloor / raw duckdb read_csv: {rate['watchfloor'] / rate['duckdb']:.2f}x (goal >= 0.5x)")
    if "watchfloor" in rate and "pandas" in rate:
        print(f"watchfloor / pandas read_csv + insert: {rate['watchfloor'] / rate['pandas']:.2f}x (goal >= 10x)")
    if "watchfloor" in results:
        print(f"watchfloor peak RSS: {results['watchfloor']['rss_mb']:,.0f} MB (goal < 1024 MB at 5,000,000 rows)")


if __name__ == "__main__":
    main()
