"""Rules found on held-out reports (bench/data/heldout6, 8, 9): each either finds an error the checker missed or
keeps a true statement from being flagged. Sentences of our own."""

import pytest

from watchfloor.check import check_text
from watchfloor.check.changes import find_changes
from watchfloor.extract.quantities import find_quantities
from watchfloor.store import Store

pytestmark = pytest.mark.usefixtures("rules_only")

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def _errors(store: Store, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.quote) for f in check_text(store, text, "t", STYLE).errors]


def test_change_words_give_direction_and_keep_differences() -> None:
    text = "External debt fell by $87m in the quarter, while remittances jumped 83%."
    deltas: list = []
    levels = find_quantities(text, 0, len(text), [], deltas)
    found = sorted(find_changes(text, levels + deltas), key=lambda c: c.start)
    assert [(c.word.split()[0], c.direction, c.quantity.value) for c in found] == [("fell", -1, 87e6),
                                                                                    ("jumped", 1, 83.0)]


def test_direction_reversed_is_contradicted(demo_db: Store) -> None:
    text = ("Tajikistan's Finance Ministry reported external debt of $3.1bn at 1 April 2025, saying it had risen by "
            "$87m since January.")
    assert ("contradicted", "risen by $87m") in _errors(demo_db, text)


def test_same_change_word_other_figure_is_a_wrong_number(demo_db: Store) -> None:
    text = ("Forecasters expected a collapse after Russia invaded Ukraine, yet remittances to Tajikistan jumped 63% "
            "in 2022 to $5.3bn, up from $2.9bn in 2021.")
    assert ("wrong_number", "63%") in _errors(demo_db, text)


def test_two_bounds_the_same_way_are_compared(demo_db: Store) -> None:
    text = ("At the C5+1 summit in Washington on 6 November 2025 the deals announced included the sale of up to 47 "
            "Boeing aircraft to carriers from Kazakhstan, Tajikistan and Uzbekistan.")
    assert [k for k, q in _errors(demo_db, text) if "47" in q] == ["wrong_number"]


def test_a_number_belongs_to_the_event_its_date_names(demo_db: Store) -> None:
    text = ("Russia's 201st military base has sites in Dushanbe and Bokhtar. In 2016 about 100 new vehicles arrived "
            "by rail, and in December 2021 a batch of 40 upgraded T-72B3M tanks was formally handed over.")
    assert _errors(demo_db, text) == [("wrong_number", "40 upgraded T-72B3M tanks")]


def test_debt_service_is_not_the_debt(demo_db: Store) -> None:
    text = "About $3bn of Tajikistan's public debt is external. External debt service cost $504.6m in 2025."
    assert _errors(demo_db, text) == []


def test_running_total_is_no_count_of_one_event(demo_db: Store) -> None:
    text = ("On 30 November 2025 gunmen from Afghan territory killed two road workers of China Road and Bridge "
            "Corporation near Shodaki village in Darvoz district. Together with the drone strike four days earlier, "
            "this left five Chinese nationals dead in cross-border attacks within a single week.")
    assert _errors(demo_db, text) == []


def test_an_owner_is_not_the_doer_and_a_contrast_denies_nothing(demo_db: Store) -> None:
    text = ("Taliban forces entered Kabul on 15 August 2021 as President Ashraf Ghani left the country. "
            "In September 2021 Rahmon posthumously awarded Ahmad Shah Massoud the Order of Ismoili Somoni, while "
            "Massoud's son was fighting the Taliban in Panjshir. The men Iran hanged in July 2023 were convicted over "
            "the 2022 Shah Cheragh massacre, not the 2023 shooting.")
    assert _errors(demo_db, text) == []


def test_a_date_another_event_has_is_no_wrong_date(demo_db: Store) -> None:
    text = ('In December 2015 the lower house voted unanimously to make Rahmon "Leader of the Nation". A referendum '
            "on 22 May 2016 then removed presidential term limits for him and lowered the minimum age to 30.")
    assert _errors(demo_db, text) == []


