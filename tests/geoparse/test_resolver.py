"""The resolver end to end on short texts: real spaCy model, real gazetteer."""
import pytest

from geoparse.resolver import _names_a_body_after_a_place
from parsing.places import PlaceMention, Role
from tests.geoparse.reading import places


def test_resolver_finds_cued_places_and_resolves_them_in_context(resolver):
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


def test_resolver_repeated_names_resolve_alike(resolver):
    text = "Alexandria police said. A meeting in Alexandria, Louisiana, drew crowds. Alexandria voted."
    found = [p for p in places(resolver, text) if p.name == "Alexandria"]
    assert len(found) >= 2
    assert {(p.lat, p.lon) for p in found} == {(found[0].lat, found[0].lon)}
    assert found[0].admin1 == "Louisiana"


def test_resolver_a_university_named_like_a_county_is_no_county(resolver):
    found = {p.name for p in places(resolver, "A professor at Columbia University spoke in Albany and Hudson, "
                                              "New York, on Monday.")}
    assert "Columbia" not in found and {"Albany", "Hudson"} <= found


def test_resolver_a_name_ner_took_for_an_organisation_is_a_town_of_the_state_after_it(resolver):
    found = {p.name: p for p in places(resolver, "Canal Winchester, Ohio police said the man was arrested.")}
    assert (found["Canal Winchester"].kind, found["Canal Winchester"].admin1) == ("populated place", "Ohio")


def test_resolver_demonyms_and_place_named_organisations_are_not_mapped(resolver):
    text = "An Afghan army officer and a Kunduz provincial council member spoke."
    assert [p.name for p in places(resolver, text)] == []


def test_resolver_drops_unknown_two_letter_tokens(resolver):
    found = {p.name for p in places(resolver, "Lt. Smith said the convoy left Zzyxqabad for Kabul.")}
    assert "Lt" not in found and "Kabul" in found


def test_resolver_an_institution_named_with_its_town_gives_the_town(resolver):
    # NER reads "the University of Medical Sciences Teaching Hospital in Akure (Akure South LGA" as one ORG
    text = ("Doctors demonstrated at the University of Medical Sciences Teaching Hospital in Akure "
            "(Akure South LGA, Ondo) over the death of a colleague.")
    assert "Akure" in [p.name for p in places(resolver, text)]


@pytest.mark.parametrize("text, expected", [
    # a state an organisation is named after, in an article about that country, is its toponym
    ("Five structures burned near Abilene and Cisco, according to the Texas Fire Service.", {"Texas"}),
    # a province's name in an organisation's name abroad is none ("Central" is a Ugandan region)
    ("Nguyen Tran Hien, the director of the Central Institute of Hygiene in Hanoi, predicted a peak.", set()),
])
def test_resolver_a_province_in_an_organisations_name_counts_in_the_articles_countries(resolver, text, expected):
    assert {p.name for p in places(resolver, text) if p.kind == "admin1"} == expected


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
def test_resolver_lists_countries_and_provinces_named_inside_organisations_as_context(resolver, text, toponyms):
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
def test_resolver_towns_inside_organisations_names_are_context_where_the_text_names_them(resolver, text, toponyms):
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
def test_resolver_a_county_in_an_organisations_name_counts_in_the_articles_states(resolver, text, toponyms):
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
def test_resolver_leaves_out_words_that_only_look_like_places(resolver, text, toponyms):
    assert {p.name: p.role for p in places(resolver, text)} == toponyms


@pytest.mark.parametrize("text, expected", [
    # NER's NORP on a list's last name before a plural unit word is that unit, no demonym
    ("Rain fell in Harvey, Harper and Kingman counties.",
     {"Harvey": ("admin2", "Kansas"), "Harper": ("admin2", "Kansas"), "Kingman": ("admin2", "Kansas")}),
    ("Fighting spread to Syrian and Iraqi provinces.", {}),
])
def test_resolver_a_listed_unit_read_as_a_demonym_is_a_unit(resolver, text, expected):
    assert {p.name: (p.kind, p.admin1) for p in places(resolver, text)} == expected


def _mention(text, name, role, label):
    from parsing.places import PlaceMention

    start = text.index(name)
    return PlaceMention(start=start, end=start + len(name), text=name, name=name, role=role, label=label)


@pytest.mark.parametrize("others, expected", [
    (("Grove City", "Franklin County"), ("Dublin", "US", "Ohio")),  # a Dublin lies 25 km away
    (("Kabul", "Kunduz"), None),                                     # nothing near: a person
])
def test_resolver_a_known_name_ner_took_for_a_person_is_a_place_near_the_articles_places(
        resolver, others, expected):
    text = f"Sirens were installed in {others[0]} and {others[1]}. Dublin operates its own sirens."
    found = resolver.resolve(text, [_mention(text, others[0], "place", "GPE"),
                                    _mention(text, others[1], "place", "GPE"),
                                    _mention(text, "Dublin", "maybe", "MAYBE>PERSON")])
    got = [(p.name, p.country_code, p.admin1) for p in found if p.name == "Dublin"]
    assert got == ([expected] if expected else [])


def test_resolver_a_maybe_place_is_a_town_only_by_its_own_name(resolver):
    # Hamm, 20 km from Unna and Ahlen, has "Hamas" among its alternate names
    text = "Police in Unna and Ahlen said Hamas supporters rallied."
    found = resolver.resolve(text, [_mention(text, "Unna", "place", "GPE"), _mention(text, "Ahlen", "place", "GPE"),
                                    _mention(text, "Hamas", "maybe", "MAYBE>ORG")])
    assert [p.name for p in found] == ["Unna", "Ahlen"]


@pytest.mark.parametrize("text, expected", [
    # a region of a state is mapped to the state, the whole region's name kept as the mention
    ("Fires burned across East Texas on Monday, near Tyler.",
     {"East Texas": ("admin1", "Texas", "place"), "Tyler": ("populated place", "Texas", "place")}),
    # in an organisation's name the toponym is the state itself
    ("He studied at Northeast Texas Community College before moving to Dallas.",
     {"Texas": ("admin1", "Texas", "context"), "Dallas": ("populated place", "Texas", "place")}),
])
def test_resolver_a_part_of_a_state_is_that_state(resolver, text, expected):
    assert {p.name: (p.kind, p.admin1, p.role) for p in places(resolver, text)} == expected


@pytest.mark.parametrize("label, named_after", [
    ("ORG>place-named", True), ("ORG>place-named>part", True), ("NAMED-ORG", True), ("NAMED-ORG>part", True),
    ("DEMONYM", False), ("NAMED-DISEASE", False), ("ORG>designator", False), ("GPE", False),
])
def test_resolver_a_body_named_after_a_place_is_told_by_the_mentions_rule(label, named_after):
    m = PlaceMention(start=0, end=5, text="Texas", name="Texas", role=Role.CONTEXT, label=label)
    assert _names_a_body_after_a_place(m) is named_after

