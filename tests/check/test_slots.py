"""Slots (check/slots.py): a name standing where the store's summary has another. Sentences of our own,
summaries paraphrasing the bundled pack."""

import pytest

from watchfloor.check import check_text
from watchfloor.check.slots import slot_conflicts
from watchfloor.store import Store

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


@pytest.mark.parametrize(("claim", "summary", "names"), [
    ("A day later Security Council secretary Sergei Shoigu toured Russian facilities in Tajikistan.",
     "Putin praised the base a day after Defence Minister Belousov visited Russian facilities there.",
     ("Sergei Shoigu", "Belousov")),
    ("The team reached Kabul and met Taliban interior minister Sirajuddin Haqqani.",
     "The delegation reached Kabul and met Taliban foreign minister Amir Khan Muttaqi.",
     ("Sirajuddin Haqqani", "Amir Khan Muttaqi")),
    ("On 11 January Iran's Revolutionary Guards named a Tajik as the bomb-maker.",
     "Iran's intelligence ministry named a Tajik known as Abdollah Tajiki as the bomb-maker.",
     ("Revolutionary Guards", "ministry")),
    ("Kyrgyz President Sadyr Japarov publicly asked Putin to show Central Asia respect.",
     "At the summit in Astana, Rahmon publicly asked Putin to stop treating Central Asian states as possessions.",
     ("Sadyr Japarov", "Rahmon")),
])
def test_a_swapped_name_is_found(claim: str, summary: str, names: tuple[str, str]) -> None:
    assert [(r.claim_name, r.store_name) for r in slot_conflicts(claim, summary)][:1] == [names]


def test_the_same_name_or_an_unrelated_one_is_no_conflict() -> None:
    summary = ("Meeting Rahmon, Putin called the base a guarantor of security, a day after Defence Minister Belousov "
               "visited.")
    assert slot_conflicts("Putin met Rahmon in Dushanbe on 9 October 2025 and praised the base.", summary) == []
    assert slot_conflicts("A day after Defence Minister Andrei Belousov visited, Putin spoke.", summary) == []


def test_a_speaker_named_more_precisely_is_no_conflict() -> None:
    summary = ("Two suicide bombings hit a crowd in Kerman; IS claimed it, U.S. intelligence blamed ISKP, and Iran "
               "said one bomber was Tajik.")
    claim = ("Two days later Iran's Intelligence Ministry said one bomber was Tajik and that 11 people had been "
             "arrested.")
    assert slot_conflicts(claim, summary) == []


def test_one_entity_spelled_two_ways_is_no_wrong_actor(demo_db: Store) -> None:
    text = ("In December 2021 the Kazakh capital hosted talks. The CSTO, whose full name is the Collective Security "
            "Treaty Organization, sent peacekeepers to Kazakhstan at President Tokayev's request in January 2022.")
    report = check_text(demo_db, text, "t", STYLE)
    assert not [f for f in report.errors if f.kind == "wrong_actor"]


def test_a_swapped_official_in_a_report_is_a_wrong_actor(demo_db: Store) -> None:
    text = ("On 15 November 2025 a 14-strong Tajik security and diplomatic team arrived in Kabul and met Taliban "
            "interior minister Sirajuddin Haqqani.")
    report = check_text(demo_db, text, "t", STYLE)
    assert [(f.kind, f.quote) for f in report.errors] == [("wrong_actor", "Sirajuddin Haqqani")]
