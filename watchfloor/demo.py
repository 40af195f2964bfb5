"""The bundled demo: what `watchfloor demo` loads, writes and checks (data/demo.json says which country).

It never wipes a store: every step is idempotent, so running it twice adds
nothing the second time. `reset()` is the only way to start from empty.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from watchfloor.ingest import ImportOptions, ImportResult, import_paths
from watchfloor.store import Store


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """data/demo.json: the packs and files the demo loads, the country it briefs, the report it checks."""
    text = resources.files("watchfloor").joinpath("data", "demo.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


@dataclass
class DemoRun:
    imports: list[ImportResult] = field(default_factory=list)
    brief_paths: list[Path] = field(default_factory=list)
    brief_sentences: int = 0
    brief_check: dict[str, Any] | None = None
    report: Path | None = None
    report_check: dict[str, Any] | None = None
    checked: tuple[Path, Any] | None = None
    """The report the brief was set against and the check library's report on it, so it is checked once."""
    notes: list[str] = field(default_factory=list)


def _bundled(names: list[str]) -> list[Path]:
    base = resources.files("watchfloor").joinpath("data")
    paths = [Path(str(base.joinpath(name))) for name in names]
    return [p for p in paths if p.exists() and p.stat().st_size]


def bundled_packs() -> list[Path]:
    """The first country's packs as given, then every country pack's facts (data/countries/<ISO3>/facts.jsonl)."""
    countries = Path(str(resources.files("watchfloor").joinpath("data", "countries")))
    packs = sorted(str(p.relative_to(countries.parent)) for p in countries.glob("*/facts.jsonl"))
    return _bundled(list(config()["packs"]) + packs)


def load_demo(store: Store) -> list[ImportResult]:
    """Load the bundled packs and World Bank files; idempotent, so a second run adds nothing.

    Summaries a store made before vectors were kept are embedded here, and sources loaded before the packs had a
    sources.json get their titles and dates, since their packs import as unchanged."""
    from watchfloor.ingest.sources import bundled_catalogue, refresh_sources
    from watchfloor.ingest.vectors import embed_summaries

    results = import_paths(store, bundled_packs() + _bundled(list(config()["world_bank"])), ImportOptions(quiet=True))
    with store.transaction() as con:
        embed_summaries(con)
        refresh_sources(con, bundled_catalogue())
    return results


def example_report() -> Path:
    """The bundled example report the demo checks; its answer key is the `.key.json` beside it."""
    return _bundled([str(config()["example_report"])])[0]


def country(store: Store) -> tuple[str, str]:
    """The demo's country (data/demo.json) as ISO3 and the name the store gives it."""
    iso3 = str(config()["brief"])
    return iso3, store.scalar("SELECT name FROM entity WHERE id = ?", [f"country:{iso3}"]) or iso3


def write_demo_brief(store: Store, out_dir: Path, run: DemoRun, today: dt.date | None = None,
                     against: Path | None = None) -> None:
    """The demo's brief, set against the example report (or `against`): its errors go in the brief's box."""
    from watchfloor.brief import write_brief
    from watchfloor.check import check_file

    iso3, name = country(store)
    report = against or example_report()
    run.checked = (report, check_file(store, report)[1])
    brief = write_brief(store, iso3, today=today, against=run.checked[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"{name.lower().replace(' ', '-')}-{(today or dt.date.today()).isoformat()}"
    md, html, pdf = stem.with_suffix(".md"), stem.with_suffix(".html"), stem.with_suffix(".pdf")
    md.write_text(brief.markdown, encoding="utf-8")
    figures = [out_dir / name for name in brief.figure_files()]
    for path, svg in zip(figures, brief.figure_files().values(), strict=True):
        path.write_text(svg, encoding="utf-8")
    html.write_text(brief.html(), encoding="utf-8")
    pdf.write_bytes(brief.pdf())
    run.brief_paths = [md, html, pdf]
    run.brief_sentences = len(brief.sentences)
    if brief.check is not None:
        run.brief_check = brief.check.to_dict()["summary"]


def check_example(store: Store, report: Path, run: DemoRun) -> None:
    from watchfloor.check import check_file

    if run.checked is not None and run.checked[0] == report:
        result = run.checked[1]
    else:
        _, result = check_file(store, report)
    run.report = report
    run.report_check = result.to_dict()


def reset(path: Path) -> None:
    """Delete a store file (and its WAL) so the next open starts empty."""
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
