"""One judgment, one answer: every place that states a judgment's answer, or reads its assumption, states the same
one (the sixth blind review found the summary table saying "Contested" beside a judgment that gave "insufficient
evidence", and one linchpin that "holds" in one judgment and is told against in another)."""

from __future__ import annotations

import re

from tests.brief.conftest import TODAY
from watchfloor.brief import Brief, write_brief
from watchfloor.brief.assess import NO_CALL
from watchfloor.brief.judgments import INSUFFICIENT
from watchfloor.brief.proposition import CROSS_CHECK
from watchfloor.store import Store


def without_the_heir(facts_db: Store) -> Brief:
    """The brief with the succession's handover signpost read over a year, as before session 11: the heir's 2020
    promotion falls outside it, so nothing recorded tells the succession's answers apart."""
    from dataclasses import replace

    from watchfloor.analyse.watchplan import bundled_plan

    plan = bundled_plan("TJK")
    # the coup-plot signpost (two years) left out too: its absence would count against Contested
    questions = tuple(replace(q, indicators=tuple(replace(i, window="year") if i.window == "seven_years" else i
                                                  for i in q.indicators if not i.name.startswith("Coup-plot")))
                      for q in plan.questions)
    return write_brief(facts_db, "TJK", today=TODAY, self_check=False, figures=False,
                       plan=replace(plan, questions=questions))


def test_a_judgment_without_a_call_states_no_answer_anywhere(facts_db: Store) -> None:
    brief = without_the_heir(facts_db)
    none = [j for j in brief.contents.judgments if j.likelihood == INSUFFICIENT]
    assert none, "read over a year, the succession question is one the evidence cannot judge"
    for j in none:
        assert j.answer == NO_CALL
        assert j.reason is None, "no 'the evidence fits this explanation best' for an answer not given"
        assert j.implication is None, "no 'If so' for an answer not given (the bottom line gives none either)"
        row = next(r for r in re.findall(r"^\| (.+?) \| (.+?) \| (.+?) \|", brief.markdown, re.M)
                   if r[0] == j.short)
        if j.judged:  # the front gives the plan's proposition, judged on its signposts; the rule's no-call is annexed
            from watchfloor.brief.front import term_range

            assert row[1:] == (j.label, term_range(j.judged))
            assert j.statement.text.startswith(CROSS_CHECK) and "insufficient to judge" in j.statement.text
            continue
        assert row[1:] == (NO_CALL, INSUFFICIENT)
        assert f"| {j.short} | {NO_CALL} | {INSUFFICIENT} | {j.level} | – |" in brief.markdown, \
            "the front's table gives no meaning for a call not made"
    for j in brief.contents.judgments:
        if j.likelihood != INSUFFICIENT:
            assert j.answer != NO_CALL


def test_an_assumption_shared_by_two_judgments_gets_one_reading(brief: Brief) -> None:
    readings: dict[str, set[str]] = {}
    for j in brief.contents.judgments:
        if j.assumption is None:
            continue
        m = re.match(r"The judgment's linchpin assumption is that (.+?); (so far it holds|the evidence now tells "
                     r"against it)", j.assumption.text)
        if m:
            readings.setdefault(m.group(1), set()).add(m.group(2))
    assert readings
    assert all(len(ways) == 1 for ways in readings.values()), readings


def test_no_two_questions_of_a_plan_rest_on_one_assumption_read_by_different_signposts() -> None:
    """Two questions whose linchpins state the same assumption but test it with different signposts read it two ways
    (the border question's and the China question's did: 'holds' and 'the evidence now tells against it')."""
    import pytest

    from watchfloor.analyse.watchplan import bundled_plan

    for iso3 in ("TJK", "MLI"):
        plan = bundled_plan(iso3)
        clauses: dict[str, tuple[str, str]] = {}
        for q in plan.questions:
            if not q.assumption:
                continue
            head = re.split(r"[,;(]", q.assumption)[0].strip()
            if head in clauses and clauses[head][1] != q.test[0]:
                pytest.fail(f"{iso3}: {q.id} and {clauses[head][0]} both assume “{head}”, tested by different "
                            "signposts")
            clauses.setdefault(head, (q.id, q.test[0]))


def test_the_confidence_sentence_counts_the_evidence_it_cites(brief: Brief) -> None:
    """'It rests on four reports' with eleven markers, a 'newest' older than a cited report and 'mostly graded A to
    C' over reports none graded A (the sixth review): the counts, dates and grades are of what the sentence cites."""
    import datetime as dt

    from watchfloor.brief.text import number_word

    sources = brief.evidence.sources
    checked = 0
    for j in brief.contents.judgments:
        m = re.search(r"it rests on (\w+) reports?(?: and the ([^,]+?) series,)? from (\w+) publishers?, the newest "
                      r"dated (\d+ \w+ \d{4}), ([^;]+?), with no signpost silent", j.confidence.text)
        if m is None:
            continue
        checked += 1
        assert "mostly graded" not in j.confidence.text
        n_series = 1 if m.group(2) else 0
        assert m.group(1) == number_word(len(j.confidence.sources) - n_series), (m.group(0), j.confidence.sources)
        stated = dt.datetime.strptime(m.group(4), "%d %B %Y").date()
        published = [dt.date.fromisoformat(str(sources[s]["published_at"])[:10]) for s in j.confidence.sources
                     if s in sources and sources[s].get("published_at")]
        assert all(p <= stated for p in published), (m.group(4), max(published))
        grades = [str(sources[s].get("reliability") or "F") for s in j.confidence.sources if s in sources]
        for g in set(grades[:len(grades) - n_series]):
            assert f"graded {g}" in m.group(5)
    assert checked, "some judgment in the pack's brief is held with high confidence"


def test_a_count_not_met_speaks_of_the_collection_not_of_the_world() -> None:
    """'Russia added no new rule against Tajik migrants' stated collection silence as fact (the sixth review: a rule
    had come into force). A count not met says what the collection holds."""
    from dataclasses import replace

    from watchfloor.analyse.watchplan import RECORDED, bundled_plan

    for iso3 in ("TJK", "MLI"):
        for q in bundled_plan(iso3).questions:
            for ind in q.indicators:
                if ind.types and not ind.measure and not ind.figure and ind.said("not met"):
                    assert RECORDED.search(ind.said("not met")), (iso3, ind.name)
    ind = next(i for i in bundled_plan("TJK").questions[0].indicators if i.types and not i.measure)
    bare = replace(ind, says=(("met", "the partner added a rule"), ("not met", "the partner added no new rule")))
    assert bare.said("not met") == "the partner added no new rule, as far as the collection shows"
    assert bare.said("met") == "the partner added a rule"
