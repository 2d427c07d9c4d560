"""The geoparser end to end on short texts: real spaCy model, real gazetteer."""
import random
import time
from types import SimpleNamespace

import pytest

from events.analysis import geoparse_docs
from geo.geocoder import distance_km
from geoparse import ResolvedPlace, Resolver
from geoparse.cues import _BORDER_AFTER, _NEAR_GAP, _PHRASE_END
from geoparse.cues import COUNTY_WORD as _COUNTY_WORD
from geoparse.cues import MASTHEAD as _MASTHEAD
from geoparse.cues import between as _gap
from geoparse.estimates import estimated as _estimated
from geoparse.evidence import Anchors as _Anchors
from parsing.places import WINDOW


@pytest.fixture(scope="module")
def resolver(geocoder):
    return Resolver(geocoder)


def places(resolver, text):
    (found,) = geoparse_docs([text], resolver=resolver)
    return found


def admin1_of(resolver, text, names):
    """{name: the admin1 it resolved in} for the given names (None where not found)."""
    got = {p.name: p.admin1 for p in places(resolver, text)}
    return {name: got.get(name) for name in names}


def test_geoparse_finds_cued_places_and_resolves_them_in_context(resolver):
    text = ("Officials in Kabul said troops had regained control of the districts of Bangi "
            "and Khwaja Ghar, both in Takhar Province.")
    got = {p.name: p for p in places(resolver, text)}
    assert {"Bangi", "Khwaja Ghar", "Takhar Province", "Kabul"} <= set(got)
    assert got["Bangi"].admin1 == "Takhar" and got["Bangi"].country_code == "AF"
    assert got["Khwaja Ghar"].admin1 == "Takhar"
    assert got["Takhar Province"].kind == "admin1"
    for p in got.values():
        assert text[p.start:p.end] == p.name
        assert 0 <= p.confidence <= 1


def test_geoparse_repeated_names_resolve_alike(resolver):
    text = "Alexandria police said. A meeting in Alexandria, Louisiana, drew crowds. Alexandria voted."
    found = [p for p in places(resolver, text) if p.name == "Alexandria"]
    assert len(found) >= 2
    assert {(p.lat, p.lon) for p in found} == {(found[0].lat, found[0].lon)}
    assert found[0].admin1 == "Louisiana"


def test_geoparse_organisations_named_after_a_town_are_no_evidence_of_which_town_it_is(resolver):
    # the hospital and the police named after Paris once voted for France, Paris's likeliest country
    text = ("A storm flattened a barn outside Paris on Sunday. Crews from Dallas helped, and two farmers "
            "were treated at the Paris Regional Hospital and the Paris Police Department said.")
    found = [p for p in places(resolver, text) if p.name == "Paris"]
    assert found and {(p.country_code, p.admin1) for p in found} == {("US", "Texas")}


def test_geoparse_a_state_leading_an_organisations_name_says_which_state_the_towns_are_in(resolver):
    # it votes for its own country no more than a place does for itself: the state, not the country
    found = {p.name: p for p in places(resolver, "Agents of the Georgia Bureau of Investigation searched "
                                                 "two homes in Albany on Friday.")}
    assert (found["Albany"].country_code, found["Albany"].admin1) == ("US", "Georgia")
    assert (found["Georgia"].kind, found["Georgia"].role) == ("admin1", "context")


def test_geoparse_a_university_named_like_a_county_is_no_county(resolver):
    found = {p.name for p in places(resolver, "A professor at Columbia University spoke in Albany and Hudson, "
                                              "New York, on Monday.")}
    assert "Columbia" not in found and {"Albany", "Hudson"} <= found


def test_geoparse_a_town_named_like_a_country_is_the_town_in_the_county_the_text_names(resolver):
    found = {p.name: p for p in places(resolver, "Police in Peru and Miami County deputies closed the bridge "
                                                 "on Monday.")}
    assert (found["Peru"].kind, found["Peru"].admin1) == ("populated place", "Indiana")
    assert found["Miami County"].admin1 == "Indiana"


@pytest.mark.parametrize("text, name, kind", [
    # the river, which the gazetteer lacks: put by the town beside it, never at Texas's county
    ("Sandbags were stacked as the Red River rose two feet overnight in Fargo.", "Red River", "unresolved"),
    ("Deputies in Red River Parish closed two roads.", "Red River Parish", "admin2"),
])
def test_geoparse_a_river_is_no_county_named_after_it(resolver, text, name, kind):
    found = next(p for p in places(resolver, text) if p.name == name)
    assert found.kind == kind and found.admin1 != "Texas"


def test_geoparse_a_body_is_named_after_a_place_as_the_place_is_spelt(resolver):
    # "Women" is a transliteration of Wyoming's name somewhere: no toponym in a hospital's name
    found = [p.name for p in places(resolver, "A boy was treated at Women and Children's Hospital in Buffalo "
                                              "on Monday.")]
    assert found == ["Buffalo"]


