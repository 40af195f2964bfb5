"""Agents and patients from the parse, and a doer swapped in the same role (sentences of our own)."""

import pytest


def _roles(text: str) -> list[tuple[str, str, str]]:
    from watchfloor.extract.arguments import arguments

    return [(a.lemma, a.role, text[a.start:a.end]) for a in arguments(text)]


def test_agent_and_patient_of_active_and_passive_verbs() -> None:
    assert _roles("Bordurian authorities deported him to Graustark.") == [
        ("deport", "agent", "Bordurian authorities"), ("deport", "patient", "him")]
    assert ("deport", "agent", "Ruritania") in _roles("The man was deported by Ruritania in May.")


def test_a_clause_inside_an_argument_is_not_part_of_it() -> None:
    roles = _roles("Graustark deported the man whom investigators had watched.")
    assert ("deport", "patient", "the man") in roles
    assert ("watch", "agent", "investigators") in roles


def _found(db, text: str) -> list[tuple[str, str]]:
    from watchfloor.check import check_text

    return [(f.kind, f.quote) for f in check_text(db, text, "t").findings if f.kind == "wrong_actor"]


@pytest.mark.usefixtures("rules_only")
def test_another_body_as_the_doer_of_the_same_verb_is_found(demo_db) -> None:
    right = ("Meeting in Yerevan in June 2016, the CSTO's security council secretaries agreed a joint list of "
             "terrorist and extremist organisations that included the IRPT alongside al-Qaeda and IS.")
    assert _found(demo_db, right) == []
    swapped = right.replace("the CSTO's", "the Shanghai Cooperation Organisation's")
    assert _found(demo_db, swapped) == [("wrong_actor", "Shanghai Cooperation Organisation")]


def test_a_place_that_acts_stands_as_an_argument() -> None:
    from watchfloor.extract.arguments import stands_as_argument

    def acts(text: str, word: str) -> bool:
        return stands_as_argument(text, text.index(word), text.index(word) + len(word))

    assert acts("The summit capped a decade in which Strelsau has cautiously widened its ties.", "Strelsau")
    assert acts("The plan was approved by Strelsau in May.", "Strelsau")
    assert not acts("Gunmen attacked the opera house in Zenda.", "Zenda")
    assert not acts("Zenda's mayor was shot.", "Zenda")



def test_a_nouns_by_phrase_names_its_doer() -> None:
    from watchfloor.extract.arguments import arguments, parsed_names

    text = "Acting on a suit by the Strelsau Chamber of Commerce, the court fined the firm."
    roles = {(a.lemma, a.role, text[a.start:a.end]) for a in arguments(text)}
    assert ("suit", "agent", "the Strelsau Chamber of Commerce") in roles
    brought = "The court acted on a suit brought by the Strelsau Chamber of Commerce."
    assert ("suit", "agent", "the Strelsau Chamber of Commerce") in {
        (a.lemma, a.role, brought[a.start:a.end]) for a in arguments(brought)}
    assert ("Strelsau Chamber of Commerce", "body") in {(w, s) for _, _, w, s in parsed_names(text)}


@pytest.mark.usefixtures("rules_only")
def test_a_body_the_alias_table_does_not_know_is_read_in_its_role(demo_db) -> None:
    right = ("On 29 September 2015 the Supreme Court, acting on a suit by the Prosecutor General, declared the "
             "Islamic Renaissance Party of Tajikistan an extremist and terrorist organisation and banned it.")
    assert _found(demo_db, right) == []
    swapped = right.replace("the Prosecutor General", "the Justice Ministry")
    assert _found(demo_db, swapped) == [("wrong_actor", "Justice Ministry")]
