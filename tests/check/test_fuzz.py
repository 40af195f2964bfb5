"""check_text must never raise on what a user can paste: long digit runs, absurd numbers, stray symbols."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watchfloor.check import check_text
from watchfloor.extract.numbers import is_figure, word_number
from watchfloor.extract.quantities import find_quantities
from watchfloor.store import Store

WORDS = ["In 2024,", "about", "people", "were killed", "in Dushanbe", "million", "$", "%", "days later", "deported",
         "percent of GDP", "Tajikistan", "on 22 March", ",", ".", "-", "\n\n", "years", "some", "bn"]
digit_runs = st.integers(min_value=1, max_value=400).flatmap(
    lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n))
pieces = st.one_of(st.sampled_from(WORDS), digit_runs, st.text(max_size=20),
                   st.builds(lambda a, b: f"{a}.{b}", digit_runs, digit_runs),
                   st.builds(lambda a: ",".join([a[:3] or "1"] * 40), digit_runs))
texts = st.lists(pieces, max_size=14).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_check_text_never_raises_on_long_digit_runs(demo_db: Store, text: str) -> None:
    report = check_text(demo_db, text, "fuzz")
    for f in report.findings:
        assert text[f.start:f.end] == f.quote


def test_a_310_digit_number_is_not_a_figure(demo_db: Store) -> None:
    big = "9" * 310
    text = f"In 2024, {big} people were killed in Dushanbe. {big} days later, 5 were arrested."
    report = check_text(demo_db, text, "fuzz")
    assert report.exit_code == 0
    found = find_quantities(text, 0, len(text), [])
    assert all(q.value < 1e15 for q in found)
    assert [q.value for q in found if q.unit == "count" and q.start > 100] == [5.0]
    assert word_number(big) is None
    assert not is_figure(float("inf")) and is_figure(3.2e9)
