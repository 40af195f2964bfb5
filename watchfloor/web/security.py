"""What every request passes through: host check, access token, upload cap, CSRF cookie, safe headers.

- Host: bound to loopback without a token, only `Host: 127.0.0.1|localhost|[::1]` is answered, so a web
  page elsewhere cannot reach the dashboard through DNS rebinding.
- Token: when set, every request must carry it, as `Authorization: Bearer TOKEN`, as a cookie, or once as
  `?token=TOKEN` (which sets the cookie and, for a page, redirects to the same address without it).
- Upload cap: a body larger than the cap gets 413 before it is read (Content-Length) or as soon as it is
  (chunked uploads: bytes are counted as they stream in).
- CSRF: a random cookie per browser; forms carry an HMAC of it under a per-process secret, and a POST
  whose form token does not match, or whose Origin is another site, is refused.
- Headers: a Content-Security-Policy that allows scripts from our own /static only, on every response
  (errors included): `SafeHeaders` wraps the whole app, outside even Starlette's 500 handler.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from watchfloor.errors import ConfigError, WatchfloorError

TOKEN_COOKIE = "watchfloor_token"
CSRF_COOKIE = "watchfloor_csrf"
CSRF_FIELD = "csrf_token"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
TOKEN_MIN = 12
MULTIPART_SLACK = 64 * 1024
"""Room for the multipart envelope around an upload of exactly the cap."""

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"SAMEORIGIN")]


class UploadTooLarge(HTTPException):
    """A request body went over the cap while being read.

    An HTTPException, because FastAPI turns any other error raised while it reads a JSON body into a 400
    ("error parsing the body"), but lets these through to our handler, which answers 413."""

    def __init__(self, limit: int, size: int | None = None) -> None:
        super().__init__(413, f"upload over {limit} bytes")
        self.limit, self.size = limit, size


def check_token(token: str | None) -> str | None:
    """The access token as given, or a ConfigError (at start-up) for one that guards nothing.

    Blank or whitespace tokens are refused: a header's value is stripped, so a token with spaces could only
    ever be sent in the address or a cookie, and twelve spaces are no secret."""
    if token is None:
        return None
    if not token.strip():
        raise ConfigError("the access token is empty or only spaces",
                          hint="use a long random one: python -c 'import secrets; print(secrets.token_urlsafe())'")
    if any(c.isspace() for c in token) or not token.isprintable():
        raise ConfigError("the access token contains spaces or control characters",
                          hint="use a long random one: python -c 'import secrets; print(secrets.token_urlsafe())'")
    if len(token) < TOKEN_MIN:
        raise ConfigError(f"the access token is too short (fewer than {TOKEN_MIN} characters)",
                          hint="use a long random one: python -c 'import secrets; print(secrets.token_urlsafe())'")
    return token


class CsrfRejected(WatchfloorError):
    """A form POST without a valid CSRF token, or from another site (HTTP 403)."""

    def __init__(self) -> None:
        super().__init__("this form has expired or was sent from another site",
                         hint="reload the page and send the form again")


class Csrf:
    """Double-submit cookie, signed: the form token is HMAC(secret, cookie)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def token(self, request: Request) -> str:
        nonce = request.scope.setdefault("state", {}).get("csrf_nonce", "")
        return hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()

    def valid(self, request: Request, submitted: str | None) -> bool:
        nonce = request.cookies.get(CSRF_COOKIE)
        if not nonce or not submitted:
            return False
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return False
        expected = hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, submitted)


class Guard:
    """Pure ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp, *, token: str | None, allowed_hosts: tuple[str, ...] | None,
                 body_limit: int, too_large: Callable[[Scope, int], Response]) -> None:
        self.app = app
        self.token = check_token(token)
        self.allowed_hosts = allowed_hosts
        self.body_limit = body_limit
        self.too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self.allowed_hosts is not None and _hostname(headers.get("host", "")) not in self.allowed_hosts:
            await PlainTextResponse("Unknown host name; open the dashboard at http://127.0.0.1:PORT/.",
                                    status_code=400)(scope, receive, send)
            return
        cookies = _cookies(headers)
        set_cookies: list[str] = []
        if self.token is not None:
            verdict = self._check_token(scope, headers, cookies)
            if isinstance(verdict, Response):
                await verdict(scope, receive, send)
                return
            set_cookies += verdict
        nonce = cookies.get(CSRF_COOKIE)
        if not nonce or len(nonce) > 100:
            nonce = secrets.token_urlsafe(24)
            set_cookies.append(f"{CSRF_COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Strict")
        scope.setdefault("state", {})["csrf_nonce"] = nonce
        length = headers.get("content-length")
        if length and length.isdigit() and int(length) > self.body_limit:
            await self.too_large(scope, int(length))(scope, receive, send)
            return
        await self.app(scope, self._capped(receive), _with_headers(send, set_cookies))

    def _check_token(self, scope: Scope, headers: Headers, cookies: dict[str, str]) -> Response | list[str]:
        assert self.token is not None
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and _same(auth[7:].strip(), self.token):
            return []
        if _same(cookies.get(TOKEN_COOKIE, ""), self.token):
            return []
        if _same(query.get("token", ""), self.token):
            cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            if scope["method"] == "GET" and not scope["path"].startswith("/api"):
                rest = urlencode([(k, v) for k, v in parse_qsl(scope["query_string"].decode()) if k != "token"])
                response = RedirectResponse(scope["path"] + (f"?{rest}" if rest else ""), status_code=303)
                response.headers.append("set-cookie", cookie)
                return response
            return [cookie]
        message = ("This dashboard needs its access token: open it once as /?token=TOKEN, "
                   "or send the header 'Authorization: Bearer TOKEN'.")
        return PlainTextResponse(message, status_code=401, headers={"www-authenticate": "Bearer"})

    def _capped(self, receive: Receive) -> Receive:
        seen = 0
        limit = self.body_limit

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise UploadTooLarge(limit, seen)
            return message

        return wrapped


class SafeHeaders:
    """Adds the security headers to every HTTP response, whoever sends it: pages, the Guard's own 400, 401
    and 413, and Starlette's 500. It must be the outermost layer (see `app.Dashboard`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                have = {k.lower() for k, _ in raw}
                message = dict(message, headers=raw + [(k, v) for k, v in HEADERS if k not in have])
            await send(message)

        await self.app(scope, receive, wrapped)


def _with_headers(send: Send, cookies: list[str]) -> Send:
    if not cookies:
        return send

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            raw = list(message.get("headers", []))
            raw += [(b"set-cookie", c.encode("latin-1")) for c in cookies]
            message = dict(message, headers=raw)
        await send(message)

    return wrapped


def _cookies(headers: Headers) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is no reason to fail the request
        return {}
    return {k: m.value for k, m in jar.items()}


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _same(given: str, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    import ipaddress

    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def describe_limit(size: int) -> str:
    """5000000 → 5 MB, 7340032 → 7.3 MB, 300324 → 300 kB."""
    if size >= 1_000_000:
        return f"{round(size / 1_000_000, 1):g} MB"
    return f"{max(1, round(size / 1000))} kB"
