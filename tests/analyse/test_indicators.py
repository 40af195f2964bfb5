"""The watch plan and its indicator board, on the demo store and on small fact packs written for the test."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from watchfloor.analyse.indicators import board
from watchfloor.analyse.watchplan import bundled_plan, load_plan
from watchfloor.errors import InputError, NotFound
from watchfloor.ingest import ImportOptions, import_path
from watchfloor.store import Store


def _plan(tmp_path: Path, indicators: list[dict]) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"country": "TJK", "questions": [{
        "id": "q", "question": "Is it rising?", "hypotheses": {"up": "Rising.", "down": "Not rising."},
        "indicators": indicators}]}), encoding="utf-8")
    return path


def _facts(tmp_path: Path, facts: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "facts.jsonl"
    lines = [json.dumps({"date": d, "event_type": t, "summary": f"Test event {i} in our words.", "country": c,
                         "source_url": f"https://example.org/{i}"}) for i, (d, t, c) in enumerate(facts)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_bundled_plan_reads_the_demo_store(demo_db: Store) -> None:
    plan = bundled_plan("TJK")
    assert [len(q.indicators) for q in plan.questions] == [5, 3, 6, 4, 7]
    assert all(q.low_probability_high_impact.endswith(".") for q in plan.questions), \
        "each question names an unlikely case that would matter most (the eighth review)"
    assert all(q.implication(h) for q in plan.questions for h in q.hypotheses), "every answer has an implication"
    result = board(demo_db, plan, dt.date(2025, 12, 31))  # the packs may gain later facts
    assert result.as_of == dt.date(2025, 12, 31)
    chinese = next(r for r in result.readings if r.name.startswith("Attacks from Afghan territory that killed"))
    assert (chinese.status, chinese.trend, chinese.value, chinese.previous) == ("met", "rising", 2.0, 1.0)
    assert chinese.window == "2025-01-01 to 2025-12-31"
    summaries = [demo_db.scalar("SELECT summary FROM event WHERE id = ?", [e]) for e in chinese.events]
    assert all("Chinese" in s for s in summaries)

    def kinds(ids: list[str]) -> list[str]:
        return [str(demo_db.scalar("SELECT strftime(date, '%Y-%m-%d') || ' ' || type FROM event WHERE id = ?", [e]))
                for e in ids]

    border = next(r for r in result.readings if r.name.startswith("Attacks by armed groups on Tajikistan's border"))
    smugglers = next(r for r in result.readings if r.name.startswith("Armed clashes with drug smugglers"))
    assert "2025-12-24 border_clash" in kinds(border.events) and "2025-11-20 border_interdiction" in kinds(
        smugglers.events), "a fight with armed men crossing from Afghanistan is counted, whatever the report calls it"
    assert not set(border.events) & set(smugglers.events), \
        "a fight with drug smugglers speaks to trafficking, not to armed groups striking: one signpost, not two"
    assert (border.value, border.status) == (4.0, "met")
    assert (border.hypothesis, smugglers.hypothesis) == ("deteriorating", "trafficking")
    official = next(r for r in result.readings
                    if r.name.startswith("Armed clashes with drug traffickers on the Afghan"))
    assert official.hypothesis == "trafficking"
    assert (official.value, official.previous, official.status) == (17.0, 6.0, "met"), \
        "the drug-control agency's yearly totals (17 in 2025 against six in 2024) are read, not left in the chronology"
    talks = next(r for r in result.readings if r.name == "Dushanbe's security talks with the Taliban")
    russia = next(r for r in result.readings if r.name.startswith("Russian deployments"))
    assert not set(talks.events) & set(russia.events), "one report of talks with Russia serves one signpost, not two"
    china = plan.questions[3]
    assert "both" in china.hypotheses and all(i.name != "Attacks on Chinese nationals or sites in Tajikistan"
                                              for i in china.indicators)
    handover = next(r for r in result.readings if r.name.startswith("Steps toward a handover"))
    assert kinds(handover.previous_events) == ["2016-05-22 referendum", "2017-01-12 appointment"], \
        "the 2016 referendum that lowered the age for the presidency counts as a step toward a handover"
    elections = next(r for r in result.readings if r.name.startswith("Elections, referendums"))
    assert "2025-04-11 appointment" in kinds(elections.events) and "2025-04-11 appointment" not in kinds(
        handover.events), "a re-election to a post already held counts once, as an appointment, not as a promotion"
    remit = next(r for r in result.readings if r.name.startswith("Remittances"))
    assert (remit.value, remit.previous, remit.status) == (47.89, 37.84, "not met"), \
        "the plan names the World Bank series for it: the series' newest point, not an older report's figure; a " \
        "signpost of growth is met at a new high only, and 2022's 49.9% was higher"
    assert [year for year, _source in remit.observed] == [2024, 2023] and remit.high == (2022, 49.9)
    level = next(r for r in result.readings if r.name == "Remittances as a share of GDP, still above 40%")
    assert (level.value, level.status) == (47.89, "met")
    calls = next(r for r in result.readings if r.name.startswith("Beijing's calls"))
    assert (calls.value, len(calls.events)) == (1.0, 2), "two calls after one week's attacks are one episode"
    partners = next(r for r in result.readings if r.name.startswith("Dushanbe's summits"))
    treaties = [e for e in partners.events if "treaty" in str(demo_db.scalar("SELECT summary FROM event WHERE id = ?",
                                                                            [e]))]
    assert len(treaties) >= 2, "the Kyrgyz and the trilateral border treaties of March 2025 count"
    assert json.loads(json.dumps(result.to_dict()))["indicators"][0].keys() >= {
        "question", "hypothesis", "name", "status", "trend", "threshold", "value", "events"}


def test_windows_count_only_events_dated_finely_enough(fresh_db: Store, tmp_path: Path) -> None:
    facts = [("2024-11-03", "attack", "Tajikistan"), ("2024", "attack", "Tajikistan"),
             ("2024-05-01", "attack", "Tajikistan"), ("2024-12-20", "attack", "Russia/Tajikistan")]
    import_path(fresh_db, _facts(tmp_path, facts), ImportOptions(quiet=True))
    plan = load_plan(_plan(tmp_path, [
        {"name": "home, quarter", "hypothesis": "up", "types": ["attack"], "where": "home", "window": "quarter",
         "operator": ">=", "threshold": 1},
        {"name": "home, year", "hypothesis": "up", "types": ["attack"], "where": "home", "window": "year",
         "operator": ">=", "threshold": 3},
        {"name": "abroad, year", "hypothesis": "down", "types": ["attack"], "where": "abroad", "window": "year",
         "operator": ">", "threshold": 1}]))
    quarter, year, abroad = board(fresh_db, plan).readings
    assert (quarter.value, quarter.previous, quarter.status, quarter.trend) == (1.0, 0.0, "met", "rising")
    assert (year.value, year.status) == (3.0, "met")
    assert (abroad.value, abroad.status) == (1.0, "not met")


def test_machine_coded_news_is_no_signpost(fresh_db: Store, tmp_path: Path) -> None:
    import_path(fresh_db, _facts(tmp_path, [("2024-11-03", "attack", "Tajikistan")]), ImportOptions(quiet=True))
    fresh_db.con.execute("INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, "
                         "summary) SELECT 'gdelt-' || i, 'gdelt', DATE '2024-12-30', 'day', 'attack', 'TJK', "
                         "['TJK'], 'coded' FROM range(5) t(i)")
    plan = load_plan(_plan(tmp_path, [
        {"name": "home, quarter", "hypothesis": "up", "types": ["attack"], "where": "home", "window": "quarter",
         "operator": ">=", "threshold": 1}]))
    result = board(fresh_db, plan)
    assert result.as_of == dt.date(2024, 11, 3)
    assert (result.readings[0].value, result.readings[0].status) == (1.0, "met")


def test_a_wrong_plan_names_file_question_indicator_and_field(tmp_path: Path) -> None:
    path = _plan(tmp_path, [{"name": "x", "hypothesis": "sideways", "types": ["attack"], "window": "year",
                             "operator": ">=", "threshold": 1}])
    with pytest.raises(InputError) as err:
        load_plan(path)
    assert str(err.value).startswith("plan.json, question 'q', indicator 'x': field 'hypothesis' must be one of "
                                     "down, up")
    bad = _plan(tmp_path, [{"name": "y", "hypothesis": "up", "types": ["attack"], "window": "decade",
                            "operator": ">=", "threshold": 1}])
    with pytest.raises(InputError, match="field 'window' must be one of quarter, half, year, two_years"):
        load_plan(bad)
    with pytest.raises(NotFound, match="no watch plan for ZZZ"):
        bundled_plan("ZZZ")


def test_the_indicators_command(cli, demo_db_path: Path) -> None:
    res = cli("--db", demo_db_path, "indicators", "tajikistan", "--format", "json", "--as-of", "2025-12-31")
    assert res.code == 0
    data = json.loads(res.out)
    assert data["as_of"] == "2025-12-31" and len(data["indicators"]) == 25
    text = cli("--db", demo_db_path, "indicators", "TJ", "--as-of", "2025-12-31")
    assert text.code == 0 and re.search(r"Tajikistan: \d+ of 25 indicators met", text.out)
    as_of = json.loads(cli("--db", demo_db_path, "indicators", "TJK", "--as-of", "2024-06-30", "-f", "json").out)
    assert as_of["as_of"] == "2024-06-30"
    bad = cli("--db", demo_db_path, "indicators", "TJK", "--as-of", "June")
    assert bad.code == 2 and "--as-of 'June': not a date" in bad.err
    none = cli("--db", demo_db_path, "indicators", "russia")
    assert none.code == 2 and "no watch plan for RUS" in none.err and "bundled plans: MLI, TJK" in none.err


def test_an_indicator_reads_a_figure_a_year_at_a_time(demo_db: Store) -> None:
    """People expelled a year, not the number of reports about expulsions; the largest report of a year stands."""
    result = board(demo_db, bundled_plan("TJK"), dt.date(2025, 12, 31))
    expelled = next(r for r in result.readings if r.name.startswith("Tajik citizens expelled from Russia"))
    assert (expelled.value, expelled.previous, expelled.status, expelled.trend) == (36000.0, 30000.0, "met", "rising")
    assert expelled.window == "year 2025" and expelled.hedges == ("more than", "more than") and expelled.events


def test_a_figure_indicator_must_name_a_series_figure(tmp_path: Path) -> None:
    plan = json.loads((Path(__file__).parents[2] / "watchfloor/data/countries/TJK/watchplan.json").read_text())
    plan["questions"][1]["indicators"][-1]["figure"] = "no-such-figure"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    with pytest.raises(InputError, match="names no series figure"):
        load_plan(path)


def test_not_mentions_leaves_out_what_the_summary_says(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(json.dumps({"date": d, "event_type": "appointment", "summary": text,
                                          "country": "Tajikistan", "source_url": f"https://example.org/{i}"})
                              for i, (d, text) in enumerate([("2024-11-03", "The heir was promoted to a new post."),
                                                             ("2024-12-03", "The heir was re-elected to his post.")]))
                    + "\n", encoding="utf-8")
    import_path(fresh_db, path, ImportOptions(quiet=True))
    plan = load_plan(_plan(tmp_path, [
        {"name": "steps", "hypothesis": "up", "types": ["appointment"], "not_mentions": ["re-elected"],
         "window": "year", "operator": ">=", "threshold": 1}]))
    assert board(fresh_db, plan).readings[0].value == 1.0, "a re-election is no promotion"


def test_a_question_names_its_unlikely_case_in_one_string(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    question = {"id": "q", "question": "?", "hypotheses": {"up": "Up."}, "low_probability_high_impact": ["x"]}
    path.write_text(json.dumps({"country": "TJK", "questions": [question]}), encoding="utf-8")
    with pytest.raises(InputError, match="field 'low_probability_high_impact' is one sentence"):
        load_plan(path)
    question["low_probability_high_impact"] = " A sudden death would matter most. "
    path.write_text(json.dumps({"country": "TJK", "questions": [question]}), encoding="utf-8")
    assert load_plan(path).questions[0].low_probability_high_impact == "A sudden death would matter most."
