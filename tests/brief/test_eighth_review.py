"""The eighth review's requests (session 12): what to check since the cut-off, coherent split calls, caveats in the
judgment's own sentences, a map that draws every incident it lists, varied wording, the plan's low-probability,
high-impact case, and a reason for every source's grade. Made-up names only (Ruritania, Zenda, Strelsau)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from tests.brief.test_weighing import posts, three_answers
from watchfloor.brief.brief import write_brief
from watchfloor.store import Store


def test_a_three_answer_tie_gives_the_pair_one_probability(tmp_path: Path) -> None:
    """Two answers tied among three: the rule is applied to the two together, the term is the pair's and the
    sentence says so, with no decimal percentage anywhere (the eighth review: 'a roughly even chance that A and as
    good a chance that B' left the third answer near nothing)."""
    from watchfloor.brief.assess import claim, odds, tied, working

    q = three_answers(tmp_path)
    sps = posts(q, {"trials", "border"})
    assert tied(q, sps)
    chances = odds(q, sps)
    assert chances.pair == "displaced" and chances.formula() == "(1.25 + 1.25 + 1) / (2.5 + 2)"
    text = claim(q, sps, chances.term)
    assert text.startswith(f"It is {chances.term} that one of two things will happen") and "either " in text
    row = working(q, chances)
    assert "Contained and Displaced together" in row[2] and "%" not in row[2]
    assert not re.search(r"\d\.\d%", " ".join(row)), "no decimal percentage in the method annex"


def test_a_lowered_term_is_said_in_plain_words(tmp_path: Path) -> None:
    from watchfloor.brief.assess import Odds, working

    q = three_answers(tmp_path)
    row = working(q, Odds({"rising": 0.0, "contained": 2.0, "displaced": 0.5}, "contained", 0.67, "likely",
                          "roughly even chance", "the signposts are split"))
    assert row[4] == "lowered from likely to roughly even chance, because the signposts are split"


def test_a_stale_brief_lists_what_to_check_and_names_the_recency_test(demo_db: Store) -> None:
    b = write_brief(demo_db, "TJK", today=dt.date(2026, 12, 6), self_check=False, figures=False)
    md = b.markdown
    # the first annex since session 13 (the cover's note points to it), so the body stays within six pages
    assert md.index("\n## Bottom Line\n") < md.index("\n## Key Judgments\n") \
        < md.index("\n## Annex: What to Check Since the Cut-off\n") < md.index("\n## Annex: The Judgments in Full\n")
    checks = md.split("\n## Annex: What to Check Since the Cut-off\n", 1)[1].split("\n## ", 1)[0]
    items = [line for line in checks.splitlines() if line.startswith("- **")]
    assert len(items) >= len(b.contents.judgments)
    assert all("The collection holds nothing after 17 April 2026; check the reports since then for “" in i
               for i in items[:len(b.contents.judgments)]), "each says the collection holds nothing since (review 10)"
    assert all(re.search(r"\[[\d, ]+\]\.$", i) for i in items), "each check cites what it is set against"
    cover = md.split("\n## ", 1)[0]
    assert "recency test" not in cover and "recency test" in md.split("\n## Key Judgments\n", 1)[1], \
        "the cover's note is one line on currency; each judgment's confidence names the rubric's test (tenth review)"
    fresh = write_brief(demo_db, "TJK", today=dt.date(2026, 4, 20), self_check=False, figures=False)
    assert "What to Check Since the Cut-off" not in fresh.markdown, "a fresh brief needs no such list"


def test_judgments_carry_their_caveats_and_the_plan_s_rare_case(demo_db: Store) -> None:
    b = write_brief(demo_db, "TJK", today=dt.date(2026, 12, 6), self_check=False, figures=False)
    judged = b.contents.judgments
    assert any(j.caveats is not None and "rests on reports by one outlet" in j.caveats.text for j in judged)
    rare = [j.low_impact for j in judged if j.low_impact is not None]
    if rare:  # the plan's optional field, rendered only when present, as our judgment
        assert all(s.judged and s.text.startswith("Unlikely, but of high impact: ") for s in rare)
        assert "*Our judgment, not reported:* Unlikely, but of high impact: " in b.markdown
    openings = [j.confidence.text.split(":")[0] for j in judged]
    assert len(set(openings)) > 1, "the confidence sentence does not open alike in every judgment"


def test_every_source_gives_the_reason_for_its_grade(demo_db: Store) -> None:
    from watchfloor.brief.sources import grade_reason

    assert grade_reason("s1", "https://www.reuters.com/world/zenda", "B") == "graded by outlet type: wire service"
    assert grade_reason("s2", "https://www.reuters.com/world/zenda", "A") == \
        "graded for this source (a wire service is B by default)"
    assert grade_reason("s3", "https://strelsau-news.example/x", "F") == \
        "not on the publishers list, so it cannot be judged"
    assert grade_reason("plan:https://x.example", "https://x.example", "B") == "graded in the watch plan"
    b = write_brief(demo_db, "TJK", today=dt.date(2026, 12, 6), self_check=False, figures=False)
    lines = b.markdown.split("\n## Sources\n", 1)[1].strip().split("\n\n")
    assert lines and all("; graded " in line or "cannot be judged" in line for line in lines)


def test_the_gazetteer_is_data_and_places_what_the_packs_lack() -> None:
    from watchfloor.analyse.incident_map import gazetteer, place

    entries = gazetteer()
    assert entries and all(-90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180 and len(e["country"]) == 3
                           for e in entries)
    places = [(n, float(e["lon"]), float(e["lat"])) for e in entries for n in [e["name"], *e.get("aliases", [])]]
    first = places[0]
    assert place(f"a clash in {first[0]} district", places) == (first[1], first[2])
