"""Benchmark: the dashboard under 20 concurrent clients, against a store of 1,000,000 events.

    python bench/web_load.py                      # 1,000,000 events, 20 clients
    python bench/web_load.py --events 100000 --requests 10

Builds a store (the bundled Tajikistan pack plus N synthetic events, each with an actor and a source,
inserted with DuckDB SQL from range()), starts `watchfloor serve` in a child process, and has C client
threads each send R requests to three addresses in turn:

- /healthz: the baseline, which never touches the store (the HTTP stack and the machine);
- /: the Tajikistan overview page (risk, alerts, latest events, chart);
- /api/events?country=TJK&offset=…: one page of events, at a random offset in the first 50 pages
  (a page once computed is kept for the life of the snapshot, so most of these are served from memory);
- api-any: the same at a random offset in the first 2,000 pages, so that most requests miss that memory
  and run their queries: the cost of a page nobody has asked for yet.

Prints p50/p95 per address and the ratio to the baseline (goal: p95 under 300 ms for the overview and
the API call). The first request of each address is timed alone first (cold: nothing cached for the
snapshot yet) and left out of the percentiles. The main load runs --repeats times (default 5) and the
goal is judged on the median of the runs' p95: one run's p95 swung from 218 to 370 ms on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

COUNTRIES = ["TJK", "TJK", "AFG", "RUS", "UZB", "KGZ", "CHN", "IRN"]
"""One event in four involves Tajikistan."""
TYPES = ["attack", "arrest", "border_clash", "statement", "diplomatic", "protest", "trial", "deportation"]
PLACES = [("Dushanbe", 38.54, 68.78), ("Khujand", 40.28, 69.62), ("Kabul", 34.52, 69.18), ("Moscow", 55.75, 37.62),
          ("Tashkent", 41.31, 69.25), ("Bishkek", 42.87, 74.59), ("Kashgar", 39.47, 75.99), ("Mashhad", 36.30, 59.60)]


def build_store(path: Path, events: int) -> None:
    """The demo pack, then N synthetic events with one actor and one source each, all in SQL."""
    from watchfloor.demo import load_demo
    from watchfloor.store import Store

    with Store.open(path) as store:
        load_demo(store)
        con = store.con
        con.execute("SET enable_progress_bar = false")

        def pick(items: list[str], salt: int) -> str:
            return f"list_element([{', '.join(repr(x) for x in items)}], (hash(i * {salt}) % {len(items)})::INT + 1)"

        place = "(hash(i * 11) % 8)::INT + 1"
        names = "[" + ", ".join(repr(p[0]) for p in PLACES) + "]"
        lats = "[" + ", ".join(str(p[1]) for p in PLACES) + "]"
        lons = "[" + ", ".join(str(p[2]) for p in PLACES) + "]"
        with store.transaction():
            con.execute("INSERT INTO source (id, kind, title, publisher, url, reliability) "
                        "SELECT 'bench-src-' || i, 'article', 'Synthetic wire story ' || i, 'Bench Wire ' || (i % 7), "
                        "'https://example.org/bench/' || i, list_element(['B', 'C', 'F'], (i % 3)::INT + 1) "
                        "FROM range(50) t(i)")
            con.execute(f"""
                INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, location, lat,
                                   lon, killed, injured, summary)
                SELECT 'bench-' || i, 'bench', DATE '2000-01-01' + (hash(i * 3) % 9490)::INT, 'day', {pick(TYPES, 5)},
                       c, [c], list_element({names}, {place}), list_element({lats}, {place}),
                       list_element({lons}, {place}), (hash(i * 13) % 4)::DOUBLE, (hash(i * 17) % 6)::DOUBLE,
                       'Synthetic event number ' || i || ' for the load benchmark.'
                FROM (SELECT i, {pick(COUNTRIES, 7)} AS c FROM range({events}) t(i))""")
            con.execute(f"INSERT INTO event_actor (event_id, entity_id, name, role) "
                        f"SELECT 'bench-' || i, NULL, 'Bench actor ' || (i % 500), 'actor' FROM range({events}) t(i)")
            con.execute(f"INSERT INTO event_source (event_id, source_id, credibility) "
                        f"SELECT 'bench-' || i, 'bench-src-' || (i % 50), 3 FROM range({events}) t(i)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(store: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, WATCHFLOOR_TOKEN="")
    proc = subprocess.Popen([sys.executable, "-m", "watchfloor", "--db", str(store), "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return proc
        except httpx.TransportError:
            if proc.poll() is not None:
                raise SystemExit(f"the server stopped: {proc.stderr.read().decode() if proc.stderr else ''}") from None
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start within 300 s")


Address = tuple[str, Callable[[random.Random], str]]
MAIN: list[Address] = [("healthz", lambda r: "/healthz"), ("overview", lambda r: "/?country=TJK"),
                       ("api", lambda r: f"/api/events?country=TJK&offset={r.randrange(50) * 100}")]
ANY: list[Address] = [("healthz", lambda r: "/healthz"),
                      ("api-any", lambda r: f"/api/events?country=TJK&offset={r.randrange(2400) * 100}")]


def load(base: str, addresses: list[Address], clients: int, requests: int, seed: int = 1) -> dict[str, list[float]]:
    """C threads, each with its own connection, R rounds over the addresses; seconds per request."""
    timings: dict[str, list[float]] = {name: [] for name, _ in addresses}
    lock = threading.Lock()
    errors: list[str] = []

    def client(n: int) -> None:
        rnd = random.Random(seed * 1000 + n)
        with httpx.Client(base_url=base, timeout=120) as c:
            for _ in range(requests):
                for name, url_of in addresses:
                    url = url_of(rnd)
                    t0 = time.perf_counter()
                    r = c.get(url)
                    took = time.perf_counter() - t0
                    with lock:
                        if r.status_code != 200:
                            errors.append(f"{url}: {r.status_code}")
                        timings[name].append(took)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    return timings


def report(title: str, timings: dict[str, list[float]], wall: float) -> None:
    total = sum(len(v) for v in timings.values())
    print(f"\n{title}: {total:,} requests in {wall:.1f} s ({total / wall:.0f} req/s)")
    base_p95 = pct(timings["healthz"], 95)
    print(f"{'address':<10} {'p50 ms':>8} {'p95 ms':>8} {'p95 / healthz':>14}")
    for name, v in timings.items():
        print(f"{name:<10} {1000 * pct(v, 50):8.1f} {1000 * pct(v, 95):8.1f} {pct(v, 95) / base_p95:14.1f}")


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000, help="synthetic events to add (default 1,000,000)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    ap.add_argument("--requests", type=int, default=25, help="rounds per client (default 25)")
    ap.add_argument("--store", type=Path, help="keep the store here and reuse it on the next run")
    ap.add_argument("--repeats", type=int, default=5, help="runs of the main load; the median p95 is judged")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="watchfloor-bench-")
    store = args.store or Path(tmp.name) / "bench.duckdb"
    if not store.exists():
        t0 = time.perf_counter()
        build_store(store, args.events)
        print(f"built a store of {args.events:,} synthetic events + the demo pack in {time.perf_counter() - t0:.1f} s "
              f"({store.stat().st_size / 1e6:.0f} MB)")
    port = free_port()
    t0 = time.perf_counter()
    proc = start_server(store, port)
    print(f"server up in {time.perf_counter() - t0:.1f} s (includes the snapshot copy)")
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            for name, url in (("overview", "/?country=TJK"), ("api", "/api/events?country=TJK")):
                t0 = time.perf_counter()
                assert c.get(url).status_code == 200
                print(f"cold {name:<9} {1000 * (time.perf_counter() - t0):8.0f} ms (first request on the snapshot)")
        runs: list[dict[str, list[float]]] = []
        for n in range(args.repeats):
            t0 = time.perf_counter()
            runs.append(load(base, MAIN, args.clients, args.requests, seed=10 + n))
            report(f"run {n + 1}/{args.repeats}: {args.clients} clients x {args.requests} rounds of /healthz, / and "
                   f"/api/events (first 50 pages)", runs[-1], time.perf_counter() - t0)
        print(f"\nmedian over {len(runs)} runs {'address':<10} {'p50 ms':>8} {'p95 ms':>8}   p95 of each run (ms)")
        for name in runs[0]:
            p95s = [pct(r[name], 95) for r in runs]
            print(f"{'':<22}{name:<10} {1000 * statistics.median(pct(r[name], 50) for r in runs):8.1f} "
                  f"{1000 * statistics.median(p95s):8.1f}   {', '.join(f'{1000 * v:.0f}' for v in p95s)}")
        t0 = time.perf_counter()
        uncached = load(base, ANY, args.clients, max(1, args.requests // 2), seed=2)
        report(f"{args.clients} clients, /api/events at any of 2,400 pages (mostly not yet computed)",
               uncached, time.perf_counter() - t0)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        tmp.cleanup()
    worst = max(statistics.median(pct(r[name], 95) for r in runs) for name in ("overview", "api"))
    print(f"\ngoal median p95 < 300 ms for the overview and the API: {'met' if worst < 0.3 else 'NOT met'} "
          f"(worst median p95 {1000 * worst:.0f} ms over {len(runs)} runs)")


if __name__ == "__main__":
    main()
