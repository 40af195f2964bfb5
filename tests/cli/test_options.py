"""Option values are checked against what the store holds: a wrong one is one message naming the valid ones
(exit 2), never an empty table; long listings say that they were cut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.store import Store, catalog

COUNTRY_HINT = "  → did you mean Tajikistan? (`watchfloor entities --kind country` lists them all)\n"


@pytest.mark.parametrize("args", [
    ["timeline", "tajikstan"], ["risk", "tajikstan"], ["actors", "tajikstan"], ["alerts", "tajikstan"],
    ["export", "tajikstan"], ["brief", "tajikstan"], ["indicators", "tajikstan"], ["relation", "tajikstan", "CHN"],
    ["relation", "CHN", "tajikstan"],
], ids=lambda a: "-".join(a))
def test_country_typo_gets_did_you_mean(cli, demo_db_path: Path, args: list[str]) -> None:
    res = cli("--db", demo_db_path, *args)
    assert res.code == 2
    assert res.err == "error: unknown country 'tajikstan'\n" + COUNTRY_HINT
    assert res.out == ""


def test_unknown_country_without_a_near_name_keeps_the_general_hint(cli, demo_db_path: Path) -> None:
    res = cli("--db", demo_db_path, "timeline", "narnia")
    assert res.code == 2
    assert res.err == ("error: unknown country 'narnia'\n  → use a country's name, an alias or its two- or "
                       "three-letter ISO code (`watchfloor entities --kind country` lists them)\n")


def test_unknown_event_type_lists_the_store_types(cli, demo_db_path: Path) -> None:
    with Store.open(demo_db_path, read_only=True) as store:
        types = catalog.event_types(store)
    assert "arrest" in types and "bombing" not in types
    res = cli("--db", demo_db_path, "timeline", "TJK", "--type", "bombing")
    assert res.code == 2
    assert res.err == f"error: unknown event type 'bombing'\n  → use one of: {', '.join(types)}\n"
    near = cli("--db", demo_db_path, "timeline", "TJK", "--type", "arest")
    assert near.code == 2
    assert near.err == (f"error: unknown event type 'arest'\n  → did you mean arrest? otherwise use one of: "
                        f"{', '.join(types)}\n")


def test_unknown_entity_kind_lists_the_kinds(cli, demo_db_path: Path) -> None:
    res = cli("--db", demo_db_path, "entities", "--kind", "bogus")
    assert res.code == 2
    assert res.err == ("error: unknown entity kind 'bogus'\n"
                       "  → use one of: country, organisation, armed_group, person, place, facility, other\n")
    assert res.out == ""


def test_unknown_dataset_lists_the_store_datasets(cli, demo_db_path: Path) -> None:
    with Store.open(demo_db_path, read_only=True) as store:
        datasets = catalog.datasets(store)
    res = cli("--db", demo_db_path, "alerts", "TJK", "--dataset", "acledd")
    assert res.code == 2
    assert res.err == f"error: unknown dataset 'acledd'\n  → use one of: {', '.join(datasets)}\n"


def test_cut_alias_lists_end_with_how_many_more(cli, demo_db_path: Path) -> None:
    groups = json.loads(cli("--db", demo_db_path, "entities", "--kind", "armed_group", "-f", "json").out)["entities"]
    iskp = next(e for e in groups if e["name"] == "Islamic State Khorasan Province")
    assert len(iskp["aliases"]) > 8
    res = cli("--db", demo_db_path, "entities", "--kind", "armed_group")
    assert res.code == 0
    assert f"… (+{len(iskp['aliases']) - 8} more)" in res.out
    assert "at most 8 aliases each; --format json for all" in res.out


def test_clip() -> None:
    from watchfloor.cli.common import clip

    assert clip(["a", "b"], 2) == "a, b"
    assert clip(["a", "b", "c", "d"], 2) == "a, b, … (+2 more)"


def test_sources_shows_50_and_says_how_many_more(cli, demo_db_path: Path) -> None:
    total = len(json.loads(cli("--db", demo_db_path, "sources", "-f", "json").out)["sources"])
    assert total > 50
    res = cli("--db", demo_db_path, "sources")
    assert res.code == 0
    assert f"Sources ({total})" in res.out
    assert res.out.endswith(f"… and {total - 50} more: narrow with --publisher, --grade, --kind or --match, or show "
                            "them all with --limit 0\n")
    everything = cli("--db", demo_db_path, "sources", "--limit", "0")
    assert everything.code == 0 and "more: narrow" not in everything.out


def test_sources_filters(cli, demo_db_path: Path) -> None:
    def sources(*args: str) -> list[dict]:
        res = cli("--db", demo_db_path, "sources", "-f", "json", *args)
        assert res.code == 0, res.err
        return json.loads(res.out)["sources"]

    graded = sources("--grade", "b", "--kind", "article")
    assert graded and all(s["reliability"] == "B" and s["kind"] == "article" for s in graded)
    two = sources("--grade", "B", "--grade", "C")
    assert {s["reliability"] for s in two} == {"B", "C"}
    dw = sources("--publisher", "deutsche")
    assert dw and all(s["publisher"] == "Deutsche Welle" for s in dw)
    shiraz = sources("--match", "SHIRAZ")
    assert "Iran says Tajik gunman behind Shiraz shrine attack" in [s["title"] for s in shiraz]
    assert all("shiraz" in f"{s['title']} {s['publisher']} {s['url']}".lower() for s in shiraz)
    limited = json.loads(cli("--db", demo_db_path, "sources", "-f", "json", "--limit", "5").out)
    assert len(limited["sources"]) == 5 and limited["total"] > 5
    table = cli("--db", demo_db_path, "sources", "--grade", "B", "--limit", "3")
    assert f"Sources ({len(sources('--grade', 'B'))} matching)" in table.out
    assert f"… and {len(sources('--grade', 'B')) - 3} more" in table.out


@pytest.mark.parametrize(("args", "err"), [
    (["--grade", "Q"], "error: unknown reliability grade 'Q'\n  → use one of: A, B, C, D, E, F\n"),
    (["--kind", "blog"], "error: unknown source kind 'blog'\n  → use one of: dataset, article, report, curated\n"),
], ids=["grade", "kind"])
def test_sources_refuses_unknown_grade_or_kind(cli, demo_db_path: Path, args: list[str], err: str) -> None:
    res = cli("--db", demo_db_path, "sources", *args)
    assert res.code == 2
    assert res.err == err
