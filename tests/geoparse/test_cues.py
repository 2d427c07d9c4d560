"""What the text says between and after names: containment, holders, "X near Y", lists (real
spaCy model, real gazetteer)."""
import time

import pytest

from geoparse.cues import (_ALIAS_BETWEEN, _BORDER_AFTER, _BORDER_WORDS, _COUNTY_WORDS, _MASTHEAD_WORDS, _NEAR_GAP,
                           _NEAR_WORDS, _PHRASE_END, _PLACE_WORDS_BEFORE_NEAR, _PLACE_WORDS_BEFORE_UNIT,
                           _UNIT_WORDS_BEFORE_HOLDER, _UNKNOWN_UNIT_BETWEEN, COUNTY_WORD, MASTHEAD, between)
from parsing.places import WINDOW
from tests.geoparse.reading import places


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
def test_cues_a_place_the_text_puts_in_a_province_is_never_placed_outside_it(resolver, text, name, admin1):
    found = next(p for p in places(resolver, text) if p.name == name)
    assert found.kind == "unresolved" or found.admin1 == admin1


@pytest.mark.parametrize("text", [
    "Protesters gathered in Taloqan, Helmand, and Herat.",  # a list, however punctuated
    "Protesters gathered in Taloqan, Helmand and Herat.",
])
def test_cues_a_list_of_places_is_no_containment(resolver, text):
    found = next(p for p in places(resolver, text) if p.name == "Taloqan")
    assert found.admin1 == "Takhar"


def test_cues_only_unit_words_make_containment_strict(resolver):
    # "Calif., to Montana" is a journey, not California inside Montana
    found = {p.name: p for p in places(resolver, "The family was flying from Oroville, Calif., to Montana.")}
    assert found["Calif."].kind == "admin1" and found["Calif."].admin1 == "California"


def test_cues_units_in_brackets_place_the_town_before_them(resolver):
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
def test_cues_the_units_in_brackets_after_a_town_place_it(resolver, text, name, country):
    assert {p.country_code for p in places(resolver, text) if p.name == name} == {country}


@pytest.mark.parametrize("text, kind, admin1", [
    # a capital named for its government is the capital, not its country's state of that name
    ("Talks between Washington and Moscow stalled again.", "populated place", "District of Columbia"),
    # a name listed among states is the state
    ("Cases were reported in Oregon, Washington and California.", "admin1", "Washington"),
    ("Officials in Virginia, Washington, West Virginia and Wyoming recalled the product.", "admin1", "Washington"),
])
def test_cues_a_capital_unless_listed_among_states(resolver, text, kind, admin1):
    (washington,) = [p for p in places(resolver, text) if p.name == "Washington"]
    assert (washington.kind, washington.admin1) == (kind, admin1)


@pytest.mark.parametrize("text, kind, country", [
    # the reading of the unit after a town that holds the town
    # (the country of Georgia would win on the votes of Armenia and Azerbaijan beside it)
    ("The virus reached Armenia and Azerbaijan, officials in Atlanta, Georgia said.", "admin1", "US"),
    ("Experts from Moscow, Kyiv and Atlanta, Georgia met in Geneva.", "admin1", "US"),
    ("Protesters gathered in Tbilisi, Georgia, on Sunday.", "country", "GE"),
])
def test_cues_the_unit_after_a_town_is_the_one_that_holds_it(resolver, text, kind, country):
    (georgia,) = [p for p in places(resolver, text) if p.name == "Georgia"]
    assert (georgia.kind, georgia.country_code) == (kind, country)


@pytest.mark.parametrize("text, name, kind, admin1", [
    # a district holds no province: the order of "X province in the district of Y" is no containment
    ("Three children from northern Sumatra province in the district of Karo are in hospital.", "Karo",
     "admin2", "Sumatera Utara"),
    ("Protesters held a demonstration in Valladolid (Castilla y Leon) on Sunday.", "Valladolid",
     "populated place", "Castilla y Leon"),
])
def test_cues_units_hold_only_smaller_places(resolver, text, name, kind, admin1):
    found = {p.name: p for p in places(resolver, text)}
    assert (found[name].kind, found[name].admin1) == (kind, admin1)
    assert all(p.kind != "unresolved" for p in found.values())


@pytest.mark.parametrize("text", ["Protesters camped in Wellington (Wellington) for a third day.",
                                  "On Monday, in Zacatecas, Zacatecas, a man was found dead."])
def test_cues_a_town_before_its_namesake_unit_stays_the_town(resolver, text):
    assert {p.kind for p in places(resolver, text)} == {"populated place"}


def test_cues_an_address_town_province_country_puts_the_town_in_that_province(resolver):
    # "X, Y, Z" with Z the country of province Y is an address: Stroud is in Ontario (unknown to
    # the bundled gazetteer, so unresolved), never England's Stroud
    got = {p.name: p for p in places(resolver, "The truck was pulled over in Stroud, Ontario, Canada.")}
    assert got["Stroud"].kind == "unresolved" or got["Stroud"].admin1 == "Ontario"
    assert (got["Ontario"].kind, got["Ontario"].country_code) == ("admin1", "CA")


