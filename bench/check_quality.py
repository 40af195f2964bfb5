"""How well `watchfloor check` finds planted errors: recall and precision on the development set.

    python bench/check_quality.py            # the dev set (tests/data/reports, key.json) and the example report
    python bench/check_quality.py --pack     # also: every pack fact as a true sentence, then with its year changed
    python bench/check_quality.py --set bench/data/heldout   # reports written without seeing the checker
    python bench/check_quality.py --held-out                 # every held-out set, a line each

A planted error counts as found when an error finding's span, or one of its
`related` spans, overlaps the planted quote; every other error finding is a
false positive. The strict count (the figure for blind sets) also asks for the
planted kind and, where the key names one, the store event it contradicts among
the finding's evidence. Clean reports must yield no error at all. The store is the
bundled demo (both packs and the World Bank files), built in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from watchfloor import demo  # noqa: E402
from watchfloor.check import CheckReport, check_file, check_text  # noqa: E402
from watchfloor.dates import parse_iso  # noqa: E402
from watchfloor.ingest import ImportOptions, import_paths  # noqa: E402
from watchfloor.store import Store  # noqa: E402

REPORTS = ROOT / "tests" / "data" / "reports"
STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_report(text: str, report: CheckReport, planted: list[dict]) -> dict:
    spans = [(text.index(p["quote"]), text.index(p["quote"]) + len(p["quote"])) for p in planted]
    found, strict, kinds_right = set(), set(), 0
    false = []
    for f in report.errors:
        own = [(f.start, f.end)] + [(r.start, r.end) for r in f.related]
        hit = [i for i, s in enumerate(spans) if any(overlaps(o, s) for o in own)]
        if not hit:
            false.append(f)
        events = {e.event_id for e in f.evidence}
        for i in hit:
            if i not in found and f.kind == planted[i]["kind"]:
                kinds_right += 1
            found.add(i)
            if f.kind == planted[i]["kind"] and (not planted[i].get("event") or planted[i]["event"] in events):
                strict.add(i)
    missed = [planted[i] for i in range(len(planted)) if i not in found]
    return {"planted": len(planted), "found": len(found), "false": false, "missed": missed, "kinds": kinds_right,
            "strict": len(strict)}


def dev_set(store: Store, verbose: bool, folder: Path = REPORTS) -> tuple[int, int, int, int]:
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))["reports"]
    planted = found = false = clean_errors = 0
    kinds = strict = 0
    print(f"{'report':34} {'planted':>7} {'found':>5} {'false':>5} {'kind ok':>7}  time")
    for name, entry in key.items():
        t0 = time.perf_counter()
        text, report = check_file(store, folder / name)
        s = score_report(text, report, entry["errors"])
        strict += s["strict"]
        took = time.perf_counter() - t0
        planted += s["planted"]
        found += s["found"]
        false += len(s["false"])
        kinds += s["kinds"]
        if entry["clean"]:
            clean_errors += len(report.errors)
        flag = " clean" if entry["clean"] else ""
        print(f"{name:34} {s['planted']:7} {s['found']:5} {len(s['false']):5} {s['kinds']:7}  {took:.2f}s{flag}")
        if verbose:
            for m in s["missed"]:
                print(f"    missed  {m['kind']:22} {m['quote']!r}")
            for f in s["false"]:
                print(f"    false   {f.kind:22} {f.quote!r}: {f.message[:100]}")
    recall = found / planted if planted else 1.0
    precision = (found / (found + false)) if found + false else 1.0
    print(f"\nplanted errors {planted}, found {found}, false alarms {false}, right kind {kinds}")
    print(f"recall {recall:.3f}   precision {precision:.3f}   errors on clean reports {clean_errors}")
    print(f"strict (right kind and, where the key names it, the right store event): found {strict}, "
          f"recall {strict / planted if planted else 1.0:.3f}, precision "
          f"{strict / (strict + false) if strict + false else 1.0:.3f}")
    return planted, found, false, clean_errors


def example(store: Store) -> None:
    _, report = check_file(store, demo.example_report())
    print(f"\nexample report: {report.summary()}")
    for f in report.errors:
        print(f"    {f.kind:22} {f.quote!r}")


def pack_selftest(store: Store) -> None:
    """Each pack fact written as a dated sentence must pass; with its year moved, it must be caught."""
    facts = [json.loads(x) for x in (ROOT / "watchfloor" / "data" / "tajikistan_facts.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    rng = random.Random(7)
    false = caught = tried = 0
    t0 = time.perf_counter()
    for fact in facts:
        when = parse_iso(fact["date"])
        lead = f"On {when.human()}," if when.precision == "day" else f"In {when.human()},"
        text = f"{lead} {fact['summary']}"
        if check_text(store, text, "fact", STYLE).errors:
            false += 1
        year = when.value.year
        moved = text.replace(str(year), str(year + rng.choice([-3, -2, 2, 3])), 1)
        if not re.search(str(year), moved):
            tried += 1
            caught += any(f.kind in ("wrong_date", "internal_contradiction")
                          for f in check_text(store, moved, "fact", STYLE).errors)
    took = time.perf_counter() - t0
    print(f"\npack self-test: {len(facts)} true sentences, {false} with an error "
          f"(precision on true statements {1 - false / len(facts):.3f})")
    print(f"               {tried} with the year moved and no other mention of it, {caught} caught "
          f"(recall {caught / tried if tried else 0:.3f}); {took:.1f}s")


def held_out(store: Store, prefix: str = "heldout") -> None:
    """Every set under bench/data whose name starts with `prefix`, a line each, then all of them together."""
    folders = sorted((p for p in (ROOT / "bench" / "data").glob(prefix + "*") if (p / "key.json").exists()),
                     key=lambda p: (p.name.rstrip("0123456789"), int(p.name[len(p.name.rstrip("0123456789")):] or 1)))
    rows = []
    for folder in folders:
        key = json.loads((folder / "key.json").read_text(encoding="utf-8"))["reports"]
        planted = found = strict = false = clean = 0
        for name, entry in key.items():
            text, report = check_file(store, folder / name)
            s = score_report(text, report, entry["errors"])
            planted, found, false = planted + s["planted"], found + s["found"], false + len(s["false"])
            strict += s["strict"]
            clean += len(report.errors) if entry["clean"] else 0
        rows.append((folder.name, planted, found, strict, false, clean))
    print(f"{'set':12} {'planted':>7} {'found':>5} {'strict':>6} {'false':>5} {'recall':>6} {'precision':>9} "
          f"{'clean errors':>12}")
    total = ("all", *(sum(r[i] for r in rows) for i in range(1, 6)))
    for name, planted, found, strict, false, clean in [*rows, total]:
        recall = f"{found / planted:.3f}" if planted else "-"
        precision = f"{found / (found + false):.3f}" if found + false else "-"
        print(f"{name:12} {planted:7} {found:5} {strict:6} {false:5} {recall:>6} {precision:>9} {clean:12}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", action="store_true", help="also run the pack self-test (about 60 s)")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not list misses and false alarms")
    parser.add_argument("--set", type=Path, default=REPORTS, help="a folder of reports with its key.json")
    parser.add_argument("--held-out", action="store_true", help="score every bench/data/heldout* set, a line each")
    parser.add_argument("--sets", metavar="PREFIX", help="score every bench/data/PREFIX* set, a line each "
                        "(blind, mali_blind)")
    parser.add_argument("--with", dest="extra", type=Path, action="append", default=[],
                        help="also import this file into the store (e.g. another country's fact pack)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "demo.duckdb") as store:
        demo.load_demo(store)
        if args.extra:
            import_paths(store, args.extra, ImportOptions(quiet=True))
        if args.held_out or args.sets:
            held_out(store, args.sets or "heldout")
            return
        dev_set(store, not args.quiet, args.set)
        example(store)
        if args.pack:
            pack_selftest(store)


if __name__ == "__main__":
    main()
