"""Readings of session 11: initials, side clauses, how far a 'not' reaches (sentences of our own)."""

from __future__ import annotations

from watchfloor.check.wrong_actor import _initials_of
from watchfloor.extract.polarity import negation_spans, polarity_negated, reaching
from watchfloor.extract.side_clauses import side_clause


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



def test_a_running_total_word_must_govern_the_figure() -> None:
    from watchfloor.check.gate import _sums

    text = "The committee, with Ruritanian officers taking part, detained fourteen residents of Zenda."
    assert not _sums(text, text.index("taking"), text.index("fourteen"), text.index(" residents"))
    text = "Gunmen shot dead two workers near Zenda, bringing the week's toll to six."
    assert _sums(text, text.index("bringing"), text.index("six"), text.index("six") + 3)
    text = "Zenda has recorded fourteen attacks so far."
    assert _sums(text, text.index("so far"), text.index("fourteen"), text.index(" attacks"))
