"""Rules from the second held-out set, tested on sentences of our own in the same patterns.

Precision first: an error needs the same event, identified independently of the disputed detail, and a value
that really differs. Then the commonest analyst slips: a term, an acquittal, a date, a swapped participant, a
count, two counts of one event."""

import pytest

from watchfloor.check import check_text
from watchfloor.store import Store

pytestmark = pytest.mark.usefixtures("rules_only")

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def errors(store: Store, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.quote) for f in check_text(store, text, "t", STYLE).errors]


@pytest.mark.parametrize("text", [
    # the first number of a range is no count: "2 to 27 years" is a span of terms, not two people
    "Terms ranging from 2 to 27 years were handed to seven Tajik citizens in July 2020 for the Ishqobod attack.",
    # a place where people stayed is not the place of the event they are known for
    "Before the Crocus City Hall attack, gunmen Fariduni and Rachabalizoda had been living in Istanbul's Fatih "
    "district, a Turkish security source said in March 2024.",
    # two counts dated apart are two events, even with one border and one event word
    "Clashes on the Kyrgyz-Tajik border in late April 2021 killed around 55 people. "
    "Fighting on the same border in mid-September 2022 killed more than 100 people.",
    # a phrasal verb is no rise: "picked up eight" is a count of people
    "In June 2024 US agents picked up eight Tajik nationals in New York, Los Angeles and Philadelphia.",
])
def test_true_statements_raise_no_error(demo_db: Store, text: str) -> None:
    assert errors(demo_db, text) == [], text


@pytest.mark.parametrize("right,wrong,kind", [
    # a term is the term of the person written before it
    ("In October 2024 a Dushanbe court gave Nasimjon Sharifov 20 years and Suhrob Zafar 30 years for extremism.",
     "In October 2024 a Dushanbe court gave Nasimjon Sharifov 20 years and Suhrob Zafar 35 years for extremism.",
     "wrong_number"),
    # an acquittal is the opposite of a sentence
    ("In March 2017 a Dushanbe court sentenced Jovidon Hakimov, 29, for recruiting Tajiks to IS in Syria.",
     "In March 2017 a Dushanbe court acquitted Jovidon Hakimov, 29, of recruiting Tajiks to IS in Syria.",
     "contradicted"),
    # a riot at a named prison, in other words than the store's
    ("Prisoners rose up at Khujand's penal colony 3/3 in November 2018.",
     "Prisoners rose up at Khujand's penal colony 3/3 in November 2017.", "wrong_date"),
    # a count after a phrasal verb of arrest
    ("In June 2024 US agents picked up eight Tajik nationals in New York, Los Angeles and Philadelphia.",
     "In June 2024 US agents picked up six Tajik nationals in New York, Los Angeles and Philadelphia.",
     "wrong_number"),
    # a list of states as the subject: one swapped
    ("Russia, Uzbekistan and Tajikistan ended counter-terrorism exercises at Harb-Maidon in August 2021.",
     "Russia, Kyrgyzstan and Tajikistan ended counter-terrorism exercises at Harb-Maidon in August 2021.",
     "wrong_actor"),
    # "the first … since August 2021" does not confirm a claim that gives its own date
    ("Then, in November 2025, 14 Tajik officials met Amir Khan Muttaqi in Kabul, the first such team there since "
     "August 2021.",
     "Then, in November 2023, 14 Tajik officials met Amir Khan Muttaqi in Kabul, the first such team there since "
     "August 2021.", "wrong_date"),
    # "a 12-year term" is a sentence length
    ("Bakhtiyor Abdusamadov got an additional 20 years in September 2020 for stirring up a riot at Vahdat prison.",
     "Bakhtiyor Abdusamadov got an additional 12-year term in September 2020 for stirring up a riot at Vahdat "
     "prison.", "wrong_number"),
])
def test_right_passes_wrong_is_caught(demo_db: Store, right: str, wrong: str, kind: str) -> None:
    assert errors(demo_db, right) == [], right
    assert kind in [k for k, _ in errors(demo_db, wrong)], wrong


def test_a_later_count_of_the_hanged_is_caught(demo_db: Store) -> None:
    text = ("In July 2023 Iran hanged two men in public over the Shah Cheragh shrine attack of October 2022. "
            "Tehran's harshness is plain: the three men hanged for the shrine attack were shown on state TV.")
    found = errors(demo_db, text)
    assert any(q.startswith("three") for _, q in found), found
