"""Side clauses: the adverbial clause, opened by a subordinating word, that holds a place in the sentence.

Why: 'After Ruritania shot down a drone near Zenda, it closed its airspace' puts the shooting near Zenda, not the
closure. The parse marks such a clause as an adverbial clause (advcl) with a marker ('after', 'when', 'because');
what sits inside it describes that clause's event, and the main clause's event may have happened elsewhere.
"""

from __future__ import annotations


def side_clause(text: str, start: int) -> tuple[int, int] | None:
    """The character span of the marked adverbial clause holding `text[start]`, or None when it is in the main
    clause (or the parse has no such clause above it)."""
    from watchfloor.extract.frames import parsed, token_at

    token = token_at(parsed(text), start)
    while token is not None and token.head.i != token.i:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
            words = list(token.subtree)
            return words[0].idx, words[-1].idx + len(words[-1].text)
        token = token.head
    return None
