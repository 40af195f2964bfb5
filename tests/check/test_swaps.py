"""An actor swapped for another of the same kind, read against the demo store (sentences of our own)."""

import pytest


def _found(db, text: str) -> list[tuple[str, str]]:
    from watchfloor.check import check_text

    return [(f.kind, f.quote) for f in check_text(db, text, "t").findings if f.kind == "wrong_actor"]


@pytest.mark.usefixtures("rules_only")
def test_one_lender_put_for_another_is_found(demo_db) -> None:
    right = ("In August 2019 the IMF approved a new three-year Extended Credit Facility for Mali of SDR 140 "
             "million, about $193.5m.")
    assert _found(demo_db, right) == []
    assert _found(demo_db, right.replace("the IMF", "the World Bank")) == [("wrong_actor", "World Bank")]


@pytest.mark.usefixtures("rules_only")
def test_a_source_named_in_the_text_is_no_swap(demo_db) -> None:
    said = ("The World Bank said a new three-year Extended Credit Facility of SDR 140 million was approved for "
            "Mali in August 2019.")
    assert _found(demo_db, said) == []
    assert _found(demo_db, said.replace(" said", " approved").replace(" was approved", "")) != []


def test_speakers_are_read_from_the_parse() -> None:
    from watchfloor.extract.attribution import speakers

    text = "The Interior Ministry said five men were killed, and the court jailed them."
    assert [text[a:b] for a, b in speakers(text)] == ["The Interior Ministry"]
