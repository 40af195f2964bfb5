"""The fitted scorer (check/scorer.py): the shipped model, its severities, and the issue's two true sentences."""

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from watchfloor.check import check_text
from watchfloor.check.features import NAMES, SIGNS
from watchfloor.check.scorer import load_model, model
from watchfloor.errors import ConfigError
from watchfloor.extract.frames import modifiers
from watchfloor.store import Store

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def test_the_shipped_model_reads_this_version_and_keeps_its_signs() -> None:
    m = model()
    assert m is not None and m.names == NAMES and 0.3 <= m.threshold <= 0.9
    for name, w in zip(NAMES, m.coef, strict=True):
        assert w * SIGNS.get(name, 0) >= 0 or abs(w) < 1e-9, name
    data = json.loads((resources.files("watchfloor") / "data" / "models" / "scorer.json").read_text())
    assert data["trained_on"]["findings"] > 300


def test_probability_is_the_logistic_of_the_standardised_row() -> None:
    m = model()
    assert m is not None
    x = m.mean + m.scale
    expected = 1.0 / (1.0 + np.exp(-(float(m.coef.sum()) + m.intercept)))
    assert abs(m.probability(x) - expected) < 1e-9


def test_the_two_true_sentences_of_issue_11_get_no_error(demo_db: Store) -> None:
    text = ("On 22 March 2024, gunmen attacked Crocus City Hall near Moscow, killing 145 people. It was the deadliest "
            "attack on Russian soil since the Beslan school siege in 2004.\nOn 11 June 2024, US authorities arrested "
            "eight Tajikistan nationals with suspected ties to ISIS on immigration charges.")
    report = check_text(demo_db, text, "t", STYLE)
    assert report.errors == []


def test_a_plain_wrong_count_stays_an_error_with_its_probability(demo_db: Store) -> None:
    text = "In June 2024 US agents picked up six Tajik nationals in New York, Los Angeles and Philadelphia."
    report = check_text(demo_db, text, "t", STYLE)
    wrong = [f for f in report.errors if f.kind == "wrong_number"]
    assert wrong and wrong[0].quote == "six Tajik nationals" and wrong[0].score is not None
    m = model()
    assert m is not None and wrong[0].score >= m.threshold


def test_a_demoted_finding_is_a_warning_that_says_why(demo_db: Store) -> None:
    text = "Russia's 201st military base, whose lease runs until 2040, hosts roughly 9,000 troops."
    report = check_text(demo_db, text, "t", STYLE)
    demoted = [f for f in report.findings if f.score is not None and f.severity == "warning"]
    assert demoted and all("fitted scorer" in f.message and f.quote == "2040" for f in demoted)
    m = model()
    assert m is not None and all(f.score is not None and f.score < m.threshold for f in demoted)


def test_a_background_date_is_no_finding(demo_db: Store) -> None:
    """'since the Beslan school siege in 2004' dates the siege, not the Crocus attack the sentence is about ('It' is
    read as the attack, extract/anaphora.py): nothing is raised on it, in either wording."""
    for second in ("It was", "The Crocus City Hall attack was"):
        text = ("On 22 March 2024, gunmen attacked Crocus City Hall near Moscow, killing 145 people. "
                f"{second} the deadliest attack on Russian soil since the Beslan school siege in 2004.")
        report = check_text(demo_db, text, "t", STYLE)
        assert [f for f in report.findings if f.quote == "2004"] == []


def test_narrowing_words_come_from_the_parse() -> None:
    text = "They were arrested on immigration charges, without terrorism charges."
    first = text.index("charges")
    second = text.index("charges", first + 1)
    assert modifiers(text, first, first + 7) == {"immigration"}
    assert modifiers(text, second, second + 7) == {"terrorism"}


def test_a_broken_model_file_is_a_clear_error_naming_file_and_field(tmp_path: Path) -> None:
    shipped = json.loads((resources.files("watchfloor") / "data" / "models" / "scorer.json").read_text())
    bad = tmp_path / "scorer.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="scorer.json: the fitted scorer cannot be read") as err:
        load_model(bad)
    assert "bench/fit_scorer.py" in err.value.hint
    bad.write_text(json.dumps({k: v for k, v in shipped.items() if k != "coef"}), encoding="utf-8")
    with pytest.raises(ConfigError, match="has no field 'coef'"):
        load_model(bad)
    bad.write_text(json.dumps({**shipped, "features": shipped["features"][:-1]}), encoding="utf-8")
    with pytest.raises(ConfigError, match="field 'features': the fitted scorer does not match"):
        load_model(bad)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(shipped), encoding="utf-8")
    assert load_model(good).threshold == shipped["threshold"]


def test_the_note_floor_sits_below_the_error_threshold() -> None:
    from watchfloor.check.scorer import NOTE_BELOW, model

    m = model()
    assert m is not None and 0 < NOTE_BELOW < m.threshold


def test_a_wrong_figure_is_read_for_a_slip_of_the_pen(demo_db: Store) -> None:
    """The slip feature: eight and six are not a slip (164 and 146 would be, as `near_miss` says)."""
    text = "In June 2024 US agents picked up six Tajik nationals in New York, Los Angeles and Philadelphia."
    report = check_text(demo_db, text, "t", STYLE)
    f = next(f for f in report.findings if f.kind == "wrong_number")
    x = dict(zip(NAMES, f.features, strict=True))
    assert "num_gap" not in x and x["num_slip"] == 0.0