def test_slips_of_the_pen() -> None:
    from watchfloor.check.attributes import near_miss

    assert [near_miss(a, b) for a, b in [(164, 146), (24, 14), (645e6, 545e6), (865_000, 685_000)]] == [True] * 4
    assert [near_miss(a, b) for a, b in [(2, 3), (36_000, 30_000), (100, 1000), (2.9e9, 5.3e9)]] == [False] * 4


def test_a_figure_read_in_the_summary(demo_db: Store) -> None:
    text = ("On 25 July 2022 Syria's Kurdish-led administration handed over 164 Tajik women and children, the first "
            "return from the Syrian camps. At the 2021 meeting with Pakistan's foreign minister Rahmon said ethnic "
            "Tajiks made up over 64% of Afghanistan's population.")
    assert _errors(demo_db, text) == [("wrong_number", "164 Tajik women"),
                                      ("wrong_number", "over 64% of Afghanistan's population")]


def test_two_figures_identify_an_event(demo_db: Store) -> None:
    text = "The reverse happened in Tajikistan: inflows jumped 38% in 2022 to $5.3bn, up from $2.9bn."
    assert _errors(demo_db, text) == [("wrong_number", "38%")]


def test_a_party_the_store_says_was_absent(demo_db: Store) -> None:
    text = ("In March 2025 the ruling People's Democratic Party won the parliamentary elections with 51.9% of the "
            "party-list vote. An OSCE observer mission monitored the vote.")
    assert [k for k, _ in _errors(demo_db, text)] == ["contradicted"]
    text = text.replace("An OSCE observer mission monitored the vote.", "No OSCE observer mission monitored the vote.")
    assert _errors(demo_db, text) == []


def test_a_shared_change_figure_identifies_the_event(demo_db: Store) -> None:
    text = "Chinese customs recorded 2024 trade with Tajikistan at $3.8bn, up $65m on the year."
    assert [k for k, _ in _errors(demo_db, text)] == ["contradicted"]


def test_whom_a_number_counts_after_it(demo_db: Store) -> None:
    from watchfloor.extract.quantities import find_quantities

    text = "The committee said two officers and six of the intruders died; three of its officers were hurt."
    assert [(q.text, q.subgroup) for q in find_quantities(text, 0, len(text), [])] == [
        ("two officers", "police"), ("six", "attackers"), ("three", "police")]
    # whether the report-level finding on 'six' is raised at all depends on the identity model, whose veto for a
    # statement that names nothing sits at its threshold here (since session 13's stems): the test holds the
    # reading above, and that the officers, who agree with the store, are never flagged
    report = ("On 24 December 2025 Tajik border guards fought an armed group at Border Post No. 5 Bogh in Shamsiddin "
              "Shohin district. The security committee said two officers and six of the intruders died.")
    flagged = {f.quote for f in check_text(demo_db, report, "t", STYLE).findings if f.kind == "wrong_number"}
    assert flagged <= {"six"}


def test_accepting_what_the_store_says_was_disputed(demo_db: Store) -> None:
    text = ("The World Bank put remittances at about 45.3% of GDP in 2024, with inflows of roughly $5.8bn, an "
            "estimate the National Bank chairman publicly accepted in August 2025.")
    assert [k for k, _ in _errors(demo_db, text)] == ["contradicted"]


def test_neighbouring_districts_are_two_places(demo_db: Store) -> None:
    text = ("On 24 December 2025 border troops engaged an armed group crossing from Afghanistan at Border Post No. 5 "
            "Bogh in Darvoz district.")
    assert _errors(demo_db, text) == [("contradicted", "Darvoz")]


def test_every_candidate_says_the_opposite(demo_db: Store) -> None:
    text = ("Gunmen from Afghanistan killed Chinese workers in Khatlon and GBAO in late November 2025. Beijing's "
            "embassy, notably, did not advise its nationals to leave the border area.")
    assert [k for k, _ in _errors(demo_db, text)] == ["contradicted"]


