import json
from pathlib import Path

from tests.conftest import FACTS


def test_demo_then_timeline_json(cli, db_path: Path) -> None:
    first = cli("--db", db_path, "demo", "--no-brief")
    assert first.code == 0 and "202 new events" in first.out
    again = cli("--db", db_path, "demo", "--no-brief")
    assert again.code == 0 and "already loaded" in again.out
    out = cli("--db", db_path, "timeline", "tajikistan", "--format", "json")
    events = json.loads(out.out)["events"]
    assert len(events) >= 40
    assert all(e["sources"] and e["sources"][0]["url"].startswith("http") for e in events)
    assert {"id", "date", "date_precision", "type", "country", "location", "actors", "counts", "summary",
            "sources"} <= set(events[0])


def test_country_accepts_names_and_codes(cli, demo_db_path: Path) -> None:
    counts = {len(json.loads(cli("--db", demo_db_path, "timeline", c, "-f", "json").out)["events"])
              for c in ("tajikistan", "TJ", "TJK", "Republic of Tajikistan")}
    assert len(counts) == 1


def test_timeline_filters(cli, demo_db_path: Path) -> None:
    out = cli("--db", demo_db_path, "timeline", "TJK", "--since", "2024-06", "--until", "2024-06", "--type",
              "arrest", "-f", "json")
    events = json.loads(out.out)["events"]
    assert events and all(e["date"].startswith("2024-06") and e["type"] == "arrest" for e in events)
    assert any("eight Tajik" in e["summary"] for e in events)


def test_unknown_country_is_a_clean_error(cli, demo_db_path: Path) -> None:
    res = cli("--db", demo_db_path, "timeline", "narnia")
    assert res.code == 2
    assert "unknown country 'narnia'" in res.err and "Traceback" not in res.err


def test_bad_fact_file_names_line_two_and_stores_nothing(cli, db_path: Path, tmp_path: Path) -> None:
    good = FACTS.read_text().splitlines()[0]
    bad = json.loads(good) | {"date": "2024-02-31"}
    path = tmp_path / "bad.jsonl"
    path.write_text(good + "\n" + json.dumps(bad) + "\n")
    res = cli("--db", db_path, "import", path)
    assert res.code == 2
    assert "line 2" in res.err and "'date'" in res.err and "2024-02-31" in res.err
    assert "Traceback" not in res.err
    out = cli("--db", db_path, "timeline", "tajikistan", "-f", "json")
    assert json.loads(out.out)["events"] == []


def test_sources_and_entities(cli, demo_db_path: Path) -> None:
    sources = json.loads(cli("--db", demo_db_path, "sources", "-f", "json").out)["sources"]
    assert len(sources) >= 150 and all(s["reliability"] in "ABCDEF" for s in sources)
    groups = json.loads(cli("--db", demo_db_path, "entities", "--kind", "armed_group", "-f", "json").out)
    iskp = next(e for e in groups["entities"] if e["name"] == "Islamic State Khorasan Province")
    assert {"ISIS-K", "ISKP", "IS-K", "IS-KP", "Vilayat Khorasan"} <= set(iskp["aliases"])


def test_missing_store_is_a_clean_error(cli, tmp_path: Path) -> None:
    res = cli("--db", tmp_path / "none.duckdb", "sources")
    assert res.code == 2 and "no store at" in res.err and "watchfloor demo" in res.err


def test_reset_needs_yes(cli, demo_db_path: Path) -> None:
    res = cli("--db", demo_db_path, "demo", "--reset", "--yes", "--no-brief")
    assert res.code == 0 and "202 new events" in res.out


def test_an_os_error_is_one_message_and_exit_2(cli, demo_db_path) -> None:
    res = cli("--db", demo_db_path, "export", "tajikistan", "-o", "/dev/full")
    assert res.code == 2
    assert "could not read or write" in res.err and "no space left on device" in res.err
    assert "Traceback" not in res.err


def test_alerts_table_says_where(cli, demo_db_path) -> None:
    res = cli("--db", demo_db_path, "alerts", "tajikistan")
    row = next(line for line in res.out.splitlines() if "2024-03" in line and "fatalities" in line)
    assert "abroad (RUS)" in row and "144" in row
