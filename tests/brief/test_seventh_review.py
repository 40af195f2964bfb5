"""The seventh blind review's points, each as the demo brief now reads them (evidence to 17 April 2026, written on
6 December 2026): counts that can be traced and include the events of their kind, judgments kept apart from reports,
one line per dispute, the rival the plan names tested, a front with ranges and not the rule's figures."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from watchfloor.brief import Brief, write_brief
from watchfloor.store import Store

WRITTEN = date(2026, 12, 6)


@pytest.fixture(scope="module")
def late(_demo_template: Path) -> Brief:
    with Store.open(_demo_template, read_only=True) as store:
        return write_brief(store, "TJK", today=WRITTEN, self_check=False, figures=False)


def counted(brief: Brief, name: str) -> tuple[str, str]:
    row = next(r for r in brief.contents.counted.rows if r.cells[0] == name)
    return row.cells[1], row.cells[2]


def test_each_count_lists_its_events_and_reads_the_chronology_s_own(late: Brief) -> None:
    now, _before = counted(late, "Dushanbe's summits, visits, grants and agreements with partners other than Russia")
    assert "17 June 2025, one episode counted once (summit and diplomatic reports)" in now, \
        "a summit and its sideline meeting count once"
    assert "19 August 2025, trade figure" in now and "28 August 2025, statement" in now, \
        "the trade review of joint projects and the statement announcing the SCO visit count (types_if)"
    now, before = counted(late, "Russian deployments, drills, reinforcements and top-level visits, more than the "
                                "year before")
    assert "24 October 2025, military exercise" in now, "the CSTO drill names Russia: countries_named"
    assert "19 May 2025, statement" in now and "29 January 2026, statement" in now, "the CSTO arms programme"
    assert before == "28 November 2024, summit; 29 January 2025, visit; 17 March 2025, visit; 11 April 2025, visit", \
        "the CSTO border programme's summit and visits count in the year before too"


def test_silence_is_no_evidence_against_an_answer(late: Brief) -> None:
    succession = next(j for j in late.contents.judgments if j.topic == "succession")
    assert succession.matrix is not None
    elections = next(r for r in succession.matrix.rows if r.cells[0].startswith("Elections"))
    assert set(elections.cells[2:]) == {"–"}, "a year with no election due speaks for no answer"
    assert succession.answer == "Orderly handover, on balance", \
        "the heir's steps outweigh the coup-plot verdicts that count for Contested (eighth review)"
    now, _before = counted(late, "Steps toward a handover in the president's term: the heir's promotions and changes "
                                 "to the rules of succession")
    assert now.startswith("17 April 2020, appointment"), "the heir's promotion falls in the president's term"


def test_judgments_carry_no_source_markers_and_reports_do(late: Brief) -> None:
    md = late.markdown
    judged = [s for s in late.contents.sentences() if s.judged]
    assert len(judged) >= 6, "the key judgments' implications and the border's four knock-ons"
    for s in judged:
        assert f"{s.text}." in md and f"{s.text} [" not in md
    border = late.contents.judgments[0]
    china = next(n for n in border.notes if n.text.startswith("China on the Afghan border:"))
    assert "pulled them back" not in china.text and china.judged


def test_the_confidence_sentence_and_the_rubric_read_the_date_of_writing(late: Brief) -> None:
    assert all(j.level != "high" for j in late.contents.judgments)
    china = next(j for j in late.contents.judgments if j.topic == "china-security")
    # the plan's eighth-review China question ('both' answer, its linchpin Dushanbe accepting Chinese money) no longer
    # has its linchpin told against; the rubric's recency test, against the date of writing, still fails
    assert "it fails the recency test" in china.confidence.text
    assert china.assumption is not None


def test_the_grades_count_the_series_too() -> None:
    from watchfloor.brief.confidence import grades

    assert grades([], ["B"]) == "all graded B"


def test_one_line_per_dispute(late: Brief) -> None:
    lines = [s.text for s in late.contents.competing]
    assert len(lines) == len(set(lines))
    assert sum("45.3% of GDP" in t and "47.89% of GDP" in t for t in lines) == 1


def test_the_plan_s_rival_is_the_alternative_tested(late: Brief) -> None:
    china = next(j for j in late.contents.judgments if j.topic == "china-security")
    assert china.alternative is not None
    assert china.alternative.text.startswith("The alternative is that China is taking a hand in guarding the Afghan "
                                             "border itself"), \
        "the proposition (China keeps funding posts) is tested against its rival, a security role on the ground " \
        "(the tenth review: whether Chinese personnel are there is the real question)"


def test_the_front_gives_ranges_a_chart_and_three_things_to_watch(late: Brief) -> None:
    front = late.markdown.split("\n## Bottom Line\n", 1)[1].split("\n## ", 1)[0]
    from watchfloor.brief.front import term_range

    border = late.contents.judgments[0]
    cell = term_range(border.likelihood) + (" for the two together" if border.pair else
                                            " each" if border.answer.startswith("split:") else "")
    assert border.answer == "split: Deteriorating or Trafficking" and border.pair, \
        "the border's attacks and its smugglers' clashes weigh the same: the two together, of three answers"
    assert f"| The Afghan border | {border.label} | {term_range(border.judged)} |" in front, \
        "the front gives the proposition, judged, with its range (the tenth review); the rule's split is annexed"
    assert cell.endswith(" for the two together")
    assert not re.search(r"\d+\.\d%(?! of GDP)", front), "no false precision (a share of GDP is no probability)"
    assert [s.lead for s in late.contents.watch] == ["The Afghan border", "Jihadist violence abroad",
                                                     "Dependence on Russia"], \
        "China's signposts run over seven years: none can be read before the horizon ends (the tenth review)"
    assert "\n## Annex: What to Check Since the Cut-off\n" in late.markdown, "a stale brief lists what to check since"
    assert late.contents.front is not None and "<rect" in late.contents.front.svg
    cover = late.markdown.split("\n## ", 1)[0]
    assert "**Note:** evidence to 17 April 2026, eight months before writing: the calls are the position then" in cover
    assert "the eight months to the date of writing unread" in cover
    assert late.title == "Tajikistan: Baseline Assessment, Evidence to 17 April 2026"
