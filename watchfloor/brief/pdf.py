"""HTML to PDF with WeasyPrint, offline: any attempt to fetch a URL is refused.

The page carries its CSS and figures inline, so nothing needs fetching; the
refusing fetcher makes sure a stray link can never reach the network.
"""

from __future__ import annotations

from typing import Any

from watchfloor.errors import ConfigError


def refuse_network(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """A WeasyPrint url_fetcher that fetches nothing: inline data only."""
    if url.startswith("data:"):
        from weasyprint import default_url_fetcher

        return dict(default_url_fetcher(url))
    raise ValueError(f"watchfloor renders PDFs offline and does not fetch {url!r}")


def html_to_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: system libraries (pango) missing
        raise ConfigError(f"cannot write PDF: WeasyPrint is not usable here ({exc})",
                          hint="run the README's set-up (make demo) or choose --format md or html") from None
    out = HTML(string=html, base_url=None, url_fetcher=refuse_network).write_pdf()
    return bytes(out or b"")
