"""A figure belongs to the subject of its verb: one party's seats are not a second count of another's."""

from watchfloor.check import check_text
from watchfloor.store import Store

RESULTS = ("In March 2025 the ruling People's Democratic Party won 51.9% of the party-list vote and 12 of 22 list "
           "seats. The Agrarian Party gained 986,887 votes, or 21%, and won five seats. The Party of Economic Reforms "
           "won three seats with 595,291 votes. The Communist Party failed to pass the 5% threshold.")


def test_each_party_owns_its_figures(demo_db: Store) -> None:
    report = check_text(demo_db, RESULTS, "results")
    numeric = [f for f in report.findings if f.kind in ("wrong_number", "internal_contradiction")]
    assert numeric == [], [(f.kind, f.quote) for f in numeric]


def test_the_same_owner_with_another_figure_is_still_compared(demo_db: Store) -> None:
    wrong = RESULTS.replace("51.9%", "61.9%")
    report = check_text(demo_db, wrong, "results")
    assert [f.quote for f in report.errors if f.kind == "wrong_number"] == ["61.9% of the party-list vote"]
