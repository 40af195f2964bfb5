from hypothesis import given
from hypothesis import strategies as st

from watchfloor.extract.sentences import split_sentences

TEXT = """# A Title Line

Executive Summary
The U.S. Treasury acted. In the U.S. The men were held on 3 Jan. 2024.[3] He met T.M. Nazarov. Next (see [4, 5]).
- first item here.
A wrapped line that
continues here. And 4.5 percent.
"""


def test_headings_sentences_and_offsets() -> None:
    ss = split_sentences(TEXT)
    texts = [s.text for s in ss]
    assert texts[0] == "A Title Line" and ss[0].heading
    assert texts[1] == "Executive Summary" and ss[1].heading
    assert "The U.S. Treasury acted." in texts
    assert "In the U.S." in texts and "The men were held on 3 Jan. 2024.[3]" in texts
    assert "He met T.M. Nazarov." in texts
    assert "first item here." in texts
    assert "A wrapped line that\ncontinues here." in texts
    assert all(TEXT[s.start:s.end] == s.text for s in ss)
    assert all(s.section == 1 for s in ss[2:])


def test_example_report_title_and_headings(example_text: str) -> None:
    ss = split_sentences(example_text)
    headings = [s.text for s in ss if s.heading]
    assert headings[0].startswith("Tajikistan Under Pressure in 2024")
    assert "Eight Tajiks Arrested in the US on Terrorism Charges" in headings
    assert "Outlook" in headings


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_offsets_always_quote_the_text(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text
