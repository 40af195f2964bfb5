"""Country packs: the bundled ones load, and a wrong one is refused naming file, entry and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.errors import InputError
from watchfloor.reference import catalogue


def _pack(tmp_path: Path, entities: list[dict], aliases: object = None) -> Path:
    folder = tmp_path / "XYZ"
    folder.mkdir(parents=True)
    (folder / "reference.json").write_text(json.dumps({"iso3": "XYZ", "iso2": "XY", "entities": entities}),
                                           encoding="utf-8")
    if aliases is not None:
        (folder / "aliases.json").write_text(json.dumps(aliases), encoding="utf-8")
    return folder


def test_the_bundled_packs_load() -> None:
    packs = {p.iso3: p for p in catalogue.packs()}
    assert set(packs) == {"MLI", "TJK"}
    tjk = packs["TJK"]
    murghab = next(e for e in tjk.entries if e.name == "Murghab")
    assert (murghab.kind, murghab.lat, murghab.lon) == ("place", 38.17, 73.96)
    assert "ISKP" in next(v for k, v in tjk.aliases.items() if k == "Islamic State Khorasan Province")
    assert catalogue.PLACE_COORDS["Murghab"] == (38.17, 73.96)


def test_a_good_pack_from_a_folder(tmp_path: Path) -> None:
    pack = catalogue.load_pack(_pack(tmp_path, [{"name": "Somewhere", "kind": "place", "lat": 1.5, "lon": 2.5},
                                               {"name": "A Person", "kind": "person", "nationality": "XYZ"}],
                                     {"A Person": ["Person"]}))
    assert [e.kind for e in pack.entries] == ["place", "person"] and pack.aliases == {"A Person": ["Person"]}


@pytest.mark.parametrize(("entity", "message"), [
    ({"name": "X", "kind": "village"}, "entity 'X': kind must be one of place, facility, person, armed_group"),
    ({"name": "X", "kind": "person", "nationality": "tj"}, "entity 'X': nationality must be an ISO3 code or null"),
    ({"name": "X", "kind": "place", "lat": 95, "lon": 10}, "entity 'X': give both lat (-90 to 90) and lon"),
    ({"name": "X", "kind": "place", "lat": 10}, "entity 'X': give both lat"),
    ({"kind": "place"}, "entity: an entry needs a 'name'"),
])
def test_a_wrong_entry_names_file_entry_and_field(tmp_path: Path, entity: dict, message: str) -> None:
    folder = _pack(tmp_path, [entity])
    with pytest.raises(InputError) as err:
        catalogue.load_pack(folder)
    assert str(err.value).startswith(f"{folder / 'reference.json'}")
    assert message in str(err.value) and "fix the country pack" in str(err.value)


def test_wrong_aliases_and_broken_json(tmp_path: Path) -> None:
    folder = _pack(tmp_path, [], {"Name": "not a list"})
    with pytest.raises(InputError, match="each canonical name must map to a list of variant names"):
        catalogue.load_pack(folder)
    (folder / "reference.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable JSON file"):
        catalogue.load_pack(folder)


def _measures(tmp_path: Path, measures: object) -> Path:
    folder = _pack(tmp_path, [])
    (folder / "measures.json").write_text(json.dumps({"measures": measures}), encoding="utf-8")
    return folder


_GOOD = {"name": "partner_debt", "description": "debt owed to {partner}", "unit": "usd", "partner": "GBR",
         "claim": "owed[^.;]{0,50}{partner}", "key": {"any": ["owed", "debt"]}}


def test_the_measures_a_pack_tracks(tmp_path: Path) -> None:
    packs = {p.iso3: p for p in catalogue.packs()}
    share = next(m for m in packs["TJK"].measures if m.share_of)
    assert share.unit == "pct" and share.partner and share.share_of[1] == "external_debt"
    assert packs["MLI"].measures == ()
    pack = catalogue.load_pack(_measures(tmp_path, [_GOOD]))
    assert [(m.name, m.partner, m.key_any) for m in pack.measures] == [("partner_debt", "GBR", ("owed", "debt"))]


@pytest.mark.parametrize(("change", "message"), [
    ({"unit": "apples"}, "measure 'partner_debt': unit must be one of pct, rank, count or an ISO 4217 code"),
    ({"partner": "Graustark"}, "measure 'partner_debt': partner must be an ISO3 code or null"),
    ({"claim": "owed(to"}, "measure 'partner_debt': not a regular expression"),
    ({"claim": ""}, "measure 'partner_debt': must be a non-empty text"),
    ({"key": {"all": "owed"}}, "measure 'partner_debt': key 'all' must be a list of words"),
    ({"key": {"some": ["owed"]}}, "measure 'partner_debt': key takes 'all' and 'any'"),
    ({"share_of": {"part": "a"}}, "measure 'partner_debt': share_of needs 'part' and 'whole'"),
    ({"of_gdp": "yes"}, "measure 'partner_debt': must be true, false or null"),
])
def test_a_wrong_measure_names_file_entry_and_field(tmp_path: Path, change: dict, message: str) -> None:
    folder = _measures(tmp_path, [_GOOD | change])
    with pytest.raises(InputError) as err:
        catalogue.load_pack(folder)
    assert str(err.value).startswith(f"{folder / 'measures.json'}, field ")
    assert message in str(err.value) and "fix the country pack" in str(err.value)


def test_a_measure_named_twice_or_unnamed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="measure 'partner_debt': a measure of this name is already defined"):
        catalogue.load_pack(_measures(tmp_path / "a", [_GOOD, _GOOD]))
    with pytest.raises(InputError, match="measure: an entry needs a 'name'"):
        catalogue.load_pack(_measures(tmp_path / "b", [{"unit": "usd"}]))
    with pytest.raises(InputError, match="needs a 'measures' list"):
        catalogue.load_pack(_measures(tmp_path / "c", {"name": "x"}))


def test_a_country_goes_by_the_names_the_data_gives_it() -> None:
    names = catalogue.country_names("GBR")
    assert names[0] == "United Kingdom" and {"Britain", "UK", "British"} <= set(names)


def test_a_pack_brings_its_currency_and_reports_are_read_in_it() -> None:
    from watchfloor.extract.money import currency_unit, is_money
    from watchfloor.extract.quantities import find_quantities

    packs = {p.iso3: p for p in catalogue.packs()}
    assert packs["MLI"].currency is not None and packs["MLI"].currency.code == "XOF"
    assert currency_unit("CFA  francs") == "xof" and currency_unit("US$") == "usd" and is_money("xof")
    text = "The budget of FCFA 120 billion was cut to 95 billion CFA francs, about $160m."
    found = [(q.text, q.value, q.unit) for q in find_quantities(text, 0, len(text), [])]
    assert found == [("FCFA 120 billion", 120e9, "xof"), ("95 billion CFA francs", 95e9, "xof"),
                     ("about $160m", 160e6, "usd")]


@pytest.mark.parametrize(("currency", "message"), [
    ({"code": "XXQ", "words": ["quid"]}, "currency: 'XXQ' is not an ISO 4217 currency code"),
    ({"code": "GBP", "words": "quid"}, "currency GBP: 'words' must be a list of non-empty strings"),
    ("GBP", "currency: must be an object with 'code', 'symbols' and 'words'"),
])
def test_a_wrong_currency_names_file_and_field(tmp_path: Path, currency: object, message: str) -> None:
    folder = _pack(tmp_path, [])
    ref = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    (folder / "reference.json").write_text(json.dumps(ref | {"currency": currency}), encoding="utf-8")
    with pytest.raises(InputError) as err:
        catalogue.load_pack(folder)
    assert str(folder / "reference.json") in str(err.value) and message in str(err.value)