def test_geoparse_a_name_ner_took_for_an_organisation_is_a_town_of_the_state_after_it(resolver):
    found = {p.name: p for p in places(resolver, "Canal Winchester, Ohio police said the man was arrested.")}
    assert (found["Canal Winchester"].kind, found["Canal Winchester"].admin1) == ("populated place", "Ohio")


def test_geoparse_country_context_picks_the_namesake(resolver):
    us = places(resolver, "Storms hit Paris, Texas, and Dallas on Monday, Texas officials said.")
    paris = next(p for p in us if p.name == "Paris")
    assert paris.country_code == "US"
    fr = places(resolver, "Protesters marched in Paris and Lyon, French police said.")
    assert next(p for p in fr if p.name == "Paris").country_code == "FR"


def test_geoparse_demonyms_and_place_named_organisations_are_not_mapped(resolver):
    text = "An Afghan army officer and a Kunduz provincial council member spoke."
    assert [p.name for p in places(resolver, text)] == []


def test_geoparse_keeps_unknown_place_names_unresolved(resolver):
    text = "Militants captured the village of Zzyxqabad in Afghanistan."
    found = {p.name: p for p in places(resolver, text)}
    assert found["Afghanistan"].kind == "country"
    if "Zzyxqabad" in found:  # NER may or may not label an unknown word GPE
        assert found["Zzyxqabad"].kind == "unresolved" and found["Zzyxqabad"].lat is None


@pytest.mark.parametrize("text, basis, admin1", [
    # the unit named right after it holds it
    ("Floods cut off the town of Zzyxqville, West Virginia, on Monday.", "West Virginia", "West Virginia"),
    ("Floods cut off the town of Zzyxqville in Kanawha County on Monday.", "Kanawha County", "West Virginia"),
    # else the middle of the article's towns: Kettering lies between Dayton and Xenia
    ("Floods cut off the town of Zzyxqville on Monday. Roads to Dayton, Kettering and Xenia closed, "
     "Ohio officials said.", "Kettering", "Ohio"),
])
def test_geoparse_unknown_place_is_put_at_the_known_place_that_holds_or_surrounds_it(resolver, text, basis,
                                                                                    admin1):
    got = places(resolver, text)
    found = {p.name: p for p in got}
    unknown = found["Zzyxqville"]
    assert unknown.kind == "unresolved" and unknown.geonameid is None and unknown.confidence == 0.0
    assert unknown.estimated_from == basis and (unknown.country_code, unknown.admin1) == ("US", admin1)
    known = next(p for p in got if (p.resolved_name or p.name) == basis)
    assert (unknown.lat, unknown.lon) == (known.lat, known.lon)


def _place(name, start, kind="populated place", lat=None, lon=None, **kw):
    return ResolvedPlace(start=start, end=start + len(name), name=name, lat=lat, lon=lon,
                         geonameid=None if kind == "unresolved" else start, kind=kind,
                         country_code=kw.pop("country_code", "US"), admin1=kw.pop("admin1", "Ohio"),
                         confidence=0.0 if kind == "unresolved" else 0.9, **kw)


def test_geoparse_estimates_only_from_towns_counties_or_provinces():
    text = "Zzyx in Afghanistan. Zzyx again."
    got = _estimated(text, [
        _place("Zzyx", 0, "unresolved", country_code=None, admin1=None),
        _place("Afghanistan", 8, "country", 33.0, 65.0, country_code="AF", admin1=None),
        _place("Zzyx", 21, "unresolved", country_code=None, admin1=None)])
    # a country is too coarse to say where an unknown village is, and often a mere modifier
    assert [p.lat for p in got if p.kind == "unresolved"] == [None, None]


def test_geoparse_estimates_alike_for_every_mention_of_a_name_and_weigh_repeated_towns():
    text = "Zzyx, Ohio. A, B, B, B and Zzyx."
    got = _estimated(text, [
        _place("Zzyx", 0, "unresolved", country_code=None, admin1=None),
        _place("Ohio", 6, "admin1", 40.4, -82.7),
        _place("A", 12, lat=41.0, lon=-81.0), _place("B", 15, lat=39.0, lon=-84.0),
        _place("B", 18, lat=39.0, lon=-84.0), _place("B", 21, lat=39.0, lon=-84.0),
        _place("Zzyx", 27, "unresolved", country_code=None, admin1=None)])
    first, second = (p for p in got if p.name == "Zzyx")
    assert (first.lat, first.lon, first.estimated_from) == (40.4, -82.7, "Ohio") == \
        (second.lat, second.lon, second.estimated_from)
    got = _estimated("Zzyx. A, B, B, B.", [
        _place("Zzyx", 0, "unresolved", country_code=None, admin1=None),
        _place("A", 6, lat=41.0, lon=-81.0), *(_place("B", s, lat=39.0, lon=-84.0) for s in (9, 12, 15))])
    assert (got[0].lat, got[0].estimated_from) == (39.0, "B")  # the town named three times


