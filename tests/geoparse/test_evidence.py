"""Evidence from the whole article: votes, colocation, neighbours, the state local news is about,
anchors (real spaCy model, real gazetteer)."""
import random
from types import SimpleNamespace

import pytest

from geo.geocoder import distance_km
from geoparse.evidence import Anchors
from tests.geoparse.reading import admin1_of, places


def test_evidence_organisations_named_after_a_town_are_no_evidence_of_which_town_it_is(resolver):
    # the hospital and the police named after Paris once voted for France, Paris's likeliest country
    text = ("A storm flattened a barn outside Paris on Sunday. Crews from Dallas helped, and two farmers "
            "were treated at the Paris Regional Hospital and the Paris Police Department said.")
    found = [p for p in places(resolver, text) if p.name == "Paris"]
    assert found and {(p.country_code, p.admin1) for p in found} == {("US", "Texas")}


def test_evidence_a_state_leading_an_organisations_name_says_which_state_the_towns_are_in(resolver):
    # it votes for its own country no more than a place does for itself: the state, not the country
    found = {p.name: p for p in places(resolver, "Agents of the Georgia Bureau of Investigation searched "
                                                 "two homes in Albany on Friday.")}
    assert (found["Albany"].country_code, found["Albany"].admin1) == ("US", "Georgia")
    assert (found["Georgia"].kind, found["Georgia"].role) == ("admin1", "context")


def test_evidence_a_town_named_like_a_country_is_the_town_in_the_county_the_text_names(resolver):
    found = {p.name: p for p in places(resolver, "Police in Peru and Miami County deputies closed the bridge "
                                                 "on Monday.")}
    assert (found["Peru"].kind, found["Peru"].admin1) == ("populated place", "Indiana")
    assert found["Miami County"].admin1 == "Indiana"


def test_evidence_country_context_picks_the_namesake(resolver):
    us = places(resolver, "Storms hit Paris, Texas, and Dallas on Monday, Texas officials said.")
    paris = next(p for p in us if p.name == "Paris")
    assert paris.country_code == "US"
    fr = places(resolver, "Protesters marched in Paris and Lyon, French police said.")
    assert next(p for p in fr if p.name == "Paris").country_code == "FR"


def test_evidence_state_context_picks_the_local_namesakes(resolver):
    text = ("Athens police arrested a man from Macon on Friday. He was later moved to a jail "
            "in Savannah.")
    got = {p.name: p for p in places(resolver, text)}
    assert {n: (got[n].country_code, got[n].admin1) for n in ("Athens", "Macon", "Savannah")} == {
        n: ("US", "Georgia") for n in ("Athens", "Macon", "Savannah")}


@pytest.mark.parametrize("text, expected", [
    # a town and a county of the article, one lying in the other: those readings of both
    ("Paris and Henry County officials agreed to share an ambulance service.",
     {"Paris": "Tennessee", "Henry County": "Tennessee"}),
    ("Springfield and Greene County schools closed on Monday.",
     {"Springfield": "Missouri", "Greene County": "Missouri"}),
    ("Columbus police and Franklin County deputies searched the area.",
     {"Columbus": "Ohio", "Franklin County": "Ohio"}),
    # a bare name is not one of the counties it could be, nor a state a town
    ("Washington and California officials met.", {"Washington": "Washington", "California": "California"}),
    ("Pilgrims travelled from Mecca to Medina.",
     {"Mecca": "Makkah al Mukarramah", "Medina": "Al Madinah al Munawwarah"}),
])
def test_evidence_a_town_and_the_county_it_lies_in_resolve_together(resolver, text, expected):
    assert admin1_of(resolver, text, expected) == expected


@pytest.mark.parametrize("text, expected", [
    # towns named together that lie together: Louisiana's Alexandria beside its Pineville,
    # not the larger Alexandria in Virginia
    ("Firefighters from Alexandria and Pineville responded to the blaze.",
     {"Alexandria": "Louisiana", "Pineville": "Louisiana"}),
    # a far likelier reading keeps its place
    ("Officials in Atlanta and Decatur met on Monday.", {"Atlanta": "Georgia", "Decatur": "Georgia"}),
    ("The New Brunswick and Nova Scotia governments met.",
     {"New Brunswick": "New Brunswick", "Nova Scotia": "Nova Scotia"}),
])
def test_evidence_towns_named_together_resolve_near_one_another(resolver, text, expected):
    assert admin1_of(resolver, text, expected) == expected


@pytest.mark.parametrize("text, expected", [
    # local news: the state where most of the towns named have a namesake, well ahead of any other
    ("Wrestlers came to the meet in Delano from Montgomery, Rochester and Scott County.",
     {"Delano": "Minnesota", "Montgomery": "Minnesota", "Rochester": "Minnesota"}),
    # world cities named together are no state's towns, though Ohio has a London, a Berlin and a Moscow
    ("Ministers met in Paris, London, Berlin and Moscow to discuss Ohio's exports.",
     {"Paris": "Ile-de-France", "London": "England", "Berlin": "Berlin", "Moscow": "Moskva"}),
])
def test_evidence_local_news_reads_its_towns_in_the_state_it_is_about(resolver, text, expected):
    assert admin1_of(resolver, text, expected) == expected


def test_evidence_demonyms_of_the_other_side_weigh_less_than_the_places_named(resolver):
    # "Turkish soldiers" twice, in Iraq: the district is the one the text names, of Duhok
    text = ("On 5 June 2022, PKK militants attacked Turkish soldiers via firearms in Karker area of "
            "Al Amadiya district, Duhok. HPG claimed 2 Turkish soldiers were killed.")
    found = {p.name: p for p in places(resolver, text)}
    assert (found["Al Amadiya"].kind, found["Al Amadiya"].country_code) == ("admin2", "IQ")


def test_evidence_look_alikes_of_an_unknown_name_cast_no_country_votes(resolver):
    # "Hodan" is no place the gazetteer knows; its look-alikes in the US, China and Japan must not
    # outvote Banaadir, Somalia, which "Banadir" spells
    got = {p.name: p for p in places(resolver, "Militants attacked a post in Hodan district "
                                                 "(Hodan,Banadir) on Monday.")}
    assert got["Banadir"].country_code == "SO"


def test_evidence_demonyms_inside_other_names_vote_too(resolver):
    # NER reads "the Ukrainian Army" as an organisation; its demonym counts as "Russian" does
    found = {p.name: p for p in places(resolver, "Russian forces clashed with the Ukrainian Army near Donetsk.")}
    assert found["Donetsk"].country_code == "UA"


def test_evidence_the_nearest_anchor_is_the_one_measuring_every_anchor_finds():
    rnd = random.Random(21)
    for spread in ((34.0, 35.0, 69.0, 70.0), (-90.0, 90.0, -180.0, 180.0), (89.0, 90.0, -180.0, 180.0)):
        def point():
            return SimpleNamespace(lat=round(rnd.uniform(*spread[:2]), 2), lon=round(rnd.uniform(*spread[2:]), 2))

        found = [point() for _ in range(300)]
        found += found[:40]  # the same places again
        anchors = Anchors(found)
        for p in found[:100] + [point() for _ in range(100)]:
            others = [distance_km(p.lat, p.lon, a.lat, a.lon) for a in found if a is not p]
            assert anchors.nearest(p) == (min(others) if others else None)
            for km in (1.0, 30.0, 300.0):
                assert anchors.within(p, km) == any(distance_km(p.lat, p.lon, a.lat, a.lon) <= km for a in found)
