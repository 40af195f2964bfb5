"""Confidence in a key judgment, from a documented rubric rather than a count of reports.

Seven tests, each passed or failed (docs/briefs.md):

- graded: at least half of the reports behind the question's signposts are graded A–C, and no event a signpost
  counts rests only on sources graded D–F;
- corroborated: the evidence for the judgment comes from two or more publishers;
- recent: its newest report is no more than six months older than the date of writing (a brief written eight
  months after its cut-off cannot hold anything with high confidence: the world has moved since, unread);
- complete: the store holds events of every signpost's kind, now or in the window before (a signpost whose kind
  the collection holds nothing of is a gap in collection, not an absence of events);
- consistent: no figure it uses has competing values in the store, and no source disputes one, unless every value
  given for the year read meets the signpost's threshold alike (then the dispute is over how much, not over what the
  signpost reads);
- positive: the leading answer rests on at least one signpost met that tells the answers apart (diagnosticity above
  low), not only on what was not recorded (an absence in an open-source collection is weak evidence);
- assumption: the evidence does not tell against the judgment's linchpin assumption (a judgment whose linchpin the
  evidence now contradicts cannot keep the confidence it had).

High confidence passes all seven; moderate fails one or two; low fails three or more. The
sentence gives the level and the reason in one clause: what failed, or, for high, what the judgment rests on
(how many reports, from how many publishers, the newest when), so no two read alike.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from watchfloor.brief.evidence import Fact
from watchfloor.brief.text import join, number_word

RECENT_DAYS = 183


def stale(as_of: dt.date, written: dt.date | None) -> str:
    """'it fails the recency test, for the evidence stops eight months before the date of writing' (the rubric's own
    test, named: the eighth review read an unnamed age penalty as a rule outside the rubric), or '' when the brief is
    written within six months of its cut-off."""
    if written is None or (written - as_of).days <= RECENT_DAYS:
        return ""
    months = round((written - as_of).days / 30.4)
    return f"it fails the recency test, for the evidence stops {number_word(months)} months before the date of writing"


def tests(all_facts: Sequence[Fact], lead_facts: Sequence[Fact], gaps: int, contested: str,
          as_of: dt.date, series_by: Sequence[str] = (), positive: bool = True,
          written: dt.date | None = None, assumption: bool = True,
          weighed: Sequence[Fact] | None = None) -> list[tuple[bool, str]]:
    """(passed, what a failure means in words) for each test of the rubric; `series_by` are the publishers of the
    observation series the leading answer was also read from (a publisher corroborating the reports). Recency is
    measured against the date of writing (`written`), not the cut-off: evidence eight months old at the time of
    reading is old whatever the cut-off says. `assumption` is False when the evidence tells against the linchpin.
    `weighed`, the events of the signposts that weigh in the call: only a weak source among them lowers confidence
    (the tenth review: a signpost with no weight in the call lowered it through one source graded F)."""
    now = max(as_of, written or as_of)
    sources = {s["id"]: s for f in all_facts for s in f.sources}
    graded = sum((s["reliability"] or "F") in "ABC" for s in sources.values())
    publishers = {(s["publisher"] or s["id"]) for f in lead_facts for s in f.sources} | set(series_by)
    newest = max((f.date.end for f in lead_facts), default=None)
    few = "none" if not graded else f"only {number_word(graded)}"
    weak = [f for f in (all_facts if weighed is None else weighed) if f.best_grade not in "ABC"]
    grades = (f"{few} of its {number_word(len(sources))} reports {'are' if graded > 1 else 'is'} graded A to C"
              if graded * 2 < len(sources) else
              f"{number_word(len(weak))} of the events its signposts count "
              f"{'rest' if len(weak) > 1 else 'rests'} only on sources graded D to F")
    return [
        (graded * 2 >= len(sources) and not weak, grades),
        (len(publishers) >= 2, "a single publisher carries the evidence for it"),
        (newest is not None and (now - newest).days <= RECENT_DAYS,
         stale(as_of, written) or "its newest supporting report is more than six months old"),
        (gaps == 0, f"the collection is silent on {number_word(gaps)} of its signposts (no event of the kind in "
                    "either window)"),
        (not contested, f"sources give competing values for {contested}"),
        (positive, "its answer rests on what was not recorded and on weak signposts more than on what was"),
        (assumption, "the evidence now tells against its linchpin assumption"),
    ]


def rate(all_facts: Sequence[Fact], lead_facts: Sequence[Fact], gaps: int, contested: str,
         as_of: dt.date, series_by: Sequence[str] = (), positive: bool = True,
         term: str = "", cited_series_by: Sequence[str] = (), written: dt.date | None = None,
         assumption: bool = True, series_grades: Sequence[str] = (),
         weighed: Sequence[Fact] | None = None) -> tuple[str, str]:
    """(level, the confidence sentence without its markers). The sentence says what confidence rates (the evidence,
    not the odds), and, when the evidence is good but the answer only a roughly even chance (`term`), that the two
    go together on purpose: sound evidence that is evenly balanced. Its counts are of `all_facts` (and the series
    `cited_series_by` publish), the evidence the sentence cites: a review found 'four reports' beside eleven markers."""
    failed = [why for ok, why in tests(all_facts, lead_facts, gaps, contested, as_of, series_by, positive, written,
                                       assumption, weighed) if not ok]
    level = "high" if not failed else "moderate" if len(failed) <= 2 else "low"
    reason = join(failed) if failed else grounds(all_facts, cited_series_by or series_by, series_grades)
    text = f"We hold this judgment with {level} confidence, which rates the evidence, not the odds: {reason}"
    if level == "high" and term == "roughly even chance":
        text += "; sound evidence can still be evenly balanced between the answers"
    elif level == "low" and term in ("likely", "very likely"):
        text += "; the answer leads on what the evidence holds, but that evidence is thin"
    return level, text


def newest(facts: Sequence[Fact]) -> str:
    """The newest report among these facts' sources in words: its publication date, or, for an event no source of
    which is dated, the event's own date ('' when there are none)."""
    best: tuple[dt.date, str] | None = None
    for f in facts:
        dated = [dt.date.fromisoformat(str(s["published_at"])[:10]) for s in f.sources if s.get("published_at")]
        when = (max(dated), f"{max(dated).day} {max(dated).strftime('%B %Y')}") if dated \
            else (f.date.end, f.date.human())
        if best is None or when[0] > best[0]:
            best = when
    return best[1] if best is not None else ""