def test_words_belong_to_the_event_of_their_own_date(demo_db: Store) -> None:
    text = ("The pace quickened in late 2025: a drone from Afghan territory killed three Chinese workers at a Shohin "
            "SM camp on 26 November, two China Road and Bridge Corporation workers were shot dead in Darvoz four days "
            "later, and on 24 December a clash at Border Post No. 5 Bogh left two Tajik officers dead.")
    assert _errors(demo_db, text) == []


def test_rather_than_negates_and_an_acronym_is_its_long_name(demo_db: Store) -> None:
    text = ("On 11 June 2024 ICE detained eight Tajik nationals with suspected ISIS ties in New York, Los Angeles and "
            "Philadelphia on immigration grounds rather than terrorism charges. In April 2025 the Duesseldorf court "
            "that tried the Central Asians arrested in North Rhine-Westphalia found no proof they formed an ISKP cell.")
    assert _errors(demo_db, text) == []


def test_more_than_a_year_earlier_is_a_direction(demo_db: Store) -> None:
    text = ("Finance Ministry data showed Tajikistan's debt to China at about $820m at the start of 2025, roughly $80m "
            "more than a year earlier, with 2025 repayments due to reach $473m.")
    assert [k for k, _ in _errors(demo_db, text)] == ["contradicted"]


def test_an_acronym_and_a_rank_find_the_event(demo_db: Store) -> None:
    """The event is found; since session 13 a date a state has held since is a warning that says so, not an
    error (gate.weak_date: 'under construction since 2017' on a real World Bank page was a false error)."""
    text = "Tajikistan has been the WTO's 159th member since March 2014, the second in Central Asia after Kyrgyzstan."
    found = [f for f in check_text(demo_db, text, "t", STYLE).findings if f.kind == "wrong_date"]
    assert [(f.severity, f.quote) for f in found] == [("warning", "member since March 2014")]
    assert "since when something has held" in found[0].message


def test_true_statements_from_the_clean_held_out_sets(demo_db: Store) -> None:
    text = ("Moscow's 201st military base, with sites in Dushanbe and Bokhtar, is the core of the relationship; an "
            "agreement of October 2012 extended its stay until 2042. By Eurasianet's count, about 60% of the roughly "
            "$3.3bn external debt at the start of 2022 was owed to China's Eximbank. Quvvatov was shot dead in "
            "Istanbul in March 2015, after Turkey had refused to extradite him. By 27 April 2024 the Foreign "
            "Ministry in Dushanbe reported that 954 citizens were being held at Vnukovo airport and only 322 let in. "
            "Tajikistan's growth averaged 7.7% over five years.")
    assert _errors(demo_db, text) == []


def test_since_january_is_no_period_and_a_cited_year_no_event_date(demo_db: Store) -> None:
    text = ("Tajikistan's Finance Ministry reported external debt of $3.1bn in April 2025, down $87m since January, "
            "with China the largest bilateral creditor. In December 2024 the World Bank approved a $350m IDA grant "
            "for Rogun, whose capacity has risen to 3,780 MW from the 3,600 MW cited in 2019.")
    assert _errors(demo_db, text) == []


def test_increase_after_the_figure_and_residents_of_a_town(demo_db: Store) -> None:
    text = ("Tajikistan's labour ministry recorded about 652,000 citizens leaving to work abroad in 2023, a 16% "
            "increase on 2022, with 627,000 of them bound for Russia.")
    assert [k for k, _ in _errors(demo_db, text)] == ["contradicted"]
    text = ("On 25 March 2024 Tajikistan's GKNB, with Russian officers taking part, detained nine residents of "
            "Khujand suspected of ties to the Crocus attackers and ISKP.")
    assert _errors(demo_db, text) == [("contradicted", "Khujand")]


def test_those_who_refused_are_not_refused(demo_db: Store) -> None:
    text = ("After militants slipped into Darvoz from Afghanistan on the night of 30 August 2023, Tajik forces "
            "killed three Jamaat Ansarullah members who refused to surrender.")
    assert _errors(demo_db, text) == []


