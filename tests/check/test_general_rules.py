"""Rules found missing on reports written without seeing the checker: each catches the wrong version of a
statement and leaves the true version alone (a false error is worse than a miss)."""

import pytest

from watchfloor.check import check_text
from watchfloor.store import Store

pytestmark = pytest.mark.usefixtures("rules_only")

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def kinds(store: Store, text: str) -> list[str]:
    return [f.kind for f in check_text(store, text, "t", STYLE).errors]


@pytest.mark.parametrize("right,wrong,kind", [
    # a state acting through its officers; "flew home" is a deportation
    ("In April 2024 Polish authorities flew home a Tajik IS member wanted under an Interpol red notice.",
     "In April 2024 German authorities flew home a Tajik IS member wanted under an Interpol red notice.",
     "wrong_actor"),
    ("In March 2024 Tajikistan's GKNB, working with Russian officers, detained nine people from Vahdat.",
     "In March 2024 Tajikistan's GKNB, working with Kazakh officers, detained nine people from Vahdat.",
     "wrong_actor"),
    # the country an event word is put in
    ("In October 2024 a Dushanbe court jailed Suhrob Zafar for 30 years after rights groups said he had been "
     "forcibly disappeared in Turkey.",
     "In October 2024 a Dushanbe court jailed Suhrob Zafar for 30 years after rights groups said he had been "
     "forcibly disappeared in Russia.", "contradicted"),
    # an age limit is an age; the store's summary gives it
    ("Tajikistan's May 2016 referendum lowered the minimum age for president to 30.",
     "Tajikistan's May 2016 referendum lowered the minimum age for president to 35.", "wrong_number"),
    # two areas in the claim, two in the store: one pair agrees, so the other must too
    ("In January 2011 the lower house ratified a border protocol that handed China about 1,100 sq km of the "
     "28,500 sq km disputed Pamir area.",
     "In January 2011 the lower house ratified a border protocol that gave China about 3,000 sq km of the "
     "28,500 sq km disputed Pamir area.", "wrong_number"),
    # a paraphrased confirmation against the store's dismissal
    ("A day after the Crocus attack, Tajikistan's Foreign Ministry dismissed a Baza report naming four Tajik "
     "citizens as suspects.",
     "A day after the Crocus attack, Tajikistan's Foreign Ministry endorsed a Baza report naming four Tajik "
     "citizens as suspects.", "contradicted"),
    # a span of days that begins on the store's first day and ends on another
    ("Renewed fighting along the Kyrgyz-Tajik frontier near Isfara ran from 14 to 17 September 2022 and killed "
     "more than a hundred people.",
     "Renewed fighting along the Kyrgyz-Tajik frontier near Isfara ran from 14 to 19 September 2022 and killed "
     "more than a hundred people.", "wrong_date"),
    # a date counted from another that happens to fit the event does not excuse a written one that fits nothing
    ("On 15 May 2015 the government and pro-government armed groups signed the Algiers peace agreement in Bamako. "
     "The Coordination of Azawad Movements, which had initialled the text in Algiers the day before, held back and "
     "then added its signature on 20 June 2015.",
     "On 15 May 2015 the government and pro-government armed groups signed the Algiers peace agreement in Bamako. "
     "The Coordination of Azawad Movements, which had initialled the text in Algiers the day before, held back and "
     "then added its signature on 20 July 2015.", "wrong_date"),
])
def test_right_passes_wrong_is_caught(demo_db: Store, right: str, wrong: str, kind: str) -> None:
    assert kinds(demo_db, right) == [], right
    assert kind in kinds(demo_db, wrong), wrong


def test_a_time_step_starts_a_new_clause(demo_db: Store) -> None:
    text = ("In November 2025 a drone strike on a Shohin SM camp killed three Chinese workers, and four days later "
            "two China Road and Bridge Corporation employees were shot dead in Darvoz.")
    assert kinds(demo_db, text) == []


def test_one_event_two_counts_in_other_words(demo_db: Store) -> None:
    text = ("The Crocus trial of 19 people opened on 4 August 2025 behind closed doors in Moscow. "
            "With 13 of the 17 defendants in the Crocus case facing terrorism charges, the reckoning goes on.")
    report = check_text(demo_db, text, "t", STYLE)
    flagged = [f for f in report.errors if f.quote.startswith("17")]
    assert flagged and flagged[0].kind in ("wrong_number", "internal_contradiction")


def test_debt_to_china_when_china_is_the_most_named_country(demo_db: Store) -> None:
    text = ("China and Beijing's banks dominate: China is the largest creditor of China's neighbour. "
            "Tajikistan's debt to Beijing stood at $1.5bn in early 2022.")
    report = check_text(demo_db, text, "t", STYLE)
    assert [f.kind for f in report.errors] == ["wrong_number"]
