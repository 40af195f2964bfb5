"""The error tree. Every error a user can cause carries its context.

    WatchfloorError                 anything the CLI turns into one clean message (exit 2)
    ├── StoreError                  the DuckDB file: missing, unreadable, locked, too new
    ├── WriteError                  a file we write (the store, a report) refused: disk full, no permission
    ├── InputError                  a file the user gave us: file, line, field, value
    │   └── ImportRejected          a whole import refused (nothing written)
    ├── NotFound                    a country, entity or id the store does not know
    └── ConfigError                 a setting or option with a bad value
"""

from __future__ import annotations


class WatchfloorError(Exception):
    """Base of every error meant for a person rather than a traceback."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        if hint:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  → {self.hint}" if self.hint else self.message


class StoreError(WatchfloorError):
    """The store cannot be opened or used as asked."""


class WriteError(WatchfloorError):
    """Writing failed: the disk, not the input, is at fault, so the message must not blame the file being read."""

    hint = "free some disk space (or choose another place to write) and run the command again; nothing was changed"

    def __init__(self, path: str, reason: str, *, hint: str = "") -> None:
        self.path, self.reason = path, reason
        super().__init__(f"could not write {path}: {reason}", hint=hint)

    @classmethod
    def from_os(cls, path: object, exc: OSError, *, hint: str = "") -> WriteError:
        """'could not write PATH: no space left on device' from the OSError the write raised."""
        return cls(str(path), (exc.strerror or str(exc)).lower(), hint=hint)


class ConfigError(WatchfloorError):
    """A setting, option or environment variable has a value we cannot use."""


class NotFound(WatchfloorError):
    """A name or id the store does not know."""


class InputError(WatchfloorError):
    """A user-supplied file is wrong at a known place."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "",
        line: int | None = None,
        field: str | None = None,
        value: object = None,
        hint: str = "",
    ) -> None:
        self.file, self.line, self.field, self.value = file, line, field, value
        where = file
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field {field!r}"
        shown = f" (value: {_show(value)})" if value is not None else ""
        super().__init__(f"{where}: {message}{shown}" if where else f"{message}{shown}", hint=hint)


class ImportRejected(InputError):
    """An import refused whole; the store is as it was."""


def _show(value: object, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
