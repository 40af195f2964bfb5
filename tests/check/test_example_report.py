"""The example report, checked through the CLI against the demo store: the contract and the three errors."""

import json
from pathlib import Path

KEY_SUFFIX = ".key.json"
TRUE_STATEMENTS = [
    "eight Tajik nationals in New York, Los Angeles and Philadelphia", "three of the eight had been removed",
    "at least 144 people", "954 of its citizens", "more than 17,000 Tajik migrants", "about 48 percent of GDP",
    "Vakhon village", "comprehensive strategic cooperative partnership", "201st military base",
    "Collective Security Treaty Organization",
]


def _key(example_path: Path) -> list[dict]:
    return json.loads(example_path.with_name(example_path.stem + KEY_SUFFIX).read_text(encoding="utf-8"))["errors"]


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


def test_the_three_planted_errors_with_their_evidence_and_no_false_ones(cli, demo_db_path: Path,
                                                                        example_path: Path) -> None:
    data = json.loads(cli("--db", demo_db_path, "check", example_path, "-f", "json").out)
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    key = _key(example_path)
    assert len(key) == 3
    for planted in key:
        hits = [f for f in errors if planted["quote"] in f["quote"] and f["kind"] == planted["kind"]]
        assert hits, planted["quote"]
        assert planted["event"] in {e.get("event") for e in hits[0]["evidence"]}, planted["quote"]
    crocus = next(f for f in errors if f["kind"] == "wrong_date")
    assert "22 March 2024" in crocus["message"]
    debt = next(f for f in errors if f["kind"] == "wrong_number")
    assert "28.1%" in debt["message"] and "2022" in debt["message"]
    for phrase in TRUE_STATEMENTS:
        assert not any(phrase in f["quote"] for f in errors), phrase
    assert len(errors) == len(key)


def test_text_and_html_formats(cli, demo_db_path: Path, example_path: Path, tmp_path: Path) -> None:
    text = cli("--db", demo_db_path, "check", example_path)
    assert "ERRORS" in text.out and "Crocus City Hall" in text.out and "NOTES" in text.out
    out = tmp_path / "check.html"
    res = cli("--db", demo_db_path, "check", example_path, "--format", "html", "-o", out)
    page = out.read_text(encoding="utf-8")
    assert res.out == "" and "wrote" in res.err
    assert page.startswith("<!doctype html>") and '<mark class="error"' in page
    assert "<link" not in page and 'src="http' not in page
