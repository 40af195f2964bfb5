"""Token, host check, CSRF, upload cap, safe headers, and escaping of everything from the store."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import HOSTILE, csrf_token
from watchfloor.web import create_app

TOKEN = "s3cret-token-for-tests"


def parsed(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element a browser would build from the page: (tag, attributes)."""
    out: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            out.append((tag, dict(attrs)))

    Collect().feed(html)
    return out


@pytest.fixture
def guarded(demo_db_path: Path, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(demo_db_path, token=TOKEN, snapshot_dir=tmp_path / "snap", refresh_seconds=3600, warm=False)
    with TestClient(app) as c:
        yield c


def test_token_is_checked_on_every_request(guarded: TestClient) -> None:
    for path in ["/", "/api/events?country=TJK", "/openapi.json", "/static/watchfloor.css", "/healthz"]:
        r = guarded.get(path)
        assert r.status_code == 401, path
        assert "needs its access token" in r.text
    assert guarded.get("/", headers={"Authorization": "Bearer wrong-token-here"}).status_code == 401
    assert guarded.get("/api/events?country=TJK", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_token_in_the_address_once_then_a_cookie(guarded: TestClient) -> None:
    r = guarded.get(f"/timeline?since=2024&token={TOKEN}", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/timeline?since=2024"  # the token leaves the address bar
    assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
    assert guarded.get("/timeline?since=2024").status_code == 200  # the cookie carries it from now on


def test_loopback_only_answers_loopback_host_names(demo_db_path: Path, tmp_path: Path) -> None:
    app = create_app(demo_db_path, allowed_hosts=("127.0.0.1", "localhost", "::1"), snapshot_dir=tmp_path / "s",
                     warm=False)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/healthz", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/healthz", headers={"host": "[::1]:8000"}).status_code == 200
        rebound = c.get("/healthz", headers={"host": "evil.example:8000"})
        assert rebound.status_code == 400 and "Unknown host name" in rebound.text


def test_check_form_needs_its_csrf_token(client: TestClient) -> None:
    no_token = client.post("/check", data={"text": "Some report."})
    assert no_token.status_code == 403
    assert "this form has expired or was sent from another site" in no_token.text
    forged = client.post("/check", data={"text": "x", "csrf_token": "0" * 64})
    assert forged.status_code == 403
    token = csrf_token(client)
    cross_site = client.post("/check", data={"text": "x", "csrf_token": token},
                             headers={"origin": "https://evil.example"})
    assert cross_site.status_code == 403


def test_csrf_token_is_bound_to_the_browser(client: TestClient, app) -> None:
    token = csrf_token(client)
    with TestClient(app) as other:  # another browser: its own cookie, so the first one's token is useless
        other.get("/check")
        assert other.post("/check", data={"text": "x", "csrf_token": token}).status_code == 403


def test_upload_over_the_cap_is_refused_clearly(demo_db_path: Path, tmp_path: Path) -> None:
    app = create_app(demo_db_path, upload_limit=100_000, snapshot_dir=tmp_path / "s", warm=False)
    with TestClient(app) as c:
        token = csrf_token(c)
        big = b"x" * 300_000
        r = c.post("/check", data={"csrf_token": token}, files={"file": ("big.txt", big, "text/plain")})
        assert r.status_code == 413
        assert "The upload is 300 kB; the limit is 100 kB." in r.text
        assert "<h1>Upload too large</h1>" in r.text

        def chunks() -> Iterator[bytes]:  # no Content-Length: the cap applies as the body arrives
            yield b'--b0undary\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
            for _ in range(30):
                yield b"y" * 10_000

        multipart = {"content-type": "multipart/form-data; boundary=b0undary"}
        streamed = c.post("/check", content=chunks(), headers=multipart)
        assert streamed.status_code == 413
        just_over = c.post("/check", data={"csrf_token": token},
                           files={"file": ("a.txt", b"z" * 100_001, "text/plain")})
        assert just_over.status_code == 413
        api = c.post("/api/check", json={"text": "w" * 150_000})
        assert api.status_code == 413 and "limit is 100 kB" in api.json()["detail"]


def test_safe_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "watchfloor_csrf=" in r.headers["set-cookie"]


def test_api_check_takes_json_only(client: TestClient) -> None:
    """A cross-site form can send text/plain, never application/json: so no CSRF token is needed there."""
    r = client.post("/api/check", content='{"text": "hello"}', headers={"content-type": "text/plain"})
    assert r.status_code == 422


def test_store_text_is_escaped_everywhere(hostile_store: Path, tmp_path: Path) -> None:
    app = create_app(hostile_store, snapshot_dir=tmp_path / "s", warm=False)
    with TestClient(app) as c:
        for path in ["/", "/timeline?since=2024-07-01&until=2024-07-01", "/map", "/actors?since=2024-07-01",
                     "/sources"]:
            html = c.get(path).text
            assert HOSTILE not in html, path
            elements = parsed(html)
            assert [a for t, a in elements if t == "script"] == [{"src": "/static/watchfloor.js", "defer": None}], path
            assert not [t for t, a in elements if any(k.startswith("on") for k in a)], path
            assert not [t for t, a in elements if t == "img"], path
        timeline = c.get("/timeline?since=2024-07-01&until=2024-07-01").text
        assert "Marker hostile event &lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=x" in timeline
        api = c.get("/api/events?since=2024-07-01&until=2024-07-01").json()
        assert any(HOSTILE in e["summary"] for e in api["events"])  # the data itself is kept as written


@pytest.mark.parametrize("token", [" " * 12, "\t" * 14, "", "twelve chars with spaces", "short-token"])
def test_blank_spaced_or_short_tokens_are_refused_at_start(demo_db_path: Path, tmp_path: Path, token: str) -> None:
    from watchfloor.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        create_app(demo_db_path, token=token, snapshot_dir=tmp_path / "s", warm=False)
    message = caught.value.message
    assert ("empty or only spaces" in message if not token.strip()
            else "spaces" in message if " " in token else "too short (fewer than 12 characters)" in message)
    assert "secrets.token_urlsafe" in (caught.value.hint or "")


def assert_safe_headers(r, where: str) -> None:  # type: ignore[no-untyped-def]
    assert "script-src 'self'" in r.headers.get("content-security-policy", ""), where
    assert r.headers.get("x-content-type-options") == "nosniff", where
    assert r.headers.get("referrer-policy") == "no-referrer", where
    assert r.headers.get("x-frame-options") == "SAMEORIGIN", where


def test_every_error_carries_the_safe_headers(demo_db_path: Path, tmp_path: Path) -> None:
    app = create_app(demo_db_path, token=TOKEN, upload_limit=1000, allowed_hosts=("127.0.0.1",),
                     snapshot_dir=tmp_path / "s", warm=False)

    def boom() -> None:
        raise RuntimeError("a bug in a page")

    app.add_api_route("/boom", boom)  # a real route with a real bug: Starlette's 500 path
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        bad_host = c.get("/healthz", headers={"host": "evil.example"} | auth)
        assert bad_host.status_code == 400
        assert_safe_headers(bad_host, "400 bad host")
        unauthorised = c.get("/")
        assert unauthorised.status_code == 401
        assert_safe_headers(unauthorised, "401")
        too_large = c.post("/api/check", json={"text": "x" * 100_000}, headers=auth)
        assert too_large.status_code == 413
        assert_safe_headers(too_large, "413")
        missing = c.get("/nowhere", headers=auth)
        assert missing.status_code == 404
        assert_safe_headers(missing, "404")
        broken = c.get("/boom", headers=auth)
        assert broken.status_code == 500
        assert "internal error" in broken.text and "a bug in a page" not in broken.text
        assert_safe_headers(broken, "500")


def test_chunked_json_over_the_cap_is_413(demo_db_path: Path, tmp_path: Path) -> None:
    app = create_app(demo_db_path, upload_limit=100_000, snapshot_dir=tmp_path / "s", warm=False)

    def chunks() -> Iterator[bytes]:  # no Content-Length: only counting the bytes as they arrive can stop it
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 10_000
        yield b'"}'

    with TestClient(app) as c:
        r = c.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert "the limit is 100 kB" in r.json()["detail"]
        assert_safe_headers(r, "chunked 413")
