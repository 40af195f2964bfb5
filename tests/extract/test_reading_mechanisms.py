"""Reading mechanisms a maintained library or the text's own shape decides, not a word list."""

from watchfloor.check.lexical import stem
from watchfloor.extract.dates import DateFinder
from watchfloor.extract.numbers import written_step
from watchfloor.extract.quantities import interval
from watchfloor.extract.sentences import split_sentences
from watchfloor.store import Store

CHAT = ("09:02 ana: morning, can you walk me through the debt figures before the call at eleven, in numbers rather "
        "than adjectives, and the sources too\n09:03 ben: sure\n09:04 ben: external debt rose $79.9m over the year to "
        "$2.3bn\n")
WIDE = ("On 17 September 2023, gunmen struck the gendarmerie training school and the military zone of the capital "
        "city's main\nairport; more than seventy people were killed.\n")
WRAPPED = ("A paragraph of prose wrapped by a mail client at seventy-two columns\nkeeps running on the next line "
           "until its sentence ends.\n")


def test_each_line_of_an_unwrapped_paragraph_ends_where_it_breaks() -> None:
    lines = [s.text for s in split_sentences(CHAT)][1:]
    assert lines == ["09:03 ben: sure", "09:04 ben: external debt rose $79.9m over the year to $2.3bn"]
    assert len(split_sentences(WRAPPED)) == 1
    assert len(split_sentences(WIDE)) == 1, "a paragraph wrapped at 120 columns is still one sentence"


def test_a_word_and_its_inflections_share_a_stem() -> None:
    assert stem("appeal") == stem("appealed") == stem("appeals")
    assert stem("charged") == stem("charges")


def test_written_precision() -> None:
    assert written_step("7.25") == 0.01 and written_step("701.6") == 0.1 and written_step("1,200") == 0.0
    lo, hi = interval(7.25, None, "pct", 0.01)
    assert not lo <= 7.125 <= hi and lo <= 7.2 <= hi
    lo, hi = interval(701.6e6, None, "usd", 0.1e6)
    assert lo <= 701.6e6 <= hi and not lo <= 666e6 <= hi
    lo, hi = interval(5.3e9, None, "usd", 0.1e9)
    assert lo <= 5.25e9 <= hi


def test_dates_in_capitals() -> None:
    text = 'CAPTION "16 NOVEMBER 2017"'
    [d] = DateFinder().find(text, 0, len(text))
    assert (d.date.value.isoformat(), d.date.precision) == ("2017-11-16", "day")


def test_a_pronoun_subject_stands_for_its_antecedent(demo_db: Store) -> None:
    from watchfloor.check.api import gazetteer_for
    from watchfloor.extract.anaphora import in_context, points_back
    from watchfloor.extract.claims import extract

    text = ("The first is Russia's new register of controlled persons, foreigners said to lack grounds to stay. "
            "It took effect on 5 March 2025. The register was opened in a hurry. That register grew in May 2025.")
    claims = extract(text, gazetteer_for(demo_db)).claims
    by_start = {c.text.split()[0]: c for c in claims}
    it, the, that = by_start["It"], by_start["The"], by_start["That"]
    assert points_back(it) and points_back(that) and not points_back(the)
    assert in_context(it).startswith("The first is Russia") and in_context(it).endswith("March 2025.")


def test_a_bold_list_number_is_not_a_figure() -> None:
    text = '**9. "17 Killed in an Attack on a Border Post" – a wire service**\n'
    assert [s.text for s in split_sentences(text)][0].startswith('"17 Killed')


def test_a_pronoun_claim_takes_its_antecedents_event(demo_db: Store) -> None:
    from watchfloor.check.api import gazetteer_for
    from watchfloor.extract.claims import extract

    text = ("Residents spoke of the Chinese-financed outpost in Vakhon village, which the lower house approved in "
            "October 2021. It is to be owned by the State Committee for National Security.")
    first, second = extract(text, gazetteer_for(demo_db)).claims
    assert not second.families and second.context_families == first.families != set()
    assert second.checkable and second.antecedent == first.index
