"""Optional: let a language model rewrite the analysis sentences for fluency, under guard.

Off by default. With `--llm`, each analysis or summary sentence is sent to the
OpenAI-compatible endpoint in WATCHFLOOR_LLM_URL (vLLM, llama.cpp server,
Ollama; WATCHFLOOR_LLM_MODEL names the model, WATCHFLOOR_LLM_KEY is sent as a
bearer token if set). A rewrite is kept only if it is one sentence with the
same numbers and no citation markers of its own; after that the checker reads
the whole brief, and any rewritten sentence it finds an error in goes back to
its template wording (Brief.self_check). Judgments and indicators are never
rewritten: their wording carries the ICD 203 terms.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

import httpx

from watchfloor.errors import ConfigError

if TYPE_CHECKING:
    from watchfloor.brief.brief import Brief
    from watchfloor.brief.model import Sentence

URL_VAR, MODEL_VAR, KEY_VAR = "WATCHFLOOR_LLM_URL", "WATCHFLOOR_LLM_MODEL", "WATCHFLOOR_LLM_KEY"
PROMPT = ("You edit intelligence briefs. Rewrite the sentence the user gives you so that it reads fluently, as an "
          "analyst would write it. Keep every date, number, name, place and claim exactly; add nothing, drop "
          "nothing, keep any hedging. Answer with the one rewritten sentence only, without quotes or citations.")
_NUMBER = re.compile(r"\d[\d,.]*")


class Client:
    """A minimal OpenAI-compatible chat client; `transport` lets tests talk to a fake server."""

    def __init__(self, url: str | None = None, model: str | None = None, key: str | None = None,
                 transport: httpx.BaseTransport | None = None, timeout: float = 60.0) -> None:
        base = url or os.environ.get(URL_VAR)
        if not base:
            raise ConfigError(f"--llm needs an OpenAI-compatible endpoint in ${URL_VAR}",
                              hint=f"e.g. export {URL_VAR}=http://127.0.0.1:8080/v1, or leave out --llm")
        self.base = base.rstrip("/")
        self.model = model or os.environ.get(MODEL_VAR) or "default"
        key = key or os.environ.get(KEY_VAR)
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.http = httpx.Client(transport=transport, timeout=timeout, headers=headers)

    def rewrite(self, sentence: str) -> str:
        body: dict[str, Any] = {"model": self.model, "temperature": 0,
                                "messages": [{"role": "system", "content": PROMPT},
                                             {"role": "user", "content": sentence}]}
        try:
            r = self.http.post(f"{self.base}/chat/completions", json=body)
            r.raise_for_status()
            return str(r.json()["choices"][0]["message"]["content"]).strip()
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
            raise ConfigError(f"the language model at {self.base} did not answer: {exc}",
                              hint="check the server and $" + URL_VAR + ", or leave out --llm") from None


def acceptable(template: str, candidate: str) -> bool:
    """A rewrite may change words, never numbers, and must stay one sentence without markers."""
    from watchfloor.extract.sentences import split_sentences

    text = candidate.strip().strip('"“”').rstrip(".").strip()
    if not text or "[" in text or "\n" in text or len(split_sentences(text + ".")) != 1:
        return False
    return sorted(_NUMBER.findall(template)) == sorted(_NUMBER.findall(text))


def rewritable(brief: Brief) -> list[Sentence]:
    out = list(brief.contents.bottom_line)
    for sec in brief.contents.annex:
        out += sec.sentences()
    return out


def rewrite(brief: Brief, client: Client | None = None) -> int:
    """Rewrite what may be rewritten; returns how many sentences changed."""
    client = client or Client()
    changed = 0
    for s in rewritable(brief):
        candidate = client.rewrite(s.template)
        text = candidate.strip().strip('"“”').rstrip(".").strip()
        if acceptable(s.template, candidate) and text != s.template:
            s.text, s.rewritten = text, True
            changed += 1
    brief.invalidate()
    return changed
