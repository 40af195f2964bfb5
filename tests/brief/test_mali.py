"""A second country from data alone: the Mali pack and its bundled watch plan give a brief the same shape as
Tajikistan's."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from tests.brief.conftest import TODAY, store_with
from tests.brief.test_brief import MARKERS, body_sentences, judged_texts, section
from watchfloor.analyse.watchplan import load_plan
from watchfloor.brief import Brief, write_brief
from watchfloor.store import Store

PLAN = Path(str(resources.files("watchfloor").joinpath("data", "countries", "MLI", "watchplan.json")))
PACK = PLAN.with_name("facts.jsonl")


@pytest.fixture(scope="module")
def mali_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_with(tmp_path_factory.mktemp("mali") / "mali.duckdb", PACK)


@pytest.fixture(scope="module")
def mali(mali_db: Path) -> Brief:
    with Store.open(mali_db, read_only=True) as store:
        return write_brief(store, "MLI", today=TODAY, self_check=False, figures=False, plan=load_plan(PLAN))


def test_mali_brief_answers_its_own_questions(mali: Brief) -> None:
    md = mali.markdown
    assert md.startswith("# Mali: Assessment, 2024–2025\n")
    assert [j.topic for j in mali.contents.judgments] == ["jnim-pressure", "russia-reliance", "economy"]
    assert section(md, "Key Judgments").split("\n\n", 2)[1].startswith(
        "Over the twelve months from 31 December 2025, it is likely that JNIM "
        "will keep up or widen its attacks"), "the Holding answer's one signpost is silent, but Rising rests on "\
        "signposts met that tell the answers apart: a likelihood, not 'insufficient evidence'"
    assert "| Signpost | Reading | Holding | Fraying | Sources |" in md
    russia = mali.contents.judgments[1]
    assert (russia.answer, russia.likelihood) == ("Holding, on balance", "likely")
    assert re.search(r"Reports of the attack on 7 September 2023 differ on the number of civilians killed: 49 "
                     r"according to [^,\[]+ and 154 according to Wikipedia", section(md, "Annex: Competing Values"))
    sentences = body_sentences(md, judged_texts(mali))
    assert len(sentences) >= 15 and all(MARKERS.search(s) for s in sentences)


def test_the_cli_takes_a_plan(cli, mali_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "mali.md"
    res = cli("--db", mali_db, "brief", "mali", "--plan", PLAN, "--since", "2025-06", "-o", out)
    assert res.code == 0, res.err
    assert "### 1. Is JNIM's pressure on the state rising?" in out.read_text(encoding="utf-8")


def test_without_a_watch_plan_the_brief_is_the_chronology(tmp_path: Path) -> None:
    """A country with facts but no bundled watch plan (here a made-up pack about Kyrgyzstan) gets a chronology."""
    facts = [("2024-03-05", "protest", "Traders protested against a new market tax in the capital."),
             ("2024-06-20", "agreement", "The government signed a border delimitation protocol with a neighbour."),
             ("2025-02-11", "election", "Voters elected a new city council in the country's second city.")]
    pack = tmp_path / "kgz.jsonl"
    pack.write_text("".join(json.dumps({"date": d, "event_type": t, "summary": text, "country": "Kyrgyzstan",
                                        "source_url": f"https://example.org/kgz/{i}"}) + "\n"
                            for i, (d, t, text) in enumerate(facts)), encoding="utf-8")
    with Store.open(store_with(tmp_path / "kgz.duckdb", pack), read_only=True) as store:
        b = write_brief(store, "KGZ", today=TODAY, self_check=False, figures=False)
    heads = re.findall(r"^## (.+)$", b.markdown, re.M)
    assert b.markdown.startswith("# Kyrgyzstan: Chronology, 2024–2025\n")
    assert heads == ["Annex: Chronology", "Sources"] and not b.contents.judgments
    assert b.layout.spans and all(MARKERS.search(s) for s in body_sentences(b.markdown))


def test_mali_argues_with_its_own_figures(mali_db: Path) -> None:
    with Store.open(mali_db, read_only=True) as store:
        b = write_brief(store, "MLI", today=TODAY, self_check=False)
    assert [(j.topic, [x.name for x in j.exhibits]) for j in b.contents.judgments] == [
        ("jnim-pressure", ["attacks"]), ("russia-reliance", ["russian-forces"]), ("economy", ["growth", "gold-output"])]
    captions = {x.name: x.caption.text for j in b.contents.judgments for x in j.exhibits}
    assert captions["gold-output"].startswith("Mali's industrial gold output, tonnes a year, as reported, 2023 to "
                                              "2024: “Mining ministry figures” rests on two figures only")
    assert "the attack of 24 May 2025 (Dioura)" in captions["attacks"]
    assert [f.name for f in b.all_figures()] == ["attacks", "russian-forces", "growth", "gold-output", "calls"]
    assert all(MARKERS.search(s) for s in body_sentences(b.markdown, judged_texts(b)))
