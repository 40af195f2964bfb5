import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from watchfloor.extract.dates import DateFinder, DateMention


def find(text: str, anchor_first: bool = True):
    return DateFinder().find(text, 0, len(text))


def test_precisions_and_relations() -> None:
    ds = find("On 22 March 2024 gunmen attacked; in June 2024 eight were arrested; by 2024 debt fell; "
              "the war lasted from 1992 to 1997, and since 2002 it has been a member.")
    got = [(d.text, d.date.iso(), d.relation, d.until.iso() if d.until else None) for d in ds]
    assert got == [("22 March 2024", "2024-03-22", "point", None), ("June 2024", "2024-06", "point", None),
                   ("2024", "2024", "by", None), ("from 1992 to 1997", "1992", "range", "1997"),
                   ("2002", "2002", "since", None)]


def test_qualified_years_are_generous_windows() -> None:
    (d,) = find("At the start of 2024 debt stood at $3.2bn.")
    lo, hi = d.window()
    assert d.date.iso() == "2024" and lo <= dt.date(2024, 1, 1) <= hi and lo < dt.date(2024, 1, 1)
    (e,) = find("in early 2022")
    assert e.window()[0] == dt.date(2022, 1, 1) and e.window()[1] >= dt.date(2022, 6, 30)


def test_relative_dates_resolve_against_the_last_date() -> None:
    f = DateFinder()
    text = "The attack came on 22 March 2024. Three days later the court charged them. On 24 March Rahmon called."
    ds = f.find(text, 0, len(text))
    rel = [d for d in ds if d.relative]
    assert [(d.text, d.date.iso()) for d in rel] == [("Three days later", "2024-03-25"), ("24 March", "2024-03-24")]
    assert rel[1].inferred_year


def _after(first: str, text: str) -> list[DateMention]:
    """The dates of `text` read by a finder that has just read `first`."""
    f = DateFinder()
    f.find(first, 0, len(first))
    return f.find(text, 0, len(text))


def test_a_relative_date_counts_from_a_date_before_it_not_after() -> None:
    ds = _after("In January 2017 Rudolf became mayor of Strelsau.",
                "Four years later, in April 2020, he was elected to chair the senate.")
    assert [(d.text, d.date.iso()) for d in ds] == [("Four years later", "2021"), ("April 2020", "2020-04")]


def test_a_day_or_month_takes_the_year_written_before_it_in_its_sentence() -> None:
    ds = _after("The first bond was sold in 2017.",
                "The 2020 rise, to $3.2bn by 1 October, came from a loan in May; on 3 June 2019 and 4 July it "
                "was not so.")
    assert [(d.text, d.date.iso()) for d in ds if d.relative] == [
        ("1 October", "2020-10-01"), ("May", "2020-05"), ("4 July", "2019-07-04")]


def test_day_ranges_years_in_words_and_non_dates() -> None:
    ds = find("Fighting from 14 to 17 September 2022 killed 100; 2,500 troops and $2024 are not years.")
    assert [(d.text, d.date.iso(), d.until.iso() if d.until else None) for d in ds] == [
        ("from 14 to 17 September 2022", "2022-09-14", "2022-09-17")]
    assert find("The 45% and 1,991 soldiers") == []
    assert find("She may 2 go") == []


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_day_month_year_round_trips(day: dt.date) -> None:
    text = f"It happened on {day.day} {day.strftime('%B')} {day.year}, officials said."
    (d,) = find(text)
    assert d.date.value == day and d.date.precision == "day" and text[d.start:d.end] == d.text


def test_a_span_of_days_is_read_month_first_as_day_first() -> None:
    from watchfloor.extract.dates import DateFinder

    text = "Fighting broke out in September 2022. Over four days, from Sept. 14 to 17, a hundred people were killed."
    found = DateFinder().find(text, 0, len(text))
    span = [d for d in found if d.until is not None]
    assert [(d.text, str(d.date), str(d.until)) for d in span] == [("from Sept. 14 to 17", "2022-09-14", "2022-09-17")]
