"""The two language models load offline from installed packages and give the structure the checker needs."""

from __future__ import annotations

import numpy as np

from watchfloor.extract.embeddings import DIM, embed
from watchfloor.extract.parser import pipeline


def test_minilm_in_numpy_matches_the_models_published_similarity() -> None:
    v = embed(["A man is eating food.", "A man is eating a piece of bread.", "The parliament passed a budget."])
    assert v.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert round(float(v[0] @ v[1]), 3) == 0.755
    assert float(v[0] @ v[2]) < 0.2


def test_embeddings_do_not_depend_on_batch_company() -> None:
    alone = embed(["Gunmen attacked a concert hall near Moscow."])
    mixed = embed(["short", "Gunmen attacked a concert hall near Moscow.", "a much longer sentence " * 20])
    assert np.allclose(alone[0], mixed[1], atol=1e-5)


def test_parser_hangs_a_background_year_under_its_own_noun() -> None:
    doc = pipeline()("It was the deadliest attack on Russian soil since the Beslan school siege in 2004.")
    year = next(t for t in doc if t.text == "2004")
    assert year.head.head.text == "siege"


def test_parser_reads_no_as_a_determiner_not_a_negated_verb() -> None:
    doc = pipeline()("There are no detailed remittance statistics.")
    no = next(t for t in doc if t.lower_ == "no")
    assert no.dep_ == "det" and no.head.text == "statistics"
    assert not [t for t in doc if t.dep_ == "neg"]


def test_gelu_polynomial_matches_the_exact_erf_form() -> None:
    from scipy.special import erf

    from watchfloor.extract.embeddings import _gelu

    x = np.linspace(-12, 12, 100_001, dtype=np.float32)
    exact = 0.5 * x.astype(np.float64) * (1.0 + erf(x.astype(np.float64) / np.sqrt(2.0)))
    got = _gelu(x)
    assert got.dtype == np.float32
    assert np.abs(got - exact).max() < 2e-6


def test_the_forward_pass_stays_in_float32() -> None:
    from watchfloor.extract.embeddings import encoder

    enc = encoder()
    n, length = 2, 5
    x = np.random.default_rng(0).standard_normal((n * length, DIM)).astype(np.float32)
    blocked = np.zeros((n, 1, 1, length), dtype=np.float32)
    assert enc._layer(x, "encoder.layer.0.", n, length, blocked).dtype == np.float32
