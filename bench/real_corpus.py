"""False alarms on real published text: the checker run on real article leads, every error judged by hand.

    python bench/real_corpus.py                    # score against the verdicts in bench/data/real_verdicts.json
    python bench/real_corpus.py --list             # every error and warning, with offsets, for judging
    python bench/real_corpus.py --corpus DIR       # another folder in the same format

The articles are not ours and are never copied into this repo: they are read from
../shared/corpus/real (a header of SOURCE/TITLE/PUBLISHER/DATE lines, a blank line, then the text).
Without that folder the benchmark says so and exits 0. Verdicts keep only file, offsets, kind,
verdict (right / wrong) and why. A finding with no verdict counts as unjudged and is listed.
The store is the bundled demo, built in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from watchfloor import demo  # noqa: E402
from watchfloor.check import check_text  # noqa: E402
from watchfloor.ingest import ImportOptions, import_paths  # noqa: E402
from watchfloor.store import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"
VERDICTS = ROOT / "bench" / "data" / "real_verdicts.json"


def article_text(path: Path) -> str:
    """The text after the header block; offsets in verdicts index this string."""
    raw = path.read_text(encoding="utf-8")
    _, _, body = raw.partition("\n\n")
    return body


def run(store: Store, corpus: Path) -> list[dict]:
    rows = []
    for path in sorted(corpus.glob("[0-9][0-9]-*.txt")):
        report = check_text(store, article_text(path), path.name)
        for f in report.to_dict()["findings"]:
            if f["severity"] in ("error", "warning"):
                rows.append({"file": path.name, "start": f["start"], "end": f["end"], "kind": f["kind"],
                             "severity": f["severity"], "quote": f["quote"], "message": f["message"]})
    return rows


def score(rows: list[dict], n_articles: int, verdicts: dict) -> None:
    judged = {(v["file"], v["start"], v["end"], v["kind"]): v for v in verdicts.get("verdicts", [])}
    errors = [r for r in rows if r["severity"] == "error"]
    warnings = [r for r in rows if r["severity"] == "warning"]

    def verdict(r: dict) -> str | None:
        return judged.get((r["file"], r["start"], r["end"], r["kind"]), {}).get("verdict")

    right = [r for r in errors if verdict(r) == "right"]
    wrong = [r for r in errors if verdict(r) == "wrong"]
    unjudged = [r for r in errors if verdict(r) is None]
    with_error = len({r["file"] for r in errors})
    print(f"{n_articles} articles: {len(errors)} errors ({len(right)} right, {len(wrong)} wrong, "
          f"{len(unjudged)} unjudged) in {with_error} articles; {len(warnings)} warnings "
          f"({len(warnings) / max(n_articles, 1):.2f} per article)")
    if errors:
        print(f"error precision {len(right) / len(errors):.2f}   false errors {len(wrong) + len(unjudged)} "
              f"(unjudged counted as false)")
    for r in unjudged:
        print(f"  unjudged {r['file']} {r['start']}:{r['end']} {r['kind']}: {r['quote']!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--list", action="store_true", help="print every error and warning for judging")
    parser.add_argument("--with", dest="extra", type=Path, action="append", default=[],
                        help="also import this file into the store (e.g. another country's fact pack)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: this benchmark needs ../shared/corpus/real (not part of the product)")
        return
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "demo.duckdb") as store:
        demo.load_demo(store)
        if args.extra:
            import_paths(store, args.extra, ImportOptions(quiet=True))
        rows = run(store, args.corpus)
    n = len(list(args.corpus.glob("[0-9][0-9]-*.txt")))
    if args.list:
        for r in rows:
            print(json.dumps({k: r[k] for k in ("file", "start", "end", "kind", "severity", "quote", "message")},
                             ensure_ascii=False))
        return
    verdicts = json.loads(VERDICTS.read_text(encoding="utf-8")) if VERDICTS.exists() else {}
    score(rows, n, verdicts)


if __name__ == "__main__":
    main()
