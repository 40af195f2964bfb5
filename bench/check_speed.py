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
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from watchfloor import demo  # noqa: E402
from watchfloor.check import check_text  # noqa: E402
from watchfloor.store import Store  # noqa: E402

REPORTS = ROOT / "tests" / "data" / "reports"
TYPES = ["attack", "arrest", "protest", "statement", "border_clash", "deportation", "visit", "agreement", "fight",
         "assault", "election", "trial", "sentence", "security_operation", "diplomatic", "aid", "loan", "plot"]
COUNTRIES = ["TJK", "RUS", "AFG", "UZB", "KGZ", "KAZ", "CHN", "IRN", "TUR", "USA", "DEU", "PAK", "TKM", "IND", "UKR"]
PLACES = ["Dushanbe", "Khujand", "Moscow", "Kabul", "Tashkent", "Bishkek", "Almaty", "Istanbul", "Tehran", "Vahdat",
          "Khorog", "Kulob", "Bokhtar", "Osh", "New York", "Berlin", "Kerman", "Rogun"]


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
    places = "[" + ", ".join(f"'{x}'" for x in PLACES) + "]"
    con.execute(f"""
        CREATE TEMP TABLE syn AS
        SELECT 'syn-' || i AS id,
               {types}[1 + (hash(i) % {len(TYPES)})::INT] AS type,
               {countries}[1 + (hash(i * 7) % {len(COUNTRIES)})::INT] AS c1,
               {countries}[1 + (hash(i * 13) % {len(COUNTRIES)})::INT] AS c2,
               {places}[1 + (hash(i * 17) % {len(PLACES)})::INT] AS place,
               DATE '2000-01-01' + (hash(i * 31) % 9490)::INT AS date,
               (hash(i * 37) % 60)::DOUBLE AS killed,
               (hash(i * 41) % 500)::INT AS mentions
        FROM range({n}) t(i)""")
    con.execute("""
        INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, location, killed,
                           counts, summary, mentions)
        SELECT id, 'synthetic', date, 'day', type, c1, list_distinct([c1, c2]), place, killed,
               '{"killed": ' || killed::INT || '}',
               'Synthetic ' || replace(type, '_', ' ') || ' in ' || place || ' involving ' || c1 || ' and ' || c2
               || ', with ' || killed::INT || ' people killed', mentions
        FROM syn""")
    con.execute("""
        INSERT INTO event_actor (event_id, entity_id, name, role)
        SELECT id, 'country:' || c2, c2, 'actor' FROM syn""")
    con.execute("INSERT INTO event_source SELECT id, 'src-synthetic', 6 FROM syn")
    con.execute("DROP TABLE syn")
    return time.perf_counter() - t


def timed(store: Store, text: str, runs: int) -> tuple[float, dict[str, float], int]:
    best, timings, errors = float("inf"), {}, 0
    for _ in range(runs):
        t = time.perf_counter()
        report = check_text(store, text, "speed")
        took = time.perf_counter() - t
        if took < best:
            best, timings, errors = took, report.timings, len(report.errors)
    return best, timings, errors


def shares(timings: dict[str, float]) -> str:
    total = sum(timings.values()) or 1.0
    return ", ".join(f"{k} {v:.2f}s ({100 * v / total:.0f}%)" for k, v in timings.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events to add (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=3, help="checks per store; the best time is reported")
    args = parser.parse_args()
    text = report_text()
    print(f"report: {len(text.split())} words")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speed.duckdb"
        with Store.open(path) as store:
            demo.load_demo(store)
            base, base_t, base_err = timed(store, text, args.runs)
            print(f"packs only ({store.counts()['event']:,} events): {base:.2f}s, {base_err} errors; "
                  f"{shares(base_t)}")
            build = synthesize(store, args.events)
            store.con.execute("CHECKPOINT")
            print(f"added {args.events:,} synthetic events in {build:.1f}s")
        with Store.open(path, read_only=True) as store:
            big, big_t, big_err = timed(store, text, args.runs)
            print(f"big store ({store.counts()['event']:,} events): {big:.2f}s, {big_err} errors; {shares(big_t)}")
    print(f"ratio big/packs: {big / base:.1f}x   goal: under 5 s on 2 cores -> {'met' if big < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
