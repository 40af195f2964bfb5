"""The timeline table and the indicators to watch: the period's key events, and where to look next."""

from __future__ import annotations

from watchfloor.brief import phrase
from watchfloor.brief.evidence import Evidence, Fact
from watchfloor.brief.model import Sentence, TimelineRow
from watchfloor.brief.sections.base import VIOLENCE, Context, is_terrorism
from watchfloor.brief.sections.terrorism import KILLED
from watchfloor.brief.text import lower_first

ROWS = 20
WEIGHTS = {"attack": 3, "plot": 2, "election": 3, "summit": 2, "visit": 2, "diplomatic": 1, "base_agreement": 2,
           "aid": 2, "migration_policy": 2, "loan": 1, "trial": 1, "arrest": 1, "border_clash": 2,
           "border_agreement": 2, "policy": 1, "deportation": 1}


def score(f: Fact) -> float:
    s = WEIGHTS.get(f.type, 0) + min((f.count(*KILLED) or 0) / 20, 3)
    s += 1 if (f.count("arrested", "detained", "arrested_total") or 0) >= 5 else 0
    return s + (0.5 if f.best_grade in "AB" else 0)


def timeline_rows(ev: Evidence, limit: int = ROWS) -> list[TimelineRow]:
    ranked = sorted(ev.period, key=lambda f: (-score(f), f.date.start, f.id))[:limit]
    rows = sorted(ranked, key=lambda f: (f.date.start, f.id))
    return [TimelineRow(f.date.human(), phrase.first_clause(f), f.source_ids) for f in rows]


def pending_trials(ev: Evidence) -> list[Fact]:
    """Trials in the period with no later verdict naming any of the same actors."""
    trials = [f for f in ev.period if f.type == "trial"]
    verdicts = [f for f in ev.facts if f.type in ("sentence", "execution")]
    return [t for t in trials if not any(v.date.start > t.date.start and set(v.actors) & set(t.actors)
                                         for v in verdicts)]


def indicators(ctx: Context) -> list[Sentence]:
    """One line per thing to watch, each anchored on the latest fact of its kind."""
    ev = ctx.ev
    watch: list[tuple[str, list[Fact]]] = [
        ("Pending terrorism trials", pending_trials(ev)),
        ("New jihadist cases abroad involving " + ev.demonym + " nationals",
         [f for f in ev.period if is_terrorism(f) and f.country not in (None, ev.iso3)]),
        ("Deportations and migration rules in Russia",
         [f for f in ev.period if f.type in ("migration_policy", "deportation") and "RUS" in f.countries]),
        ("Attacks on Chinese nationals and sites",
         [f for f in ev.period if f.type in VIOLENCE and f.country == ev.iso3 and "CHN" in f.countries]),
        ("The Afghan border", [f for f in ev.period if f.type in ("border_clash", "cross_border_fire")]),
        ("Debt and repayments", [f for f in ev.period if f.type == "debt_figure"]),
        ("US engagement", [f for f in ev.period if ctx.owner.get(f.id) == "united_states"]),
        ("Big projects and their financing", [f for f in ev.period if f.type in ("loan", "project")]),
    ]
    out = []
    used: set[str] = set()
    for label, facts in watch:
        facts = [f for f in facts if f.id not in used]
        if not facts:
            continue
        last = max(facts, key=lambda f: (f.date.start, f.id))
        used.add(last.id)
        latest = phrase.brief_event(ev, last)
        out.append(phrase.say(f"{label}: {lower_first(latest.text, ev.vocabulary)}", [last]))
    return out
