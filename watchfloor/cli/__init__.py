"""The `watchfloor` command: a thin shell over the library.

Each module in this package that defines `register(app)` adds its commands;
they are found at start-up, so a new command is a new file.
"""

from watchfloor.cli.app import app, main, run

__all__ = ["app", "main", "run"]