def test_geoparse_long_text_is_read_in_pieces_with_right_offsets(resolver):
    filler = "Nothing happened here today. " * 5000
    text = filler + "Fighting erupted in Kunduz on Monday."
    found = places(resolver, text)
    (kunduz,) = [p for p in found if p.name == "Kunduz"]
    assert text[kunduz.start:kunduz.end] == "Kunduz" and kunduz.start > 100_000


def test_geoparse_state_context_picks_the_local_namesakes(resolver):
    text = ("Athens police arrested a man from Macon on Friday. He was later moved to a jail "
            "in Savannah.")
    got = {p.name: p for p in places(resolver, text)}
    assert {n: (got[n].country_code, got[n].admin1) for n in ("Athens", "Macon", "Savannah")} == {
        n: ("US", "Georgia") for n in ("Athens", "Macon", "Savannah")}


def test_geoparse_continents_are_world_regions_without_a_country(resolver):
    got = {p.name: p for p in places(resolver, "The outbreak spread from Asia to Europe.")}
    assert got["Europe"].kind == "world region" and got["Europe"].country_code is None
    assert round(got["Europe"].lat) == 49


def test_geoparse_drops_unknown_two_letter_tokens(resolver):
    found = {p.name for p in places(resolver, "Lt. Smith said the convoy left Zzyxqabad for Kabul.")}
    assert "Lt" not in found and "Kabul" in found


@pytest.mark.parametrize("text, name, admin1", [
    # the text puts the district in Takhar; the gazetteer's Baharak is in Badakhshan
    ("Troops cleared Baharak district, Takhar province, on Monday.", "Baharak", "Takhar"),
    ("Clashes were reported in Nawa district, Helmand, on Monday.", "Nawa", "Helmand"),
    # a name in brackets lies in the district, and so the province, that follow it
    ("Snipers killed a soldier in Kushk (Rabat Sangi) district, Herat.", "Rabat", "Herat"),
    # "the countryside of" a province is in it too; the gazetteer's Basira is in Daraa
    ("Gunmen attacked a checkpoint in Basira in the eastern countryside of Deir-ez-Zor.", "Basira",
     "Dayr az Zawr"),
    # the gazetteer's likelier Muqur district is Badghis's; the text says Ghazni's
    ("Airstrikes hit Muqur district, Ghazni province, overnight.", "Muqur", "Ghazni"),
    # the district's other name in brackets between it and its province
    ("Snipers killed a soldier in Baharak (Zzyx Khel) district, Takhar.", "Baharak", "Takhar"),
    # a suburb of a city in another province
    ("Families protested in Taloqan suburb, Kunduz city, on Monday.", "Taloqan", "Kunduz"),
    # "in X, Y" with Y ending the phrase: the gazetteer's Taloqan is in Takhar, not Helmand
    ("Protesters gathered in Taloqan, Helmand, on Monday.", "Taloqan", "Helmand"),
    ("Protesters gathered in Taloqan, Helmand.", "Taloqan", "Helmand"),
])
def test_geoparse_a_place_the_text_puts_in_a_province_is_never_placed_outside_it(resolver, text, name, admin1):
    found = next(p for p in places(resolver, text) if p.name == name)
    assert found.kind == "unresolved" or found.admin1 == admin1


@pytest.mark.parametrize("text", [
    "Protesters gathered in Taloqan, Helmand, and Herat.",  # a list, however punctuated
    "Protesters gathered in Taloqan, Helmand and Herat.",
])
def test_geoparse_a_list_of_places_is_no_containment(resolver, text):
    found = next(p for p in places(resolver, text) if p.name == "Taloqan")
    assert found.admin1 == "Takhar"


def test_geoparse_only_unit_words_make_containment_strict(resolver):
    # "Calif., to Montana" is a journey, not California inside Montana
    found = {p.name: p for p in places(resolver, "The family was flying from Oroville, Calif., to Montana.")}
    assert found["Calif."].kind == "admin1" and found["Calif."].admin1 == "California"


def test_geoparse_a_small_town_abroad_is_not_the_place_in_a_one_country_article(resolver):
    # the gazetteer's only Shewan is a small town in China
    text = ("Afghan forces cleared the village of Shewan, officials in Kabul said. "
            "Fighting also hit Herat, Kandahar and Mazar-i-Sharif in Afghanistan.")
    found = {p.name: p for p in places(resolver, text)}
    assert {found[n].country_code for n in ("Kabul", "Herat", "Kandahar", "Mazar-i-Sharif")} == {"AF"}
    assert found["Shewan"].kind == "unresolved"


def test_geoparse_units_in_brackets_place_the_town_before_them(resolver):
    text = "In Santa Rosa de Lima (La Union), the body of a journalist was found on Monday."
    found = {p.name: p for p in places(resolver, text)}
    assert found["Santa Rosa de Lima"].country_code == "SV" and found["La Union"].kind == "admin1"


