"""The optional rewrite: a fake OpenAI-compatible server (httpx.MockTransport), guards and fallbacks."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.brief.conftest import CROCUS, TODAY
from watchfloor.brief import write_brief
from watchfloor.brief.llm import Client, acceptable
from watchfloor.errors import ConfigError
from watchfloor.store import Store


def server(answer) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/v1/chat/completions"
        body = json.loads(request.content)
        sentence = body["messages"][-1]["content"]
        return httpx.Response(200, json={"choices": [{"message": {"content": answer(sentence)}}]})

    return httpx.MockTransport(handle)


def test_rewrites_are_kept_when_they_keep_the_numbers(facts_db: Store) -> None:
    client = Client("http://llm.test/v1", transport=server(lambda s: "Notably, " + s[0].lower() + s[1:] + "."))
    b = write_brief(facts_db, "TJK", CROCUS, today=TODAY, llm=client, figures=False)
    rewritten = [s for s in b.sentences if s.rewritten]
    assert len(rewritten) >= 10
    assert all(s.text.startswith("Notably, ") and s.template != s.text for s in rewritten)
    assert all(not s.rewritten for j in b.contents.judgments for s in j.sentences())
    assert "Notably, on 22 March 2024, four Tajik gunmen attacked Crocus City Hall" in b.markdown


def test_rewrites_that_change_a_number_fall_back_to_the_template(facts_db: Store) -> None:
    client = Client("http://llm.test/v1", transport=server(lambda s: s.replace("2024", "2023")))
    b = write_brief(facts_db, "TJK", CROCUS, today=TODAY, llm=client, figures=False)
    assert "On 22 March 2024, four Tajik gunmen attacked Crocus City Hall" in b.markdown
    assert not any(s.rewritten and "2024" in s.template for s in b.sentences)


def test_guards() -> None:
    assert acceptable("Debt fell from $900m to $820m", "Debt dropped from $900m to $820m.")
    assert not acceptable("Debt fell from $900m to $820m", "Debt dropped to $820m.")
    assert not acceptable("Debt fell from $900m to $820m", "Debt fell from $900m to $820m [3].")
    assert not acceptable("Debt fell from $900m to $820m", "Debt fell. It went from $900m to $820m.")


def test_missing_endpoint_is_a_clean_error(facts_db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WATCHFLOOR_LLM_URL", raising=False)
    with pytest.raises(ConfigError, match="WATCHFLOOR_LLM_URL"):
        write_brief(facts_db, "TJK", today=TODAY, llm=True, figures=False)


def test_unreachable_endpoint_is_a_clean_error(facts_db: Store) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    client = Client("http://llm.test/v1", transport=httpx.MockTransport(refuse))
    with pytest.raises(ConfigError, match="did not answer"):
        write_brief(facts_db, "TJK", today=TODAY, llm=client, figures=False)
