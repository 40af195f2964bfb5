"""The risk, actors, alerts and relation commands, end to end."""

import io
import json

import networkx as nx

from tests.analyse import gdelt_rows


def test_risk_json(cli, demo_db_path):
    r = cli("--db", demo_db_path, "risk", "tajikistan", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["country"] == "TJK" and sum(1 for y in data["years"] if y["score"] > 0) >= 3
    assert data["drivers"] and all(d["source"] for d in data["drivers"])
    assert set(data["years"][0]) >= {"year", "incidents", "fatalities", "injuries", "hostages", "raw", "score"}


def test_risk_table_and_plot(cli, demo_db_path, tmp_path):
    r = cli("--db", demo_db_path, "risk", "TJ", "--years", "5", "--plot", tmp_path / "risk.png")
    assert r.code == 0, r.err
    assert "2025" in r.out and "Share of external debt owed to China" in r.out
    assert (tmp_path / "risk.png").read_bytes()[:4] == b"\x89PNG"


def test_risk_errors(cli, demo_db_path, tmp_path):
    r = cli("--db", demo_db_path, "risk", "atlantis")
    assert r.code == 2 and "unknown country 'atlantis'" in r.err
    r = cli("--db", demo_db_path, "risk", "tj", "--plot", tmp_path / "x.gif")
    assert r.code == 2 and "end the file name with .svg or .png" in r.err
    assert cli("--db", demo_db_path, "risk", "tj", "--years", "0").code == 2


def test_actors_json_and_graphml(cli, demo_db_path, tmp_path):
    r = cli("--db", demo_db_path, "actors", "tajikistan", "--format", "json")
    assert r.code == 0, r.err
    names = {n["name"] for n in json.loads(r.out)["nodes"]}
    assert {"China", "Russia", "United States"} <= names
    r = cli("--db", demo_db_path, "actors", "tajikistan", "--since", "2024", "--format", "graphml",
            "--plot", tmp_path / "g.svg")
    assert r.code == 0, r.err
    g = nx.read_graphml(io.StringIO(r.out))
    assert "country:RUS" in g.nodes
    assert (tmp_path / "g.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    r = cli("--db", demo_db_path, "actors", "tajikistan", "--since", "2024")
    assert r.code == 0 and "owes debt to" in r.out


def test_alerts_cli(cli, demo_db_path, tmp_path):
    r = cli("--db", demo_db_path, "alerts", "tajikistan", "--format", "json", "--plot", tmp_path / "a.png")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["rule"] and any(a["month"] == "2024-03" for a in data["alerts"])
    r = cli("--db", demo_db_path, "alerts")
    assert r.code == 0 and "Rule:" in r.out
    assert cli("--db", demo_db_path, "alerts", "--plot", tmp_path / "b.png").code == 2


def test_relation_cli(cli, db_path, tmp_path):
    from watchfloor.store import Store

    path = tmp_path / "x.export.CSV"
    path.write_text(gdelt_rows.line(1, "20240105", "TJK", "CHN", 4.0, 10, 2.5) + "\n", encoding="utf-8")
    with Store.open(db_path) as store:
        gdelt_rows.load(store, path)
    r = cli("--db", db_path, "relation", "TJK", "CHN", "--format", "json", "--plot", tmp_path / "r.svg")
    assert r.code == 0, r.err
    assert json.loads(r.out)["months"][0] == {"month": "2024-01", "events": 1, "goldstein": 4.0, "tone": 2.5,
                                              "mentions": 10, "a_to_b": 1, "b_to_a": 0}
    r = cli("--db", db_path, "relation", "tajikistan", "russia")
    assert r.code == 0 and "import a GDELT" in r.out
