"""The dashboard (`watchfloor serve`): pages and a JSON API over the same library calls as the CLI."""

from watchfloor.web.app import create_app

__all__ = ["create_app"]
