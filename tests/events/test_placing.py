"""Where an event happened: which places of its sentence (or of the sentence before), and which of
them contain another (real spaCy model, real gazetteer for the texts)."""
import random

import pytest

from events.guard import PIECE_CHARS
from events.placing import contains, contains_another
from geoparse import ResolvedPlace
from tests.events.reading import events


def test_placing_an_event_without_a_place_takes_the_previous_sentences(resolver):
    found = events(resolver, "Clashes broke out in Kunduz on Monday. Two soldiers were killed, officials said.")
    assert {e.location for e in found} == {"Kunduz"} and all(e.event_date == "2021-06-21" for e in found)


def test_placing_unknown_place_takes_its_containing_unit_with_lower_precision(resolver):
    (event,) = events(resolver, "On 3 May 2021, militants attacked a checkpoint in Zzyxqabad district, Kunduz.")
    assert event.admin1 == "Kunduz" and event.geo_precision >= 2


@pytest.mark.parametrize("text, location, country", [
    # a region or a large island of one country is where its events happened, as a province is
    ("On 3 March 2021, soldiers clashed with rebels on Mindanao, killing four, the army said.", "Mindanao",
     "Philippines"),
    ("On 3 March 2021, militias attacked a camp in Darfur, killing six, witnesses said.", "Darfur", "Sudan"),
    # ... and holds the towns it is named beside
    ("On 3 March 2021, militias attacked a camp in Nyala, Darfur, killing six, witnesses said.", "Nyala", "Sudan"),
])
def test_placing_a_region_of_one_country_places_its_events(resolver, text, location, country):
    (event,) = events(resolver, text)
    assert (event.location, event.country) == (location, country)
    assert event.geo_precision == (3 if location != "Nyala" else 1)


@pytest.mark.parametrize("text, location", [
    ("On 3 May 2021, US forces shelled positions in Kunduz.", "Kunduz"),   # who acted, not where
    ("On 3 May 2021, the Saudi-led coalition conducted air raids on Mosul.", "Mosul"),
    ("On 3 May 2021, the military forces of Pakistan shelled positions in Kunduz.", "Kunduz"),  # "forces of X"
    ("On 3 May 2021, US forces shelled militant positions.", "United States"),   # no other place: kept
    # another place, though unknown here: never a pin in the country of the dollar
    ("On 3 May 2021, rioters protesting the high US dollar rate blocked roads in Zzyxqabad.", "Zzyxqabad"),
])
def test_placing_a_country_named_as_a_modifier_is_not_where_it_happened(resolver, text, location):
    event = events(resolver, text)[0]
    assert event.location == location
    assert (event.latitude is None) is (location == "Zzyxqabad") and event.country != "United States" or \
        location == "United States"


def test_placing_a_country_named_as_a_modifier_past_the_first_piece_is_not_where_it_happened(resolver):
    # a text over PIECE_CHARS is read in pieces: a later piece's modifiers are found at their offsets
    # in the whole text too (once they were left at the piece's, and the US became a second event)
    filler = "Nothing happened here today. " * (PIECE_CHARS // 29 + 50)
    found = events(resolver, filler + "On 3 May 2021, US forces shelled positions in Kunduz.")
    assert [(e.location, e.country) for e in found] == [("Kunduz", "Afghanistan")]
    assert found[0].sentence_start > PIECE_CHARS


@pytest.mark.parametrize("text, location", [
    ("On 3 May 2021, Taliban fighters attacked US troops in Kunduz. Two soldiers were killed.", "Kunduz"),
    # the sentence before has no event of its own to say which of its places: not the country
    # whose troops it names
    ("On 2 May 2021, militants carried out a planned attack on Kenya troops in Kolbio village (Kismayo, "
     "Lower Juba). One Kenyan soldier was wounded in the attack.", "Kismayo"),
])
def test_placing_a_sentence_without_places_takes_where_the_one_before_says_it_happened(resolver, text,
                                                                                      location):
    assert {e.location for e in events(resolver, text)} == {location}


def test_placing_which_places_contain_another_is_what_contains_says():
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
        assert contains_another(places) == [any(contains(p, q) for q in places if q is not p) for p in places]
