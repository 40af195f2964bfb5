"""An undated source says when it was cited for, from the events citing it, instead of a bare 'n.d.'."""

from __future__ import annotations

import datetime as dt
import re

from watchfloor.brief import Brief
from watchfloor.brief.sources import events
from watchfloor.dates import FuzzyDate


def test_events_name_the_dates_they_are_cited_for() -> None:
    day, month, year = FuzzyDate(dt.date(2024, 6, 11), "day"), FuzzyDate(dt.date(2024, 6, 1), "month"), \
        FuzzyDate(dt.date(2016, 1, 1), "year")
    assert events([day]) == "an event of 11 June 2024"
    assert events([day, day]) == "events of 11 June 2024"
    assert events([month, day]) == "events of June 2024"
    assert events([FuzzyDate(dt.date(2025, 3, 2), "day"), day]) == "events of June 2024 and March 2025"
    assert events([year, day, FuzzyDate(dt.date(2024, 9, 1), "day"), FuzzyDate(dt.date(2025, 3, 2), "day")]) == \
        "events of 2016 to March 2025"


def test_no_source_is_a_bare_nd(brief: Brief) -> None:
    sources = brief.markdown.split("\n## Sources\n", 1)[1]
    entries = re.findall(r"^\[\d+\] .*$", sources, re.M)
    undated = [e for e in entries if "undated; cited for " in e]
    assert undated and not [e for e in entries if ", n.d., " in e]
    assert all(re.search(r"”, (\d{4}-\d\d-\d\d( \(after the evidence cut-off; [^,]+\))?|"
                         r"undated; cited for (an event|events|figures) (of|for) [^,]+), ", e) for e in entries)


def test_a_source_published_after_the_cut_off_says_so(brief: Brief) -> None:
    cutoff = brief.markdown.split("\n## Sources\n", 1)[1]
    late = [e for e in re.findall(r"^\[\d+\] .*$", cutoff, re.M) if "after the evidence cut-off" in e]
    assert late and all(re.search(r"”, 2026-", e) for e in late)