@pytest.mark.parametrize("text, name, country", [
    # Pakistan's Punjab is the likelier Punjab alone; the town before it is India's
    ("Health workers staged a protest in Ludhiana (Punjab) on Monday.", "Ludhiana", "IN"),
    ("Farmers staged a protest in Amritsar (Punjab) on Monday.", "Amritsar", "IN"),
    # a spelling variant is no containing unit: "El Omrane" is spelt like Yemen's Amran governorate
    ("Protesters marched in Tunis (El Omrane, Tunis) on Monday.", "Tunis", "TN"),
    # a name is not its own container; the unit after its namesake is
    ("Protesters camped in Wellington (Wellington) on Monday.", "Wellington", "NZ"),
    ("Journalists rallied in Hyderabad city (Hyderabad, Sindh) on Monday.", "Hyderabad", "PK"),
])
def test_geoparse_the_units_in_brackets_after_a_town_place_it(resolver, text, name, country):
    assert {p.country_code for p in places(resolver, text) if p.name == name} == {country}


@pytest.mark.parametrize("text, expected", [
    # NER labels "Sri Lankan" GPE, and it is spelt much like Sri Lanka: context, not a place
    ("The Sri Lankan army attacked rebels near Jaffna.", ["Jaffna"]),
    # a country whose people are called by its name
    ("Troops arrived in Djibouti on Monday.", ["Djibouti"]),
])
def test_geoparse_a_demonym_is_never_a_place_however_it_is_spelt(resolver, text, expected):
    assert [p.name for p in places(resolver, text)] == expected


def test_geoparse_an_institution_named_with_its_town_gives_the_town(resolver):
    # NER reads "the University of Medical Sciences Teaching Hospital in Akure (Akure South LGA" as one ORG
    text = ("Doctors demonstrated at the University of Medical Sciences Teaching Hospital in Akure "
            "(Akure South LGA, Ondo) over the death of a colleague.")
    assert "Akure" in [p.name for p in places(resolver, text)]


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
def test_geoparse_a_town_and_the_county_it_lies_in_resolve_together(resolver, text, expected):
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
def test_geoparse_towns_named_together_resolve_near_one_another(resolver, text, expected):
    assert admin1_of(resolver, text, expected) == expected


@pytest.mark.parametrize("text, kind, admin1", [
    # a capital named for its government is the capital, not its country's state of that name
    ("Talks between Washington and Moscow stalled again.", "populated place", "District of Columbia"),
    # a name listed among states is the state
    ("Cases were reported in Oregon, Washington and California.", "admin1", "Washington"),
    ("Officials in Virginia, Washington, West Virginia and Wyoming recalled the product.", "admin1", "Washington"),
])
def test_geoparse_a_capital_unless_listed_among_states(resolver, text, kind, admin1):
    (washington,) = [p for p in places(resolver, text) if p.name == "Washington"]
    assert (washington.kind, washington.admin1) == (kind, admin1)


@pytest.mark.parametrize("text, kind, country", [
    # the reading of the unit after a town that holds the town
    # (the country of Georgia would win on the votes of Armenia and Azerbaijan beside it)
    ("The virus reached Armenia and Azerbaijan, officials in Atlanta, Georgia said.", "admin1", "US"),
    ("Experts from Moscow, Kyiv and Atlanta, Georgia met in Geneva.", "admin1", "US"),
    ("Protesters gathered in Tbilisi, Georgia, on Sunday.", "country", "GE"),
])
def test_geoparse_the_unit_after_a_town_is_the_one_that_holds_it(resolver, text, kind, country):
    (georgia,) = [p for p in places(resolver, text) if p.name == "Georgia"]
    assert (georgia.kind, georgia.country_code) == (kind, country)


@pytest.mark.parametrize("text, kind, admin1", [
    # the bare name of a unit the text names with its designator is that unit, not the
    # capital that goes by the name alone ...
    ("Officials of Washington State said the outbreak began at a nursing home. Washington now has 40 cases.",
     "admin1", "Washington"),
    # ... or a place in it: the town where the unit is its namesake
    ("Fighting spread across Kunduz province. Residents of Kunduz fled.", "populated place", "Kunduz"),
])
def test_geoparse_a_bare_name_reads_as_the_unit_named_with_its_designator(resolver, text, kind, admin1):
    bare = [p for p in places(resolver, text) if p.name in ("Washington", "Kunduz")][-1]
    assert (bare.kind, bare.admin1) == (kind, admin1)


def test_geoparse_a_state_of_the_articles_country_is_no_town_of_the_state_it_is_about(resolver):
    # Spencer, West Virginia, also goes by "California"
    text = ("Delegates from Kanawha County, Braxton County and Monongalia County backed the amendment. "
            "West Virginia should act, they said, pointing to court fights in California.")
    (california,) = [p for p in places(resolver, text) if p.name == "California"]
    assert (california.kind, california.admin1) == ("admin1", "California")


@pytest.mark.parametrize("text, expected", [
    # local news: the state where most of the towns named have a namesake, well ahead of any other
    ("Wrestlers came to the meet in Delano from Montgomery, Rochester and Scott County.",
     {"Delano": "Minnesota", "Montgomery": "Minnesota", "Rochester": "Minnesota"}),
    # world cities named together are no state's towns, though Ohio has a London, a Berlin and a Moscow
    ("Ministers met in Paris, London, Berlin and Moscow to discuss Ohio's exports.",
     {"Paris": "Ile-de-France", "London": "England", "Berlin": "Berlin", "Moscow": "Moskva"}),
])
def test_geoparse_local_news_reads_its_towns_in_the_state_it_is_about(resolver, text, expected):
    assert admin1_of(resolver, text, expected) == expected


