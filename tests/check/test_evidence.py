"""What the checker takes as evidence: never machine-coded news, whatever its volume."""

from pathlib import Path

from watchfloor.check import check_text
from watchfloor.check.api import gazetteer_for
from watchfloor.check.evidence import candidate_ids
from watchfloor.extract.claims import extract
from watchfloor.store import Store

TEXT = "On 22 March 2024 gunmen attacked Crocus City Hall near Moscow, killing at least 144 people."


def test_machine_coded_news_is_never_evidence(demo_db_path: Path) -> None:
    with Store.open(demo_db_path) as store:
        before = check_text(store, TEXT, "t")
        fact = store.scalar("SELECT id FROM event WHERE summary LIKE '%Crocus City Hall%' ORDER BY date LIMIT 1")
        store.con.execute(
            "INSERT INTO event (id, dataset, date, date_precision, type, country_iso3, countries, location, summary) "
            "SELECT 'gdelt-' || i, 'gdelt', DATE '2023-03-22', 'day', 'attack', 'RUS', ['RUS', 'TJK'], 'Moscow', "
            "'Coded attack in Moscow, Crocus City Hall' FROM range(50) t(i)")
        store.con.execute("INSERT INTO event_actor (event_id, entity_id, name, role) "
                          "SELECT id, entity_id, name, role FROM event_actor, (SELECT id FROM event "
                          "WHERE dataset = 'gdelt') WHERE event_id = ?", [fact])
        gazetteer = gazetteer_for(store)
        ids = candidate_ids(store, extract(TEXT, gazetteer, None, None), gazetteer)
        after = check_text(store, TEXT, "t")
    assert fact in ids and not any(i.startswith("gdelt-") for i in ids)
    assert [(f.kind, f.severity, f.quote) for f in after.findings] == [
        (f.kind, f.severity, f.quote) for f in before.findings]
