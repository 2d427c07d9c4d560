"""The pipeline's rules on short texts of our own, through the real model and gazetteer."""
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st

from events.pipeline import _reported_span_days, analyse
from parsing.articles import ArticleError, from_text
from tests.events.reading import events


@pytest.mark.parametrize("sentence, back", [
    ("Reported on 9 August 2019, over the past 24 hours, troops killed 5 militants.", 1),
    ("Reported on 26 August 2019, over the last 3 days, troops raided villages.", 2),
    ("On 9 August 2019, troops killed 5 militants over the past 24 hours.", 0),  # not a report date
    ("Reported on 9 August 2019: in the  48 hours before, troops raided villages.", 2),
    ("Reported on 9 August 2019, within 72 hours troops raided villages.", 3),
    ("Reported on 9 August 2019, during the previous 24 hours troops raided villages.", 1),
    ("Reported on 9 August 2019, over the last three days troops raided villages.", 2),
    ("Reported on 9 August 2019, over the last  24 minutes troops raided villages.", 0),
])
def test_pipeline_report_dates_reach_back_over_the_span_they_cover(sentence, back):
    assert _reported_span_days(sentence) == back


def test_pipeline_an_unknown_place_with_no_other_in_its_sentence_is_put_among_the_articles(resolver):
    (event,) = events(resolver, "On 3 May 2021, gunmen killed two farmers in Zzyxqabad.\n\n"
                                "Officials in Kunduz condemned the killings.")
    assert (event.location, event.admin1, event.geo_precision) == ("Kunduz", "Kunduz", 3)
    assert event.latitude is not None


def test_pipeline_without_any_date_says_so(resolver):
    (event,) = events(resolver, "Clashes broke out in Kunduz.", published=None)
    assert event.event_date is None and event.time_precision == 3 and event.date_flag == "no publication date"


@pytest.mark.parametrize("text, location", [
    ("On 3 May 2021, gunmen killed two farmers in Zzyxqabad.", "Zzyxqabad"),  # a place the gazetteer lacks
    ("On 3 May 2021, gunmen killed two farmers, residents said.", None),      # no place at all
])
def test_pipeline_an_article_with_no_placeable_event_still_reports_it_off_the_map(resolver, text, location):
    (event,) = events(resolver, text)
    assert (event.event_type, event.event_date, event.location) == ("Violence against civilians", "2021-05-03",
                                                                    location)
    assert event.latitude is None and event.longitude is None and event.geo_precision is None
    assert event.country is None and event.source_sentence == text


def test_pipeline_placeless_sentences_stay_out_when_the_article_places_its_events(resolver):
    text = "On 3 May 2021, clashes broke out in Kunduz.\n\nThe war has killed thousands, officials said."
    assert [e.location for e in events(resolver, text)] == ["Kunduz"]


# Hostile and sloppy text: real place names and cue words among long runs of blanks, digits and
# commas, random Unicode, huge lines. Whatever comes, the analysis ends, quickly: _TIME_BOUND is
# far above what a 20 kB text takes (under a second) and far below what a quadratic rule took.
_HOSTILE_WORDS = ("Kunduz", "Takhar", "Kabul", "near", "and", "km north of", "killed", "said", "Taliban fighters",
                  "attacked", "50", "on Monday", "district", "provinces", "officials said", "(", ")", ",", ".",
                  "\u201c", "\u201d", "General Ahmad Khan")
_HOSTILE_RUNS = (" ", "\n", "\u00a0", "\t", "1", "1,", "1 ", ",", "-", ".", " and", " near", "Kunduz ")
_HOSTILE_CHARS = 20_000
_TIME_BOUND = 20.0
_words = st.sampled_from(_HOSTILE_WORDS).map(lambda w: f" {w} ")
_runs = st.builds(lambda unit, n: unit * n, st.sampled_from(_HOSTILE_RUNS), st.integers(1, 5_000))
_noise = st.text(max_size=40)
_mixed = st.lists(st.one_of(_words, _runs, _noise), min_size=1, max_size=40).map("".join)
_huge_line = st.builds(lambda piece, n: piece * n, st.lists(st.one_of(_words, _noise), min_size=1, max_size=6)
                       .map("".join), st.integers(200, 4_000))


@settings(deadline=None, derandomize=True, database=None, max_examples=25,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=st.one_of(_mixed, _huge_line).map(lambda t: t[:_HOSTILE_CHARS]))
@example(text="Taliban fighters attacked Kunduz" + " " * 3000 + "Takhar on Monday, officials said.")
def test_pipeline_hostile_text_is_analysed_in_bounded_time(resolver, text):
    try:
        article = from_text(text, id="hostile", published=date(2021, 6, 22), source="Test Wire")
    except ArticleError:
        reject()  # no text at all
    start = time.perf_counter()
    (found,) = analyse([article], resolver=resolver)
    took = time.perf_counter() - start
    assert took < _TIME_BOUND, f"{took:.1f} s for {len(text):,} characters"
    n = len(article.text)
    assert all(0 <= p.start < p.end <= n for p in found.places)
    assert all(0 <= e.sentence_start <= e.sentence_end <= n for e in found.events)
