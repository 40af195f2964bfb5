"""The JSON API: same data as the CLI's --format json, described at /openapi.json."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from watchfloor.web.optional import lib


def test_events_for_a_country_paginated(client: TestClient, demo_counts: dict[str, int]) -> None:
    n = demo_counts["tjk"]
    assert 150 < n < 300
    body = client.get("/api/events?country=TJK").json()
    assert body["country"] == "TJK" and body["total"] == n and body["limit"] == 100 and body["offset"] == 0
    assert len(body["events"]) == 100
    first = body["events"][0]
    assert first["date"] == "1991-09-09" and first["type"] == "independence"
    assert first["sources"][0]["reliability"] == "D"
    rest = client.get("/api/events?country=tajikistan&limit=100&offset=100").json()
    assert len(rest["events"]) == min(100, n - 100) and rest["total"] == n
    ids = {e["id"] for e in body["events"]} | {e["id"] for e in rest["events"]}
    assert len(ids) == min(200, n)


def test_events_match_the_cli_timeline(client: TestClient, cli, demo_db_path) -> None:
    import json

    out = cli("--db", demo_db_path, "timeline", "tj", "--since", "2024-03", "--until", "2024-04", "--format", "json")
    api = client.get("/api/events?country=TJK&since=2024-03&until=2024-04").json()
    assert api["events"] == json.loads(out.out)["events"]


def test_events_filters(client: TestClient) -> None:
    attacks = client.get("/api/events?country=TJK&type=attack&since=2024&until=2024").json()
    assert attacks["total"] >= 1 and {e["type"] for e in attacks["events"]} == {"attack"}
    assert all(e["date"].startswith("2024") for e in attacks["events"])
    crocus = next(e for e in attacks["events"] if "Crocus" in e["summary"])
    by_id = client.get(f"/api/events?ids={crocus['id']}").json()
    assert [e["id"] for e in by_id["events"]] == [crocus["id"]]
    assert client.get("/api/events?country=TJK&limit=5000").status_code == 422
    bad = client.get("/api/events?since=yesterday")
    assert bad.status_code == 400 and "since 'yesterday'" in bad.json()["detail"]
    assert client.get("/api/events?country=Atlantis").status_code == 404


def test_sources_and_entities(client: TestClient, demo_counts: dict[str, int]) -> None:
    sources = client.get("/api/sources").json()["sources"]
    assert len(sources) == demo_counts["sources"]
    assert {"id", "title", "publisher", "url", "reliability", "events", "documents", "observations"} <= set(sources[0])
    groups = client.get("/api/entities?kind=armed_group&used=true").json()["entities"]
    iskp = next(g for g in groups if g["name"] == "Islamic State Khorasan Province")
    assert "ISKP" in iskp["aliases"] and iskp["events"] > 5


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/events", "/api/sources", "/api/entities", "/api/risk/{country}", "/api/actors/{country}",
            "/api/alerts", "/api/check"} <= paths
    assert not any(not p.startswith("/api") for p in paths)  # pages are not part of the API
    event = spec["components"]["schemas"]["Event"]
    assert {"id", "date", "type", "summary", "sources"} <= set(event["properties"])
    assert client.get("/docs").status_code == 404  # the Swagger page would load from a CDN


@pytest.mark.skipif(lib("watchfloor.analyse.risk", "risk_report") is None, reason="risk module not built yet")
def test_risk(client: TestClient) -> None:
    risk = client.get("/api/risk/tajikistan").json()
    assert risk["country"] == "TJK"
    assert risk["years"] and all(0 <= y["score"] <= 10 for y in risk["years"])


@pytest.mark.skipif(lib("watchfloor.analyse.actors", "actor_graph") is None, reason="actor graph not built yet")
def test_actors(client: TestClient) -> None:
    graph = client.get("/api/actors/TJK?since=2024&until=2024").json()
    assert graph["country"] == "TJK"
    names = {n["name"] for n in graph["nodes"]}
    assert "Islamic State Khorasan Province" in names
    assert all(e["events"] or e["type"] != "co_occurs" for e in graph["edges"])


@pytest.mark.skipif(lib("watchfloor.analyse.alerts", "alerts") is None, reason="alerts not built yet")
def test_alerts(client: TestClient) -> None:
    body = client.get("/api/alerts?country=TJK").json()
    assert body["country"] == "TJK"
    crocus = [a for a in body["alerts"] if a["month"] == "2024-03" and a["metric"] == "fatalities"]
    assert crocus and crocus[0]["value"] >= 144
