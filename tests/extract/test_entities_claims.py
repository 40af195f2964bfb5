from watchfloor.check.api import gazetteer_for
from watchfloor.extract import extract
from watchfloor.store import Store


def test_aliases_case_and_derived_names(demo_db: Store) -> None:
    g = gazetteer_for(demo_db)
    text = ("In the U.S. and the US, ISIS-K and IS, not is or us; the Crocus attack; Khalimov defected; "
            "Los Angeles police; Tajik nationals; Harb-Maidon drills.")
    found = {(m.text, m.entity_id) for m in g.find(text)}
    assert ("U.S", "country:USA") in found and ("US", "country:USA") in found
    assert ("ISIS-K", "group:islamic-state-khorasan-province") in found and ("IS", "group:islamic-state") in found
    assert not any(m[0] in ("is", "us") for m in found)
    assert ("Crocus", "facility:crocus-city-hall") in found
    assert ("Khalimov", "person:gulmurod-khalimov") in found
    assert any(m[0] == "Tajik" and m[1] == "country:TJK" for m in found)
    assert any(m[0] == "Harb-Maidon" for m in found)


def test_claims_borrow_from_their_antecedent(demo_db: Store) -> None:
    text = ("In June 2024, U.S. agents arrested eight Tajik nationals in Los Angeles, New York and Philadelphia. "
            "None of the detained men have been charged with terrorism offences.")
    x = extract(text, gazetteer_for(demo_db))
    first, second = x.claims
    assert first.kind == "event" and [d.text for d in first.dates] == ["June 2024"]
    assert {m.text for m in first.entities} >= {"Los Angeles", "New York", "Philadelphia"}
    assert second.antecedent == first.index and any(m.text == "Los Angeles" for m in second.context_entities)
    assert [(e.family, e.negated) for e in second.events if e.family == "charge"] == [("charge", True)]
    assert x.horizon == 2024


def test_paraphrased_event_words() -> None:
    from watchfloor.extract.events import find_triggers

    def fams(text: str) -> list[str]:
        return [t.family for t in find_triggers(text, 0, len(text))]

    assert "deport" in fams("Czech authorities flew home a Tajik IS member")
    assert "confirm" in fams("the ministry endorsed a Baza report")
    assert "deny" in fams("the ministry called the reports fake")
    assert "disappear" in fams("both men had been forcibly disappeared in Turkey")
    assert fams("Putin flew to Dushanbe") == []


def test_event_words_read_with_names_from_the_data() -> None:
    """A base is military near any country's name; members of an armed group the packs name joined it."""
    from watchfloor.extract.events import find_triggers

    def fams(text: str) -> list[str]:
        return [t.family for t in find_triggers(text, 0, len(text))]

    assert "base" not in fams("it denied a Graustarkian base") and "base" in fams("it denied a Chinese base")
    assert "base" in fams("the army base near the Burkina Faso border") and fams("our base case") == []
    assert fams("eight members of ISKP") == ["join"] and fams("the members of the CSTO") == ["member"]
