"""The pipeline's rules on short texts of our own, through the real model and gazetteer."""
import random
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st

from events.guard import PIECE_CHARS
from events.pipeline import _contains, _contains_another, _reported_span_days, analyse
from events.store import Store
from geo.place import Kind
from geoparse import ResolvedPlace, Resolver
from parsing.articles import ArticleError, from_text


@pytest.fixture(scope="module")
def resolver(geocoder):
    return Resolver(geocoder)


def events(resolver, text, published=date(2021, 6, 22)):
    (a,) = analyse([from_text(text, id="t", published=published, source="Test Wire")], resolver=resolver)
    return a.events


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


def test_pipeline_an_event_without_a_place_takes_the_previous_sentences(resolver):
    found = events(resolver, "Clashes broke out in Kunduz on Monday. Two soldiers were killed, officials said.")
    assert {e.location for e in found} == {"Kunduz"} and all(e.event_date == "2021-06-21" for e in found)


def test_pipeline_one_happening_twice_is_one_event_with_both_claimants(resolver):
    text = ("Mariam Sadat, a council member, said militants captured Taloqan on Monday.\n\n"
            "Speaking on condition of anonymity, an army officer confirmed the takeover of Taloqan.")
    (event,) = [e for e in events(resolver, text) if e.sub_event_type == "Non-state actor overtakes territory"]
    assert event.corroborations == 2 and event.claimant.startswith("Mariam Sadat")
    assert event.claimant_role.startswith("council member")


def test_pipeline_a_town_and_its_airport_are_one_happening_at_the_airport(resolver):
    text = ("Taliban fighters shelled Kabul on Monday, officials said.\n\n"
            "A police spokesman said Taliban fighters shelled Kabul International Airport on Monday.")
    (event,) = events(resolver, text)
    assert event.location == "Kabul International Airport" and event.corroborations == 2


def test_pipeline_unknown_place_takes_its_containing_unit_with_lower_precision(resolver):
    (event,) = events(resolver, "On 3 May 2021, militants attacked a checkpoint in Zzyxqabad district, Kunduz.")
    assert event.admin1 == "Kunduz" and event.geo_precision >= 2


def test_pipeline_an_unknown_place_with_no_other_in_its_sentence_is_put_among_the_articles(resolver):
    (event,) = events(resolver, "On 3 May 2021, gunmen killed two farmers in Zzyxqabad.\n\n"
                                "Officials in Kunduz condemned the killings.")
    assert (event.location, event.admin1, event.geo_precision) == ("Kunduz", "Kunduz", 3)
    assert event.latitude is not None


def test_pipeline_two_unknown_places_put_at_one_point_stay_two_events(resolver):
    text = ("On 3 May 2021, gunmen killed two farmers in Zzyxqabad. On 3 May 2021, gunmen killed two farmers "
            "in Qqyzzabad.\n\nOfficials in Kunduz and Taloqan condemned the killings.")
    found = events(resolver, text)
    assert len(found) == 2 and {e.geo_precision for e in found} == {3}


@pytest.mark.parametrize("text, location, country", [
    # a region or a large island of one country is where its events happened, as a province is
    ("On 3 March 2021, soldiers clashed with rebels on Mindanao, killing four, the army said.", "Mindanao",
     "Philippines"),
    ("On 3 March 2021, militias attacked a camp in Darfur, killing six, witnesses said.", "Darfur", "Sudan"),
    # ... and holds the towns it is named beside
    ("On 3 March 2021, militias attacked a camp in Nyala, Darfur, killing six, witnesses said.", "Nyala", "Sudan"),
])
def test_pipeline_a_region_of_one_country_places_its_events(resolver, text, location, country):
    (event,) = events(resolver, text)
    assert (event.location, event.country) == (location, country)
    assert event.geo_precision == (3 if location != "Nyala" else 1)


def test_pipeline_without_any_date_says_so(resolver):
    (event,) = events(resolver, "Clashes broke out in Kunduz.", published=None)
    assert event.event_date is None and event.time_precision == 3 and event.date_flag == "no publication date"


@pytest.mark.parametrize("text, location", [
    ("On 3 May 2021, US forces shelled positions in Kunduz.", "Kunduz"),   # who acted, not where
    ("On 3 May 2021, the Saudi-led coalition conducted air raids on Mosul.", "Mosul"),
    ("On 3 May 2021, the military forces of Pakistan shelled positions in Kunduz.", "Kunduz"),  # "forces of X"
    ("On 3 May 2021, US forces shelled militant positions.", "United States"),   # no other place: kept
    # another place, though unknown here: never a pin in the country of the dollar
    ("On 3 May 2021, rioters protesting the high US dollar rate blocked roads in Zzyxqabad.", "Zzyxqabad"),
])
def test_pipeline_a_country_named_as_a_modifier_is_not_where_it_happened(resolver, text, location):
    event = events(resolver, text)[0]
    assert event.location == location
    assert (event.latitude is None) is (location == "Zzyxqabad") and event.country != "United States" or \
        location == "United States"


