"""--llm: a model (here a tiny local stand-in for an OpenAI-compatible server) proposes claims; rules decide."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from watchfloor.check import check_text
from watchfloor.check.llm import parse
from watchfloor.errors import ConfigError
from watchfloor.store import Store

TEXT = "Gulmurod Khalimov switched sides to the Islamic State in 2016, a video showed."
ANSWER = [{"quote": "Gulmurod Khalimov switched sides to the Islamic State in 2016", "event_type": "defection"},
          {"quote": "a sentence the report never wrote", "event_type": "attack"}]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert body["messages"][0]["content"].endswith(TEXT)
        reply = {"choices": [{"message": {"content": "```json\n" + json.dumps(ANSWER) + "\n```"}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    monkeypatch.setenv("WATCHFLOOR_LLM_URL", url)
    yield url
    server.shutdown()


def test_proposals_are_kept_only_when_quoted_verbatim() -> None:
    got = parse(TEXT, json.dumps(ANSWER))
    assert [(p.quote, p.event_type) for p in got] == [(ANSWER[0]["quote"], "defection")]
    assert parse(TEXT, "no json here") == []


@pytest.mark.usefixtures("rules_only")
def test_a_proposed_claim_goes_through_the_same_checks(demo_db: Store, model: str) -> None:
    plain = check_text(demo_db, TEXT)
    assert not plain.errors
    helped = check_text(demo_db, TEXT, llm=True)
    assert [f.kind for f in helped.errors] == ["wrong_date"] and "27 May 2015" in helped.errors[0].message


def test_llm_needs_an_endpoint(demo_db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WATCHFLOOR_LLM_URL", raising=False)
    with pytest.raises(ConfigError, match="WATCHFLOOR_LLM_URL"):
        check_text(demo_db, TEXT, llm=True)
