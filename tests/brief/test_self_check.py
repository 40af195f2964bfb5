"""The brief checks itself with `watchfloor check`: no error in what it writes; a wrong sentence is dropped."""

from __future__ import annotations

import pytest

from tests.brief.conftest import CROCUS, TODAY
from watchfloor.brief import Brief, write_brief
from watchfloor.brief.integrations import available, error_spans
from watchfloor.store import Store

pytestmark = pytest.mark.skipif(not available(), reason="the checker (watchfloor.check) is not installed yet")


def test_generated_brief_has_no_error(facts_db: Store, brief: Brief) -> None:
    from watchfloor.check import check_text  # type: ignore[attr-defined,unused-ignore]

    assert brief.check is not None
    report = check_text(facts_db, brief.markdown, "brief.md")
    assert report.errors == [], [e for e in report.to_dict()["findings"] if e["severity"] == "error"][:3]
    assert report.exit_code == 0
    # Sentences the checker finds wrong are dropped; they are the store's own summaries, so every drop is a
    # checker false positive to fix there. Keep them few.
    assert len(brief.dropped) <= len(brief.sentences) // 5, [d.text[:60] + " — " + d.reason for d in brief.dropped]


def test_demo_store_brief_has_no_error(demo_db: Store) -> None:
    b = write_brief(demo_db, "TJK", today=TODAY, figures=False)
    assert b.check is not None and error_spans(b.check) == []
    assert len(b.sentences) >= 15


def test_a_wrong_sentence_is_dropped_and_the_brief_rechecked(facts_db: Store) -> None:
    b = write_brief(facts_db, "TJK", CROCUS, today=TODAY, self_check=False, figures=False)
    crocus = next(s for s in b.sentences if s.text.startswith("On 22 March 2024, four Tajik gunmen attacked"))
    crocus.text = crocus.text.replace("22 March 2024", "22 March 2023")
    crocus.template = crocus.text
    b.invalidate()
    b.self_check(facts_db)
    assert "22 March 2023" not in b.markdown
    assert any("22 March 2023" in d.text for d in b.dropped)
    assert error_spans(b.check) == []


def test_a_wrong_rewrite_goes_back_to_its_template(facts_db: Store) -> None:
    b = write_brief(facts_db, "TJK", CROCUS, today=TODAY, self_check=False, figures=False)
    crocus = next(s for s in b.sentences if s.text.startswith("On 22 March 2024, four Tajik gunmen attacked"))
    crocus.text, crocus.rewritten = crocus.template.replace("22 March 2024", "22 March 2023"), True
    b.invalidate()
    b.self_check(facts_db)
    assert crocus.text == crocus.template and not crocus.rewritten
    assert "On 22 March 2024, four Tajik gunmen attacked" in b.markdown
    assert any(d.action == "reverted to the template wording" for d in b.dropped)
