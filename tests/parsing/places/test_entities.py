"""NER's entities: which are places or context, and the whole name where NER cut it short."""
import time

import pytest
from spacy.tokens import Doc, Span

from parsing.places import PlaceFinder, mentions
from tests.parsing.places.handmade import VOCAB, doc, found, known


def test_entities_person_span_after_town_of_is_a_place():
    d = doc("They seized the town of Shir Khan on Tuesday".split(), [(5, 7, "PERSON")])
    assert found(d) == [("Shir Khan", "place", "PERSON>cue", "populated place")]


def test_entities_designator_extends_the_entity_and_hints_kind():
    d = doc("in the northern Takhar Province .".split(), [(3, 4, "GPE")])
    assert found(d) == [("Takhar Province", "place", "GPE", "admin1")]


@pytest.mark.parametrize("words, ents, expected", [
    ("according to the Kunduz police office".split(), [(3, 6, "ORG")], [("Kunduz", "context", "ORG>place-named", None)]),
    # the offices, services and associations of US states and counties
    ("according to the Takhar Fire Service".split(), [(3, 6, "ORG")], [("Takhar", "context", "ORG>place-named", None)]),
    ("said the Bangi County Coroner 's Office".split(), [(2, 7, "ORG")],
     [("Bangi", "context", "ORG>place-named", None)]),
    # an organisation's name that only ends in words of that kind names no place
    ("gave it to Haven House , a shelter".split(), [(3, 5, "ORG")], []),
    # guards and patrols; NER's ORG cut after "State" ("the Takhar State" of "... State Patrol")
    ("230 Takhar National Guard troops".split(), [(1, 4, "ORG")], [("Takhar", "context", "ORG>place-named", None)]),
    ("the Takhar State Patrol urges".split(), [(0, 3, "ORG")], [("Takhar", "context", "ORG>place-named", None)]),
])
def test_entities_a_place_leading_an_organisations_name_is_context(words, ents, expected):
    assert found(doc(words, ents)) == expected


def test_entities_org_ending_in_airport_is_a_place():
    d = doc("security of the Kabul International Airport".split(), [(3, 6, "ORG")])
    assert found(d) == [("Kabul International Airport", "place", "ORG>designator", "airport")]


@pytest.mark.parametrize("words, ents, expected", [
    ("a Kunduz provincial council member said".split(), [(1, 4, "ORG")],
     [("Kunduz", "context", "ORG>place-named", None)]),
    ("an Afghan army officer".split(), [(1, 2, "NORP")], [("Afghan", "context", "DEMONYM", None)]),
])
def test_entities_context_is_not_a_place(words, ents, expected):
    assert found(doc(words, ents)) == expected


def test_entities_a_place_label_anywhere_makes_the_name_a_place_everywhere():
    words = "Alexandria Smith said . A meeting in Alexandria".split()
    d = doc(words, [(0, 1, "ORG"), (7, 8, "GPE")],
            sent_starts=[True, False, False, False, True, False, False, False])
    assert [(m.text, m.label, m.sentence) for m in mentions(PlaceFinder(known)(d))] == [
        ("Alexandria", "PROPAGATED", 0), ("Alexandria", "GPE", 1)]


