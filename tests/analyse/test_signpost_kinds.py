"""Each signpost counts and cites the events of its own kind (the sixth blind review: a Russian state visit not
counted for lack of its type, a Chinese border-aid agreement dropped from the other-partners count because it named
the neighbour, and a report on Russian patrols cited for Chinese lending)."""

from __future__ import annotations

import datetime as dt

from watchfloor.analyse.indicators import board
from watchfloor.analyse.watchplan import bundled_plan
from watchfloor.store import Store


def reading(store: Store, name: str, as_of: dt.date):  # type: ignore[no-untyped-def]
    plan = bundled_plan("TJK")
    return next(r for r in board(store, plan, as_of).readings if r.name.startswith(name))


def types_of(store: Store, ids: list[str]) -> dict[str, tuple[str, list[str]]]:
    rows = store.query("SELECT id, type, countries, country_iso3 FROM event WHERE id IN (SELECT unnest(?))", [ids])
    return {r["id"]: (r["type"], list(r["countries"]), r["country_iso3"]) for r in rows}  # type: ignore[misc]


def test_a_state_visit_to_the_partner_counts_as_a_top_level_visit(demo_db: Store) -> None:
    r = reading(demo_db, "Russian deployments", dt.date(2025, 4, 17))
    assert "visit" in {t for t, _c, _w in types_of(demo_db, r.events).values()}, "a president's official visit"


def test_other_partners_count_an_agreement_that_names_the_neighbour_but_not_talks_held_there(demo_db: Store) -> None:
    r = reading(demo_db, "Dushanbe's summits", dt.date(2026, 4, 17))
    kinds = types_of(demo_db, r.events)
    assert any(t == "security_assistance" and "CHN" in c for t, c, _w in kinds.values())
    assert all(w != "AFG" for _t, _c, w in kinds.values()), "talks held in the neighbour are left out"
    assert all("RUS" not in c for _t, c, _w in kinds.values())


def test_a_partner_signpost_cites_no_report_about_another_partner(demo_db: Store) -> None:
    for as_of in (dt.date(2025, 4, 17), dt.date(2026, 4, 17)):
        r = reading(demo_db, "Chinese loans", as_of)
        assert all("RUS" not in c for _t, c, _w in types_of(demo_db, r.events + r.previous_events).values())


def test_the_russian_count_reads_the_alliance_in_both_windows(demo_db: Store) -> None:
    """The eighth review: the year before held only a state visit, though the alliance's border programme was approved
    at its summit and discussed in Dushanbe in that year; the rule counts what names the alliance, in both windows."""
    r = reading(demo_db, "Russian deployments", dt.date(2026, 4, 17))
    before = {t for t, _c, _w in types_of(demo_db, r.previous_events).values()}
    assert {"summit", "visit"} <= before and r.previous is not None and r.previous >= 3


def test_a_chinese_agreement_counts_as_chinese_and_as_a_tie_with_another_partner(demo_db: Store) -> None:
    chinese = reading(demo_db, "Chinese loans", dt.date(2026, 4, 17))
    others = reading(demo_db, "Dushanbe's summits", dt.date(2025, 4, 17))
    agreements = {e for e, (t, c, _w) in types_of(demo_db, chinese.previous_events).items() if t == "agreement"}
    assert agreements and agreements <= set(others.events), "it speaks to both, so it counts under both"


def test_a_rule_counts_on_the_day_it_takes_effect(demo_db: Store) -> None:
    r = reading(demo_db, "Russian rules", dt.date(2026, 4, 17))
    days = {str(demo_db.scalar("SELECT date FROM event WHERE id = ?", [e])) for e in r.events}
    assert "2025-05-20" not in days and "2025-06-30" in days, "an announcement is not the rule's day"


def test_funded_posts_are_read_over_the_years_such_agreements_take(demo_db: Store) -> None:
    """A year's window read a practice of a decade as new when its latest agreement fell in it (the eighth review)."""
    then = reading(demo_db, "Chinese-funded", dt.date(2025, 4, 17))
    now = reading(demo_db, "Chinese-funded", dt.date(2026, 4, 17))
    assert then.status == now.status == "met"


def test_a_signpost_of_the_succession_can_be_watched_and_silence_before_nominations_says_nothing() -> None:
    plan = bundled_plan("TJK")
    succession = next(q for q in plan.questions if q.id == "succession")
    nomination = next(i for i in succession.indicators if i.name.startswith("The president's nomination"))
    assert nomination.silence
    assert any(i.window in ("quarter", "half", "year") and not i.silence for i in succession.indicators
               if i.hypothesis == "orderly")
