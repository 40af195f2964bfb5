"""The watch plans' argument figures, drawn from the demo store: the values they draw, where they draw them, and
that no label overlaps another."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from watchfloor.analyse import figures
from watchfloor.analyse.argument_specs import FigureSpec, bundled_specs, load_specs
from watchfloor.analyse.incident_map import build_incident_map, read_incidents
from watchfloor.analyse.outcome_table import outcome_table
from watchfloor.analyse.series_chart import build_series_chart, decimal_year, disagreements, read_series
from watchfloor.analyse.timeline import Period
from watchfloor.dates import parse_bound
from watchfloor.errors import InputError
from watchfloor.store import Store

CUTOFF = dt.date(2025, 12, 31)
PERIOD_START = dt.date(2024, 1, 1)


def spec(iso3: str, name: str) -> FigureSpec:
    return next(s for s in bundled_specs(iso3) if s.name == name)


def test_each_plan_declares_its_figures_under_its_questions() -> None:
    assert [(s.question, s.name, s.kind) for s in bundled_specs("TJK")] == [
        ("afghan-border", "border-timeline", "timeline"), ("afghan-border", "border-incidents", "map"),
        ("afghan-border", "border-clash-totals", "series"), ("jihadism-abroad", "cases-abroad", "table"),
        ("russia-dependence", "remittances", "series"),
        ("russia-dependence", "deportations", "series"), ("china-security", "debt-by-creditor", "series")]
    assert [(s.question, s.kind) for s in bundled_specs("MLI")] == [
        ("jnim-pressure", "map"), ("russia-reliance", "map"), ("economy", "series"), ("economy", "series")]
    assert bundled_specs("KGZ") == []


def test_a_bad_figure_names_file_question_and_field(tmp_path: Path) -> None:
    plan: dict[str, Any] = {"country": "TJK", "questions": [{"id": "q1", "question": "?", "hypotheses": {"a": "A"},
                                             "figures": [{"name": "f", "title": "T", "kind": "pie"}]}]}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    with pytest.raises(InputError, match=r"plan\.json, question 'q1', figure 'f': field 'kind' must be one of"):
        load_specs(path)
    plan["questions"][0]["figures"] = [{"name": "f", "title": "T", "kind": "series", "series": [
        {"label": "both", "observation": "X", "keys": {"k": 1}}]}]
    path.write_text(json.dumps(plan), encoding="utf-8")
    with pytest.raises(InputError, match="series 'both': give either 'observation'"):
        load_specs(path)


def test_a_year_only_figure_sits_mid_year_and_a_dated_one_on_its_day() -> None:
    assert decimal_year(dt.date(2024, 1, 1), "year") == (2024.5, "2024", True)
    assert decimal_year(dt.date(2024, 1, 1), "day") == (2024.0, "1 January 2024", False)
    assert decimal_year(dt.date(2023, 9, 1), "month")[:2] == (2023 + 8.5 / 12, "September 2023")


def test_deportations_from_russia_per_year_as_reported(demo_db: Store) -> None:
    (series,) = read_series(demo_db, spec("TJK", "deportations"), "TJK", CUTOFF)
    assert [(p.when, p.value, p.qualifier, p.x) for p in series.points] == [
        ("2023", 1000.0, "at most", 2023.5), ("2023", 11000.0, "about", 2023.5),
        ("2024", 30000.0, "more than", 2024.5), ("2025", 36000.0, "more than", 2025.5)]
    assert series.points[0].events != series.points[1].events, \
        "'up to 1,000 a year before' a 2024 total is read as 2023 ('prior'): a competing value, drawn beside the other"
    assert len(series.points[2].events) == 2, "two reports of the 2024 total are one point citing both"
    assert "Asia-Plus" in series.publishers


def test_remittances_draw_both_series_and_find_where_they_disagree(demo_db: Store) -> None:
    wdi, reports = read_series(demo_db, spec("TJK", "remittances"), "TJK", CUTOFF)
    assert wdi.publishers == ["World Bank"] and len(wdi.points) == 16 and not wdi.events
    assert (wdi.points[-1].when, wdi.points[-1].value) == ("2024", 47.89)
    assert [(p.when, p.value) for p in reports.points] == [("2018", 31.0), ("2018", 32.2), ("2021", 34.5),
                                                           ("2023", 48.2), ("2024", 45.3)]
    assert [p.when for p in disagreements([wdi, reports])] == ["2018", "2021", "2023", "2024"]
    fig = build_series_chart([wdi, reports], spec("TJK", "remittances"), "t")
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels[0] == "WDI series BX.TRF.PWKR.DT.GD.ZS (World Bank)"
    assert labels[1].startswith("Other reports (")


def test_debt_by_creditor_in_billions_on_the_day_reported(demo_db: Store) -> None:
    series = {s.label: s for s in read_series(demo_db, spec("TJK", "debt-by-creditor"), "TJK", CUTOFF)}
    china = series["Owed to China (mostly China Eximbank)"]
    assert [(p.when, p.value) for p in china.points][-3:] == [("1 January 2024", 0.9), ("1 January 2025", 0.82),
                                                              ("1 April 2025", 1.0)]
    assert china.points[-3].x == 2024.0, "a stock at the start of a year is drawn on that day"
    assert [(p.when, p.value) for p in series["Owed to the World Bank"].points] == [("31 December 2017", 0.318)]
    assert series["External debt, all creditors"].points[-1].value == 3.0


def test_border_incidents_placed_at_the_named_district_or_not_at_all(demo_db: Store) -> None:
    from dataclasses import replace

    plan_map = spec("TJK", "border-incidents")
    assert plan_map.span == "period", \
        "the period's incidents only (the seventh review: a 2022 operation took the space)"
    period_only, _ = read_incidents(demo_db, plan_map, "TJK", CUTOFF, PERIOD_START)
    assert period_only and all(i.recent for i in period_only)
    # the filter's other rules (a tie to the border, within 60 km of it) read over all years
    incidents, unplaced = read_incidents(demo_db, replace(plan_map, span="all"), "TJK", CUTOFF, PERIOD_START)
    assert [(i.when, i.type) for i in incidents if i.recent] == [
        ("18 November 2024", "attack"), ("25 October 2025", "border_clash"),
        ("20 November 2025", "border_interdiction"), ("26 November 2025", "attack"), ("30 November 2025", "attack"),
        ("24 December 2025", "border_clash")], "the gazetteer places the districts the eighth review found undrawn"
    zarbuzi = incidents[[i.when for i in incidents].index("18 November 2024")]
    assert not zarbuzi.exact and (zarbuzi.lon, zarbuzi.lat) == (70.04, 37.84), "at its district's coordinates"
    assert [(i.when, i.type) for i in incidents if not i.recent] == [
        ("31 May 2022", "security_operation"), ("September 2023", "security_operation")], \
        "neither the Khorog protests (no tie to the border in their reports) nor the attack on a post 140 km away"
    assert [(i.when, i.type) for i in unplaced] == [("7 May 2022", "cross_border_fire")], \
        "an incident on the far side of the border is read (the sixth review found it missing from the map and caption)"
    assert [i.when for i in incidents if i.marked] == ["18 November 2024", "25 October 2025", "26 November 2025",
                                                       "30 November 2025"], \
        "attacks on Chinese workers and sites are drawn apart (diamonds) from the border guards' own fights"


def test_border_map_shows_the_capital_and_a_scale(demo_db: Store) -> None:
    incidents, _ = read_incidents(demo_db, spec("TJK", "border-incidents"), "TJK", CUTOFF, PERIOD_START)
    fig = build_incident_map(incidents, spec("TJK", "border-incidents"), "TJK", "t", "2024 to 2025")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Dushanbe" in texts and any(t.endswith(" km") for t in texts)
    legend = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert "on Chinese workers or sites" in legend and "capital" in legend


def _overlaps(boxes: list[Any]) -> list[tuple[int, int]]:
    return [(a, b) for (a, x), (b, y) in itertools.combinations(enumerate(boxes), 2) if x.overlaps(y)]


@pytest.mark.parametrize(("iso3", "name"), [("TJK", "border-incidents"), ("MLI", "attacks")])
def test_map_numbers_never_overlap_and_stay_inside_the_frame(demo_db: Store, iso3: str, name: str) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    incidents, _ = read_incidents(demo_db, spec(iso3, name), iso3, CUTOFF, PERIOD_START)
    fig = build_incident_map(incidents, spec(iso3, name), iso3, "t", "2024 to 2025")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    numbers = [t for t in ax.texts if t.get_text()[:1].isdigit()]
    assert len(numbers) >= 3
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert not _overlaps(boxes), "no label overlaps another (numbers and country names)"
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1
               for b in (t.get_window_extent(renderer) for t in numbers))
    listed = fig.axes[1].texts[0].get_text()
    assert listed.startswith("1. ") and f"{len(incidents)}. " in listed


def test_cases_abroad_by_country_and_outcome(demo_db: Store) -> None:
    from dataclasses import replace

    yearly = spec("TJK", "cases-abroad")
    assert yearly.by_year, "the plan splits the table by year, so its rows can be set against a yearly count"
    table = outcome_table(demo_db, replace(yearly, by_year=False), "TJK", CUTOFF)
    cells = {r.country: {k: len(v) for k, v in r.cells.items()} for r in table.rows}
    assert cells["DEU"] == {"pending": 1, "convicted": 3}, \
        "the 2025 verdict convicts and acquits, one record counted once; the arrests and trial openings its verdicts " \
        "closed are not pending"
    assert ("convicted", "acquitted") in [found for _e, found in table.mixed], "the tenth review: counted once"
    assert cells["USA"] == {"pending": 2, "deported": 1}, \
        "a record that deports some and leaves others pending counts once"
    assert cells["RUS"] == {"pending": 4, "convicted": 1}, "Russia's mass expulsions are not cases"
    assert cells["AUT"] == {"deported": 1}, "the extradition to Austria is closed by the deportation that followed"
    assert table.rows[0].country == "RUS" and table.outcomes == ("convicted", "acquitted", "deported", "pending")
    assert (table.first, table.last) == (dt.date(2016, 11, 1), dt.date(2025, 8, 4))
    since = outcome_table(demo_db, yearly, "TJK", CUTOFF, dt.date(2024, 1, 1))
    assert since.first == dt.date(2024, 1, 1) and len(since.closed) == 2
    rows = {(r.year, r.country): {k: len(v) for k, v in r.cells.items()} for r in since.rows}
    assert rows[(2025, "DEU")] == {"convicted": 1} and rows[(2024, "DEU")] == {"pending": 1}
    assert [r.year for r in since.rows] == sorted(r.year for r in since.rows), "years in order"


def test_monthly_events_chart_leaves_year_only_events_out_of_january(demo_db: Store) -> None:
    period = Period(parse_bound("2024"), parse_bound("2025"))
    fig = figures.build_events_over_time(demo_db, "TJK", period)
    title = fig.axes[0].get_title(loc="left")
    yearly = demo_db.scalar("SELECT count(*) FROM event WHERE list_contains(countries, 'TJK') AND "
                            "date_precision = 'year' AND date BETWEEN '2024-01-01' AND '2025-12-31'")
    assert yearly and title.endswith(f"; {yearly} dated only to a year, not drawn)")
    january = demo_db.scalar("SELECT count(*) FROM event WHERE list_contains(countries, 'TJK') AND "
                             "date_precision <> 'year' AND date BETWEEN '2024-01-01' AND '2024-01-31'")
    from matplotlib.patches import Rectangle

    bars = [p for p in fig.axes[0].patches if isinstance(p, Rectangle) and p.get_x() < 0.5 and p.get_height() > 0]
    assert sum(p.get_height() for p in bars) == january


def test_actor_graph_names_never_overlap(demo_db: Store) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from watchfloor.analyse.actors import actor_graph

    graph = actor_graph(demo_db, "TJK", Period(parse_bound("2024"), parse_bound("2025")))
    fig = figures.build_actor_graph_figure(graph)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    names = [t for t in fig.axes[0].texts if t.get_text()]
    assert len(names) >= 20 and "Tajikistan" in {t.get_text() for t in names}
    assert not _overlaps([t.get_window_extent(renderer) for t in names])


def test_event_map_labels_never_overlap(demo_db: Store) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = figures.build_event_map(demo_db, "TJK")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [t for t in fig.axes[0].texts if t.get_text() and "Natural Earth" not in t.get_text()]
    assert any(t.get_text().startswith("Dushanbe (") for t in texts)
    assert not _overlaps([t.get_window_extent(renderer) for t in texts])


def test_a_yearly_observation_waits_for_its_year_to_end(demo_db: Store) -> None:
    wdi, reports = read_series(demo_db, spec("TJK", "remittances"), "TJK", dt.date(2024, 6, 30))
    assert wdi.points[-1].when == "2023", "at 30 June 2024 the 2024 figure does not exist yet"
    assert reports.points[-1].when == "2023", "nor does a report published after the cut-off"


def test_border_timeline_labels_never_overlap(demo_db: Store) -> None:
    """The cross-cutting question's timeline: every incident labelled with its date and kind, on rows where no two
    labels overlap and none leaves the frame; attacks involving Chinese workers or sites are diamonds."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from watchfloor.analyse.incident_timeline import build_timeline, read_moments, short

    timeline = spec("TJK", "border-timeline")
    moments = read_moments(demo_db, timeline, "TJK", CUTOFF, dt.date(2024, 1, 1))
    assert [m.when for m in moments][:2] == ["18 November 2024", "25 October 2025"]
    assert short(moments[0]) == "18 Nov 2024, attack" and sum(m.marked for m in moments) >= 3
    fig, left_out = build_timeline(moments, timeline, timeline.title)
    assert left_out == 0
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    frame = ax.get_window_extent(renderer)
    labels = [t for t in ax.texts if isinstance(t, Text) and t.get_text()]
    assert len(labels) == len(moments)
    boxes = [t.get_window_extent(renderer) for t in labels]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    assert all(frame.x0 - 2 <= b.x0 and b.x1 <= frame.x1 + 2 for b in boxes)
