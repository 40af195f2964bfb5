"""How fast `watchfloor check` is on a big store: a ~1,300-word report against 1,000,000 events.

    python bench/check_speed.py                  # 1,000,000 synthetic events plus the bundled packs
    python bench/check_speed.py --events 100000  # a smaller run while developing

The store is built in a temporary folder: the bundled Tajikistan packs, then N
synthetic events generated in DuckDB SQL (types, countries, places, dates and
summaries drawn so that many of them share countries, types and years with
the report), each with an actor and a source. The report is the development
set's reports joined until about 1,300 words. The script prints the check's
time on the packs alone (the baseline) and on the big store, the ratio, and
the share of each step (aliases, extract, retrieve, match, checks).

It also checks that the example report's findings (severity, kind, quote) on the
big store equal those on the packs alone, and first times reports of 16 KB to
1 MB on the packs alone, printing the CPU-time factor per doubling of the report
(2.0 is linear). Those reports are the paragraphs of every report we wrote (the
development set and the held-out and blind sets, about 470 KB of distinct text)
in turn, so up to 470 KB no sentence repeats: with the development set alone
(40 KB) repeated, a sentence met again cost nothing to embed and the big report
looked faster than real text is.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from watchfloor import demo  # noqa: E402
from watchfloor.check import check_file, check_text  # noqa: E402
from watchfloor.store import Store  # noqa: E402

REPORTS = ROOT / "tests" / "data" / "reports"
WRITTEN = ROOT / "bench" / "data"
"""The held-out and blind sets: reports written for measuring the checker, in our own words."""
TYPES = ["attack", "arrest", "protest", "statement", "border_clash", "deportation", "visit", "agreement", "fight",
         "assault", "election", "trial", "sentence", "security_operation", "diplomatic", "aid", "loan", "plot"]
COUNTRIES = ["TJK", "RUS", "AFG", "UZB", "KGZ", "KAZ", "CHN", "IRN", "TUR", "USA", "DEU", "PAK", "TKM", "IND", "UKR"]
PLACES = [("Dushanbe", "TJK"), ("Khujand", "TJK"), ("Moscow", "RUS"), ("Kabul", "AFG"), ("Tashkent", "UZB"),
          ("Bishkek", "KGZ"), ("Almaty", "KAZ"), ("Istanbul", "TUR"), ("Tehran", "IRN"), ("Vahdat", "TJK"),
          ("Khorog", "TJK"), ("Kulob", "TJK"), ("Bokhtar", "TJK"), ("Osh", "KGZ"), ("New York", "USA"),
          ("Berlin", "DEU"), ("Kerman", "IRN"), ("Rogun", "TJK")]
"""Each place with its country, as in real data: an event in Moscow happens in Russia."""


def report_text(words: int = 1300) -> str:
    parts, count = [], 0
    for p in sorted(REPORTS.glob("*.txt")) + sorted(REPORTS.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(parts)


def synthesize(store: Store, n: int) -> float:
    """N synthetic events, their actors and one source, in a few SQL statements."""
    t = time.perf_counter()
    con = store.con
    con.execute("INSERT INTO source (id, kind, title, publisher, url, reliability) VALUES "
                "('src-synthetic', 'dataset', 'Synthetic events', 'bench', 'https://example.org/synthetic', 'F')")
    types = "[" + ", ".join(f"'{x}'" for x in TYPES) + "]"
    countries = "[" + ", ".join(f"'{x}'" for x in COUNTRIES) + "]"
    places = "[" + ", ".join(f"'{x}'" for x, _ in PLACES) + "]"
    place_countries = "[" + ", ".join(f"'{c}'" for _, c in PLACES) + "]"
    con.execute(f"""
        CREATE TEMP TABLE syn AS
        SELECT 'syn-' || i AS id,
               {types}[1 + (hash(i) % {len(TYPES)})::INT] AS type,
               {place_countries}[1 + (hash(i * 17) % {len(PLACES)})::INT] AS c1,
               {countries}[1 + (hash(i * 13) % {len(COUNTRIES)})::INT] AS c2,
               {places}[1 + (hash(i * 17) % {len(PLACES)})::INT] AS place,
               DATE '2000-01-01' + (hash(i * 31) % 9490)::INT AS date,
               (hash(i * 37) % 60)::DOUBLE AS killed,
               (hash(i * 41) % 500)::INT AS mentions
        FROM range({n}) t(i)""")
    # Two events in three give no toll in their summary, as machine-coded news rarely does.
    con.execute("""
        INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, location, killed,
                           counts, summary, mentions)
        SELECT id, 'synthetic', date, 'day', type, c1, list_distinct([c1, c2]), place, killed,
               '{"killed": ' || killed::INT || '}',
               'Synthetic ' || replace(type, '_', ' ') || ' in ' || place || ' involving ' || c1 || ' and ' || c2
               || CASE WHEN mentions % 3 = 0 THEN ', with ' || killed::INT || ' people killed' ELSE '' END, mentions
        FROM syn""")
    con.execute("""
        INSERT INTO event_actor (event_id, entity_id, name, role)
        SELECT id, 'country:' || c2, c2, 'actor' FROM syn""")
    con.execute("INSERT INTO event_source SELECT id, 'src-synthetic', 6 FROM syn")
    con.execute("DROP TABLE syn")
    return time.perf_counter() - t


def example_findings(store: Store) -> list[tuple[str, str, str]]:
    """The example report's findings as (severity, kind, quote): what must not depend on the store's size."""
    _, report = check_file(store, demo.example_report())
    return sorted((f.severity, f.kind, f.quote) for f in report.findings)


def scaled_report(size: int) -> str:
    """About `size` characters of real-looking report: the paragraphs of every report we wrote, in turn."""
    files = [*sorted(REPORTS.glob("*.txt")), *sorted(REPORTS.glob("*.md")),
             *sorted(WRITTEN.glob("*/*.md")), *sorted(WRITTEN.glob("*/*.txt"))]
    paragraphs = [p for t in files for p in t.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out, n, i = [], 0, 0
    while n < size:
        out.append(paragraphs[i % len(paragraphs)])
        n += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)[:size]


def scaling(store: Store, sizes: list[int]) -> None:
    """Check time for reports of growing size and the factor per doubling: 2.0 is linear, 4.0 quadratic."""
    print("scaling (packs-only store, the paragraphs of every report we wrote, in turn):")
    prev: tuple[int, float] | None = None
    for size in sizes:
        text = scaled_report(size)
        t = time.process_time()
        report = check_text(store, text, "scaling")
        took = time.process_time() - t
        line = f"  {size // 1024:5d} KB  {took:7.2f} s CPU  {len(report.claims):6d} claims"
        if prev:
            doublings = math.log2(size / prev[0])
            line += f"  x{(took / prev[1]) ** (1 / doublings):.2f} per doubling"
        print(line, flush=True)
        prev = (size, took)


def timed(store: Store, text: str, runs: int) -> tuple[float, dict[str, float], list[tuple[str, str, str]]]:
    """The best time of `runs` checks, its step timings, and the findings as (severity, kind, quote)."""
    best, timings, found = float("inf"), {}, []
    for _ in range(runs):
        t = time.perf_counter()
        report = check_text(store, text, "speed")
        took = time.perf_counter() - t
        if took < best:
            best, timings = took, report.timings
            found = sorted((f.severity, f.kind, f.quote) for f in report.findings)
    return best, timings, found


def same(name: str, small: list[tuple[str, str, str]], big: list[tuple[str, str, str]]) -> None:
    print(f"{name} findings on the big store equal those on the packs alone: {'yes' if small == big else 'NO'}")
    for f in sorted(set(small) ^ set(big)):
        print(f"  {'packs only' if f in small else 'big store only':14} {f[0]:8} {f[1]:22} {f[2][:70]!r}")


def shares(timings: dict[str, float]) -> str:
    total = sum(timings.values()) or 1.0
    return ", ".join(f"{k} {v:.2f}s ({100 * v / total:.0f}%)" for k, v in timings.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events to add (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=3, help="checks per store; the best time is reported")
    parser.add_argument("--scaling", default="16,64,256,1024",
                        help="report sizes in KB for the scaling measurement ('' to skip; default 16,64,256,1024)")
    args = parser.parse_args()
    text = report_text()
    print(f"report: {len(text.split())} words")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speed.duckdb"
        with Store.open(path) as store:
            demo.load_demo(store)
            if args.scaling:
                scaling(store, [int(k) * 1024 for k in args.scaling.split(",")])
            small_findings = example_findings(store)
            base, base_t, base_err = timed(store, text, args.runs)
            print(f"packs only ({store.counts()['event']:,} events): {base:.2f}s, "
                  f"{sum(f[0] == 'error' for f in base_err)} errors; "
                  f"{shares(base_t)}")
            build = synthesize(store, args.events)
            store.con.execute("CHECKPOINT")
            print(f"added {args.events:,} synthetic events in {build:.1f}s")
        with Store.open(path, read_only=True) as store:
            big, big_t, big_err = timed(store, text, args.runs)
            print(f"big store ({store.counts()['event']:,} events): {big:.2f}s, "
                  f"{sum(f[0] == 'error' for f in big_err)} errors; {shares(big_t)}")
            big_findings = example_findings(store)
    print(f"ratio big/packs: {big / base:.1f}x   goal: under 5 s on 2 cores -> {'met' if big < 5 else 'NOT met'}")
    same("example report", small_findings, big_findings)
    same("timed report", base_err, big_err)


if __name__ == "__main__":
    main()
