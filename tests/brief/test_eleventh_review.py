"""The eleventh review's requests (session 14): one likelihood per proposition, the counting rule's band named as
that of a different statement, no number for an outcome given no figure, and a watch item that a plateau does not
trip when the call is that a level holds. Made-up names only in the unit tests."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any, cast

from watchfloor.analyse.watchplan import Proposition
from watchfloor.brief import Brief
from watchfloor.brief.proposition import CROSS_CHECK, fits


def signpost(status: str, value: float, previous: float, change: bool = True) -> Any:
    """A stand-in signpost: a count of at least 3 a year, read against the year before."""
    indicator = SimpleNamespace(name="Raids", change=change, operator=">=", threshold=3.0)
    return cast(Any, SimpleNamespace(status=status, indicator=indicator,
                                     reading=SimpleNamespace(value=value, previous=previous)))


def test_a_plateau_fits_a_claim_that_the_level_holds() -> None:
    """'Stays as frequent or grows' is not lowered by a year that keeps the level without rising; a claim of growth
    is, and a fall lowers both (the eleventh review: 'no rise would lower' a call a plateau fits)."""
    holds = Proposition(claim="raids on Strelsau will stay as frequent or grow", term="likely",
                        rests_on=(("Raids", "met"),), why="w", holds_level=True)
    grows = Proposition(claim="raids on Strelsau will grow", term="likely", rests_on=(("Raids", "met"),), why="w")
    plateau, fall = signpost("not met", 5, 5), signpost("not met", 4, 5)
    assert fits(plateau, "met", holds) and not fits(plateau, "met", grows)
    assert not fits(fall, "met", holds) and not fits(signpost("not met", 2, 2), "met", holds)


def test_one_likelihood_per_proposition(template_brief: Brief) -> None:
    """The rule's band is said to be a different statement's, and a silent outcome carries no percentage."""
    md = template_brief.markdown
    assert "different statement" in CROSS_CHECK
    assert not re.search(r"\d+%[^;|]*\(no figure", md), "an outcome given no figure is printed with a number"
    assert "the counting rule gives" not in md or "to a different statement" in md
