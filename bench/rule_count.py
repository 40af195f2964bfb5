"""How many hand-written rules the checker holds: regular expressions and literal word lists in check/ and extract/.

    python bench/rule_count.py            # totals per package
    python bench/rule_count.py --files    # and per file

A regular expression is a call to a function of `re` (compile, search, match, fullmatch, sub, split,
findall, finditer) with a pattern in the source. A word list is a list, tuple, set or dict literal
(or frozenset/set of one) holding three or more string constants. Both are read from the syntax
tree, so comments and docstrings do not count.
"""

from __future__ import annotations

import argparse
import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("check", "extract")
RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _strings(node: ast.AST) -> int:
    if isinstance(node, ast.Dict):
        items: list[ast.expr | None] = list(node.keys)
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        items = list(node.elts)
    else:
        return 0
    return sum(isinstance(x, ast.Constant) and isinstance(x.value, str) for x in items)


def count(path: Path) -> tuple[int, int]:
    """(regular expressions, word lists) in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    regexes = lists = 0
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_CALLS
                and isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "regex")):
            regexes += 1
        elif _strings(node) >= 3:
            lists += 1
    return regexes, lists


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", action="store_true")
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    for package in PACKAGES:
        for path in sorted((ROOT / "watchfloor" / package).glob("*.py")):
            r, w = count(path)
            totals[package + " regexes"] += r
            totals[package + " word lists"] += w
            if args.files and (r or w):
                print(f"  {path.relative_to(ROOT)}: {r} regexes, {w} word lists")
    for package in PACKAGES:
        print(f"{package}/: {totals[package + ' regexes']} regular expressions, "
              f"{totals[package + ' word lists']} word lists")
    print(f"total: {sum(v for k, v in totals.items() if 'regexes' in k)} regular expressions, "
          f"{sum(v for k, v in totals.items() if 'word lists' in k)} word lists")


if __name__ == "__main__":
    main()
