"""The second country in the dashboard: every page and the API read Mali from its pack, as they read Tajikistan.

The browser tests open Mali's pages in headless Chromium on one served copy of the demo store (module-scoped) and
assert what a reader sees: the country's own name, alerts, markers, watch-plan questions and partners, events
abroad marked as abroad, names inside the actor drawing, and no console errors.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import CHROMIUM, LiveServer, Watched
from watchfloor.web import create_app

in_browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (make test installs it)")
FIRST_COUNTRY_WORDS = re.compile(r"Tajik|Dushanbe|Rahmon|ISKP", re.IGNORECASE)
"""The first country's words: none belongs on a Mali page."""
MALI_REPORT = """Mali under the junta, 2025

On 17 September 2023, JNIM gunmen struck the gendarmerie training school in Bamako and the military zone of the
city's airport; more than seventy people were killed.
"""


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


def test_api_says_which_events_were_abroad(client: TestClient) -> None:
    """The pack files ECOWAS's Accra summit under Mali; it took place in Ghana, and the API says so."""
    events = client.get("/api/events?country=MLI&since=2021-05-30&until=2021-05-30").json()["events"]
    accra = next(e for e in events if e["location"] == "Accra")
    assert accra["country"] == "MLI" and accra["abroad"] is True
    bamako = client.get("/api/events?country=MLI&since=2024-09-17&until=2024-09-17").json()["events"]
    assert bamako and not any(e["abroad"] for e in bamako)


# --- in a real browser -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    store = tmp_path_factory.mktemp("mali") / "store.duckdb"
    shutil.copy(_demo_template, store)
    app = create_app(store, snapshot_dir=tmp_path_factory.mktemp("snap"), refresh_seconds=3600,
                     brief_dir=tmp_path_factory.mktemp("briefs"))
    with LiveServer(app) as live:
        yield live
    app.state.web.snapshots.close()


def open_page(watched: Watched, server: LiveServer, path: str) -> str:
    """Go to a Mali page, wait for it to settle, and return the text of its <main>."""
    sep = "&" if "?" in path else "?"
    response = watched.page.goto(f"{server.url}{path}{sep}country=MLI")
    assert response is not None and response.status == 200, path
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.locator("#country-select").input_value() == "MLI"
    return str(watched.page.locator("main").inner_text())


@pytest.mark.parametrize(("path", "heading"), [
    ("/", "Mali"), ("/timeline", "Timeline: Mali"), ("/actors", "Actors: Mali"), ("/map", "Map: Mali"),
    ("/indicators", "Indicators: Mali"), ("/briefs", "Briefs: Mali"), ("/check", "Check a report"),
    ("/sources?scope=country", "Sources: Mali")])
