"""Fit the checker's scorer: a logistic model over error findings' features, shipped as data.

    python bench/fit_scorer.py                 # collect, cross-validate, fit, write watchfloor/data/models/scorer.json
    python bench/fit_scorer.py --dry-run       # collect and cross-validate only
    python bench/fit_scorer.py --cache F.json  # reuse collected findings (collecting takes a few minutes)

Labelled findings come from: the development set (tests/data/reports), the studied held-out sets
(bench/data/heldout*), the example report, perturbed store facts (each Tajikistan pack fact as a dated
sentence, then with its year moved or its first figure changed, then with a background clause
whose date or figure belongs to another event), and the real articles in
../shared/corpus/real judged by hand in bench/data/real_verdicts.json (skipped, with a note, when that
folder is absent). The blind sets (bench/data/blind*, mali_blind*) are never read here: they measure the
fitted checker once. A finding is positive when it overlaps a planted error (or was judged right).

Cross-validation holds out one group at a time (a set, or one real article, or the perturbations) and
scores the held-out group with a model fitted on the rest; those out-of-fold figures are the honest ones.
The threshold is the lowest probability that leaves at most two false errors out of fold on the real
articles, and the shipped model is then fitted on everything.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from watchfloor import demo  # noqa: E402
from watchfloor.check import check_file, check_text  # noqa: E402
from watchfloor.check.features import NAMES, SIGNS  # noqa: E402
from watchfloor.check.scorer import observing  # noqa: E402
from watchfloor.dates import parse_iso  # noqa: E402
from watchfloor.store import Store  # noqa: E402

OUT = ROOT / "watchfloor" / "data" / "models" / "scorer.json"
REAL = ROOT.parent / "shared" / "corpus" / "real"
STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _rows(report, spans: list[tuple[int, int]], group: str, judged: dict | None = None) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = []
    for f in report.findings:
        if f.features is None:
            continue
        own = [(f.start, f.end)] + [(r.start, r.end) for r in f.related]
        if judged is not None:
            verdict = judged.get((f.start, f.end, f.kind))
            if verdict is None:
                continue
            label = verdict == "right"
        else:
            label = any(_overlaps(o, s) for o in own for s in spans)
        rows.append({"group": group, "label": int(label), "kind": f.kind, "x": [float(v) for v in f.features],
                     "where": f"{report.name}:{f.start}"})
    return rows


def labelled_sets(store: Store) -> list[dict]:
    rows = []
    folders = [ROOT / "tests" / "data" / "reports", *sorted((ROOT / "bench" / "data").glob("heldout*"))]
    for folder in folders:
        key = json.loads((folder / "key.json").read_text(encoding="utf-8"))["reports"]
        for name, entry in key.items():
            text, report = check_file(store, folder / name)
            spans = [(text.index(p["quote"]), text.index(p["quote"]) + len(p["quote"])) for p in entry["errors"]]
            rows += _rows(report, spans, folder.name)
    key = json.loads(demo.example_report().with_suffix(".key.json").read_text(encoding="utf-8"))
    text, report = check_file(store, demo.example_report())
    rows += _rows(report, [(text.index(p["quote"]), text.index(p["quote"]) + len(p["quote"]))
                           for p in key["errors"]], "example")
    return rows


def perturbed(store: Store, limit: int) -> list[dict]:
    """Each pack fact as a true dated sentence (any error is false), then with its year moved or its first
    figure changed (an error on the changed words is right)."""
    facts = [json.loads(x) for x in (ROOT / "watchfloor" / "data" / "tajikistan_facts.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    rng = random.Random(11)
    rng.shuffle(facts)
    rows: list[dict] = []
    for fact in facts[:limit]:
        when = parse_iso(fact["date"])
        lead = f"On {when.human()}," if when.precision == "day" else f"In {when.human()},"
        text = f"{lead} {fact['summary']}"
        rows += _rows(check_text(store, text, "fact", STYLE), [], "pack")
        year = str(when.value.year)
        moved = text.replace(year, str(when.value.year + rng.choice([-3, -2, -1, 1, 2, 3])), 1)
        if text.count(year) == 1:
            at = text.index(year)
            rows += _rows(check_text(store, moved, "fact", STYLE), [(at, at + 4)], "pack")
        rows += _rows(check_text(store, _background(text, when.value.year, rng), "fact", STYLE), [], "pack")
        body = text[len(lead):]
        m = re.search(r"\b(\d{2,4})\b(?!\s*(?:January|February|March|April|May|June|July|August|September|"
                      r"October|November|December))", body)
        if m and not re.fullmatch(r"(19|20)\d\d", m.group(1)):
            at = len(lead) + m.start(1)
            changed = str(int(m.group(1)) * 2 + 3)
            slipped = text[:at] + changed + text[at + len(m.group(1)):]
            rows += _rows(check_text(store, slipped, "fact", STYLE), [(at, at + len(changed))], "pack")
    return rows


BACKGROUND = ("{0}, the worst such case since {1}.", "{0}, {2} years after a similar case in {1}.",
              "{0}. It recalled an earlier case in {1}.", "{0}; a comparable episode in {1} had drawn less notice.",
              "{0}. Two of them had been named in an earlier case.", "{0}. The other two were not named.")
"""A true fact with a clause of background added: its date or figure belongs to another event (negatives)."""


def _background(text: str, year: int, rng: random.Random) -> str:
    k = rng.choice([2, 4, 6, 9, 13])
    return rng.choice(BACKGROUND).format(text.rstrip(". "), year - k, k)


def real_articles(store: Store) -> list[dict]:
    if not REAL.is_dir():
        print(f"note: {REAL} is absent; fitting without the real articles")
        return []
    verdicts = json.loads((ROOT / "bench" / "data" / "real_verdicts.json").read_text(encoding="utf-8"))["verdicts"]
    rows = []
    for path in sorted(REAL.glob("[0-9][0-9]-*.txt")):
        _, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        judged = {(v["start"], v["end"], v["kind"]): v["verdict"] for v in verdicts if v["file"] == path.name}
        rows += _rows(check_text(store, body, path.name), [], "real:" + path.name, judged)
    return rows


def collect(perturb: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "demo.duckdb") as store, observing():
        demo.load_demo(store)
        return labelled_sets(store) + real_articles(store) + perturbed(store, perturb)


def fit(rows: list[dict], strength: float):  # type: ignore[no-untyped-def]
    """Weighted logistic regression with an L2 penalty, each weight kept to the sign features.SIGNS gives it
    (scipy's L-BFGS-B with bounds; scikit-learn's solvers take no sign constraints). Classes are weighted to
    count equally: there are ten right findings for every false one."""
    from scipy.optimize import minimize

    x = np.array([r["x"] for r in rows])
    y = np.array([r["label"] for r in rows], dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    z = (x - mean) / scale
    w = np.where(y == 1, 1.0, (y == 1).sum() / max(1.0, (y == 0).sum()))
    w = w / w.mean()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        b, c = theta[0], theta[1:]
        s = z @ c + b
        p = 1.0 / (1.0 + np.exp(-s))
        value = float(np.sum(w * (np.logaddexp(0.0, s) - y * s)) + strength * c @ c)
        grad = np.concatenate([[np.sum(w * (p - y))], z.T @ (w * (p - y)) + 2.0 * strength * c])
        return value, grad

    bounds = [(None, None)] + [(0.0, None) if SIGNS.get(n) == 1 else (None, 0.0) if SIGNS.get(n) == -1
                               else (None, None) for n in NAMES]
    theta = minimize(loss, np.zeros(len(NAMES) + 1), jac=True, method="L-BFGS-B", bounds=bounds).x
    return mean, scale, theta[1:], float(theta[0])


def probabilities(model, rows: list[dict]) -> np.ndarray:  # type: ignore[no-untyped-def]
    mean, scale, coef, b = model
    z = ((np.array([r["x"] for r in rows]) - mean) / scale) @ coef + b
    return 1.0 / (1.0 + np.exp(-z))


def out_of_fold(rows: list[dict], strength: float) -> np.ndarray:
    groups = sorted({r["group"] for r in rows})
    p = np.zeros(len(rows))
    for g in groups:
        train = [r for r in rows if r["group"] != g]
        idx = [i for i, r in enumerate(rows) if r["group"] == g]
        p[idx] = probabilities(fit(train, strength), [rows[i] for i in idx])
    return p


def summary(rows: list[dict], p: np.ndarray, threshold: float) -> None:
    def part(name: str, keep) -> None:  # type: ignore[no-untyped-def]
        sel = [i for i, r in enumerate(rows) if keep(r)]
        pos = sum(rows[i]["label"] for i in sel)
        kept = [i for i in sel if p[i] >= threshold]
        tp = sum(rows[i]["label"] for i in kept)
        prec = tp / len(kept) if kept else float("nan")
        print(f"  {name:12} findings {len(sel):4} (right {pos:3})  kept as errors {len(kept):4}: right {tp:3}, "
              f"false {len(kept) - tp:3}, precision {prec:.3f}, right ones kept {tp / pos if pos else 0:.3f}")

    part("real", lambda r: r["group"].startswith("real:"))
    part("sets", lambda r: not r["group"].startswith(("real:", "pack")))
    part("pack", lambda r: r["group"] == "pack")


def choose_threshold(rows: list[dict], p: np.ndarray) -> float:
    """The lowest threshold that leaves at most two false errors out of fold on the real articles (the issue's
    goal; their judged findings are almost all false, so precision there cannot steer it); 0.5 when there are
    no real articles."""
    real = [i for i, r in enumerate(rows) if r["group"].startswith("real:")]
    if not real:
        return 0.5
    for t in np.arange(0.30, 0.99, 0.01):
        kept = [i for i in real if p[i] >= t]
        false = sum(1 for i in kept if not rows[i]["label"])
        if false <= 2:
            return float(round(t, 2))
    return 0.99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--cache", type=Path, help="read collected findings from this file, or write them there")
    parser.add_argument("--perturb", type=int, default=120, help="pack facts to perturb (default 120)")
    parser.add_argument("--penalty", type=float, default=50.0,
                        help="L2 penalty on the weights (default 50: few false findings to learn from)")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        rows = collect(args.perturb)
        if args.cache:
            args.cache.write_text(json.dumps(rows), encoding="utf-8")
    print(f"{len(rows)} findings, {sum(r['label'] for r in rows)} right, {len({r['group'] for r in rows})} groups")
    p = out_of_fold(rows, args.penalty)
    threshold = choose_threshold(rows, p)
    print(f"out of fold (each group scored by a model fitted without it), threshold {threshold}:")
    summary(rows, p, threshold)
    model = fit(rows, args.penalty)
    mean, scale, coef, b = model
    for name, w in sorted(zip(NAMES, coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"    {name:24} {w:+.3f}")
    if args.dry_run:
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "about": "Logistic model over check/features.py's features; fitted by bench/fit_scorer.py.",
        "features": list(NAMES), "mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(),
        "intercept": b, "threshold": threshold, "penalty": args.penalty,
        "trained_on": {"findings": len(rows), "right": int(sum(r["label"] for r in rows)),
                       "groups": len({r["group"] for r in rows})}}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
