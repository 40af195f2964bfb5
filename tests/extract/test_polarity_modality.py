from watchfloor.extract.events import find_triggers
from watchfloor.extract.modality import likelihood_terms, modality
from watchfloor.extract.polarity import is_negated, negation_spans


def negated_words(text: str, speech_acts: bool = False) -> dict[str, bool]:
    spans = negation_spans(text, 0, len(text), speech_acts)
    return {t.text: is_negated(spans, t.start, t.end) for t in find_triggers(text, 0, len(text))}


def test_none_of_quantifies_the_noun_not_the_participle() -> None:
    got = negated_words("While none of the detained men have been charged with terrorism-related offenses, "
                        "their removal through immigration proceedings continues.")
    assert got == {"detained": False, "charged": True, "removal": False}


def test_without_and_reported_denials() -> None:
    assert negated_words("arrested on immigration grounds, without terrorism charges")["charges"] is True
    text = "The ministry denied that a Chinese military base was being set up."
    assert negated_words(text)["military base"] is False
    assert negated_words(text, speech_acts=True)["military base"] is True


def test_icd203_terms_rows_and_off_scale_words() -> None:
    text = "It is highly likely that ISKP will recruit; an attack is unlikely; a deal is probable. May 2024 was calm."
    terms = [(t.text, t.row) for t in likelihood_terms(text, 0, len(text))]
    assert terms == [("highly likely", None), ("unlikely", "a"), ("probable", "b")]
    assert modality(text, 0, 30) == "hedged" and modality("Officials reportedly said so.", 0, 28) == "reported"


def test_a_word_is_refused_only_when_the_refusing_verb_acts_on_it() -> None:
    from watchfloor.extract import polarity

    def refused(text: str, word: str) -> bool:
        return polarity.refused(text, text.index(word), text.index(word) + len(word))

    assert refused("Hentzau, whose extradition Graustark had refused, was killed in Strelsau.", "extradition")
    assert refused("His appeal was rejected in May.", "appeal")
    assert not refused("Bordurian ministers meeting in Strelsau rejected the plan to delay the vote.", "meeting")
    assert refused("Graustark had refused Zenda's requests to extradite Hentzau.", "extradite")
    assert refused("Graustark rejected the extradition request.", "extradition")
    assert not refused("The court rejected the appeal against the conviction.", "conviction")
    assert not refused("Graustark extradited him and rejected a request for asylum.", "extradited")
