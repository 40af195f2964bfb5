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


def _monthly(store, country, counts, start=(2023, 1)):
    """`counts[i]` one-day events for `country` in the i-th month from `start`, all at home."""
    rows = []
    for i, n in enumerate(counts):
        y, m = start[0] + (start[1] - 1 + i) // 12, (start[1] - 1 + i) % 12 + 1
        rows += [(f"{country}-{i}-{k}", f"{y:04d}-{m:02d}-{1 + k % 28:02d}", country, [country]) for k in range(n)]
    store.con.executemany("INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, "
                          "summary) VALUES (?, 'facts', ?, 'day', 'attack', ?, ?, 'x')", rows)


def test_trailing_window_is_the_twelve_months_before_after_six(fresh_db):
    """The baseline is the twelve months before, not eleven or thirteen, and needs six of them; with an odd
    number of months it is the middle value itself (an int, as statistics.median gives it)."""
    from watchfloor.analyse.alerts import robust_z

    _monthly(fresh_db, "KGZ", [1, 1, 1, 1, 1, 9])                  # 5 months before the spike: too few
    _monthly(fresh_db, "TJK", [1, 1, 1, 1, 1, 1, 1, 9])            # 7 months before
    alternating = [5, 1] * 6
    _monthly(fresh_db, "UZB", [5, *alternating, 12])
    assert alerts(fresh_db, "KGZ") == []
    [tjk] = alerts(fresh_db, "TJK")
    assert (tjk["month"], tjk["value"], tjk["baseline"], tjk["score"]) == ("2023-08", 9, 1, 8.0)
    assert type(tjk["baseline"]) is int
    # twelve months: median 3, MAD 2 → z 3.04, no alert; eleven or thirteen months would have alerted (z 7)
    assert robust_z(12, alternating, 1.0)[1] < THRESHOLD
    assert robust_z(12, alternating[1:], 1.0)[1] >= THRESHOLD and robust_z(12, [5, *alternating], 1.0)[1] >= THRESHOLD
    assert alerts(fresh_db, "UZB") == []
    assert [(a["country"], a["month"]) for a in alerts(fresh_db)] == [("TJK", "2023-08")]


def test_alert_events_places_and_tolls(fresh_db):
    """An alert lists its month's first 20 events by date then id, counts only suffered tolls (not a
    statement's or a _figure's) and splits its value between home and the places abroad, most events first."""
    _monthly(fresh_db, "KGZ", [1] * 12)
    places = ["KGZ"] * 10 + ["RUS"] * 6 + ["KAZ"] * 6 + ["TUR"] * 3
    kinds = {0: ("attack", 6.0), 1: ("statement", 100.0), 2: ("death_figure", 50.0), 10: ("attack", 20.0)}
    spike = []
    for n, home in enumerate(places):
        kind, killed = kinds.get(n, ("attack", None))
        spike.append((f"s{n:02d}", f"2024-01-{1 + n * 7 % 3:02d}", kind, home, sorted({"KGZ", home}), killed))
    fresh_db.con.executemany("INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, "
                             "killed, summary) VALUES (?, 'facts', ?, 'day', ?, ?, ?, ?, 'x')", spike)
    found = {a["metric"]: a for a in alerts(fresh_db, "KGZ")}
    events, fatalities = found["events"], found["fatalities"]
    first = [i for _, i in sorted((d, i) for i, d, *_ in spike)][:20]
    assert events["events"] == first == fatalities["events"] and first[:4] == ["s00", "s03", "s06", "s09"]
    assert (events["value"], events["domestic"], events["abroad_value"], events["abroad"]) == (25, 10, 15, True)
    assert events["where"] == ["KAZ", "RUS", "TUR"]
    assert (fatalities["value"], fatalities["domestic"], fatalities["abroad_value"]) == (26.0, 6.0, 20.0)
    assert fatalities["abroad"] is True and (events["score"], fatalities["score"]) == (24.0, 8.67)
    assert [a["events"] for a in alerts(fresh_db) if a["country"] == "KGZ"] == [first, first]


def test_alerts_are_the_rule_applied_to_the_monthly_series(demo_db):
    """Every alert the rule gives month by month over monthly_series, and no other: the trailing medians run
    in DuckDB and only shortlist, so none may be lost there."""
    from watchfloor.analyse.alerts import FLOOR, METRICS, MIN_HISTORY, MINIMUM, WINDOW, robust_z

    by_country: dict[str, list[dict]] = {}
    for s in monthly_series(demo_db, with_ids=False):
        by_country.setdefault(s["country"], []).append(s)
    expected = []
    for country, months in by_country.items():
        for i in range(MIN_HISTORY, len(months)):
            for metric in METRICS:
                value = months[i][metric]
                baseline, z = robust_z(value, [p[metric] for p in months[max(0, i - WINDOW):i]], FLOOR[metric])
                if value >= MINIMUM[metric] and z >= THRESHOLD:
                    expected.append((months[i]["month"], country, metric, value, baseline, round(z, 2)))
    found = [(a["month"], a["country"], a["metric"], a["value"], a["baseline"], a["score"]) for a in alerts(demo_db)]
    # 36 since the Tajikistan pack's alliance facts (its border programme's summit and two visits on it)
    assert found == sorted(expected) and len(found) == 36  # both bundled countries and their partners
    assert ("2024-03", "TJK", "fatalities", 144.0, 0.0, 48.0) in found