@pytest.mark.parametrize("words, ents, expected", [
    # NER's GPE on a name no gazetteer knows does not spread to its other mentions
    ("Pawlenty spoke . In Pawlenty they met", [(0, 1, "PERSON"), (4, 5, "GPE")], [("Pawlenty", "GPE")]),
    # unless a strong cue placed it
    ("Zarghunabad spoke . the town of Zarghunabad fell", [(0, 1, "PERSON"), (6, 7, "GPE")],
     [("Zarghunabad", "PROPAGATED"), ("Zarghunabad", "GPE")]),
])
def test_entities_an_unknown_name_spreads_only_from_a_strong_cue(words, ents, expected):
    d = doc(words.split(), ents)
    assert [(m.text, m.label) for m in mentions(PlaceFinder(known)(d))] == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER cuts the name after "of the" and labels the rest apart
    ("cases rose in the Democratic Republic of the Congo today", [(4, 8, "GPE"), (8, 9, "GPE")],
     [("Democratic Republic of the Congo", "place", "GPE", None)]),
    ("cases rose in Chad and Democratic Republic of the Congo", [(3, 4, "GPE"), (5, 8, "GPE"), (9, 10, "GPE")],
     [("Chad", "place", "GPE", None), ("Democratic Republic of the Congo", "place", "GPE", None)]),
])
def test_entities_a_name_cut_after_of_the_is_read_whole(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


@pytest.mark.parametrize("words, spaces, ents, expected", [
    # a hyphen inside a word joins one name; NER labelled its first part
    (["Cholera", "hit", "Guinea", "-", "Bissau", "today"], [True, True, False, False, True, False],
     [(2, 3, "GPE")], [("Guinea-Bissau", "place", "GPE", None)]),
    # a spaced dash does not
    (["Cholera", "hit", "Guinea", "-", "Bissau", "today"], [True, True, True, True, True, False],
     [(2, 3, "GPE")], [("Guinea", "place", "GPE", None)]),
    # a capitalised word after the entity, where the gazetteer knows the whole
    (["deaths", "in", "Mashonaland", "West", "rose"], [True] * 4 + [False],
     [(2, 3, "GPE")], [("Mashonaland West", "place", "GPE", None)]),
])
def test_entities_an_entity_goes_on_where_the_gazetteer_knows_the_longer_name(words, spaces, ents, expected):
    d = Doc(VOCAB, words=words, spaces=spaces)
    d.ents = [d.char_span(d[s].idx, d[e - 1].idx + len(d[e - 1]), label=l) for s, e, l in ents]
    assert found(d) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER's NORP after "the town of" is the town
    ("found in the northern town of Torun", [(6, 7, "NORP")], [("Torun", "place", "NORP>cue", "populated place")]),
    ("cases in areas of Botswana and Kabul", [(4, 5, "ORG"), (6, 7, "ORG")],
     [("Botswana", "place", "ORG>cue", None), ("Kabul", "place", "LIST>areas of", None)]),
])
def test_entities_an_of_cue_makes_a_known_name_a_place(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER's NORP for a city whose name ends like a demonym
    ("artists rallied in Thessaloniki on Monday".split(), [(3, 4, "NORP")],
     [("Thessaloniki", "place", "NORP>cue", None)]),
    ("an Afghani trader".split(), [(1, 2, "NORP")], [("Afghani", "context", "DEMONYM", None)]),
])
def test_entities_norp_names_of_known_cities_after_in_are_places(words, ents, expected):
    assert found(doc(words, ents)) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER stops at the connector; the gazetteer knows the whole name
    ("two people were killed in Foz do Iguacu , Parana".split(), [(5, 6, "GPE")], ["Foz do Iguacu"]),
    # the whole name is unknown: NER's reading stays
    ("protesters marched in Santa Rosa de Zzyx on Monday".split(), [(3, 5, "GPE")], ["Santa Rosa"]),
])
def test_entities_a_name_continued_after_a_connector_is_read_whole(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents))] == expected


@pytest.mark.parametrize("cue", ["countryside", "vicinity"])
def test_entities_an_organisation_entity_after_a_place_cue_is_a_place(cue):
    d = doc(f"gunmen shot a sheikh in the eastern {cue} of Kunduz on Monday".split(), [(8, 9, "ORG")])
    assert [m[0] for m in found(d)] == ["Kunduz"]


@pytest.mark.parametrize("words, spaces, expected", [
    # Persian and Arabic joining words make one name of a district, known or not
    (["in", "Zzyx", "-", "e", "Qqvb", "district", ","], [True, False, False, True, True, False, False],
     "Zzyx-e Qqvb"),
    (["in", "Zzyx", "I", "Qqvb", "Payan", "district", ","], [True, True, True, True, True, False, False],
     "Zzyx I Qqvb Payan"),
    # a hyphen alone joins a city and its district: the city stays itself
    (["in", "Kabul", "-", "Qqvb", "district", ","], [True, False, False, True, False, False], "Kabul"),
    # a settlement word after a capitalised word or two: all one name
    (["near", "Kabul", "Qqvb", "village", ","], [True, True, True, False, False], "Kabul Qqvb"),
    # not before "state", which names as often a competition as a unit
    (["the", "Kabul", "Senior", "Olympics", "state", "event"], [True, True, True, True, True, False], "Kabul"),
])
def test_entities_joining_words_before_a_unit_word_make_one_name(words, spaces, expected):
    d = Doc(VOCAB, words=words, spaces=spaces)
    d.ents = [Span(d, 1, 2, label="GPE")]
    assert found(d)[0][0] == expected


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
@pytest.mark.parametrize("words, expected", [
    # no person's name holds "County": a body named after the county, whatever words follow
    ("noted Marion County Public Works Director Ann Lee", [("Marion County", "context", "admin2")]),
    ("noted Marion Public Works Director Ann Lee", []),  # no unit word: nothing to go on
])
def test_entities_a_county_heading_a_body_misread_as_a_person_is_context(label, words, expected):
    d = doc(words.split(), [(1, 5 if "County" in words else 4, label)])
    finder = PlaceFinder(lambda name: 10.0 if name.lower() in {"marion county", "marion"} else 0.0)
    got = [(m.text, m.role, m.kind_hint) for m in mentions(finder(d))]
    assert got == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER's GPE holds the whole body: the county names it
    ("a report from the Marion County Sheriff 's Department said", [(4, 9, "GPE")],
     [("Marion County", "context", "NAMED-ORG")]),
    # a county and no body word after it: the place
    ("flooding in Marion County Monday", [(2, 4, "GPE")], [("Marion County", "place", "GPE")]),
])
def test_entities_a_place_entity_holding_a_bodys_name_is_context(words, ents, expected):
    finder = PlaceFinder(lambda name: 10.0 if name.lower() in {"marion county", "marion"} else 0.0)
    got = [(m.text, m.role, m.label) for m in mentions(finder(doc(words.split(), ents)))]
    assert got == expected


