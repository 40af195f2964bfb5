import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchfloor.dates import FuzzyDate, parse_iso


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_day_precision_round_trips(d: dt.date) -> None:
    fd = parse_iso(d.isoformat())
    assert fd == FuzzyDate(d, "day")
    assert fd.iso() == d.isoformat()


@given(st.integers(1000, 2999), st.integers(1, 12))
def test_month_precision_covers_the_whole_month(year: int, month: int) -> None:
    fd = parse_iso(f"{year:04d}-{month:02d}")
    assert fd.precision == "month"
    assert fd.start == dt.date(year, month, 1)
    assert (fd.end + dt.timedelta(days=1)).day == 1
    assert fd.end.month == month


@given(st.integers(1000, 2999))
def test_year_precision(year: int) -> None:
    fd = parse_iso(str(year))
    assert (fd.precision, fd.start, fd.end) == ("year", dt.date(year, 1, 1), dt.date(year, 12, 31))


@given(st.text(max_size=12))
def test_anything_else_is_rejected_or_valid(text: str) -> None:
    try:
        fd = parse_iso(text)
    except ValueError:
        return
    assert fd.iso() == text.strip()


@pytest.mark.parametrize("bad", ["2023-02-30", "2024-13", "2024-00", "24-06-11", "2024/06/11", "June 2024",
                                 "0999", "20240611", "", "2024-6-1"])
def test_bad_dates_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_iso(bad)


def test_coarser_date_contains_finer() -> None:
    assert parse_iso("2024").contains(parse_iso("2024-03-22"))
    assert parse_iso("2024-03").compatible(parse_iso("2024-03-22"))
    assert not parse_iso("2023").compatible(parse_iso("2024-03-22"))
    assert parse_iso("2024-03-22").human() == "22 March 2024"
