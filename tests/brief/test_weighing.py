"""Split signposts: the answer the better-telling signposts support leads, at a likelihood no higher than 'likely'."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from watchfloor.analyse.indicators import Reading
from watchfloor.analyse.watchplan import Question, load_plan
from watchfloor.brief.assess import likelihood, ranked, split, tied, weighing
from watchfloor.brief.judgments import SPLIT_CEILING, term_for
from watchfloor.brief.signposts import Signpost, matrix
from watchfloor.errors import InputError

CUTOFF = dt.date(2025, 12, 31)
WHY = "Zenda curbs Ruritanian workers whichever way Strelsau leans"


def plan(tmp_path: Path, levels: dict[str, object]) -> Question:
    """Ruritania's question on Zenda: two signposts for each answer, with the diagnosticity given per name."""
    indicators = []
    for name, hypothesis in (("remittances", "growing"), ("visits", "growing"), ("curbs", "fraying"),
                             ("expulsions", "fraying")):
        ind: dict[str, object] = {"name": name, "hypothesis": hypothesis, "types": ["x"], "window": "year",
                                  "operator": ">=", "threshold": 1}
        if name in levels:
            ind["diagnosticity"] = levels[name]
        indicators.append(ind)
    path = tmp_path / "watchplan.json"
    path.write_text(json.dumps({"country": "RUR", "questions": [{
        "id": "zenda", "question": "Is Strelsau's dependence on Zenda growing or fraying?",
        "hypotheses": {"growing": "Growing: remittances tie Strelsau to Zenda.",
                       "fraying": "Fraying: Zenda's curbs push Strelsau away."},
        "indicators": indicators}]}), encoding="utf-8")
    return load_plan(path).questions[0]


def posts(q: Question, met: set[str]) -> list[Signpost]:
    out = []
    for ind in q.indicators:
        status = "met" if ind.name in met else "not met"
        r = Reading(q.question, ind.hypothesis, ind.name, status, "steady", ">= 1", 1.0 if status == "met" else 0.0,
                    None, "year 2025", kind=(1.0, 1.0))
        out.append(Signpost(q, ind, r, (), ()))
    return out


def test_without_diagnosticity_split_signposts_tie(tmp_path: Path) -> None:
    q = plan(tmp_path, {})
    sps = posts(q, {"remittances", "visits", "curbs", "expulsions"})
    assert split(q, sps) and tied(q, sps) and likelihood(q, sps) == "roughly even chance"


def test_low_diagnosticity_signposts_count_for_little(tmp_path: Path) -> None:
    q = plan(tmp_path, {"curbs": {"level": "low", "why": WHY}, "expulsions": {"level": "low", "why": WHY},
                        "visits": "moderate"})
    sps = posts(q, {"remittances", "visits", "curbs", "expulsions"})
    assert split(q, sps) and not tied(q, sps)
    assert ranked(q, sps)[0] == "growing"
    assert likelihood(q, sps) == "likely"
    assert weighing(q, sps) == f", since {WHY}", "the same reason given twice is said once"
    assert [row.cells[0] for row in matrix(q, sps, CUTOFF).rows] == [
        "remittances", "visits (moderate diagnosticity)", "curbs (low diagnosticity)", "expulsions (low diagnosticity)"]


def test_a_split_never_reads_above_likely(tmp_path: Path) -> None:
    assert term_for(0.9, SPLIT_CEILING) == "likely" and term_for(0.9) == "very likely"
    q = plan(tmp_path, {"expulsions": "low"})
    sps = posts(q, {"remittances", "visits", "expulsions"})
    assert split(q, sps) and likelihood(q, sps) == "likely"
    assert weighing(q, sps) == "", "no reason in the plan, none said"
    assert not split(q, posts(q, {"remittances", "visits"}))


def test_a_bad_diagnosticity_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="diagnosticity"):
        plan(tmp_path, {"curbs": "weak"})


def three_answers(tmp_path: Path) -> Question:
    """Ruritania's question on the border: one signpost for each of three answers."""
    path = tmp_path / "three.json"
    indicators = [{"name": name, "hypothesis": h, "types": ["x"], "window": "year", "operator": ">=", "threshold": 1}
                  for name, h in (("raids", "rising"), ("trials", "contained"), ("border", "displaced"))]
    path.write_text(json.dumps({"country": "RUR", "questions": [{
        "id": "zenda", "question": "Is Ruritanian involvement in raids on Zenda rising?",
        "hypotheses": {"rising": "Rising: raids grow.", "contained": "Contained: trials hold them.",
                       "displaced": "Displaced: the raids move to the border."},
        "indicators": indicators}]}), encoding="utf-8")
    return load_plan(path).questions[0]


def test_a_third_answer_nothing_supports_does_not_hold_the_lead_at_an_even_chance(tmp_path: Path) -> None:
    """Laplace's rule on two outcomes (the lead holds, or not): with one pseudo-count per answer, a question with
    three answers could never pass an even chance on a few signposts (the fourth blind review)."""
    from watchfloor.brief.assess import odds

    q = three_answers(tmp_path)
    sps = posts(q, {"trials"})  # raids not met (0.25 to each other answer), trials met (1), border not met
    chances = odds(q, sps)
    assert chances.support == {"rising": 0.25, "contained": 1.5, "displaced": 0.25}
    assert chances.formula() == "(1.5 + 1) / (2 + 2)"  # the band beside it, no decimal percentage
    assert chances.band == chances.term == "likely" and chances.cap == ""


def test_every_term_matches_its_arithmetic_or_names_its_cap(tmp_path: Path) -> None:
    from watchfloor.brief.assess import odds
    from watchfloor.brief.judgments import SCALE

    q = plan(tmp_path, {"curbs": "low", "expulsions": "low"})
    for met in ({"remittances"}, {"remittances", "visits"}, {"remittances", "curbs"}, {"curbs"}, set()):
        chances = odds(q, posts(q, met))
        band = next(t for hi, t in SCALE if chances.p < hi)
        assert chances.band == band, "the band is the one the probability falls in"
        assert chances.term == chances.band or chances.cap, "a term below its band says which cap held it there"
