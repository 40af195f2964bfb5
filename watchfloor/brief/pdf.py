"""HTML to PDF with WeasyPrint, offline: any attempt to fetch a URL is refused.

The page carries its CSS and figures inline, so nothing needs fetching; the
refusing fetcher makes sure a stray link can never reach the network. WeasyPrint
treats a refused fetch like a missing image (it leaves it out), so a hostile
`<img src="http://…">` costs a blank, never a traceback or a request.
"""

from __future__ import annotations

from typing import Any

from watchfloor.errors import ConfigError

ALLOWED_SCHEMES = ("data:",)
"""The brief embeds its figures and styles in the page itself: data: URIs are all it may load."""


def refuse_network(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """A WeasyPrint (< 70) url_fetcher that fetches nothing: inline data only."""
    _allow(url)
    from weasyprint import default_url_fetcher  # type: ignore[attr-defined,unused-ignore]

    return dict(default_url_fetcher(url))


def _allow(url: str) -> None:
    if not url.lower().startswith(ALLOWED_SCHEMES):
        raise ValueError(f"watchfloor renders PDFs offline and does not fetch {url!r}")


def offline_fetcher() -> Any:
    """The fetcher this WeasyPrint expects: a URLFetcher (70 and later) or a function (before)."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:
        return refuse_network

    class OfflineFetcher(URLFetcher):  # type: ignore[misc,unused-ignore]
        """Refuses every URL but data: before urllib sees it; data: is decoded locally, without a request."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            _allow(url)
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)


def html_to_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: system libraries (pango) missing
        raise ConfigError(f"cannot write PDF: WeasyPrint is not usable here ({exc})",
                          hint="run the README's set-up (make demo) or choose --format md or html") from None
    out = HTML(string=html, base_url=None, url_fetcher=offline_fetcher()).write_pdf()
    return bytes(out or b"")
