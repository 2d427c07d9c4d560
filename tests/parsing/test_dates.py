from datetime import date

import pytest

from parsing.dates import DAY, MONTH, WEEK, resolve

PUBLISHED = date(2021, 6, 22)  # a Tuesday


@pytest.mark.parametrize("text, day, precision", [
    ("on Tuesday", date(2021, 6, 22), DAY),
    ("On Monday", date(2021, 6, 21), DAY),
    ("this morning", date(2021, 6, 22), DAY),
    ("yesterday", date(2021, 6, 21), DAY),
    ("last week", date(2021, 6, 14), WEEK),
    ("since early May", date(2021, 5, 1), MONTH),
    ("in May", date(2021, 5, 1), MONTH),
    ("On 22 June 2021", date(2021, 6, 22), DAY),
    ("March 28, 2021", date(2021, 3, 28), DAY),
    ("On May 24 2019", date(2019, 5, 24), DAY),
    ("12-April-2019", date(2019, 4, 12), DAY),
    ("13 05 2019", date(2019, 5, 13), DAY),      # numeric dates day first
    ("01 05 2019", date(2019, 5, 1), DAY),
    ("As reported on April 26", date(2021, 4, 26), DAY),
])
def test_dates_resolve_against_the_publication_date(text, day, precision):
    found = resolve(text, PUBLISHED)
    assert (found.day, found.precision) == (day, precision)


@pytest.mark.parametrize("text", ["", "an hour", "the week", "recently", "2019"])
def test_dates_without_a_day_or_month_resolve_to_nothing(text):
    assert resolve(text, PUBLISHED) is None


def test_dates_relative_phrases_need_a_publication_date():
    assert resolve("on Tuesday", None) is None
    assert resolve("March 28, 2021", None).day == date(2021, 3, 28)


@pytest.mark.parametrize("text", ["Around 22 April 2022", "about 22 April 2022"])
def test_dates_approximate_words_do_not_hide_the_day(text):
    found = resolve(text, PUBLISHED)
    assert (found.day, found.precision) == (date(2022, 4, 22), DAY)


@pytest.mark.parametrize("text", ["April 26", "on June 12", "early May"])
def test_dates_a_date_without_its_year_and_no_publication_date_is_unknown(text):
    # never the processing date's year
    assert resolve(text, None) is None


def test_dates_a_phrase_too_long_to_be_a_date_is_none_and_quick():
    import time

    started = time.perf_counter()
    assert resolve("1 " * 10_000 + "June 2021", date(2021, 6, 22)) is None
    assert resolve("week " * 20 + "22 June 2021", date(2021, 6, 22)) is None  # 112 characters
    assert resolve("on " * 30 + "22 June 2021", date(2021, 6, 22)).day == date(2021, 6, 22)  # fillers go first
    assert resolve("on the morning of Tuesday 22 June 2021", date(2021, 6, 22)).day == date(2021, 6, 22)
    assert time.perf_counter() - started < 5  # dateparser took 1.3 s for the first alone
