"""The GTI arithmetic, exact on small hand-computed cases."""

import math

import pytest

from watchfloor.analyse import gti


def test_raw_score_uses_iep_weights():
    # 2 incidents, 3 killed, 4 injured, 1 hostage: 2·1 + 3·3 + 4·0.5 + 1·2 = 15
    assert gti.raw_score(gti.YearTotals(2, 3, 4, 1)) == 15.0


def test_five_year_weighted_average():
    raw = {2020: 31.0, 2019: 62.0, 2016: 310.0, 2015: 1000.0}
    # (16·31 + 8·62 + 4·0 + 2·0 + 1·310) / 31 = (496 + 496 + 310) / 31 = 42; 2015 is outside the window
    assert gti.weighted_average(raw, 2020) == pytest.approx(1302 / 31)
    assert gti.weighted_average(raw, 2020) == pytest.approx(42.0)
    assert gti.weighted_average({}, 2020) == 0.0
    assert sum(gti.YEAR_WEIGHTS) == 31


def test_log_banding_hits_cutoffs_exactly():
    r = gti.base(40_000.0)
    assert r == pytest.approx(40_000.0 ** (1 / 20))
    assert gti.score(r ** 7, 40_000.0) == 3.5
    assert gti.score(40_000.0, 40_000.0) == 10.0
    assert gti.score(10 * 40_000.0, 40_000.0) == 10.0  # clamped
    assert gti.score(0.0) == 0.0 and gti.score(1.0) == 0.0
    assert gti.score(42.0, 40_000.0) == round(0.5 * math.log(42.0) / math.log(r), 3)
    cut = gti.band_cutoffs(40_000.0)
    assert len(cut) == 21 and cut[0] == (0.0, 0.0) and cut[1] == (0.5, pytest.approx(r))
    assert cut[-1] == (10.0, pytest.approx(40_000.0))
    assert gti.band(r ** 7 + 0.01, 40_000.0) == 3.5
    assert gti.band(r ** 7 - 0.01, 40_000.0) == 3.0


def test_method_names_weights_and_source():
    text = gti.method()
    assert "3×fatalities" in text and "16/8/4/2/1" in text and "Institute for Economics & Peace" in text
