"""Readings re-ranked in the article: what outranks what (real spaCy model, real gazetteer)."""
import pytest

from tests.geoparse.reading import places


def test_ranking_continents_are_world_regions_without_a_country(resolver):
    got = {p.name: p for p in places(resolver, "The outbreak spread from Asia to Europe.")}
    assert got["Europe"].kind == "world region" and got["Europe"].country_code is None
    assert round(got["Europe"].lat) == 49


def test_ranking_a_small_town_abroad_is_not_the_place_in_a_one_country_article(resolver):
    # the gazetteer's only Shewan is a small town in China
    text = ("Afghan forces cleared the village of Shewan, officials in Kabul said. "
            "Fighting also hit Herat, Kandahar and Mazar-i-Sharif in Afghanistan.")
    found = {p.name: p for p in places(resolver, text)}
    assert {found[n].country_code for n in ("Kabul", "Herat", "Kandahar", "Mazar-i-Sharif")} == {"AF"}
    assert found["Shewan"].kind == "unresolved"


@pytest.mark.parametrize("text, kind, admin1", [
    # the bare name of a unit the text names with its designator is that unit, not the
    # capital that goes by the name alone ...
    ("Officials of Washington State said the outbreak began at a nursing home. Washington now has 40 cases.",
     "admin1", "Washington"),
    # ... or a place in it: the town where the unit is its namesake
    ("Fighting spread across Kunduz province. Residents of Kunduz fled.", "populated place", "Kunduz"),
])
def test_ranking_a_bare_name_reads_as_the_unit_named_with_its_designator(resolver, text, kind, admin1):
    bare = [p for p in places(resolver, text) if p.name in ("Washington", "Kunduz")][-1]
    assert (bare.kind, bare.admin1) == (kind, admin1)


def test_ranking_a_state_of_the_articles_country_is_no_town_of_the_state_it_is_about(resolver):
    # Spencer, West Virginia, also goes by "California"
    text = ("Delegates from Kanawha County, Braxton County and Monongalia County backed the amendment. "
            "West Virginia should act, they said, pointing to court fights in California.")
    (california,) = [p for p in places(resolver, text) if p.name == "California"]
    assert (california.kind, california.admin1) == ("admin1", "California")


@pytest.mark.parametrize("text, name, kind, country", [
    # no unit holds a country: "state of Texas" does not put the US in Texas
    ("Wikinews spoke to several residents of the US state of Texas.", "US", "country", "US"),
    # a sea "near" a town is not a namesake of the sea near that town
    ("The river meanders from Tyler to the Gulf of Mexico near Beaumont.", "Gulf of Mexico", "world region", None),
    # a country misspelt in an article about its neighbours is still that country
    ("The virus is also present in Seychelles, in Mauritious and especially in Mayotte.", "Mauritious",
     "country", "MU"),
])
def test_ranking_countries_and_seas_keep_their_reading_beside_other_places(resolver, text, name, kind, country):
    (found,) = [p for p in places(resolver, text) if p.name == name]
    assert (found.kind, found.country_code) == (kind, country)


def test_ranking_a_district_abroad_that_is_a_town_there_is_another_place(resolver):
    text = ("Afghan forces raided Toulouse district on Monday, officials in Kabul said. "
            "Taliban fighters attacked Kunduz and Taloqan.")
    found = next(p for p in places(resolver, text) if p.name == "Toulouse")
    assert found.country_code != "FR"
