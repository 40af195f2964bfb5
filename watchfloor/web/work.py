"""Long work off the event loop: checks run in a worker thread that the request stops waiting for when its
client leaves, and a report larger than the checker's limit is refused before any work starts.

A check of a very long report can take minutes; without a limit one request could keep a core busy long
after the analyst gave up on it. Python cannot stop a thread from outside, so a check already running
finishes in the background, but nobody waits on it and its result is dropped.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

import anyio
from starlette.requests import Request

from watchfloor.errors import ConfigError, WatchfloorError
from watchfloor.web.context import CHECK_LIMIT, web_of
from watchfloor.web.security import describe_limit

T = TypeVar("T")
CHECK_LIMIT_ENV = "WATCHFLOOR_CHECK_LIMIT"
"""Environment variable that changes it, in kB (`WATCHFLOOR_CHECK_LIMIT=500` for 500 kB)."""
POLL_SECONDS = 0.25


class ReportTooLong(WatchfloorError):
    """A report over the checker's limit (HTTP 413): says how long it is and what the limit is."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"The report is {describe_limit(size)} of text; the checker reads at most "
                         f"{describe_limit(limit)} at a time.",
                         hint="Check a shorter extract, or split the report into parts and check each "
                              f"(the limit is set by {CHECK_LIMIT_ENV}, in kB).")
        self.size, self.limit = size, limit


class ClientGone(Exception):
    """The client closed the connection before the work was done."""


def check_limit_from_env(value: str | None = None) -> int:
    """The check limit in bytes: CHECK_LIMIT, or $WATCHFLOOR_CHECK_LIMIT kB; a bad value stops start-up."""
    raw = os.environ.get(CHECK_LIMIT_ENV) if value is None else value
    if raw is None or not raw.strip():
        return CHECK_LIMIT
    try:
        kb = float(raw)
    except ValueError:
        kb = -1
    if not kb > 0:
        raise ConfigError(f"{CHECK_LIMIT_ENV}={raw!r} is not a size in kB",
                          hint=f"write a positive number of kB, e.g. {CHECK_LIMIT_ENV}=500, or unset it "
                               f"for the default {describe_limit(CHECK_LIMIT)}")
    return int(kb * 1000)


def within_limit(text: str, limit: int) -> None:
    """Raise ReportTooLong when `text` is longer than `limit` bytes of UTF-8."""
    size = len(text.encode("utf-8"))
    if size > limit:
        raise ReportTooLong(size, limit)


async def run_while_connected(request: Request, fn: Callable[..., T], *args: object,
                              poll: float = POLL_SECONDS) -> T:
    """`fn(*args)` in a worker thread; raises ClientGone as soon as the client disconnects (polled every
    `poll` seconds), leaving the thread to finish on its own."""
    result: list[T] = []
    failed: list[BaseException] = []
    gone = False
    waiting = web_of(request).waiting
    waiting.add(id(request))
    try:
        async with anyio.create_task_group() as group:
            async def work() -> None:
                try:
                    result.append(await anyio.to_thread.run_sync(lambda: fn(*args), abandon_on_cancel=True))
                except Exception as exc:  # raised below as itself, not inside the task group's ExceptionGroup
                    failed.append(exc)
                group.cancel_scope.cancel()

            async def watch() -> None:
                nonlocal gone
                while not await request.is_disconnected():
                    await anyio.sleep(poll)
                gone = True
                group.cancel_scope.cancel()

            group.start_soon(work)
            group.start_soon(watch)
    finally:
        waiting.discard(id(request))
    if failed:
        raise failed[0]
    if gone or not result:
        raise ClientGone()
    return result[0]
