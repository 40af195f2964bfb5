"""Every page answers with real data from the demo store, in the shared frame."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from watchfloor.web.optional import lib

PAGES = ["/", "/timeline", "/actors", "/map", "/indicators", "/briefs", "/check", "/sources"]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_nav_and_country_selector(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    nav = re.search(r'<nav aria-label="Pages">(.*?)</nav>', r.text, re.S)
    assert nav is not None
    assert re.findall(r">(\w+)</a>", nav.group(1)) == ["Overview", "Timeline", "Actors", "Map", "Indicators",
                                                      "Briefs", "Check", "Sources"]
    assert '<option value="TJK" selected>Tajikistan</option>' in r.text
    assert "/static/watchfloor.css" in r.text
    loaded = re.findall(r'<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)="([^"]*)"', r.text)
    assert loaded and all(url.startswith("/") for url in loaded), loaded  # nothing from a CDN or elsewhere


def test_overview_shows_latest_events_and_counts(client: TestClient, demo_counts: dict[str, int]) -> None:
    html = client.get("/").text
    assert "<h1>Tajikistan</h1>" in html
    assert f"{demo_counts['tjk']} events involve Tajikistan" in html
    assert html.count('<article class="event"') == 8
    assert "Crocus" in client.get("/timeline?since=2024-03&until=2024-03").text


@pytest.mark.skipif(lib("watchfloor.analyse.risk", "risk_report") is None, reason="risk module not built yet")
def test_overview_shows_risk_score_and_drivers(client: TestClient) -> None:
    html = client.get("/").text
    assert "Risk score" in html and "/ 10" in html
    assert "Personal remittances" in html  # a driver from the World Bank figures in the pack


def test_country_selector_switches_country(client: TestClient) -> None:
    html = client.get("/?country=kyrgyzstan").text
    assert "<h1>Kyrgyzstan</h1>" in html
    assert '<option value="KGZ" selected>Kyrgyzstan</option>' in html


def test_unknown_country_is_a_clear_404(client: TestClient) -> None:
    r = client.get("/?country=Atlantis")
    assert r.status_code == 404
    assert "unknown country &#39;Atlantis&#39;" in r.text


def test_timeline_filters_by_period_type_and_actor(client: TestClient) -> None:
    html = client.get("/timeline?since=2024-03&until=2024-03&type=attack").text
    assert "1 event, oldest first" in html
    assert "Crocus City Hall" in html
    assert "22 March 2024" in html
    by_actor = client.get("/timeline?actor=Islamic+State+Khorasan").text
    assert "Crocus City Hall" in by_actor
    assert by_actor.count('<article class="event"') < 60
    bad = client.get("/timeline?since=March")
    assert bad.status_code == 400
    assert "write dates as 2024, 2024-06 or 2024-06-11" in bad.text


def test_timeline_shows_each_events_sources(client: TestClient) -> None:
    html = client.get("/timeline?since=2024-03-22&until=2024-03-22").text
    assert 'class="srcs"' in html
    assert "vlast.kz" in html
    assert 'class="grade gC"' in html  # publishers.json grades Vlast.kz, a named news outlet, C


def test_timeline_pages(client: TestClient, demo_counts: dict[str, int]) -> None:
    n = demo_counts["tjk"]
    first = client.get("/timeline").text
    assert f"Page 1 of {-(-n // 100)} ({n} events)" in first
    second = client.get("/timeline?page=2").text
    assert f"showing 101–{min(200, n)}" in second


def test_sources_page_lists_grades_and_use(client: TestClient, demo_counts: dict[str, int]) -> None:
    html = client.get("/sources").text
    assert f"{demo_counts['sources']} sources" in html
    assert "usually reliable" in html
    only_b = client.get("/sources?grade=B").text
    assert f"{demo_counts['b']} sources graded B" in only_b
    assert only_b.count('class="grade gB"') == demo_counts["b"] + 1  # the rows, and the filter chip


def test_source_page_shows_what_rests_on_it(client: TestClient) -> None:
    sources = client.get("/api/sources").json()["sources"]
    radio = next(s for s in sources if s["publisher"] == "Radio Ozodi (RFE/RL)" and s["events"] >= 2)
    html = client.get(f"/sources/{radio['id']}").text
    assert f"{radio['events']} events, {radio['documents']} document" in html
    assert html.count('<article class="event"') == radio["events"]
    assert "debt to China" in html
    assert client.get("/sources/no-such-source").status_code == 404


@pytest.mark.skipif(lib("watchfloor.analyse.actors", "actor_graph") is None, reason="actor graph not built yet")
def test_actors_page_draws_graph_and_opens_an_edge(client: TestClient) -> None:
    html = client.get("/actors").text
    assert '<svg id="actor-graph"' in html
    assert html.count('class="edge ') > 10
    graph = client.get("/api/actors/TJK").json()
    i, edge = next((i, e) for i, e in enumerate(graph["edges"]) if e["type"] == "arrested" and e["events"])
    opened = client.get(f"/actors?edge={i}").text
    section = opened[opened.index('id="edge-events"'):]
    assert section.count('<article class="event"') == len(edge["events"])


@pytest.mark.skipif(lib("watchfloor.analyse.figures", "event_map") is None, reason="maps not built yet")
def test_map_page_inlines_the_map(client: TestClient) -> None:
    html = client.get("/map").text
    assert "<svg" in html and "Dushanbe" in html
    assert "<script" not in html.split("<main>", 1)[1]


@pytest.mark.skipif(lib("watchfloor.brief", "write_brief") is None, reason="briefs not built yet")
def test_brief_written_read_and_downloaded(client: TestClient) -> None:
    page = client.get("/briefs?since=2024-06&until=2024-06&write=1").text
    assert 'id="brief-frame"' in page
    view = client.get("/briefs/view?country=TJK&since=2024-06&until=2024-06")
    assert view.status_code == 200 and "arrested eight Tajik nationals" in view.text
    md = client.get("/briefs/download?format=md&country=TJK&since=2024-06&until=2024-06")
    assert md.headers["content-disposition"] == 'attachment; filename="brief-tjk-2024-06-2024-06.md"'
    assert md.text.startswith("# ")
    html = client.get("/briefs/download?format=html&country=TJK&since=2024-06&until=2024-06")
    assert html.text.lstrip().lower().startswith("<!doctype html>")
    pdf = client.get("/briefs/download?format=pdf&country=TJK&since=2024-06&until=2024-06")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")


def test_healthz_and_static(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    css = client.get("/static/watchfloor.css")
    assert css.status_code == 200 and "--navy" in css.text
    assert client.get("/static/favicon.svg").status_code == 200


def test_indicators_page_shows_the_board_with_its_events(client: TestClient) -> None:
    html = client.get("/indicators?country=TJK").text
    assert "18 of 25 indicators met" in html and "evidence to 2026-04-17" in html
    assert "Is China becoming a security actor on the Afghan border?" in html
    row = html[html.index("Attacks from Afghan territory that killed Chinese workers"):]
    row = row[:row.index("</tr>")]
    assert "2 events" in row and "status-met" in html and "Shohin SM" in row
    quiet = html[html.index("A Chinese security presence on the border"):]
    quiet = quiet[:quiet.index("</tr>")]
    assert "not met" in quiet and "2024-04-18 to 2026-04-17" in quiet
    other = client.get("/indicators?country=kyrgyzstan").text
    assert "Kyrgyzstan has no watch plan yet" in other


def test_overview_alerts_say_when_the_toll_was_abroad(client: TestClient) -> None:
    html = client.get("/?country=TJK").text
    alerts = html[html.index("<h2>Alerts</h2>"):]
    assert "144 fatalities abroad (RUS)" in alerts
