"""Readings of session 11: initials, side clauses, how far a 'not' reaches (sentences of our own)."""

from __future__ import annotations

from watchfloor.check import check_text
from watchfloor.check.wrong_actor import _initials_of
from watchfloor.extract.polarity import negation_spans, polarity_negated, reaching
from watchfloor.extract.side_clauses import side_clause
from watchfloor.store import Store

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def test_initials_spell_the_other_name() -> None:
    assert _initials_of("PM", "prime minister")
    assert _initials_of("RDF", "Ruritanian Defence Force")
    assert _initials_of("RLF", "the Ruritanian Liberation Front")
    assert not _initials_of("PM", "Red Hand")
    assert not _initials_of("Pm", "prime minister")
    assert not _initials_of("R", "Ruritania")


def test_a_place_in_a_marked_side_clause_is_that_clause_s() -> None:
    text = "After Ruritania shot down a drone near Zenda, it closed its airspace to Strelsau's airlines."
    span = side_clause(text, text.index("Zenda"))
    assert span is not None and text[span[0]:span[1]].startswith("After Ruritania shot down")
    assert text.index("Zenda") < span[1] <= text.index(",")
    assert side_clause(text, text.index("closed")) is None
    plain = "Ruritania shot down a drone near Zenda."
    assert side_clause(plain, plain.index("Zenda")) is None


def _negated(text: str, word: str) -> bool:
    start = text.index(word)
    spans = reaching(negation_spans(text, 0, len(text)), text, start, start + len(word), 0, len(text))
    return polarity_negated(spans, start, start + len(word), word)


def test_a_not_denies_its_own_verb_and_not_the_clause_beside_it() -> None:
    assert not _negated("The leader is not here — he is being tried separately in Strelsau.", "tried")
    assert _negated("The leader was not tried in Strelsau.", "tried")
    assert _negated("Graustark has never extradited a Ruritanian national.", "extradited")


def test_a_bound_that_fits_does_not_excuse_a_wrong_date_of_occurrence(demo_db: Store) -> None:
    lead = (" Education Minister Amadou Sy Savane closed schools and universities nationwide for two weeks, until 9 "
            "November, because staff could not travel.")
    wrong = check_text(demo_db, "On 16 October 2025" + lead, "t", STYLE)
    assert [(f.kind, f.quote.split(" Education")[0]) for f in wrong.errors] == [("wrong_date", "16 October 2025")]
    assert check_text(demo_db, "On 26 October 2025" + lead, "t", STYLE).errors == []


def test_dates_of_the_same_predicate_are_set_side_by_side() -> None:
    from watchfloor.check.aligned_dates import _by_predicate
    from watchfloor.extract.dates import DateFinder

    text = "The lower house had passed it on 8 March 2024, the upper chamber approved it on 19 June 2024."
    dates = DateFinder().find(text, 0, len(text))
    by = _by_predicate(text, dates, 0)
    assert {lemma: d.text for lemma, d in by.items()} == {"pass": "8 March 2024", "approve": "19 June 2024"}
