"""Claim frames: each date and figure belongs to the predicate the parse hangs it on."""

from __future__ import annotations

from watchfloor.extract.frames import frames


def test_a_comparison_clause_keeps_its_year() -> None:
    fs = frames("It was the deadliest attack on Russian soil since the Beslan school siege in 2004.")
    main = fs[0]
    assert main.main and main.dates == []
    siege = next(f for f in fs if f.lemma == "siege")
    assert [d.text for d in siege.dates] == ["2004"] and siege.relation == "pobj" and not siege.main


def test_a_since_clause_is_its_own_frame() -> None:
    fs = frames("Turkey has been the target of numerous ISIL attacks since the group was declared a terrorist "
                "organization in 2013.")
    assert fs[0].dates == []
    declared = next(f for f in fs if f.lemma == "declare")
    assert declared.relation == "advcl:since"
    assert any(d.text == "2013" for f in fs if not f.main for d in f.dates)


def test_the_main_event_keeps_its_date_figure_and_agent() -> None:
    main = frames("On 11 June 2024, US authorities arrested eight Tajikistan nationals with suspected ties to ISIS "
                  "on immigration charges.")[0]
    assert (main.lemma, main.agent, main.negated) == ("arrest", "US authorities", False)
    assert [d.text for d in main.dates] == ["11 June 2024"]
    assert [(f.text, f.counts) for f in main.figures] == [("eight", "national")]


def test_a_dated_noun_and_its_relative_clause() -> None:
    fs = frames("Tajik nationals in Russia are feeling the backlash following the March 22 terrorist attack in "
                "Moscow that killed nearly 150 people.")
    attack = next(f for f in fs if f.lemma == "attack")
    killed = next(f for f in fs if f.lemma == "kill")
    assert [d.text for d in attack.dates] == ["March 22"] and [p.text for p in attack.places] == ["Moscow"]
    assert killed.parent == attack.head and killed.relation == "relcl"
    assert [(f.text, f.counts) for f in killed.figures] == [("nearly 150", "people")]
    assert fs[0].figures == [] and fs[0].dates == []


def test_figures_count_their_own_nouns_in_a_coordination() -> None:
    fs = frames("The Agrarian Party gained 986,887 votes, or 21%, and won five parliament seats.")
    gain, win = fs[0], next(f for f in fs if f.lemma == "win")
    assert gain.agent == "The Agrarian Party"
    assert [(f.text, f.counts) for f in gain.figures] == [("986,887", "vote"), ("21%", None)]
    assert [(f.text, f.counts) for f in win.figures] == [("five", "seat")] and win.parent == gain.head


def test_negation_and_modality() -> None:
    fs = frames("None of the detained men has been charged with a terrorism offence, and officials may deport "
                "them in 2025.")
    charged, deport = fs[0], next(f for f in fs if f.lemma == "deport")
    assert charged.lemma == "charge" and charged.negated
    assert deport.modal == "may" and not deport.negated and [d.text for d in deport.dates] == ["2025"]
    assert not frames("The court did not acquit them.")[0].modal
    assert frames("The court did not acquit them.")[0].negated


def test_a_figure_for_the_rest_of_a_group_is_marked() -> None:
    from watchfloor.extract.frames import remainder_figures

    text = "The other two cyclists killed in the attack were from Switzerland and the Netherlands."
    assert [text[a:b] for a, b in remainder_figures(text)] == ["two"]
    assert remainder_figures("The four gunmen were charged on Sunday.") == []


def test_a_figure_joined_to_a_name_counts_the_rest_of_the_group() -> None:
    from watchfloor.extract.frames import joined_figures

    text = "On 8 November Rupert Hentzau and two colleagues were detained in Strelsau."
    assert [text[a:b] for a, b in joined_figures(text)] == ["two"]
    assert joined_figures("Two officers and three attackers died in the clash.") == []
    assert joined_figures("The administration handed over 164 women and children.") == []


def test_a_denial_is_read_through_the_tree() -> None:
    from watchfloor.extract.frames import denied_by_parse

    def denied(text: str, word: str) -> bool:
        i = text.index(word)
        return denied_by_parse(text, i, i + len(word))

    assert denied("The court found no proof that the defendants had formed a terror cell.", "formed")
    assert denied("There was no sign of an attack.", "attack")
    assert not denied("The court found that they had formed a terror cell.", "formed")
    assert not denied("He did not say that the attack killed five.", "killed")


def test_the_people_a_nationality_describes() -> None:
    from watchfloor.extract.frames import described

    text = "In exchange, Ruritanian authorities freed two Bordurian hostages."
    assert described(text, text.index("Ruritanian"), text.index("Ruritanian") + 10) == "authority"
    assert described(text, text.index("Bordurian"), text.index("Bordurian") + 9) == "hostage"


def test_each_term_goes_to_the_name_the_parse_gives_it_to() -> None:
    from watchfloor.extract.holders import figure_holder

    text = ("The court sentenced Rupert Hentzau, the former chamberlain, to 25 years in prison, and his aide "
            "Fritz Detchard to 20 years.")

    def holder(figure: str) -> str | None:
        at = figure_holder(text, text.index(figure), text.index(figure) + len(figure))
        return None if at is None else text[at:].split()[0].strip(",")

    assert holder("25 years") == "Hentzau"
    assert holder("20 years") == "Detchard"
    clause = "Hentzau, who ran the palace guard for 16 years, was arrested."
    at = clause.index("16 years")
    assert figure_holder(clause, at, at + 8) is None


def test_a_figure_belongs_to_the_subject_of_its_verb() -> None:
    from watchfloor.extract.holders import owner_names

    text = ("The Zenda League gained 98,687 votes, or 21%, and won five seats. The Strelsau Party won three seats "
            "with 59,529 votes, or 12.3%. The Graustark Union failed to pass the 5% threshold. Police held 14 men.")

    def owners(figure: str) -> list[str]:
        at = text.index(figure)
        return owner_names(text, at, at + len(figure), [])

    assert owners("21%") == owners("five") == ["Zenda League"]
    assert owners("12.3%") == owners("59,529") == ["Strelsau Party"]
    assert owners("5%") == ["Graustark Union"]
    assert owners("14") == []


def test_a_never_stops_at_a_clause_with_its_own_subject() -> None:
    from watchfloor.extract.frames import negation_reaches

    text = "The inquiry never resumed and Hentzau had already been released from custody."
    at = text.index("released")
    assert negation_reaches(text, at, at + 8) is False
    denied = "Hentzau was never charged or released."
    at = denied.index("released")
    assert negation_reaches(denied, at, at + 8) is True
    assert negation_reaches("Graustark refused to extradite him.", 21, 30) is None