@pytest.mark.parametrize("text, name, kind, country", [
    # no unit holds a country: "state of Texas" does not put the US in Texas
    ("Wikinews spoke to several residents of the US state of Texas.", "US", "country", "US"),
    # a sea "near" a town is not a namesake of the sea near that town
    ("The river meanders from Tyler to the Gulf of Mexico near Beaumont.", "Gulf of Mexico", "world region", None),
    # a country misspelt in an article about its neighbours is still that country
    ("The virus is also present in Seychelles, in Mauritious and especially in Mayotte.", "Mauritious",
     "country", "MU"),
])
def test_geoparse_countries_and_seas_keep_their_reading_beside_other_places(resolver, text, name, kind, country):
    (found,) = [p for p in places(resolver, text) if p.name == name]
    assert (found.kind, found.country_code) == (kind, country)


@pytest.mark.parametrize("text, expected", [
    # a state an organisation is named after, in an article about that country, is its toponym
    ("Five structures burned near Abilene and Cisco, according to the Texas Fire Service.", {"Texas"}),
    # a province's name in an organisation's name abroad is none ("Central" is a Ugandan region)
    ("Nguyen Tran Hien, the director of the Central Institute of Hygiene in Hanoi, predicted a peak.", set()),
])
def test_geoparse_a_province_in_an_organisations_name_counts_in_the_articles_countries(resolver, text, expected):
    assert {p.name for p in places(resolver, text) if p.kind == "admin1"} == expected


@pytest.mark.parametrize("text, name, kind, admin1", [
    # a district holds no province: the order of "X province in the district of Y" is no containment
    ("Three children from northern Sumatra province in the district of Karo are in hospital.", "Karo",
     "admin2", "Sumatera Utara"),
    ("Protesters held a demonstration in Valladolid (Castilla y Leon) on Sunday.", "Valladolid",
     "populated place", "Castilla y Leon"),
])
def test_geoparse_units_hold_only_smaller_places(resolver, text, name, kind, admin1):
    found = {p.name: p for p in places(resolver, text)}
    assert (found[name].kind, found[name].admin1) == (kind, admin1)
    assert all(p.kind != "unresolved" for p in found.values())


def test_geoparse_demonyms_of_the_other_side_weigh_less_than_the_places_named(resolver):
    # "Turkish soldiers" twice, in Iraq: the district is the one the text names, of Duhok
    text = ("On 5 June 2022, PKK militants attacked Turkish soldiers via firearms in Karker area of "
            "Al Amadiya district, Duhok. HPG claimed 2 Turkish soldiers were killed.")
    found = {p.name: p for p in places(resolver, text)}
    assert (found["Al Amadiya"].kind, found["Al Amadiya"].country_code) == ("admin2", "IQ")


@pytest.mark.parametrize("text", ["Protesters camped in Wellington (Wellington) for a third day.",
                                  "On Monday, in Zacatecas, Zacatecas, a man was found dead."])
def test_geoparse_a_town_before_its_namesake_unit_stays_the_town(resolver, text):
    assert {p.kind for p in places(resolver, text)} == {"populated place"}


def test_geoparse_an_address_town_province_country_puts_the_town_in_that_province(resolver):
    # "X, Y, Z" with Z the country of province Y is an address: Stroud is in Ontario (unknown to
    # the bundled gazetteer, so unresolved), never England's Stroud
    got = {p.name: p for p in places(resolver, "The truck was pulled over in Stroud, Ontario, Canada.")}
    assert got["Stroud"].kind == "unresolved" or got["Stroud"].admin1 == "Ontario"
    assert (got["Ontario"].kind, got["Ontario"].country_code) == ("admin1", "CA")


@pytest.mark.parametrize("text", [
    # Arak in Iran goes by "Iraq" in some language; naming Iran beside it does not make it that
    "Turkey borders Armenia, Azerbaijan, Georgia, Iraq, Iran and Syria.",
    "Officials in Tehran, Isfahan, Qom and Shiraz said pilgrims returned from Iraq.",
])
def test_geoparse_a_country_named_outright_is_the_country(resolver, text):
    got = {p.name: p for p in places(resolver, text)}
    assert (got["Iraq"].kind, got["Iraq"].country_code) == ("country", "IQ")


def test_geoparse_every_city_of_a_list_is_read_as_itself(resolver):
    text = "Officials in Tehran, Isfahan, Qom and Shiraz said pilgrims returned from Iraq."
    got = {p.name: p.admin1 for p in places(resolver, text)}
    assert got == {"Tehran": "Tehran", "Isfahan": "Esfahan", "Qom": "Qom", "Shiraz": "Fars", "Iraq": None}


