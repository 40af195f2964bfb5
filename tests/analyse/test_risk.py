"""risk_report on the bundled pack, on hand-made events, and with World Bank observations."""

import json

import pytest

from watchfloor.analyse import gti
from watchfloor.analyse.risk import risk_report


def test_demo_has_scores_abroad_and_sourced_drivers(demo_db):
    report = risk_report(demo_db, "TJK")
    json.dumps(report)
    years = {y["year"]: y for y in report["years"]}
    assert len(years) == 10 and max(years) >= 2025, "ten years to the newest evidence (the packs may gain 2026)"
    assert sum(1 for y in years.values() if y["score"] > 0) >= 3
    # Ishkobod border post, 6 November 2019: one incident, 17 killed → raw 1 + 3·17 = 52
    assert years[2019]["incidents"] == 1 and years[2019]["fatalities"] == 17 and years[2019]["raw"] == 52
    # Crocus City Hall (Russia, 2024) is abroad, never in Tajikistan's own score
    crocus = [e for a in report["abroad"] if a["year"] == 2024 for e in a["events"] if e["country"] == "RUS"]
    assert any(e["killed"] == 144 for e in crocus)
    assert years[2024]["fatalities"] == 1
    names = [d["name"] for d in report["drivers"]]
    assert names[0] == "Personal remittances received"
    assert "Share of external debt owed to China" in names
    for d in report["drivers"]:
        assert d["source"]["url"].startswith("http") and d["year"] and d["trend"]
    remit = report["drivers"][0]
    # the demo holds the World Bank panel (47.89 for 2024) and a news figure (45.3): the dataset leads
    assert (remit["year"], remit["value"]) == (2024, 47.89)
    y2024 = next(t for t in remit["trend"] if t["year"] == 2024)
    assert [o["value"] for o in y2024["others"]] == [45.3]
    y2023 = next(t for t in remit["trend"] if t["year"] == 2023)
    assert sorted([y2023["value"], *(o["value"] for o in y2023["others"])]) == [37.84, 48.2]
    assert report["method"] == gti.method()


def _event(store, eid, date, iso3, type_, killed=None, injured=None, hostages=None, countries=None, counts=None):
    store.con.execute("INSERT INTO source (id, kind, title, publisher, url, reliability) VALUES (?, 'article', ?, "
                      "'Test', ?, 'B') ON CONFLICT DO NOTHING", [f"s-{eid}", f"t {eid}", f"https://x.test/{eid}"])
    store.con.execute("INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, killed, "
                      "injured, hostages, counts, summary) VALUES (?, 'facts', ?, 'day', ?, ?, ?, ?, ?, ?, ?, 'x')",
                      [eid, date, type_, iso3, countries or [iso3], killed, injured, hostages,
                       json.dumps(counts) if counts else None])
    store.con.execute("INSERT INTO event_source VALUES (?, ?, 2)", [eid, f"s-{eid}"])


def test_score_is_exact_for_hand_made_years(fresh_db):
    _event(fresh_db, "a1", "2020-03-01", "KGZ", "attack", killed=2, injured=4)            # raw 1+6+2 = 9
    _event(fresh_db, "a2", "2020-09-01", "KGZ", "hostage_taking", hostages=5)             # raw 1+10 = 11
    _event(fresh_db, "a3", "2022-01-05", "KGZ", "attack", counts={"police_killed": 3, "attackers_killed": 1,
                                                                  "police_wounded": 2})    # raw 1+12+1 = 14
    _event(fresh_db, "p1", "2022-02-01", "FRA", "plot", countries=["FRA", "KGZ"])
    _event(fresh_db, "x1", "2022-02-01", "KGZ", "arrest", killed=50)                      # not an incident
    report = risk_report(fresh_db, "KGZ", years=3)
    ys = {y["year"]: y for y in report["years"]}
    assert sorted(ys) == [2020, 2021, 2022]
    assert ys[2020]["raw"] == 20 and ys[2020]["hostages"] == 5 and ys[2020]["incidents"] == 2
    assert ys[2022]["raw"] == 14 and ys[2022]["fatalities"] == 4 and ys[2022]["injuries"] == 2
    weighted = (16 * 14 + 8 * 0 + 4 * 20) / 31
    assert ys[2022]["weighted"] == pytest.approx(weighted, abs=1e-4)
    assert ys[2022]["score"] == gti.score(weighted)
    assert report["abroad"] == [{"year": 2022, "attacks": 0, "plots": 1, "arrests": 0, "fatalities": 0.0,
                                 "injuries": 0.0, "countries": ["FRA"], "events": report["abroad"][0]["events"]}]


def test_no_events_gives_empty_years(fresh_db):
    report = risk_report(fresh_db, "ISL")
    assert report["years"] == [] and report["drivers"] == [] and report["method"]


def test_drivers_read_world_bank_observations(demo_db):
    demo_db.con.execute("INSERT INTO source (id, kind, title, publisher, url, reliability) VALUES ('wdi', 'dataset', "
                        "'World Development Indicators', 'The World Bank', 'https://data.worldbank.org', 'A')")
    demo_db.con.executemany(
        "INSERT INTO observation VALUES (?, 'TJK', ?, ?, ?, ?, ?, 'wdi')",
        [("o1", "BX.TRF.PWKR.DT.GD.ZS", "Personal remittances, received (% of GDP)", 2023, 37.8, "% of GDP"),
         ("o2", "NY.GDP.PCAP.CD", "GDP per capita (current US$)", 2022, 1054.1, "current US$"),
         ("o3", "NY.GDP.PCAP.CD", "GDP per capita (current US$)", 2023, 1188.6, "current US$"),
         ("o4", "SL.UEM.TOTL.ZS", "Unemployment, total (% of labor force)", 2023, 6.9, "%"),
         ("o5", "SP.POP.TOTL", "Population, total", 2023, 10_143_543.0, None)])
    report = risk_report(demo_db, "TJK")
    by_key = {d["key"]: d for d in report["drivers"]}
    gdp = by_key["gdp_per_capita_usd"]
    assert (gdp["value"], gdp["year"], gdp["change"], gdp["direction"]) == (1188.6, 2023, pytest.approx(134.5), "up")
    assert gdp["source"]["publisher"] == "The World Bank"
    assert by_key["unemployment_pct"]["value"] == 6.9
    assert by_key["SP.POP.TOTL"]["name"] == "Population, total"
    remit = by_key["remittances_pct_gdp"]
    y2023 = [t for t in remit["trend"] if t["year"] == 2023][0]
    # sources disagree on 2023 (this A-graded 37.8, the bundled WDI panel 37.84, KNOMAD 48.2): A leads, all kept
    assert y2023["value"] == 37.8 and sorted(o["value"] for o in y2023["others"]) == [37.84, 48.2]
    keys = [d["key"] for d in report["drivers"]]
    assert keys.index("remittances_pct_gdp") < keys.index("gdp_per_capita_usd") < keys.index("unemployment_pct")


def test_drivers_from_the_world_bank_importer(demo_db, tmp_path):
    pytest.importorskip("watchfloor.ingest.worldbank")
    from tests.conftest import WORLD_BANK
    from watchfloor.ingest import ImportOptions, import_path

    import_path(demo_db, WORLD_BANK / "wdi_remittances_central_asia_panel_2009-2024.csv", ImportOptions(quiet=True))
    remit = [d for d in risk_report(demo_db, "TJK")["drivers"] if d["key"] == "remittances_pct_gdp"][0]
    origins = {t["year"] for t in remit["trend"]}
    assert {2009, 2015, 2020}.issubset(origins)