def grades(facts: Sequence[Fact], series_grades: Sequence[str] = ()) -> str:
    """The reports' (and the cited series') grades as counted: 'all graded C', 'two graded B and nine graded C' (not
    'mostly A to C', which a review found hiding that none was graded A; not 'all graded C' beside a World Bank series
    graded B, which the seventh review found)."""
    by_grade = Counter((s["reliability"] or "F") for s in {s["id"]: s for f in facts for s in f.sources}.values())
    by_grade.update(g or "F" for g in series_grades)
    if len(by_grade) == 1:
        return f"all graded {next(iter(by_grade))}"
    return join(f"{number_word(n)} graded {g}" for g, n in sorted(by_grade.items()))


def grounds(facts: Sequence[Fact], series_by: Sequence[str] = (), series_grades: Sequence[str] = ()) -> str:
    """What a judgment held with high confidence rests on, in the numbers of the evidence its sentence cites: 'it
    rests on eleven reports and the World Bank series, from seven publishers, the newest dated 4 March 2026, two graded
    B and nine graded C, …'."""
    sources = {s["id"] for f in facts for s in f.sources}
    series = list(dict.fromkeys(series_by))
    publishers = {(s["publisher"] or s["id"]) for f in facts for s in f.sources} | set(series)
    when = newest(facts)
    also = "".join(f" and the {by} series" for by in series)
    comma = "," if also else ""
    return (f"it rests on {number_word(len(sources))} report{'s' if len(sources) != 1 else ''}{also}{comma} from "
            f"{number_word(len(publishers))} publisher{'s' if len(publishers) != 1 else ''}"
            f"{f', the newest dated {when}' if when else ''}"
            f"{f', {grades(facts, series_grades)}' if sources else ''}, with no "
            "signpost silent and no dispute over a figure that would change a signpost's reading")