def test_cues_every_city_of_a_list_is_read_as_itself(resolver):
    text = "Officials in Tehran, Isfahan, Qom and Shiraz said pilgrims returned from Iraq."
    got = {p.name: p.admin1 for p in places(resolver, text)}
    assert got == {"Tehran": "Tehran", "Isfahan": "Esfahan", "Qom": "Qom", "Shiraz": "Fars", "Iraq": None}


def test_cues_a_place_the_text_puts_in_a_district_is_not_one_of_another_district(resolver):
    # the gazetteer's Lashkar Gah lies in Lashkar Gah district, not in Garmsir
    text = "A bomb went off in the Lashkar Gah area of Garmsir district, Helmand, on Monday."
    found = next(p for p in places(resolver, text) if p.name == "Lashkar Gah")
    assert found.kind == "unresolved" or found.admin2 == "Garmsir"


@pytest.mark.parametrize("text, far", [
    ("Protesters gathered in Khanabad village near Sheberghan on Monday.", True),  # Khanabad is in Kunduz
    # a border is no town to be near
    ("Tolls rose at Exit 1 in Pittsfield near the New York border.", False),
])
def test_cues_a_place_near_a_town_is_no_namesake_far_from_it(resolver, text, far):
    found = {p.name: p for p in places(resolver, text)}
    first = next(iter(found.values()))
    if far:
        assert first.kind == "unresolved"
    else:
        assert first.kind == "populated place"


@pytest.mark.parametrize("gap, near", [
    (" village near ", True), (", near the ", True), (" town, close to ", True), (" outside ", True),
    (" district  ,  near\n", True), ("near ", True), (" Near The ", True),
    (" in ", False), (", and ", False), (" village ", False), (" near", False), (" nearby ", False),
])
def test_cues_near_gap_is_x_village_near_y(gap, near):
    assert bool(_NEAR_GAP.match(gap)) == near


def test_cues_words_after_a_name_are_read_from_its_end():
    text = "the Kunduz Daily Times and the Fulton  County Jail, near the Kunduz border, in Zarate, a town"
    at = {w: text.index(w) + len(w) for w in ("the Kunduz", "the Fulton", "near the Kunduz", "Zarate")}
    assert MASTHEAD.match(text, at["the Kunduz"]) and not MASTHEAD.match(text, at["Zarate"])
    assert COUNTY_WORD.match(text, at["the Fulton"]) and not COUNTY_WORD.match(text, at["the Kunduz"])
    assert _BORDER_AFTER.match(text, at["near the Kunduz"]) and not _BORDER_AFTER.match(text, at["Zarate"])
    assert _PHRASE_END.match(text, at["Zarate"]) and not _PHRASE_END.match(text, at["the Kunduz"])
    assert _PHRASE_END.match("in Zarate.", len("in Zarate")) and not _PHRASE_END.match("in Giza, and", 7)


def test_cues_places_far_apart_are_not_related_by_what_lies_between():
    text = "Kunduz, Takhar" + " " * WINDOW + ", Baghlan"
    assert between(text, len("Kunduz"), text.index("Takhar")) == ", "
    assert between(text, text.index("Takhar") + len("Takhar"), text.index("Baghlan")) == ""


def test_cues_a_long_run_of_blanks_between_places_is_read_quickly(resolver):
    # "\s*X?\s*,?\s*" read 3,000 blanks in every way of splitting them: 100 s (a bound far from both)
    start = time.perf_counter()
    found = places(resolver, "Taliban fighters attacked Kunduz" + " " * 3000 + "Takhar on Monday, officials said.")
    assert [p.name for p in found] == ["Kunduz", "Takhar"] and time.perf_counter() - start < 20


def test_cues_each_word_of_a_list_reads_in_the_patterns_built_from_it():
    # the patterns take their alternatives from the declared lists: every word is read
    for unit in _UNIT_WORDS_BEFORE_HOLDER:
        assert _ALIAS_BETWEEN.match(f" (Spin Ghar) {unit}, ") and _UNKNOWN_UNIT_BETWEEN.match(f" of Bala Buluk {unit}, ")
        for word in _PLACE_WORDS_BEFORE_UNIT:
            assert _UNKNOWN_UNIT_BETWEEN.match(f" {word} of Bala Buluk {unit}, ")
    assert all(_NEAR_GAP.match(f" {word}, {near} the ") for word in _PLACE_WORDS_BEFORE_NEAR for near in _NEAR_WORDS)
    assert all(_BORDER_AFTER.match(f" {word}") for word in _BORDER_WORDS)
    assert all(MASTHEAD.match(f" Evening {word}") for word in _MASTHEAD_WORDS)
    assert all(COUNTY_WORD.match(f" {word} Jail") for word in _COUNTY_WORDS)
    assert not _UNKNOWN_UNIT_BETWEEN.match(" settlement of Bala Buluk district, ")  # "settlement": before "near" only

