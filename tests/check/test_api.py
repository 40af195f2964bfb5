"""The library call other parts of watchfloor use: check_text on cited brief sentences and on hostile text."""

import pytest

from watchfloor.check import CheckReport, check_text
from watchfloor.store import Store


def test_true_cited_sentences_built_from_the_store_are_supported(demo_db: Store) -> None:
    text = ("On 22 March 2024 gunmen attacked Crocus City Hall near Moscow, killing 145 people [3]. "
            "On 11 June 2024 ICE arrested eight Tajik nationals in New York, Los Angeles and Philadelphia [4, 5]. "
            "At the start of 2024 Tajikistan owed China about $900m [6].")
    report = check_text(demo_db, text, "brief")
    assert isinstance(report, CheckReport) and report.errors == [] and report.exit_code == 0
    assert not [f for f in report.findings if f.kind == "missing_source"]
    assert [c.status for c in report.claims] == ["supported"] * 3
    ev = report.evidence_by_id()
    assert all(c.evidence and all(e in ev for e in c.evidence) for c in report.claims)


def test_competing_tolls_are_all_supported_but_not_any_number(demo_db: Store) -> None:
    for toll in (137, 143, 144, 145, 149):
        text = f"On 22 March 2024 gunmen attacked Crocus City Hall near Moscow, killing {toll} people."
        assert check_text(demo_db, text).errors == [], toll
    wrong = check_text(demo_db, "On 22 March 2024 gunmen attacked Crocus City Hall near Moscow, killing 45 people.")
    assert [f.kind for f in wrong.errors] == ["wrong_number"] and wrong.exit_code == 1
    assert wrong.errors[0].quote == "45 people" and wrong.errors[0].evidence


def test_wrong_actor_place_and_polarity(demo_db: Store) -> None:
    cases = {
        "The Taliban claimed responsibility for the attack on Crocus City Hall on 22 March 2024.": "wrong_actor",
        "On 11 June 2024 ICE arrested eight Tajik nationals in Chicago.": "contradicted",
        "On 11 June 2024 ICE arrested eight Tajik nationals on terrorism charges.": "contradicted",
    }
    for text, kind in cases.items():
        assert [f.kind for f in check_text(demo_db, text).errors] == [kind], text


@pytest.mark.usefixtures("rules_only")
def test_internal_contradiction_without_the_store(demo_db: Store) -> None:
    text = ("Police in Khorog detained 12 members of a smuggling ring in 2031. "
            "The ring's leader said that all nine detainees were later released.")
    report = check_text(demo_db, text)
    internal = [f for f in report.errors if f.kind == "internal_contradiction"]
    assert internal and internal[0].related and "12 members" in internal[0].related[0].quote


def test_hostile_text_is_quoted_exactly(demo_db: Store) -> None:
    text = "<script>alert('x')</script> In 2023 gunmen attacked Crocus City Hall near Moscow. \u200b😀"
    report = check_text(demo_db, text)
    assert any(f.kind == "wrong_date" for f in report.findings)
    for f in report.findings:
        assert text[f.start:f.end] == f.quote
