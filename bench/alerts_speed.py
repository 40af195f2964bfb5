"""How close `alerts` and `timeline` come to plain DuckDB SQL on a store of 1,000,000 events.

    python bench/alerts_speed.py                   # 1,000,000 synthetic events plus the bundled packs
    python bench/alerts_speed.py --events 100000   # a smaller run while developing

The store is the one bench/check_speed.py builds (the bundled packs, then N synthetic events with
real places and countries, an actor and a source each). Each measurement is the median of --runs runs
in this process:

- alerts over every country against the same monthly aggregation in plain SQL (events and fatalities
  per country and month, unnested countries, no event ids): goal, ratio under 2;
- alerts for Tajikistan against the same aggregation for one country (list_contains);
- timeline(TJK) with its ids bound as one list parameter against the old way, one `?` per id
  (about 100,000 at 1M events): how much the list parameter saves.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.check_speed import synthesize  # noqa: E402
from watchfloor import demo  # noqa: E402
from watchfloor.analyse import timeline as timeline_module  # noqa: E402
from watchfloor.analyse.alerts import alerts  # noqa: E402
from watchfloor.store import Store  # noqa: E402

PLAIN_ALL = ("SELECT c, strftime(date, '%Y-%m') AS month, count(*), coalesce(sum(killed), 0) "
             "FROM event, unnest(countries) AS t(c) WHERE date_precision <> 'year' GROUP BY ALL ORDER BY ALL")
PLAIN_ONE = ("SELECT strftime(date, '%Y-%m') AS month, count(*), coalesce(sum(killed), 0) "
             "FROM event WHERE date_precision <> 'year' AND list_contains(countries, 'TJK') GROUP BY ALL ORDER BY ALL")


def median_time(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events to add (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported")
    parser.add_argument("--store", type=Path, help="keep the store here and reuse it on the next run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "alerts.duckdb"
        if not path.exists():
            with Store.open(path) as store:
                demo.load_demo(store)
                synthesize(store, args.events)
                store.con.execute("CHECKPOINT")
        with Store.open(path, read_only=True) as store:
            print(f"store: {store.counts()['event']:,} events")
            con = store.con
            plain_all, rows = median_time(lambda: con.execute(PLAIN_ALL).fetchall(), args.runs)
            ours_all, found = median_time(lambda: alerts(store), args.runs)
            print(f"all countries: plain SQL {plain_all:.3f}s ({len(rows):,} country-months), alerts {ours_all:.3f}s "
                  f"({len(found):,} alerts): ratio {ours_all / plain_all:.2f}  goal < 2: "
                  f"{'met' if ours_all / plain_all < 2 else 'NOT met'}")
            plain_one, _ = median_time(lambda: con.execute(PLAIN_ONE).fetchall(), args.runs)
            ours_one, one = median_time(lambda: alerts(store, "TJK"), args.runs)
            print(f"TJK only:      plain SQL {plain_one:.3f}s, alerts {ours_one:.3f}s ({len(one)} alerts): "
                  f"ratio {ours_one / plain_one:.2f}")
            runs = max(1, args.runs // 2)
            listed, events = median_time(lambda: timeline_module.timeline(store, "TJK"), runs)
            few = timeline_module.FEW
            timeline_module.FEW = 10 ** 9
            try:
                bound, _ = median_time(lambda: timeline_module.timeline(store, "TJK"), runs)
            finally:
                timeline_module.FEW = few
            print(f"timeline(TJK), {len(events):,} events: ids as one list parameter {listed:.2f}s, "
                  f"one parameter per id {bound:.2f}s: ratio {bound / listed:.1f}")


if __name__ == "__main__":
    main()
