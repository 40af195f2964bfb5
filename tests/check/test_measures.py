"""Measures from a country pack: how a report names them comes from the pack, the partner's names from the data."""

from watchfloor.check.figures import parse_key
from watchfloor.check.measures import MEASURES, measures_for
from watchfloor.reference.catalogue import MeasureSpec


def _names(clause: str, unit: str, number: str) -> list[str]:
    start = clause.index(number)
    return [m.name for m in measures_for(clause, unit, start, start + len(number))]


def test_a_partner_is_named_any_way_the_data_spells_it() -> None:
    for partner in ("China", "Beijing", "the People's Republic of China", "Chinese lenders", "the PRC"):
        clause = f"By 2024 the country owed nearly 60% of its foreign debt to {partner}"
        assert _names(clause, "pct", "60%")[0] == "china_debt_share", partner
    assert "china_debt_share" not in _names("By 2024 it owed nearly 60% of its foreign debt to prc", "pct", "60%")


def test_store_figures_are_read_by_their_key_words() -> None:
    by_name = {m.name: m for m in MEASURES}
    assert by_name["china_debt"].figure(parse_key("owed_to_china_usd_m", 900))
    assert by_name["china_debt_share"].figure(parse_key("china_share_pct", 28.1))
    assert not by_name["china_debt"].figure(parse_key("owed_to_adb_usd_m", 900))
    assert by_name["deportations"].figure(parse_key("deported_2024_over", 30000))
    assert not by_name["deportations"].figure(parse_key("deported", 3))


def test_a_pack_measure_needs_no_python() -> None:
    from watchfloor.check.measures import _from_pack

    spec = MeasureSpec("gbr_debt", "debt owed to {partner}", "usd", "owed[^.;]{0,40}{partner}", partner="GBR",
                       key_any=("owed",))
    m = _from_pack("XYZ", spec)
    assert m.label == "debt owed to United Kingdom" and m.country == "XYZ"
    assert m.words.search("the $2bn it owed to Britain") and m.words.search("owed to the UK")
    assert not m.words.search("owed to the uk")
    assert m.figure(parse_key("owed_to_united_kingdom_usd_m", 5)) and not m.figure(parse_key("owed_usd_m", 5))
