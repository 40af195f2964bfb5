"""A Rich progress bar on stderr that appears only for work taking over a second."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from watchfloor.cli.common import err_console

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class DelayedBar:
    """progress(done, total) callback; draws only after `delay` seconds, never when quiet."""

    def __init__(self, label: str, *, quiet: bool = False, delay: float = 1.0) -> None:
        self.label, self.quiet, self.delay = label, quiet, delay
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int | None) -> None:
        if self.quiet:
            return
        if self.bar is None:
            if time.monotonic() - self.started < self.delay:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=err_console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        assert self.task is not None
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def delayed_bar(label: str, quiet: bool = False) -> Iterator[DelayedBar]:
    bar = DelayedBar(label, quiet=quiet)
    try:
        yield bar
    finally:
        bar.close()
