from hypothesis import given, settings
from hypothesis import strategies as st

from watchfloor.ingest.passages import split_passages

WORDS = st.sampled_from(["Tajikistan", "remittances", "49.9%", "of", "GDP", "in", "2022.", "The", "border", "Rogun",
                         "dam!", "Why?", "“Quoted.”", "Dushanbe", "—", "a", " ", "\n", "\n\n", "\t"])


@settings(max_examples=200)
@given(st.lists(WORDS, max_size=400).map(" ".join), st.integers(20, 300))
def test_passages_are_exact_ordered_bounded_and_cover_the_text(text: str, limit: int) -> None:
    passages = split_passages(text, limit)
    end = 0
    for i, p in enumerate(passages):
        assert p.seq == i
        assert text[p.start:p.end] == p.text
        assert p.text and p.text == p.text.strip()
        assert p.start >= end
        assert p.end - p.start <= limit
        end = p.end
    covered = {i for p in passages for i in range(p.start, p.end)}
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered)


@given(st.text(max_size=500))
def test_any_text_splits_without_error(text: str) -> None:
    for p in split_passages(text, 50):
        assert text[p.start:p.end] == p.text


def test_long_paragraph_is_cut_at_sentence_ends() -> None:
    text = " ".join(f"Sentence number {i} ends here." for i in range(60))
    parts = split_passages(text, 200)
    assert len(parts) > 1
    assert all(p.text.endswith("here.") for p in parts)
