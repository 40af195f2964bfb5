"""A real browser (Debian's Chromium, headless) on the dashboard: pages, the check flow, hostile text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import CHROMIUM, HOSTILE, LiveServer, Watched
from watchfloor.web import create_app
from watchfloor.web.optional import lib

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (make test installs it)")]

PAGES = [("/", "Tajikistan"), ("/timeline", "Timeline: Tajikistan"), ("/actors", "Actors: Tajikistan"),
         ("/map", "Map: Tajikistan"), ("/briefs", "Briefs: Tajikistan"), ("/check", "Check a report"),
         ("/sources", "Sources"),
         ("/actors?edge=3", "Actors: Tajikistan"), ("/timeline?page=2", "Timeline: Tajikistan")]


@pytest.fixture(scope="module")
def server(hostile_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    app = create_app(hostile_store, snapshot_dir=tmp_path_factory.mktemp("snap"), refresh_seconds=3600,
                     brief_dir=tmp_path_factory.mktemp("briefs"))
    with LiveServer(app) as live:
        yield live
    app.state.web.snapshots.close()


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_loads_without_console_errors(server: LiveServer, watched: Watched, path: str, heading: str) -> None:
    response = watched.page.goto(server.url + path)
    assert response is not None and response.status == 200
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.locator("h1").first.inner_text().startswith(heading)
    assert watched.page.locator("nav[aria-label=Pages] a.on").count() == 1
    assert watched.problems == []


def test_country_selector_changes_page(server: LiveServer, watched: Watched) -> None:
    watched.page.goto(server.url + "/timeline?since=2024")
    with watched.page.expect_navigation():
        watched.page.select_option("#country-select", "KGZ")
    assert watched.page.locator("h1").inner_text() == "Timeline: Kyrgyzstan"
    assert "since=2024" in watched.page.url  # the filters stay
    assert watched.problems == []


def test_hostile_store_text_shows_as_text(server: LiveServer, watched: Watched) -> None:
    watched.page.goto(server.url + "/timeline?since=2024-07-01&until=2024-07-01")
    summary = watched.page.locator("article.event p").first.inner_text()
    assert summary == f"Marker hostile event {HOSTILE} ends here."
    assert watched.page.evaluate("window.__pwned") is None
    assert watched.page.locator("main script, main img").count() == 0
    assert watched.problems == []


@pytest.mark.skipif(lib("watchfloor.analyse.actors", "actor_graph") is None, reason="actor graph not built yet")
def test_actor_edge_click_shows_its_events(server: LiveServer, watched: Watched) -> None:
    watched.page.goto(server.url + "/actors?since=2024-06&until=2024-06")
    link = watched.page.locator("table.edges a[data-edge]").first
    label = link.inner_text()
    link.click()
    panel = watched.page.locator("#edge-events")
    panel.locator("article.event").first.wait_for()
    assert label in panel.locator("h2").inner_text()
    assert "edge=" in watched.page.url
    watched.page.locator("#actor-graph a.edge").first.dispatch_event("click")
    panel.locator("h2").wait_for()
    assert watched.problems == []


needs_checker = pytest.mark.skipif(lib("watchfloor.check", "check_text") is None, reason="checker not built yet")


@needs_checker
def test_check_flow_end_to_end(server: LiveServer, watched: Watched) -> None:
    from tests.conftest import EXAMPLE_REPORT

    page = watched.page
    page.goto(server.url + "/check")
    page.fill("#report-text", EXAMPLE_REPORT.read_text(encoding="utf-8"))
    with page.expect_navigation():
        page.click("#check-submit")
    assert page.locator("h1").inner_text() == "Check: pasted report"
    marks = page.locator("#report [data-finding]")
    assert marks.count() > 0
    cards = page.locator(".finding-card")
    assert cards.count() > 0
    charges = page.locator("#report [data-finding]", has_text="on Terrorism Charges").first
    charges.click()  # the title says charged with terrorism; the store (and the report's body) say not
    active = page.locator(".finding-card.active")
    active.first.wait_for()
    assert "contradicted" in active.first.inner_text().lower()
    assert "sev-error" in (active.first.get_attribute("class") or "")
    assert "without terrorism charges" in active.first.locator(".evidence").inner_text()
    assert watched.problems == []


@needs_checker
def test_check_upload_of_a_hostile_file_is_escaped(server: LiveServer, watched: Watched, tmp_path: Path) -> None:
    report = tmp_path / "hostile.txt"
    report.write_text(f"On 22 March 2023 gunmen attacked Crocus City Hall. {HOSTILE}\n", encoding="utf-8")
    page = watched.page
    page.goto(server.url + "/check")
    page.set_input_files("input[type=file]", str(report))
    with page.expect_navigation():
        page.click("#check-submit")
    assert page.locator("h1").inner_text() == "Check: hostile.txt"
    assert HOSTILE in page.locator("#report").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#report script, #report img").count() == 0
    assert watched.problems == []


@pytest.mark.skipif(lib("watchfloor.brief", "write_brief") is None, reason="briefs not built yet")
def test_brief_reads_in_the_page(server: LiveServer, watched: Watched) -> None:
    watched.page.goto(server.url + "/briefs?since=2024-06&until=2024-06&write=1", timeout=180_000)  # a brief is slow
    watched.page.wait_for_load_state("networkidle", timeout=180_000)
    body = watched.page.frame_locator("#brief-frame").locator("body")
    assert "arrested eight Tajik nationals" in body.inner_text()
    watched.page.wait_for_function(  # grown to the brief's length: one scroll bar
        "document.getElementById('brief-frame').getBoundingClientRect().height > 2000", timeout=10_000)
    box = watched.page.locator("#brief-frame").bounding_box()
    assert box is not None and box["height"] > 2000
    assert watched.problems == []


@pytest.mark.skipif(lib("watchfloor.brief", "write_brief") is None, reason="briefs not built yet")
def test_writing_a_brief_shows_progress_then_lists_it(server: LiveServer, watched: Watched) -> None:
    page = watched.page
    page.goto(server.url + "/briefs")
    page.fill("input[name=since]", "2024-07")
    page.fill("input[name=until]", "2024-08")
    page.click("#brief-form button[type=submit]")
    page.wait_for_selector("#brief-job", timeout=10_000)  # the job page, at once: not a 16-second blank wait
    assert "Writing the brief on Tajikistan" in page.locator("#brief-job h2").inner_text()
    from playwright.sync_api import Error as PlaywrightError

    seen: set[str] = set()
    for _ in range(1200):  # the script follows the job: the step changes without a reload
        try:
            step = page.evaluate("() => { const e = document.getElementById('job-step'); "
                                 "return e ? e.textContent : (document.getElementById('brief-frame') ? '' : null); }")
        except PlaywrightError:  # the page is navigating to the finished brief
            step = None
        if step == "":
            break
        if step:
            seen.add(step)
        page.wait_for_timeout(100)
    page.wait_for_selector("#brief-frame", timeout=180_000)
    assert len(seen - {"Waiting to start"}) >= 2, seen
    listed = page.locator("#written-briefs tbody tr")
    assert listed.count() == 1 and "Tajikistan" in listed.first.inner_text()
    assert [a.inner_text() for a in listed.first.locator("a").all()] == ["Markdown", "HTML", "PDF"]
    assert page.evaluate("window.__pwned") is None  # the hostile July event is in this brief, as text
    assert watched.problems == []
