"""Alerts on a synthetic spike: a quiet year, then a month far above it."""

from watchfloor.analyse.alerts import RULE, THRESHOLD, alerts, monthly_series


def _events(store, month_counts, killed_in=None):
    rows = []
    for month, n in month_counts.items():
        for i in range(n):
            killed = killed_in.get(month) if killed_in and i == 0 else None
            rows.append((f"e-{month}-{i}", f"{month}-0{1 + i % 9}", killed))
    store.con.executemany("INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, "
                          "killed, summary) VALUES (?, 'facts', ?, 'day', 'attack', 'KGZ', ['KGZ'], ?, 'x')", rows)


def test_spike_month_alerts_and_quiet_months_do_not(fresh_db):
    quiet = {f"2023-{m:02d}": 1 + m % 2 for m in range(1, 13)}     # 1 or 2 events a month
    _events(fresh_db, quiet | {"2024-01": 9, "2024-02": 1}, killed_in={"2024-01": 40, "2023-05": 1})
    found = alerts(fresh_db, "KGZ")
    assert [(a["month"], a["metric"]) for a in found] == [("2024-01", "events"), ("2024-01", "fatalities")]
    ev = found[0]
    # trailing year: six months of 1 and six of 2 → median 1.5, MAD 0.5, spread max(0.741, 1) = 1
    assert ev["baseline"] == 1.5 and ev["score"] == 7.5 and ev["score"] >= THRESHOLD
    assert ev["rule"] == RULE and len(ev["events"]) == 9
    assert found[1]["value"] == 40 and found[1]["baseline"] == 0
    series = monthly_series(fresh_db, "KGZ")
    assert len(series) == 14 and series[-1] == {"country": "KGZ", "month": "2024-02", "events": 1,
                                                "fatalities": 0.0, "ids": ["e-2024-02-0"]}
    assert found[1]["domestic"] == 40 and found[1]["abroad"] is False and found[1]["where"] == []


def test_all_countries_and_gaps_filled(fresh_db):
    _events(fresh_db, {"2020-01": 1, "2021-01": 8})
    series = monthly_series(fresh_db)
    assert len(series) == 13 and series[5]["events"] == 0
    assert [(a["country"], a["month"]) for a in alerts(fresh_db)] == [("KGZ", "2021-01")]


def test_demo_alerts_catch_march_2024(demo_db):
    found = alerts(demo_db, "TJK")
    assert ("2024-03", "fatalities") in {(a["month"], a["metric"]) for a in found}


def test_media_datasets_are_left_out_unless_named(fresh_db):
    from watchfloor.analyse.alerts import alerts

    fresh_db.con.execute("INSERT INTO source (id, kind, title, reliability) VALUES ('g', 'dataset', 'GDELT', 'C')")
    quiet = [(f"q{m}", f"2023-{m:02d}-10", "facts") for m in range(1, 13)]
    spike = [(f"g{i}", "2024-01-05", "gdelt") for i in range(40)]
    for eid, date, dataset in quiet + spike:
        fresh_db.con.execute("INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, "
                             "summary) VALUES (?, ?, ?, 'day', 'protest', 'KGZ', ['KGZ'], 'x')", [eid, dataset, date])
    assert alerts(fresh_db, "KGZ") == []
    found = alerts(fresh_db, "KGZ", ["gdelt", "facts"])
    assert [(a["month"], a["metric"], a["value"]) for a in found] == [("2024-01", "events", 40)]


def test_demo_crocus_month_is_labelled_abroad(demo_db):
    """March 2024's 144 dead for Tajikistan were killed in Russia (Crocus City Hall): the alert says so and keeps
    the deaths inside Tajikistan apart."""
    found = {(a["month"], a["metric"]): a for a in alerts(demo_db, "TJK")}
    crocus = found[("2024-03", "fatalities")]
    assert crocus["value"] >= 144 and crocus["abroad"] is True and crocus["where"][0] == "RUS"
    assert crocus["domestic"] + crocus["abroad_value"] == crocus["value"] and crocus["domestic"] < 5
    assert crocus["events"] and len(crocus["events"]) <= 20
    same = {(a["month"], a["metric"], a["value"], a["score"]) for a in alerts(demo_db)
            if a["country"] == "TJK"}
    assert same == {(a["month"], a["metric"], a["value"], a["score"]) for a in found.values()}
    series = {s["month"]: s for s in monthly_series(demo_db, "TJK", with_ids=False)}
    assert "ids" not in series["2024-03"] and series["2024-03"]["fatalities"] == crocus["value"]
