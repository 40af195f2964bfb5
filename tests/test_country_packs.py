"""Country packs: the bundled ones load, and a wrong one is refused naming file, entry and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.errors import InputError
from watchfloor.reference import catalogue


def _pack(tmp_path: Path, entities: list[dict], aliases: object = None) -> Path:
    folder = tmp_path / "XYZ"
    folder.mkdir()
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
