"""How close `alerts` and `timeline` come to plain DuckDB SQL on a store of 1,000,000 events.

    python bench/alerts_speed.py                   # 1,000,000 synthetic events plus the bundled packs
    python bench/alerts_speed.py --events 100000   # a smaller run while developing

The store is the one bench/check_speed.py builds (the bundled packs, then N synthetic events with
real places and countries, an actor and a source each). Each measurement is the median of --runs runs
in this process:

- alerts over every country against the same monthly aggregation in plain SQL (events and fatalities
  per country and month, unnested countries, no event ids): goal, ratio under 2; the two are run in turn,
  so that other work on the machine weighs on both alike;
- alerts for Tajikistan against the same aggregation for one country (list_contains);
- timeline(TJK) with its ids bound as one list parameter against the old way, one `?` per id
  (about 100,000 at 1M events): how much the list parameter saves.

--against FILE also times another alerts.py (e.g. `git show <commit>:watchfloor/analyse/alerts.py > old.py`) in
turn with the two above and says whether its alerts are identical (every field, int or float alike).
"""

from __future__ import annotations

import argparse
import importlib.util
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


def medians(fns: dict[str, Callable[[], Any]], runs: int) -> dict[str, tuple[float, Any]]:
    """Each function's median time and last result, the functions run in turn: a change in the machine's
    load then falls on all of them alike, not on whichever ran during it."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    out: dict[str, Any] = {}
    for _ in range(runs):
        for name, fn in fns.items():
            t = time.perf_counter()
            out[name] = fn()
            times[name].append(time.perf_counter() - t)
    return {name: (statistics.median(times[name]), out[name]) for name in fns}


def load_alerts(path: Path) -> Callable[..., list[dict[str, Any]]]:
    """`alerts` from another copy of alerts.py, to time it against this one on the same store."""
    spec = importlib.util.spec_from_file_location("alerts_against", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.alerts  # type: ignore[no-any-return]


def measure(store: Store, iso3: str | None, plain: str, runs: int,
            theirs: Callable[..., list[dict[str, Any]]] | None) -> dict[str, tuple[float, Any]]:
    """Plain SQL, our alerts and, given, another alerts.py, for one country or all."""
    fns: dict[str, Callable[[], Any]] = {"plain": lambda: store.con.execute(plain).fetchall(),
                                         "ours": lambda: alerts(store, iso3)}
    if theirs:
        fns["theirs"] = lambda: theirs(store, iso3)
    return medians(fns, runs)


def print_against(path: Path, every: dict[str, tuple[float, Any]], tjk: dict[str, tuple[float, Any]]) -> None:
    """The other alerts.py's times, its ratios to the same plain SQL and whether its alerts are ours."""
    same = all(repr(m["theirs"][1]) == repr(m["ours"][1]) for m in (every, tjk))
    print(f"against {path.name}: all countries {every['theirs'][0]:.3f}s "
          f"(ratio {every['theirs'][0] / every['plain'][0]:.2f}), TJK {tjk['theirs'][0]:.3f}s "
          f"(ratio {tjk['theirs'][0] / tjk['plain'][0]:.2f}); alerts identical: {'yes' if same else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events to add (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported")
    parser.add_argument("--store", type=Path, help="keep the store here and reuse it on the next run")
    parser.add_argument("--against", type=Path, help="another alerts.py to time and compare with this one")
    parser.add_argument("--no-timeline", action="store_true", help="skip the timeline measurement (minutes at 1M)")
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
            theirs = load_alerts(args.against) if args.against else None
            every = measure(store, None, PLAIN_ALL, args.runs, theirs)
            (plain_all, rows), (ours_all, found) = every["plain"], every["ours"]
            print(f"all countries: plain SQL {plain_all:.3f}s ({len(rows):,} country-months), alerts {ours_all:.3f}s "
                  f"({len(found):,} alerts): ratio {ours_all / plain_all:.2f}  goal < 2: "
                  f"{'met' if ours_all / plain_all < 2 else 'NOT met'}")
            tjk = measure(store, "TJK", PLAIN_ONE, args.runs, theirs)
            (plain_one, _), (ours_one, one) = tjk["plain"], tjk["ours"]
            print(f"TJK only:      plain SQL {plain_one:.3f}s, alerts {ours_one:.3f}s ({len(one)} alerts): "
                  f"ratio {ours_one / plain_one:.2f}")
            if args.against:
                print_against(args.against, every, tjk)
            if args.no_timeline:
                return
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
