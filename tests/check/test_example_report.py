"""The example report, checked through the CLI against the demo store: the contract and the three errors."""

import json
from pathlib import Path

TRUE_STATEMENTS = [
    "arrested eight Tajik nationals", "Los Angeles, New York, and Philadelphia", "independence in 1991",
    "from 1992 to 1997", "Collective Security Treaty Organization", "201st base",
]


def test_cli_json_follows_the_contract(cli, demo_db_path: Path, example_path: Path, tmp_path: Path,
                                       validate) -> None:
    res = cli("--db", demo_db_path, "check", example_path, "--format", "json")
    assert res.code in (0, 1)
    data = json.loads(res.out)
    out = tmp_path / "check.json"
    out.write_text(res.out, encoding="utf-8")
    assert validate.check_report(str(example_path), str(out)) == []
    text = example_path.read_text(encoding="utf-8")
    for f in data["findings"]:
        assert text[f["start"]:f["end"]] == f["quote"]
    for c in data["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]
    assert data["report"] == example_path.name
    s = data["summary"]
    assert s["errors"] == sum(f["severity"] == "error" for f in data["findings"]) >= 3
    assert s["claims"] == len(data["claims"]) and s["supported"] >= 10


def test_the_three_known_errors_and_no_false_ones(cli, demo_db_path: Path, example_path: Path) -> None:
    data = json.loads(cli("--db", demo_db_path, "check", example_path, "-f", "json").out)
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    crocus = [f for f in errors if f["kind"] == "wrong_date" and "2023" in f["quote"] and "Crocus" in f["quote"]]
    assert crocus and crocus[0]["evidence"][0]["date"] == "2024-03-22"
    assert "22 March 2024" in crocus[0]["message"]
    charges = [f for f in errors if "terrorism charges" in f["quote"].lower()]
    assert charges and all(any("none of the detained men have been charged" in r["quote"] for r in f["related"])
                           or f["evidence"] for f in charges)
    assert any("without terrorism charges" in e["fact"] for f in charges for e in f["evidence"])
    debt = [f for f in errors if f["kind"] == "wrong_number" and "60%" in f["quote"]]
    assert debt and "28.1%" in debt[0]["message"] and "2022" in debt[0]["message"]
    assert {e["date"] for e in debt[0]["evidence"]} >= {"2024-01-01", "2022-01-01"}
    for phrase in TRUE_STATEMENTS:
        assert not any(phrase in f["quote"] for f in errors), phrase
    assert len(errors) == len(crocus) + len(charges) + len(debt)


def test_text_and_html_formats(cli, demo_db_path: Path, example_path: Path, tmp_path: Path) -> None:
    text = cli("--db", demo_db_path, "check", example_path)
    assert "ERRORS" in text.out and "Crocus City Hall" in text.out and "WARNINGS" in text.out
    out = tmp_path / "check.html"
    res = cli("--db", demo_db_path, "check", example_path, "--format", "html", "-o", out)
    page = out.read_text(encoding="utf-8")
    assert res.out == "" and "wrote" in res.err
    assert page.startswith("<!doctype html>") and '<mark class="error"' in page
    assert "<link" not in page and 'src="http' not in page