@pytest.mark.parametrize("words, ents, expected", [
    # one name the gazetteer knows well, split by NER (the second part even as an ORG)
    ("Flights to Trinidad and Tobago resumed", [(2, 3, "GPE"), (4, 5, "ORG")], [("Trinidad and Tobago", "JOINED")]),
    ("Flights to Jammu and Kashmir resumed", [(2, 3, "GPE"), (4, 5, "LOC")], [("Jammu and Kashmir", "JOINED")]),
    # two places, no one name
    ("Flights to Kabul and Kandahar resumed", [(2, 3, "GPE"), (4, 5, "GPE")], [("Kabul", "GPE"), ("Kandahar", "GPE")]),
])
def test_entities_a_name_joined_by_and_that_the_gazetteer_knows_is_one_place(words, ents, expected):
    scores = {"trinidad and tobago": 9.0, "trinidad": 6.0, "tobago": 7.1, "jammu and kashmir": 7.5, "jammu": 8.0,
              "kashmir": 7.0, "kabul": 8.5, "kandahar": 8.0}
    finder = PlaceFinder(lambda name: scores.get(name.lower(), 0.0))
    assert [(m.text, m.label) for m in mentions(finder(doc(words.split(), ents)))] == expected


@pytest.mark.parametrize("words, ents, expected", [
    ("camps near Goz Beida filled", [(3, 4, "GPE")], ["Goz Beida"]),   # NER's "Beida" of "Goz Beida"
    ("camps near Big Beida filled", [(3, 4, "GPE")], ["Beida"]),       # no name the gazetteer knows
    ("Goz Beida filled up", [(1, 2, "GPE")], ["Beida"]),               # a sentence's first word says nothing
])
def test_entities_a_name_ner_cut_after_its_first_word_is_whole(words, ents, expected):
    finder = PlaceFinder(lambda name: {"goz beida": 5.9, "beida": 5.6}.get(name.lower(), 0.0))
    assert [m.text for m in mentions(finder(doc(words.split(), ents)))] == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER's PERSON with a town's ending, which the gazetteer knows: the town
    ("A Gainesville restaurant was robbed", [(1, 2, "PERSON")], [("Gainesville", "place", "PERSON>town-name")]),
    # one the gazetteer does not know, or a person's name, stays out
    ("A Zzyxville restaurant was robbed", [(1, 2, "PERSON")], []),
    ("Tim Gainesville said", [(0, 2, "PERSON")], []),
])
def test_entities_a_single_name_with_a_towns_ending_is_a_town(words, ents, expected):
    finder = PlaceFinder(lambda name: {"gainesville": 6.0}.get(name.lower(), 0.0))
    assert [(m.text, m.role, m.label) for m in mentions(finder(doc(words.split(), ents)))] == expected


def test_entities_a_name_read_on_through_a_long_chain_of_connectors_is_found_quickly():
    # each name of "X of the A of the B ..." read the whole chain and looked up every longer name
    # (quadratic): only names up to MAX_NAME_CHARS are read
    words = "Fighting hit Foz do Iguacu".split() + "do Aaa".split() * 5_000 + ["today"]
    looked_up = []
    start = time.perf_counter()
    found = mentions(PlaceFinder(lambda name: looked_up.append(name) or known(name))(doc(words, [(2, 3, "GPE")])))
    assert [m.text for m in found] == ["Foz do Iguacu"] and time.perf_counter() - start < 10
    assert len(looked_up) < 100
