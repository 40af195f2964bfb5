"""The fitted identity model (check/identity.py) and the sentence meanings it reads (check/meaning.py)."""

from __future__ import annotations

import json
from pathlib import Path

from watchfloor.check import api
from watchfloor.check.evidence import load_evidence
from watchfloor.check.fingerprint import number_index
from watchfloor.check.identity import load, model
from watchfloor.check.match import build_index, match_claims, shortlist
from watchfloor.check.meaning import Meanings
from watchfloor.errors import ConfigError
from watchfloor.store import Store


def test_the_shipped_model_loads_and_rises_with_score_and_meaning() -> None:
    m = model()
    assert m is not None and 0.0 < m.keep < 0.5
    assert m.probability(6.0, 0.8) > m.probability(6.0, 0.3) > m.probability(2.0, 0.3)
    assert not m.vetoes(8.0, 0.8) and m.vetoes(2.0, 0.1)


def test_a_model_file_missing_a_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "identity.json"
    path.write_text(json.dumps({"coef": {"score": 0.6}, "intercept": -7.0, "keep": 0.1}), encoding="utf-8")
    try:
        load(path)
    except ConfigError as e:
        assert "coef.meaning" in str(e) and str(path) in str(e) and "fit_identity.py" in e.hint
    else:
        raise AssertionError("a model without its meaning weight loaded")


def _matches(store: Store, text: str):  # type: ignore[no-untyped-def]
    gazetteer = api.gazetteer_for(store)
    extraction = api.extract(text, gazetteer, None, None)
    evidence = load_evidence(store, extraction, gazetteer)
    return extraction, evidence, match_claims(extraction, evidence)


def test_a_paraphrase_of_a_stored_fact_reads_close_in_meaning(demo_db: Store) -> None:
    _, _, matches = _matches(demo_db, "In June 2024 US agents picked up eight Tajik nationals in New York, Los Angeles "
                                      "and Philadelphia.")
    best = matches[0].identified("numbers")[0]
    assert best.meaning is not None and best.meaning > 0.5
    assert "ICE" in best.event.summary


def test_the_meaning_budget_stops_at_its_count_of_sentences(demo_db: Store) -> None:
    text = ("In June 2024 US agents arrested eight Tajik nationals in New York. "
            "In September 2022 clashes on the Kyrgyz-Tajik border killed 100 people.")
    extraction, evidence, _ = _matches(demo_db, text)
    index, figures = build_index(evidence), number_index(evidence)
    chunk = [shortlist(c, extraction, evidence, index, figures) for c in extraction.claims]
    Meanings(evidence, budget=1).fill(chunk)
    read = [any(c.meaning is not None for c in comps) for _, comps in chunk if comps]
    assert read == [True, False]


def test_an_event_the_model_finds_likely_is_firm_enough_for_a_wrong_date(demo_db: Store) -> None:
    """'The capital hosted the 14th Council of Heads of State of the SCO' under a heading dated 2013: no single cue of
    the rule is strong (kind 0.6, the SCO's weight 1.09, words 0.38), but the fitted model, reading the meaning, finds
    the 2014 summit more likely than not the claim's event."""
    report = Path(__file__).resolve().parents[2] / "bench" / "data" / "blind43" / "on_this_day_column.md"
    _, result = api.check_file(demo_db, report)
    dated = [f for f in result.findings if f.kind == "wrong_date" and f.quote.startswith("12 September 2013")]
    assert [f.severity for f in dated] == ["error"]