@pytest.mark.parametrize("text, expected", [
    # an acronym is a place that goes by it, never a town spelt alike (Hiv in Iran, Eu in France)
    ("Experts warned of a rise in HIV cases in Papua New Guinea.", {"Papua New Guinea": "PG"}),
    ("Cases were reported in the DRC, in the UAE and in the U.S. on Monday.", {"DRC": "CD", "UAE": "AE", "U.S.": "US"}),
    ("Bird flu cases were confirmed across the EU and in Norway.", {"Norway": "NO"}),
    # a dateline writes the town's own name in capitals; a short one is still an acronym
    ("Rural residents. OMAHA -- A University of Nebraska sociologist says farms are changing.",
     {"OMAHA": "US", "Nebraska": "US"}),
    ("Girlfriend will testify. XENIA — The girlfriend of the dealer said so in court.", {"XENIA": "US"}),
    ("Talks resume. UN — Delegates met in Norway on Monday.", {"Norway": "NO"}),
])
def test_geoparse_an_acronym_is_only_a_place_that_goes_by_it(resolver, text, expected):
    got = {p.name: p for p in places(resolver, text) if p.kind != "unresolved"}
    assert {n: p.country_code for n, p in got.items()} == expected


@pytest.mark.parametrize("text, toponyms", [
    # the country or state an agency is named after is a toponym of the text ...
    ("A spokesman for the California Department of Public Health said cases rose in Fresno.",
     {"California": "context", "Fresno": "place"}),
    ("The U.S. Army confirmed the tests in Kabul.", {"U.S.": "context", "Kabul": "place"}),
    # ... also where the place ends the name, or the organisation is a bureau or a centre
    ("A professor at the University of Georgia said the lab in Atlanta is closed.",
     {"Georgia": "context", "Atlanta": "place"}),
    ("Agents of the Georgia Bureau of Investigation searched a house in Macon.",
     {"Georgia": "context", "Macon": "place"}),
    ("She was taken to the Texas Medical Center in Houston.", {"Texas": "context", "Houston": "place"}),
    ("Officials at the U.S. Centers for Disease Control and Prevention said it spread in Ohio.",
     {"U.S.": "context", "Ohio": "place"}),
    # ... and where NER reads the state alone as the organisation ("the NSW government")
    ("The NSW government has confirmed the outbreak near Sydney.", {"NSW": "context", "Sydney": "place"}),
    # ... a town's name in an organisation's is not, nor a demonym
    ("A Killeen Police Department spokesman and an Afghan officer spoke.", {}),
])
def test_geoparse_lists_countries_and_provinces_named_inside_organisations_as_context(resolver, text, toponyms):
    got = {p.name: p.role for p in places(resolver, text)}
    assert got == toponyms


@pytest.mark.parametrize("text, toponyms", [
    # a town inside an organisation's name is a context toponym where the text names the town
    # itself, read as that mention is
    ("Dublin residents asked the Dublin Arts Council for help.", [("Dublin", "place"), ("Dublin", "context")]),
    # not where it does not, nor inside a newspaper's name
    ("The Killeen Police Department said nothing.", []),
    ("In New York, the mayor told the New York Times he was ready.", [("New York", "place")]),
])
def test_geoparse_towns_inside_organisations_names_are_context_where_the_text_names_them(resolver, text, toponyms):
    found = places(resolver, text)
    assert [(p.name, p.role) for p in found] == toponyms
    assert len({(p.lat, p.lon) for p in found}) <= 1  # read alike


@pytest.mark.parametrize("text, toponyms", [
    # a county an agency is named after is a context toponym where the text names places of
    # its state, as a province is in a country the text names places of ...
    ("Deputies from the Laurel County Sheriff's Office arrested two men in London, Kentucky.",
     {"Laurel County": ("context", "Kentucky"), "London": ("place", "Kentucky"), "Kentucky": ("place", "Kentucky")}),
    # ... and not elsewhere
    ("The Laurel County Sheriff's Office sent deputies to Columbus, Ohio.",
     {"Columbus": ("place", "Ohio"), "Ohio": ("place", "Ohio")}),
    # a school district is a body's unit, no place: its county is the toponym
    ("The last day for Laurel County School District students in London, Kentucky, is June 1.",
     {"Laurel County": ("context", "Kentucky"), "London": ("place", "Kentucky"), "Kentucky": ("place", "Kentucky")}),
    ("Students at the Shiloh School District returned on Monday, officials in Ohio said.",
     {"Ohio": ("place", "Ohio")}),
])
def test_geoparse_a_county_in_an_organisations_name_counts_in_the_articles_states(resolver, text, toponyms):
    assert {p.name: (p.role, p.admin1) for p in places(resolver, text)} == toponyms