@pytest.mark.browser
@in_browser
def test_mali_pages_name_mali_and_nothing_of_the_first_country(server: LiveServer, watched: Watched, path: str,
                                                               heading: str) -> None:
    main = open_page(watched, server, path)
    assert watched.page.locator("h1").first.inner_text() == heading
    assert not FIRST_COUNTRY_WORDS.search(main), FIRST_COUNTRY_WORDS.search(main)
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_overview_shows_malis_risk_alerts_and_latest_events(server: LiveServer, watched: Watched) -> None:
    page = watched.page
    alerts = page.request.get(f"{server.url}/api/alerts?country=MLI").json()["alerts"]
    events = page.request.get(f"{server.url}/api/events?country=MLI&limit=1000").json()
    main = open_page(watched, server, "/")
    cards = page.locator("section.cards .card")
    assert re.fullmatch(r"\d+\.\d", cards.nth(0).locator(".big").inner_text().split()[0])  # a risk score
    assert page.locator("svg.spark circle").count() >= 5  # its trend, a dot a year
    assert cards.nth(1).locator(".big").inner_text() == f"{events['total']:,}"
    assert cards.nth(2).locator(".big").inner_text() == str(len(alerts))
    assert page.locator("ul.alerts li").count() == len(alerts) > 0
    assert "September 2024: 70 fatalities" in main  # the Bamako attacks' month is among the spikes
    assert page.locator(".figure svg").count() == 1  # events over time, drawn
    assert "Mali: events per year" in page.locator(".figure").inner_text()
    newest = max(events["events"], key=lambda e: e["date"])
    assert page.locator("article.event p").first.inner_text() == newest["summary"]
    assert "GDP per capita" in page.locator("table.data").first.inner_text()  # the drivers, from Mali's figures
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_map_draws_malis_markers_and_counts_events_abroad_where_they_were(server: LiveServer,
                                                                          watched: Watched) -> None:
    open_page(watched, server, "/map")
    page = watched.page
    figure = page.locator(".figure.map")
    assert figure.locator("svg").count() == 1
    text = figure.inner_text()
    assert "Mali: where events happened" in text
    assert "Bamako (" in text  # the busiest place, named beside its marker
    assert figure.locator("svg g[id^=PathCollection]").count() >= 20  # a marker for each place
    assert re.search(r"Elsewhere: USA \d+, FRA \d+", text), text  # counted where they took place …
    assert "MLI" not in text.split("Elsewhere:")[1]  # … never under Mali itself
    page.locator("details summary").first.click()
    assert page.locator("table.data tbody tr").count() == 100
    abroad = {t.removeprefix("abroad: ") for t in page.locator("table.data .abroad").all_inner_texts()}
    assert {"Niger", "Nigeria", "Algeria"} <= abroad and "Mali" not in abroad
    assert page.locator("table.data tbody tr", has_text="Bamako").first.locator(".abroad").count() == 0
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_timeline_marks_events_abroad_and_offers_malis_own_group(server: LiveServer, watched: Watched) -> None:
    main = open_page(watched, server, "/timeline?since=2021-05&until=2021-06")
    page = watched.page
    assert page.locator("form.filters input[name=actor]").get_attribute("placeholder") == "name or id, e.g. JNIM"
    accra = page.locator("article.event", has_text="emergency summit in Accra")
    assert accra.locator(".abroad").inner_text() == "abroad: Ghana"
    paris = page.locator("article.event", has_text="France suspended joint military operations")
    assert paris.locator(".abroad").inner_text() == "abroad: France"
    assert page.locator("article.event", has_text="Kati base").locator(".abroad").count() == 0
    assert main.count("abroad:") == 2
    page.fill("form.filters input[name=actor]", "JNIM")
    page.fill("form.filters input[name=since]", "2024-09")
    page.fill("form.filters input[name=until]", "2024-09")
    with page.expect_navigation():
        page.click(".filters button[type=submit]")
    assert "gendarmerie training school" in page.locator("section.timeline").inner_text()
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_actor_graph_shows_malis_partners_with_every_name_inside_it(server: LiveServer, watched: Watched) -> None:
    open_page(watched, server, "/actors")
    page = watched.page
    names = {t.strip() for t in page.locator("#actor-graph .labels text").all_text_contents()}
    partners = {"France", "Russia", "Algeria", "United States", "Economic Community of West…", "Wagner Group",
                "Africa Corps", "Jama'at Nusrat al-Islam wal…"}
    assert partners <= names, partners - names
    width, height = (float(v) for v in (page.locator("#actor-graph").get_attribute("viewBox") or "").split()[2:])
    boxes = page.evaluate("() => [...document.querySelectorAll('#actor-graph .labels text')].map(t => {"
                          " const b = t.getBBox(); return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; })")
    outside = [b[0] for b in boxes if b[1] < 0 or b[2] < 0 or b[3] > width or b[4] > height]
    assert outside == [], outside
    link = page.locator("table.edges a[data-edge]", has_text="attacked").first
    link.click()
    page.locator("#edge-events article.event").first.wait_for()
    assert "attacked" in page.locator("#edge-events h2").inner_text()
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_indicator_board_lists_malis_watch_plan(server: LiveServer, watched: Watched) -> None:
    from watchfloor.analyse.watchplan import bundled_plan

    plan = bundled_plan("MLI")
    main = open_page(watched, server, "/indicators")
    page = watched.page
    assert page.locator("section.indicator-question h2").all_inner_texts() == [q.question for q in plan.questions]
    rows = page.locator("table.indicators tbody tr")
    assert rows.count() == sum(len(q.indicators) for q in plan.questions)
    for q in plan.questions:
        for ind in q.indicators:
            assert ind.name in main
    met = page.locator("table.indicators tbody tr", has_text="Blockades and curfews")
    met.locator("details summary").click()
    assert met.locator("details li").count() >= 1
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_sources_page_narrows_to_malis_sources(server: LiveServer, watched: Watched) -> None:
    open_page(watched, server, "/sources")
    page = watched.page
    every = page.locator("table.sources tbody tr").count()
    with page.expect_navigation():
        page.click("#scope-country")
    assert page.locator("h1").inner_text() == "Sources: Mali"
    mine = page.locator("table.sources tbody tr").count()
    assert 150 <= mine < every
    assert not FIRST_COUNTRY_WORDS.search(page.locator("table.sources").inner_text())
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_check_page_finds_the_wrong_date_in_a_mali_report(server: LiveServer, watched: Watched) -> None:
    open_page(watched, server, "/check")
    page = watched.page
    page.fill("#report-text", MALI_REPORT)
    with page.expect_navigation(timeout=120_000):
        page.click("#check-submit")
    assert page.locator("h1").inner_text() == "Check: pasted report"
    assert page.locator("#country-select").input_value() == "MLI"
    page.locator("#report [data-finding]", has_text="17 September 2023").first.click()
    active = page.locator(".finding-card.active").first
    active.wait_for()
    assert "wrong date" in active.inner_text().lower()
    assert "17 September 2024" in active.inner_text()
    assert watched.problems == []


@pytest.mark.browser
@in_browser
def test_writing_a_mali_brief_from_the_page(server: LiveServer, watched: Watched) -> None:
    open_page(watched, server, "/briefs")
    page = watched.page
    page.fill("#brief-form input[name=since]", "2024-09")
    page.fill("#brief-form input[name=until]", "2024-09")
    page.click("#brief-form button[type=submit]")
    page.wait_for_selector("#brief-job", timeout=10_000)
    assert page.locator("#brief-job h2").inner_text() == "Writing the brief on Mali…"
    page.wait_for_selector("#brief-frame", timeout=180_000)
    page.wait_for_load_state("networkidle")
    body = page.frame_locator("#brief-frame").locator("body")
    text = body.inner_text()
    assert "Mali" in text and "JNIM" in text and "Bamako" in text
    assert not FIRST_COUNTRY_WORDS.search(text)
    listed = page.locator("#written-briefs tbody tr")
    assert listed.count() == 1 and "Mali" in listed.first.inner_text()
    assert watched.problems == []
