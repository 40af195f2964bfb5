"""The second country in the dashboard: every page and the API read Mali from its pack, as they read Tajikistan."""

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/", "/timeline", "/actors", "/map", "/indicators"])
def test_pages_show_mali(client: TestClient, path: str) -> None:
    r = client.get(f"{path}?country=mali")
    assert r.status_code == 200, r.text[:300]
    assert "Mali" in r.text


def test_api_reads_mali(client: TestClient) -> None:
    events = client.get("/api/events?country=MLI&since=2024-09&until=2024-09").json()
    assert events["total"] >= 4
    assert any("Bamako" in (e["summary"] + (e["location"] or "")) for e in events["events"])
    risk = client.get("/api/risk/MLI").json()
    assert any((y["score"] or 0) > 0 for y in risk["years"])
    actors = client.get("/api/actors/MLI").json()
    assert len(actors["nodes"]) > 20
    alerts = client.get("/api/alerts?country=MLI").json()
    assert alerts["alerts"] and all(a["country"] == "MLI" for a in alerts["alerts"])