def test_a_term_is_read_against_the_person_the_parse_gives_it_to(demo_db: Store) -> None:
    text = ("In October 2024 a Dushanbe court sentenced Suhrob Zafar, the leader of the opposition movement Group 24, "
            "to twenty-five years in prison, and his fellow activist Nasimjon Sharifov to 20 years.")
    found = [(f.kind, f.quote) for f in check_text(demo_db, text, "t", STYLE).findings if f.kind == "wrong_number"]
    assert found == [("wrong_number", "twenty-five years")]


def test_two_round_shares_a_whole_step_apart_differ(demo_db: Store) -> None:
    text = ("In December 2024 the World Bank approved a $350m IDA grant for the first phase of completing Rogun, "
            "which it now puts at 3,780 MW and $6.29bn, with about 60% of the power meant for export.")
    assert _errors(demo_db, text) == [("wrong_number", "about 60% of the power meant for export")]


def test_a_short_form_of_a_full_name_and_a_participle_before_a_refusal(demo_db: Store) -> None:
    text = ("In June 2016, on completing its fifth review, the Fund extended Mali's credit facility to December 2017 "
            "and raised it by SDR 60 million to SDR 98 million. On 9 January 2022 ECOWAS leaders meeting in Accra "
            "rejected the junta's plan to hold elections only in December 2025.")
    assert _errors(demo_db, text) == []


def test_who_is_counted_and_what_their_verb_counts_are_two_readings(demo_db: Store) -> None:
    text = ("When the closed Crocus trial opened in Moscow in August 2025, the gunmen Fariduni and Mirzoyev admitted "
            "guilt and Rachabalizoda accepted only the charge of belonging to IS. Thirteen defendants face terrorism "
            "charges; the rest are accused of aiding terrorism.")
    found = [(f.kind, f.quote) for f in check_text(demo_db, text, "t", STYLE).findings if f.kind == "wrong_number"]
    assert found == []


def test_a_figure_is_read_against_the_noun_it_gives_the_value_of(demo_db: Store) -> None:
    from watchfloor.extract.counted import measured_noun

    text = "Strelsau priced its bond at a yield of 6.5%, below the guidance of 7%."
    assert measured_noun(text, text.index("6.5%"), text.index("6.5%") + 4) == "yield"
    report = ("In September 2017 Tajikistan sold its first Eurobond, $500m over ten years, pricing it at a yield of "
              "7.625% after orders above $4bn.")
    found = [(f.kind, f.quote) for f in check_text(demo_db, report, "t", STYLE).findings if f.kind == "wrong_number"]
    assert found == [("wrong_number", "7.625%")]


def test_a_figure_the_events_own_summary_writes_is_not_contradicted_by_its_key(demo_db: Store) -> None:
    text = ("On 16 September 2015 the Interior Ministry said Nazarzoda himself and ten of his followers had been "
            "killed in the Romit Gorge after refusing to surrender.")
    found = [(f.kind, f.quote) for f in check_text(demo_db, text, "t", STYLE).findings if f.kind == "wrong_number"]
    assert found == []


def test_the_other_places_of_a_list_with_the_events_place_are_its_parties(demo_db: Store) -> None:
    text = ("On 16 September 2023 the military rulers in Bamako, Ouagadougou and Niamey signed the Liptako-Gourma "
            "Charter, which created the Alliance of Sahel States, a mutual defence pact.")
    assert _errors(demo_db, text) == []


def test_a_negation_of_one_clause_does_not_deny_the_next(demo_db: Store) -> None:
    text = ("In March 2021 a Malian court dropped the case against Sanogo over the 2012 killings; by then he had "
            "already been released from custody.")
    assert _errors(demo_db, text) == []


def test_the_summary_is_read_through_its_names_for_what_it_writes(demo_db: Store) -> None:
    text = ("The Crocus City Hall attack of 22 March 2024 was the deadliest: four Tajik gunmen killed at least 144 "
            "people.")
    found = [(f.kind, f.quote) for f in check_text(demo_db, text, "t", STYLE).errors if f.kind == "wrong_number"]
    assert found == []
