"""Restated figures (check/restated.py): one figure given twice with two values is an internal contradiction;
different things, dates apart, totals and models are not. Sentences of our own."""

import pytest

from watchfloor.check import check_text
from watchfloor.store import Store

pytestmark = pytest.mark.usefixtures("rules_only")

STYLE = frozenset({"unsupported", "missing_source", "uncertainty_language"})


def _internal(store: Store, text: str) -> list[tuple[str, str]]:
    report = check_text(store, text, "t", STYLE)
    return [(f.quote, f.related[0].quote) for f in report.errors if f.kind == "internal_contradiction"]


def test_people_counted_again_with_another_number(demo_db: Store) -> None:
    text = ("In June 2024 US immigration agents arrested eight Tajik nationals in New York, Los Angeles and "
            "Philadelphia. Of the six men picked up in the June sweep, three had been removed by October.")
    assert _internal(demo_db, text) == [("six men", "eight Tajik nationals")]


def test_a_capacity_restated(demo_db: Store) -> None:
    text = ("China's TBEA built the Dushanbe-2 power station. The 400 MW plant was finished in 2016. "
            "Critics still cite the 300 MW Dushanbe-2 plant as a model of opaque financing.")
    assert _internal(demo_db, text) == [("300 MW Dushanbe-2 plant", "400 MW plant")]


def test_different_models_dates_and_totals_are_not_restatements(demo_db: Store) -> None:
    text = ("In June 2016 about 100 vehicles, among them more than ten T-72B1 tanks, reached the 201st base. "
            "In December 2021 the base received 30 upgraded T-72B3M tanks. "
            "External debt rose to $2.3 billion in 2016. External debt reached $2.9 billion at the end of 2017. "
            "Gunmen killed two Chinese road workers on 30 November 2025. Together with the drone strike four days "
            "earlier, the week's attacks left five Chinese nationals dead.")
    assert _internal(demo_db, text) == []


def test_a_slip_of_the_pen_restated(demo_db: Store) -> None:
    text = ("The World Bank put Tajikistan's remittances at 45.3% of GDP in 2024, the highest ratio in the world. "
            "Policy is tied to the 2024 remittance ratio of 54.3% of GDP.")
    report = check_text(demo_db, text, "t", STYLE)
    flagged = [f for f in report.errors if "54.3%" in f.quote]
    assert flagged and any("45.3%" in r.quote for f in flagged for r in f.related)
