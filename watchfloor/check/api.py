"""check_text and check_file: the checker as a library call, timed step by step."""

from __future__ import annotations

import time
from pathlib import Path

from watchfloor.check.base import Context, EvidenceBook
from watchfloor.check.evidence import load_evidence
from watchfloor.check.match import match_claims
from watchfloor.check.reader import read_report
from watchfloor.check.registry import make_checks
from watchfloor.check.report import CheckReport
from watchfloor.check.series import compare_measures
from watchfloor.check.verdict import assemble
from watchfloor.extract.claims import Extraction, extract
from watchfloor.extract.entities import Gazetteer
from watchfloor.reference import Resolver
from watchfloor.store import Store

_GAZETTEERS: dict[tuple[str, int, int], Gazetteer] = {}


def gazetteer_for(store: Store) -> Gazetteer:
    """The alias lookup for a store, built once per process while the alias table is unchanged."""
    key = (str(store.path), int(store.scalar("SELECT count(*) FROM alias")),
           int(store.scalar("SELECT count(*) FROM entity")))
    if key not in _GAZETTEERS:
        _GAZETTEERS.clear()
        _GAZETTEERS[key] = Gazetteer(Resolver(store))
    return _GAZETTEERS[key]


def check_text(store: Store, text: str, name: str = "report", skip: frozenset[str] = frozenset(), *,
               date_year: int | None = None, llm: bool = False) -> CheckReport:
    """Check a report's text against the store; every finding quotes `text[start:end]`.

    With `llm`, a language model (see watchfloor.check.llm) may point out more
    claims first; they are checked by the same rules as every other claim.
    """
    checks = make_checks(skip)
    timings: dict[str, float] = {}
    hints = None
    if llm:
        from watchfloor.check.llm import propose

        t = time.perf_counter()
        hints = [(p.start, p.end, p.event_type) for p in propose(text)]
        timings["llm"] = time.perf_counter() - t
    t = time.perf_counter()
    gazetteer = gazetteer_for(store)
    timings["aliases"] = time.perf_counter() - t
    t = time.perf_counter()
    extraction: Extraction = extract(text, gazetteer, date_year, hints)
    timings["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    evidence = load_evidence(store, extraction, gazetteer)
    timings["retrieve"] = time.perf_counter() - t
    t = time.perf_counter()
    matches = match_claims(extraction, evidence)
    measures = {c.index: compare_measures(c, evidence) for c in extraction.claims if c.quantities}
    timings["match"] = time.perf_counter() - t
    t = time.perf_counter()
    ctx = Context(text, extraction, evidence, matches, measures, EvidenceBook(evidence))
    report = assemble(ctx, checks, name)
    timings["checks"] = time.perf_counter() - t
    report.timings = timings
    return report


def check_file(store: Store, path: str | Path, skip: frozenset[str] = frozenset(), *,
               llm: bool = False) -> tuple[str, CheckReport]:
    """Read a .txt, .md, .html or .pdf report and check it; returns the text as read and the report."""
    doc = read_report(path)
    return doc.text, check_text(store, doc.text, doc.name, skip, date_year=doc.date_year, llm=llm)
