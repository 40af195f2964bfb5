"""A date counted from another event the report names, against the demo store (sentences of our own)."""

import pytest

RIGHT = ("On 22 March 2024, four gunmen attacked Crocus City Hall outside Moscow, shooting concertgoers and setting "
         "the venue on fire.\n\nThree days after the attack, Tajikistan's GKNB, with Russian officers taking part, "
         "detained nine Vahdat residents suspected of links to the Crocus attackers.\n")


def _dates(db, text: str) -> list[tuple[str, str]]:
    from watchfloor.check import check_text

    report = check_text(db, text, "t")
    return [(f.quote, f.evidence[1].event_id if len(f.evidence) > 1 else "") for f in report.findings
            if f.kind == "wrong_date"]


@pytest.mark.usefixtures("rules_only")
def test_the_right_interval_passes_and_a_wrong_one_is_found(demo_db) -> None:
    assert _dates(demo_db, RIGHT) == []
    wrong = _dates(demo_db, RIGHT.replace("Three days after", "Two weeks after"))
    assert wrong == [("Two weeks after the attack", "fact-372dbc340cf3d9ad")]


@pytest.mark.usefixtures("rules_only")
def test_an_interval_with_no_earlier_anchor_is_left_alone(demo_db) -> None:
    alone = RIGHT.split("\n\n")[1].replace("Three days after", "Two weeks after")
    assert _dates(demo_db, alone) == []


@pytest.mark.usefixtures("rules_only")
def test_a_count_the_summary_states_from_the_same_anchor_is_compared_even_when_the_date_fits(demo_db) -> None:
    from watchfloor.check import check_text

    right = ("When Putin met Rahmon in Dushanbe in October 2025, a day after Defence Minister Belousov toured the "
             "Russian facilities, he called the base a guarantor of security for the country and the region.")

    def dated(text: str) -> list[str]:
        return [f.quote for f in check_text(demo_db, text, "t").findings if f.kind == "wrong_date"]

    assert dated(right) == []
    assert dated(right.replace("a day after", "two days after")) != []