@pytest.mark.parametrize("text, toponyms", [
    ("Local police recovered the stolen car in Dayton on Friday.", {"Dayton": "place"}),
    ("Safety was stressed on St. Patrick's Day in Savannah.", {"Savannah": "place"}),
    ("Two cases were reported in the Summer of 2008 in Oregon.", {"Oregon": "place"}),
    # a state's abbreviation is a word without its full stop
    ("Devon Stansbury of Rockford won in the Miss category.", {"Rockford": "place"}),
    # a speaker's last name, though NER read the speaker as an organisation
    ("Brett Hartmann said a motion was filed. The court may delay the execution to allow Hartmann "
     "time to show that Ohio erred.", {"Ohio": "place"}),
    ("He was born in Jackson, Miss., in 1950.", {"Jackson": "place", "Miss.": "place"}),
    # a state university is named after its state: the state is the toponym
    ("A professor at Ohio State University spoke in Dayton.", {"Ohio": "context", "Dayton": "place"}),
])
def test_geoparse_leaves_out_words_that_only_look_like_places(resolver, text, toponyms):
    assert {p.name: p.role for p in places(resolver, text)} == toponyms


@pytest.mark.parametrize("text, expected", [
    # NER's NORP on a list's last name before a plural unit word is that unit, no demonym
    ("Rain fell in Harvey, Harper and Kingman counties.",
     {"Harvey": ("admin2", "Kansas"), "Harper": ("admin2", "Kansas"), "Kingman": ("admin2", "Kansas")}),
    ("Fighting spread to Syrian and Iraqi provinces.", {}),
])
def test_geoparse_a_listed_unit_read_as_a_demonym_is_a_unit(resolver, text, expected):
    assert {p.name: (p.kind, p.admin1) for p in places(resolver, text)} == expected


def test_geoparse_context_toponyms_are_never_event_places(resolver):
    from events.analysis import analyse_docs

    (analysis,) = analyse_docs(["A spokesman for the California Department of Public Health said "
                                "cases rose in Fresno."], resolver=resolver)
    assert [p.name for p in analysis.places] == ["Fresno"]
    assert [(p.name, p.kind) for p in analysis.named_after] == [("California", "admin1")]


def _mention(text, name, role, label):
    from parsing.places import PlaceMention

    start = text.index(name)
    return PlaceMention(start=start, end=start + len(name), text=name, name=name, role=role, label=label)


@pytest.mark.parametrize("others, expected", [
    (("Grove City", "Franklin County"), ("Dublin", "US", "Ohio")),  # a Dublin lies 25 km away
    (("Kabul", "Kunduz"), None),                                     # nothing near: a person
])
def test_geoparse_a_known_name_ner_took_for_a_person_is_a_place_near_the_articles_places(
        resolver, others, expected):
    text = f"Sirens were installed in {others[0]} and {others[1]}. Dublin operates its own sirens."
    found = resolver.resolve(text, [_mention(text, others[0], "place", "GPE"),
                                    _mention(text, others[1], "place", "GPE"),
                                    _mention(text, "Dublin", "maybe", "MAYBE>PERSON")])
    got = [(p.name, p.country_code, p.admin1) for p in found if p.name == "Dublin"]
    assert got == ([expected] if expected else [])


def test_geoparse_look_alikes_of_an_unknown_name_cast_no_country_votes(resolver):
    # "Hodan" is no place the gazetteer knows; its look-alikes in the US, China and Japan must not
    # outvote Banaadir, Somalia, which "Banadir" spells
    got = {p.name: p for p in places(resolver, "Militants attacked a post in Hodan district "
                                                 "(Hodan,Banadir) on Monday.")}
    assert got["Banadir"].country_code == "SO"


def test_geoparse_a_maybe_place_is_a_town_only_by_its_own_name(resolver):
    # Hamm, 20 km from Unna and Ahlen, has "Hamas" among its alternate names
    text = "Police in Unna and Ahlen said Hamas supporters rallied."
    found = resolver.resolve(text, [_mention(text, "Unna", "place", "GPE"), _mention(text, "Ahlen", "place", "GPE"),
                                    _mention(text, "Hamas", "maybe", "MAYBE>ORG")])
    assert [p.name for p in found] == ["Unna", "Ahlen"]


def test_geoparse_a_district_abroad_that_is_a_town_there_is_another_place(resolver):
    text = ("Afghan forces raided Toulouse district on Monday, officials in Kabul said. "
            "Taliban fighters attacked Kunduz and Taloqan.")
    found = next(p for p in places(resolver, text) if p.name == "Toulouse")
    assert found.country_code != "FR"


def test_geoparse_a_province_spelt_with_single_vowels_is_still_evidence(resolver):
    # the gazetteer writes Banaadir; the text's Banadir is as good a name for the country
    found = {p.name: p for p in places(resolver, "Gunmen attacked a checkpoint in Hodan (Banadir) on Monday.")}
    assert found["Banadir"].country_code == "SO" and found["Hodan"].country_code in ("SO", None)


def test_geoparse_demonyms_inside_other_names_vote_too(resolver):
    # NER reads "the Ukrainian Army" as an organisation; its demonym counts as "Russian" does
    found = {p.name: p for p in places(resolver, "Russian forces clashed with the Ukrainian Army near Donetsk.")}
    assert found["Donetsk"].country_code == "UA"


