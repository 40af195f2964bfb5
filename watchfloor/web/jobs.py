"""Briefs written in the background, so the Briefs page can show progress, and the briefs already written.

A brief takes a quarter of a minute or more (figures, then the self-check). The form starts a job in a
thread and the browser is sent to the job's page, which shows the step under way: it polls
`/briefs/jobs/{id}/status` with the page's script, or reloads itself every two seconds without one. The
job keeps the brief in the snapshot's memo (so the page that shows it is instant) and writes its files
to the app's brief folder, which the Briefs page lists, newest first.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchfloor.errors import WatchfloorError

FORMATS = ("md", "html", "pdf")
KEEP_JOBS = 50
STEPS = ["Reading the evidence", "Writing the sections and judgments", "Drawing the figures", "Self-check",
         "Writing the Markdown", "Writing the HTML", "Writing the PDF"]
"""The steps a job reports, in order: the page shows 'step n of 7'."""
_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(md|html|pdf)$")


@dataclass
class BriefJob:
    """One brief being written: its request, the step under way, and how it ended."""

    id: str
    iso3: str
    country: str
    since: str
    until: str
    title: str
    stem: str
    started: float = field(default_factory=time.monotonic)
    step: str = "Waiting to start"
    state: str = "running"
    """running, done or failed."""
    error: str = ""
    hint: str = ""
    files: list[str] = field(default_factory=list)
    finished: float | None = None

    @property
    def query(self) -> dict[str, str]:
        return {"country": self.iso3, "since": self.since, "until": self.until, "title": self.title}

    def progress(self, step: str) -> None:
        self.step = step

    @property
    def step_number(self) -> int:
        base = self.step.split(",")[0]
        return STEPS.index(base) + 1 if base in STEPS else 0

    def status(self) -> dict[str, Any]:
        """What the job page's script reads: plain JSON, no markup."""
        elapsed = (self.finished or time.monotonic()) - self.started
        return {"id": self.id, "state": self.state, "step": self.step, "step_number": self.step_number,
                "steps": len(STEPS), "elapsed": round(elapsed, 1), "error": self.error, "hint": self.hint,
                "files": self.files}


class BriefJobs:
    """The app's brief jobs: at most one per country, period and title at a time; the last KEEP_JOBS kept."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, BriefJob] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, job_id: str) -> BriefJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def start(self, web: Any, iso3: str, country: str, since: str, until: str, title: str) -> BriefJob:
        """A new job writing this brief, or the one already writing it."""
        with self._lock:
            for job in self._jobs.values():
                if job.state == "running" and (job.iso3, job.since, job.until, job.title) == (iso3, since, until,
                                                                                              title):
                    return job
            job = BriefJob(secrets.token_urlsafe(9), iso3, country, since, until, title,
                           stem=file_stem(country, since, until))
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        threading.Thread(target=_run, args=(web, job), name=f"watchfloor-brief-{job.id}", daemon=True).start()
        return job


def _run(web: Any, job: BriefJob) -> None:
    from watchfloor.brief.brief import save_brief
    from watchfloor.web.pages.briefs import html_key, memo_key, write

    try:
        with web.snapshots.store() as (store, snap):
            key = memo_key(job.iso3, job.since, job.until, job.title)
            brief = snap.memo(key, lambda: write(store, job.iso3, job.since, job.until, job.title, job.progress))
            folder: Path = web.brief_dir
            folder.mkdir(parents=True, exist_ok=True)
            written = save_brief(brief, folder / job.stem, FORMATS, job.progress)
            snap.memo(html_key(job.iso3, job.since, job.until, job.title), brief.html)
        job.files = [p.name for p in written]
        job.step, job.state = "Done", "done"
    except WatchfloorError as exc:
        job.state, job.error, job.hint = "failed", exc.message, exc.hint or ""
    except OSError as exc:
        job.state, job.error = "failed", f"cannot write the brief's files in {web.brief_dir}: {exc.strerror or exc}"
        job.hint = "check that the folder exists and can be written, or start the dashboard from another folder"
    except Exception as exc:  # a bug: the page says so instead of spinning forever
        job.state, job.error = "failed", f"the brief could not be written ({type(exc).__name__}: {exc})"
        job.hint = "try again; if it happens again, write it with `watchfloor brief` to see the full error"
    finally:
        job.finished = time.monotonic()


def file_stem(country: str, since: str, until: str, today: dt.date | None = None) -> str:
    """ruritania-2026-01-15, or ruritania-2026-01-15-2024-06-2024-12 for a chosen period."""
    parts = [re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-") or "brief", (today or dt.date.today()).isoformat()]
    since, until = (re.sub(r"[^0-9A-Za-z-]+", "", p) for p in (since, until))
    if since or until:
        parts += [since or "start", until or "latest"]
    return "-".join(parts)


@dataclass
class WrittenBrief:
    """A brief in the folder: its name, title (from the Markdown) and the formats on disk."""

    stem: str
    title: str
    modified: dt.datetime
    files: dict[str, str]


def written_briefs(folder: Path) -> list[WrittenBrief]:
    """The briefs in `folder`, newest first: .md, .html and .pdf files grouped by name."""
    if not folder.is_dir():
        return []
    groups: dict[str, dict[str, Path]] = {}
    for path in folder.iterdir():
        m = _FILE.match(path.name)
        if m and path.is_file():
            groups.setdefault(path.name[: -len(m.group(1)) - 1], {})[m.group(1)] = path
    out = []
    for stem, files in groups.items():
        newest = max(p.stat().st_mtime for p in files.values())
        title = _title(files["md"]) if "md" in files else stem
        out.append(WrittenBrief(stem, title, dt.datetime.fromtimestamp(newest),
                                {fmt: files[fmt].name for fmt in FORMATS if fmt in files}))
    return sorted(out, key=lambda b: (b.modified, b.stem), reverse=True)


def brief_file(folder: Path, name: str) -> Path | None:
    """The file `name` in `folder` if it is a brief there (no other folder, no other kind of file)."""
    if not _FILE.match(name):
        return None
    path = folder / name
    return path if path.is_file() and path.resolve().parent == folder.resolve() else None


def _title(md: Path) -> str:
    try:
        with md.open(encoding="utf-8", errors="replace") as f:
            first = f.readline(500).strip()
    except OSError:
        return md.stem
    if not first.startswith("# "):
        return md.stem
    return re.sub(r"\\([\\`*_\[\]<>&#+=.!|-])", r"\1", first[2:].strip()) or md.stem  # undo Markdown escapes
