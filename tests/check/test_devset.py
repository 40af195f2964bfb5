"""The development set: every report's output passes the contract validator; recall and precision hold."""

import json
from pathlib import Path

import pytest

from tests.check.conftest import KEY, REPORTS
from watchfloor.check import check_file
from watchfloor.store import Store


@pytest.fixture(scope="module")
def results(demo_db_path_module: Path) -> dict:
    with Store.open(demo_db_path_module, read_only=True) as store:
        return {name: check_file(store, REPORTS / name) for name in KEY}


@pytest.fixture(scope="module")
def demo_db_path_module(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    path = tmp_path_factory.mktemp("devset") / "demo.duckdb"
    shutil.copy(_demo_template, path)
    return path


def test_every_report_passes_the_contract_validator(results: dict, validate, tmp_path: Path) -> None:
    for name, (_text, report) in results.items():
        out = tmp_path / f"{name}.json"
        out.write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
        assert validate.check_report(str(REPORTS / name), str(out)) == [], name


def test_recall_precision_and_clean_reports(results: dict) -> None:
    planted = found = false = 0
    for name, entry in KEY.items():
        text, report = results[name]
        spans = [(text.index(p["quote"]), text.index(p["quote"]) + len(p["quote"])) for p in entry["errors"]]
        hit: set[int] = set()
        for f in report.errors:
            own = [(f.start, f.end)] + [(r.start, r.end) for r in f.related]
            matched = [i for i, (a, b) in enumerate(spans) if any(s < b and a < e for s, e in own)]
            hit |= set(matched)
            false += not matched
        planted += len(spans)
        found += len(hit)
        if entry["clean"]:
            assert report.errors == [], name
    assert planted >= 30 and sum(entry["clean"] for entry in KEY.values()) >= 2
    assert found / planted >= 0.65  # the fitted scorer trades dev recall (0.933 → 0.693) for precision
    assert found / (found + false) >= 0.9


def test_key_quotes_are_exact_and_unique() -> None:
    for name, entry in KEY.items():
        text = (REPORTS / name).read_text(encoding="utf-8")
        assert 150 <= len(text.split()) <= 600, name
        for p in entry["errors"]:
            assert text.count(p["quote"]) == 1, (name, p["quote"])
