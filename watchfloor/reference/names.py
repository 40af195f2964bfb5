"""How names are compared: case, accents, punctuation and spacing do not count."""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[.'’`]")
_PUNCT = re.compile(r"[\s\-‐‑–—_,\"()/]+")


def normalise(name: str) -> str:
    """Fold a name to the key aliases are matched on ('U.S.' → 'us', 'Ruritánia' → 'ruritania')."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _PUNCT.sub(" ", _DROP.sub("", text.casefold())).strip()


def slug(name: str) -> str:
    return normalise(name).replace(" ", "-") or "x"