def test_pipeline_a_country_named_as_a_modifier_past_the_first_piece_is_not_where_it_happened(resolver):
    # a text over PIECE_CHARS is read in pieces: a later piece's modifiers are found at their offsets
    # in the whole text too (once they were left at the piece's, and the US became a second event)
    filler = "Nothing happened here today. " * (PIECE_CHARS // 29 + 50)
    found = events(resolver, filler + "On 3 May 2021, US forces shelled positions in Kunduz.")
    assert [(e.location, e.country) for e in found] == [("Kunduz", "Afghanistan")]
    assert found[0].sentence_start > PIECE_CHARS


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


@pytest.mark.parametrize("text, location", [
    ("On 3 May 2021, Taliban fighters attacked US troops in Kunduz. Two soldiers were killed.", "Kunduz"),
    # the sentence before has no event of its own to say which of its places: not the country
    # whose troops it names
    ("On 2 May 2021, militants carried out a planned attack on Kenya troops in Kolbio village (Kismayo, "
     "Lower Juba). One Kenyan soldier was wounded in the attack.", "Kismayo"),
])
def test_pipeline_a_sentence_without_places_takes_where_the_one_before_says_it_happened(resolver, text,
                                                                                      location):
    assert {e.location for e in events(resolver, text)} == {location}


def test_pipeline_placeless_sentences_stay_out_when_the_article_places_its_events(resolver):
    text = "On 3 May 2021, clashes broke out in Kunduz.\n\nThe war has killed thousands, officials said."
    assert [e.location for e in events(resolver, text)] == ["Kunduz"]


@pytest.mark.parametrize("text, admin1", [
    # the province named outright, in the article's own spelling
    ("On 3 May 2021, militants attacked a checkpoint in Tarinkot, Urozgan province.", "Urozgan"),
    # a town that shares the province's name, named as the unit another place lies in
    ("On 3 May 2021, gunmen shot a teacher in Nawa city, Dara.", "Dara"),
    # "Anbar" is "Al Anbar" written without its article: the full name stays
    ("On 3 May 2021, militants attacked a checkpoint near Rutba, Anbar province.", "Al Anbar"),
    # no province named: the gazetteer's name
    ("On 3 May 2021, militants attacked a checkpoint in Taloqan.", "Takhar"),
])
def test_pipeline_province_is_spelt_as_the_article_spells_it(resolver, text, admin1):
    (event, *_) = events(resolver, text)
    assert event.admin1 == admin1 and event.admin1_code  # one code, however spelt


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


def test_pipeline_which_places_contain_another_is_what_contains_says():
    rnd = random.Random(21)
    kinds = ("country", "admin1", "admin2", "world region", "populated place", "airport", "landmark", "unresolved")

    def place(i):
        lat = rnd.choice([None, 34.5 + rnd.random(), 34.5 + rnd.random() / 100])
        return ResolvedPlace(start=i, end=i + 1, name=f"p{i}", lat=lat, lon=None if lat is None else 69.1 + rnd.random(),
                             geonameid=i, kind=rnd.choice(kinds), country_code=rnd.choice(["AF", "PK", None]),
                             admin1=rnd.choice(["Kabul", "Kunduz", None]), admin2=rnd.choice(["Paghman", "Khanabad", None]),
                             confidence=1.0)

    for _ in range(200):
        places = [place(i) for i in range(rnd.randint(0, 12))]
        assert _contains_another(places) == [any(_contains(p, q) for q in places if q is not p) for p in places]


def test_pipeline_rows_keep_a_window_of_a_sentence_too_long_to_be_one(resolver):
    from events.pipeline import MAX_SENTENCE_CHARS, window

    assert window(0, 500, 10) == (0, 500)
    assert window(0, 5000, 10) == (0, MAX_SENTENCE_CHARS)
    assert window(0, 5000, 4990) == (5000 - MAX_SENTENCE_CHARS, 5000)
    assert window(100, 5000, 2000) == (2000 - MAX_SENTENCE_CHARS // 2, 2000 + MAX_SENTENCE_CHARS // 2)
    filler = "and the convoy moved on " * 400  # 9,600 characters without a full stop
    text = f"Taliban fighters attacked Kunduz on Monday {filler}while clashes in Takhar killed five people"
    (a,) = analyse([from_text(text, id="long", published="2021-06-22")], resolver=resolver)
    assert a.events and a.places and a.claims == []
    for row in a.places:
        assert len(row.sentence) <= MAX_SENTENCE_CHARS and row.name in row.sentence
    for e in a.events:
        assert len(e.source_sentence) <= MAX_SENTENCE_CHARS and e.notes == e.source_sentence
        assert text[e.sentence_start:e.sentence_end] == e.source_sentence


def test_pipeline_rows_round_trip_through_the_store_with_the_same_columns(resolver, tmp_path):
    text = ("Mariam Sadat, a council member, said militants captured Taloqan on Monday.\n\n"
            "Speaking on condition of anonymity, an army officer confirmed clashes in Zzyxqabad district, Kunduz.")
    (a,) = analyse([from_text(text, id="t", published=date(2021, 6, 22), source="Test Wire")], resolver=resolver)
    assert len(a.places) >= 3 and len(a.claims) == 2 and a.events
    with Store(tmp_path / "e.sqlite") as store:
        store.put(a.article, content_hash=a.content_hash, places=a.places, claims=a.claims, events=a.events)
        places = list(store.rows("places", order_by='"start"'))
        claims = list(store.rows("claims", order_by='"start"'))
        events = list(store.rows("events", order_by='"sentence_start", "event_id"'))
    assert places == [p.as_dict() for p in sorted(a.places, key=lambda p: p.start)]
    assert claims == [c.as_dict() for c in sorted(a.claims, key=lambda c: c.start)]
    assert events == [e.as_dict() for e in sorted(a.events, key=lambda e: (e.sentence_start, e.event_id))]
    # the kinds the store holds are Kind's values, each read back as its member
    assert {r["kind"] for r in places} <= {k.value for k in Kind} and Kind.UNRESOLVED in {r["kind"] for r in places}
    assert [r["anonymous"] for r in claims] == [0, 1]
