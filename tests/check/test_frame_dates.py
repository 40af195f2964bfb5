"""A second date of a sentence, compared with the store's date for the same verb (sentences of our own)."""

import pytest


def _dates(db, text: str) -> list[str]:
    from watchfloor.check import check_text

    return [f.quote for f in check_text(db, text, "t").findings if f.kind == "wrong_date" and f.severity == "error"]


@pytest.mark.usefixtures("rules_only")
def test_the_date_of_a_verb_the_summary_dates_otherwise_is_found(demo_db) -> None:
    right = ("On 25 April 2013 the UN Security Council unanimously created MINUSMA under resolution 2100, with up to "
             "11,200 soldiers and 1,440 police, to take over from the African-led AFISMA on 1 July 2013.")
    assert _dates(demo_db, right) == []
    assert _dates(demo_db, right.replace("1 July 2013", "1 June 2013")) == ["1 June 2013"]
