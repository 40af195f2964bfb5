"""Optional: a language model proposes claims the rules missed; the rules still decide.

Off by default. With `--llm` and `WATCHFLOOR_LLM_URL` set (any OpenAI-compatible
endpoint: vLLM, llama.cpp server, Ollama), the model is asked to quote, word
for word, every statement of the report that says what happened, and to name
its event type. A proposal only counts when its quote is found in the report;
it then adds an event word (the type's family) to the claim that contains it,
and that claim goes through exactly the same matching and checks as any other.
The model never produces a finding itself.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from watchfloor.errors import ConfigError

URL_VAR, MODEL_VAR = "WATCHFLOOR_LLM_URL", "WATCHFLOOR_LLM_MODEL"
PROMPT = (
    "List every factual statement in the report below that says what happened (an attack, arrest, deportation, "
    "agreement, election, visit, loan, sentence, clash ...). Answer with JSON only: a list of objects "
    '{"quote": "<exact words copied from the report, at most 30 words>", "event_type": "<one snake_case word>"}.'
    "\n\nREPORT:\n")


@dataclass(frozen=True)
class Proposal:
    start: int
    end: int
    quote: str
    event_type: str


def propose(text: str, timeout: float = 60.0) -> list[Proposal]:
    """Ask the configured model for claims; only quotes found verbatim in `text` are kept."""
    url = os.environ.get(URL_VAR, "").strip()
    if not url:
        raise ConfigError(f"--llm needs ${URL_VAR}", hint=f"set {URL_VAR} to an OpenAI-compatible endpoint, e.g. "
                                                           "http://localhost:8000/v1, or leave out --llm")
    import httpx

    body = {"model": os.environ.get(MODEL_VAR, "default"), "temperature": 0,
            "messages": [{"role": "user", "content": PROMPT + text[:60_000]}]}
    try:
        resp = httpx.post(url.rstrip("/") + "/chat/completions", json=body, timeout=timeout)
        resp.raise_for_status()
        content = resp.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"the language model at {url} did not answer: {exc}",
                          hint="check the endpoint, or run without --llm") from None
    return parse(text, content)


def parse(text: str, content: str) -> list[Proposal]:
    """Proposals from the model's answer (JSON, possibly inside a code fence), located in `text`."""
    m = re.search(r"\[.*\]", content, re.S)
    try:
        items = json.loads(m.group()) if m else []
    except json.JSONDecodeError:
        return []
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        quote = str(item.get("quote", "")).strip()
        kind = re.sub(r"[^a-z_]", "", str(item.get("event_type", "")).lower().replace(" ", "_"))
        pos = text.find(quote) if len(quote) >= 8 else -1
        if pos >= 0 and kind:
            out.append(Proposal(pos, pos + len(quote), quote, kind))
    return out