def test_geoparse_a_place_the_text_puts_in_a_district_is_not_one_of_another_district(resolver):
    # the gazetteer's Lashkar Gah lies in Lashkar Gah district, not in Garmsir
    text = "A bomb went off in the Lashkar Gah area of Garmsir district, Helmand, on Monday."
    found = next(p for p in places(resolver, text) if p.name == "Lashkar Gah")
    assert found.kind == "unresolved" or found.admin2 == "Garmsir"


@pytest.mark.parametrize("text, far", [
    ("Protesters gathered in Khanabad village near Sheberghan on Monday.", True),  # Khanabad is in Kunduz
    # a border is no town to be near
    ("Tolls rose at Exit 1 in Pittsfield near the New York border.", False),
])
def test_geoparse_a_place_near_a_town_is_no_namesake_far_from_it(resolver, text, far):
    found = {p.name: p for p in places(resolver, text)}
    first = next(iter(found.values()))
    if far:
        assert first.kind == "unresolved"
    else:
        assert first.kind == "populated place"


@pytest.mark.parametrize("text, expected", [
    # a region of a state is mapped to the state, the whole region's name kept as the mention
    ("Fires burned across East Texas on Monday, near Tyler.",
     {"East Texas": ("admin1", "Texas", "place"), "Tyler": ("populated place", "Texas", "place")}),
    # in an organisation's name the toponym is the state itself
    ("He studied at Northeast Texas Community College before moving to Dallas.",
     {"Texas": ("admin1", "Texas", "context"), "Dallas": ("populated place", "Texas", "place")}),
])
def test_geoparse_a_part_of_a_state_is_that_state(resolver, text, expected):
    assert {p.name: (p.kind, p.admin1, p.role) for p in places(resolver, text)} == expected


@pytest.mark.parametrize("gap, near", [
    (" village near ", True), (", near the ", True), (" town, close to ", True), (" outside ", True),
    (" district  ,  near\n", True), ("near ", True), (" Near The ", True),
    (" in ", False), (", and ", False), (" village ", False), (" near", False), (" nearby ", False),
])
def test_geoparse_near_gap_is_x_village_near_y(gap, near):
    assert bool(_NEAR_GAP.match(gap)) == near


def test_geoparse_words_after_a_name_are_read_from_its_end():
    text = "the Kunduz Daily Times and the Fulton  County Jail, near the Kunduz border, in Zarate, a town"
    at = {w: text.index(w) + len(w) for w in ("the Kunduz", "the Fulton", "near the Kunduz", "Zarate")}
    assert _MASTHEAD.match(text, at["the Kunduz"]) and not _MASTHEAD.match(text, at["Zarate"])
    assert _COUNTY_WORD.match(text, at["the Fulton"]) and not _COUNTY_WORD.match(text, at["the Kunduz"])
    assert _BORDER_AFTER.match(text, at["near the Kunduz"]) and not _BORDER_AFTER.match(text, at["Zarate"])
    assert _PHRASE_END.match(text, at["Zarate"]) and not _PHRASE_END.match(text, at["the Kunduz"])
    assert _PHRASE_END.match("in Zarate.", len("in Zarate")) and not _PHRASE_END.match("in Giza, and", 7)


def test_geoparse_places_far_apart_are_not_related_by_what_lies_between():
    text = "Kunduz, Takhar" + " " * WINDOW + ", Baghlan"
    assert _gap(text, len("Kunduz"), text.index("Takhar")) == ", "
    assert _gap(text, text.index("Takhar") + len("Takhar"), text.index("Baghlan")) == ""


def test_geoparse_a_long_run_of_blanks_between_places_is_read_quickly(resolver):
    # "\s*X?\s*,?\s*" read 3,000 blanks in every way of splitting them: 100 s (a bound far from both)
    start = time.perf_counter()
    found = places(resolver, "Taliban fighters attacked Kunduz" + " " * 3000 + "Takhar on Monday, officials said.")
    assert [p.name for p in found] == ["Kunduz", "Takhar"] and time.perf_counter() - start < 20


def test_geoparse_the_nearest_anchor_is_the_one_measuring_every_anchor_finds():
    rnd = random.Random(21)
    for spread in ((34.0, 35.0, 69.0, 70.0), (-90.0, 90.0, -180.0, 180.0), (89.0, 90.0, -180.0, 180.0)):
        def point():
            return SimpleNamespace(lat=round(rnd.uniform(*spread[:2]), 2), lon=round(rnd.uniform(*spread[2:]), 2))

        found = [point() for _ in range(300)]
        found += found[:40]  # the same places again
        anchors = _Anchors(found)
        for p in found[:100] + [point() for _ in range(100)]:
            others = [distance_km(p.lat, p.lon, a.lat, a.lon) for a in found if a is not p]
            assert anchors.nearest(p) == (min(others) if others else None)
            for km in (1.0, 30.0, 300.0):
                assert anchors.within(p, km) == any(distance_km(p.lat, p.lon, a.lat, a.lon) <= km for a in found)
