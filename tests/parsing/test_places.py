"""PlaceFinder on hand-built Docs: the entities are given, so only our rules are tested."""
import time

import pytest
import spacy
from spacy.tokens import Doc, Span

from geo.geocoder import MAX_QUERY_LENGTH
from parsing.places import _NEXT_WORD, _NUMBERED, LIST_JOIN, MAX_NAME_CHARS, PlaceFinder, _after_list_member, mentions

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, stop words), no model

KNOWN = {"shir khan", "khwaja ghar", "bangi", "kunduz", "takhar", "takhar province", "alexandria",
         "august", "kabul international airport", "kabul", "mazar-i-sharif", "tacna", "djugu", "ituri", "sydney", "lake mary", "highway"}
# A sizeable city, below a country's score
SCORES = {"thessaloniki": 6.5, "wnv": 5.0, "drc": 9.0, "ludhiana": 8.2, "punjab": 7.7, "isi uzo": 6.0,
          "eha amufu": 5.9, "kctu": 5.0, "foz": 5.4, "foz do iguacu": 7.8, "ward": 5.4, "siliguri": 7.0,
          "santa rosa": 6.0, "prakasam": 6.0, "ap": 3.0, "ebola": 5.0, "marburg": 6.0, "west nile": 5.0,
          "democratic republic of the congo": 9.0, "route": 3.0, "congo": 9.0, "torun": 5.0, "botswana": 9.0,
          "guinea": 9.0, "guinea-bissau": 9.0, "mashonaland west": 7.0, "mashonaland": 2.0,
          "georgia": 9.0, "north carolina": 7.5, "city": 5.0, "county": 5.0, "senate": 6.0, "an takhar": 7.0,
          "kristina": 4.0, "tanya": 4.0, "bemidji": 5.0, "moscow": 9.0, "valladolid": 8.0,
          "castilla": 5.0, "castilla y leon": 7.5, "east texas": 2.2, "texas": 7.6}


def known(name):
    return SCORES.get(name.lower(), 10.0 if name.lower() in KNOWN else 0.0)


def doc(words, ents=(), sent_starts=None):
    """A Doc from words and (start, end, label) token-index entities."""
    d = Doc(VOCAB, words=words, sent_starts=sent_starts or [True] + [False] * (len(words) - 1))
    d.ents = [d.char_span(d[s].idx, d[e - 1].idx + len(d[e - 1]), label=l) for s, e, l in ents]
    return d


def found(d):
    return [(m.text, m.role, m.label, m.kind_hint) for m in mentions(PlaceFinder(known)(d))]


def test_places_person_span_after_town_of_is_a_place():
    d = doc("They seized the town of Shir Khan on Tuesday".split(), [(5, 7, "PERSON")])
    assert found(d) == [("Shir Khan", "place", "PERSON>cue", "populated place")]


def test_places_districts_of_x_and_y_both_places_with_kind():
    d = doc("retook the districts of Bangi and Khwaja Ghar".split(), [(6, 8, "PERSON")])
    assert found(d) == [("Bangi", "place", "GAZETTEER", "admin2"),
                        ("Khwaja Ghar", "place", "LIST>districts of", "admin2")]


@pytest.mark.parametrize("words, ents, expected", [
    # NER's ORGs before a plural unit word, even two of them and even where the name also
    # stands in the list as a capitalised run: all units of that kind
    ("the Taliban attacked Kunduz and Takhar provinces .", [(3, 4, "ORG"), (5, 6, "ORG")],
     [("Kunduz", "admin1"), ("Takhar", "admin1")]),
    ("fighting spread to Kunduz , Bangi and Takhar provinces", [(3, 4, "ORG"), (5, 6, "ORG"), (7, 8, "ORG")],
     [("Kunduz", "admin1"), ("Bangi", "admin1"), ("Takhar", "admin1")]),
    ("Alexandria , Kabul and Sydney cities", [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE")],
     [("Alexandria", "populated place"), ("Kabul", "populated place"), ("Sydney", "populated place")]),
])
def test_places_a_plural_unit_word_after_a_list_makes_every_name_that_unit(words, ents, expected):
    got = [(text, kind) for text, role, _, kind in found(doc(words.split(), ents)) if role == "place"]
    assert got == expected


@pytest.mark.parametrize("words, ents", [
    ("it ranked 42nd of Indiana counties .", [(4, 5, "GPE")]),
    ("unemployment rose in Texas cities this year", [(3, 4, "GPE")]),
])
def test_places_a_plural_unit_word_after_one_name_names_units_inside_it(words, ents):
    (place,) = [(text, kind) for text, role, _, kind in found(doc(words.split(), ents)) if role == "place"]
    assert place[1] is None


@pytest.mark.parametrize("words, ents, places", [
    # a small town's name that speaks, or that the text gives a person as a first name
    ("“ It went fast , ” Kristina said .", [(6, 7, "GPE")], []),
    ("Tanya Rodriguez hosted the party . Tanya is his wife .", [(0, 2, "PERSON"), (6, 7, "GPE")], []),
    # a sizeable place speaks for its government; a place cue elsewhere keeps a town a town
    ("Moscow said the talks would go on .", [(0, 1, "GPE")], ["Moscow"]),
    ("people gathered in Bemidji . Bemidji Knitting organised it .", [(3, 4, "GPE"), (5, 7, "PERSON")],
     ["Bemidji"]),
])
def test_places_a_small_towns_name_used_for_a_person_is_no_place(words, ents, places):
    assert [text for text, role, _, _ in found(doc(words.split(), ents)) if role == "place"] == places


def test_places_designator_extends_the_entity_and_hints_kind():
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
def test_places_a_place_leading_an_organisations_name_is_context(words, ents, expected):
    assert found(doc(words, ents)) == expected


def test_places_org_ending_in_airport_is_a_place():
    d = doc("security of the Kabul International Airport".split(), [(3, 6, "ORG")])
    assert found(d) == [("Kabul International Airport", "place", "ORG>designator", "airport")]


@pytest.mark.parametrize("words, ents, expected", [
    ("a Kunduz provincial council member said".split(), [(1, 4, "ORG")],
     [("Kunduz", "context", "ORG>place-named", None)]),
    ("an Afghan army officer".split(), [(1, 2, "NORP")], [("Afghan", "context", "DEMONYM", None)]),
])
def test_places_context_is_not_a_place(words, ents, expected):
    assert found(doc(words, ents)) == expected


def test_places_a_place_label_anywhere_makes_the_name_a_place_everywhere():
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
def test_places_an_unknown_name_spreads_only_from_a_strong_cue(words, ents, expected):
    d = doc(words.split(), ents)
    assert [(m.text, m.label) for m in mentions(PlaceFinder(known)(d))] == expected


@pytest.mark.parametrize("words, ents, maybe", [
    # a known name NER took for a person, nothing placed: the resolver decides
    ("Kabul operates its own sirens", [(0, 1, "PERSON")], True),
    # a speaker, a title before it, or a name the gazetteer lacks is a person
    ("Kabul said the sirens work", [(0, 1, "PERSON")], False),
    ("Mayor Kabul spoke", [(1, 2, "PERSON")], False),
    ("Zzyx operates its own sirens", [(0, 1, "PERSON")], False),
])
def test_places_a_known_name_taken_for_a_person_is_a_maybe(words, ents, maybe):
    got = [(m.text, m.role, m.label) for m in mentions(PlaceFinder(known)(doc(words.split(), ents)))]
    assert got == ([(words.split()[ents[0][0]], "maybe", "MAYBE>PERSON")] if maybe else [])


@pytest.mark.parametrize("words, spaces, expected", [
    # a US politician's party initial, then their state or town
    (["Sen.", "Ray", "Miller", ",", "D", "-", "Kabul", ",", "said"], [True, True, False, True, False, False, False, True, False],
     [("Kabul", "place", "PARTY-HOME", None)]),
    # a spaced dash is no party affiliation
    (["Sen.", "Ray", "Miller", ",", "D", "-", "Kabul", ",", "said"], [True, True, False, True, True, True, False, True, False],
     []),
])
def test_places_a_politicians_party_home_is_a_place(words, spaces, expected):
    assert found(Doc(VOCAB, words=words, spaces=spaces)) == expected


@pytest.mark.parametrize("words, starts, expected", [
    ("Budget cut . KABUL , Afghanistan ( AP ) — Officials met", [0, 3], [("KABUL", "place", "DATELINE", None)]),
    ("Budget cut . KABUL — Officials met", [0, 3], [("KABUL", "place", "DATELINE", None)]),
    ("Budget cut . ZZYX — Officials met", [0, 3], []),        # capitals the gazetteer lacks
    ("Budget cut . KABUL is far", [0, 3], []),                # no dash, colon, comma: no dateline
])
def test_places_a_dateline_is_a_place(words, starts, expected):
    words = words.split()
    d = doc(words, sent_starts=[i in starts for i in range(len(words))])
    assert found(d) == expected


def test_places_months_and_unknown_names_are_not_places():
    d = doc("It happened in August near Zzyzx".split())
    assert found(d) == []


def test_places_offsets_point_into_the_text():
    d = doc("Clashes near the town of Shir Khan".split(), [(5, 7, "PERSON")])
    (m,) = mentions(PlaceFinder(known)(d))
    assert d.text[m.start:m.end] == "Shir Khan"


@pytest.mark.parametrize("words, ents, expected", [
    # A lower-case designator is a common noun: left out of the name, kept as a hint.
    ("floods in Takhar province".split(), [(2, 4, "GPE")], [("Takhar", "place", "GPE", "admin1")]),
    ("floods in Kunduz city".split(), [(2, 3, "GPE")], [("Kunduz", "place", "GPE", "populated place")]),
    # A capitalised one is part of the name.
    ("floods in Takhar Province".split(), [(2, 4, "GPE")],
     [("Takhar Province", "place", "GPE", "admin1")]),
])
def test_places_designator_case_decides_whether_it_belongs_to_the_name(words, ents, expected):
    assert found(doc(words, ents)) == expected


@pytest.mark.parametrize("words, ents", [
    ("allies in the West said".split(), [(3, 4, "LOC")]),
    ("ships in the Gulf sailed".split(), [(3, 4, "LOC")]),
    ("seized some meth there".split(), [(2, 3, "GPE")]),   # not a proper name
    # a capitalised common noun before a cue word, though some town has that name
    ("City officials met".split(), []),
    ("County residents voted".split(), [(0, 1, "GPE")]),
    # an institution, though a town bears its name
    ("the bill is in the Senate now".split(), [(5, 6, "ORG")]),
    # the planet, though Texas has a town of that name
    ("debris fell toward Earth on Monday".split(), [(3, 4, "LOC")]),
])
def test_places_vague_areas_and_lower_case_words_are_not_places(words, ents):
    assert found(doc(words, ents)) == []


def test_places_names_in_a_list_of_places_are_places():
    # NER labels list members unevenly: Kunduz as ORG, Bangi not at all
    d = doc("Fighting hit Kunduz , Bangi and Takhar on Monday".split(), [(2, 3, "ORG"), (6, 7, "GPE")])
    assert found(d) == [("Kunduz", "place", "LIST>coordinated", None), ("Bangi", "place", "LIST>coordinated", None),
                        ("Takhar", "place", "GPE", None)]


def test_places_a_list_reads_past_an_article_before_a_member():
    # "the" before a member NER labelled with it ("the Democratic Republic of the Congo")
    d = doc("Fighting hit Kunduz , the Takhar , and Bangi today".split(), [(2, 3, "GPE"), (4, 6, "GPE"), (8, 9, "ORG")])
    assert [(t, r) for t, r, _, _ in found(d)] == [("Kunduz", "place"), ("Takhar", "place"), ("Bangi", "place")]


def test_places_a_pair_is_not_a_list_of_places():
    d = doc("talks between Kabul and Alexandria resumed".split(), [(2, 3, "GPE"), (4, 5, "ORG")])
    # a known name is left for the resolver to weigh against the article's places
    assert found(d) == [("Kabul", "place", "GPE", None), ("Alexandria", "maybe", "MAYBE>ORG", None)]


@pytest.mark.parametrize("words, ents, expected", [
    # a pair after a place preposition, the second a big city NER took for an organisation
    ("protests in Kabul and Thessaloniki on Monday", [(2, 3, "GPE"), (4, 5, "ORG")],
     [("Kabul", "place", "GPE", None), ("Thessaloniki", "place", "LIST>paired", None)]),
    ("pilgrims from Kabul and Thessaloniki", [(2, 3, "GPE"), (4, 5, "ORG")],
     [("Kabul", "place", "GPE", None), ("Thessaloniki", "place", "LIST>paired", None)]),
    # a smaller place needs a list of three
    ("protests in Kabul and Ward on Monday", [(2, 3, "GPE"), (4, 5, "ORG")],
     [("Kabul", "place", "GPE", None), ("Ward", "maybe", "MAYBE>ORG", None)]),
])
def test_places_the_second_of_a_pair_after_a_place_preposition(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


def test_places_a_list_reads_on_past_members_another_rule_placed():
    # Thessaloniki and Siliguri follow commas after a place; Ludhiana ends the list after "and"
    d = doc("Officials in Kabul , Thessaloniki , Siliguri and Ludhiana said".split(),
            [(2, 3, "GPE"), (4, 5, "ORG"), (6, 7, "PERSON"), (8, 9, "PERSON")])
    assert [(t, r) for t, r, _, _ in found(d)] == [
        ("Kabul", "place"), ("Thessaloniki", "place"), ("Siliguri", "place"), ("Ludhiana", "place")]


@pytest.mark.parametrize("words, ents, expected", [
    ("Mosquitoes carried West Nile virus", [(2, 4, "LOC")], [("West Nile", "context", "NAMED-DISEASE", None)]),
    ("Cases of Marburg haemorrhagic fever rose", [(2, 3, "GPE")],
     [("Marburg", "context", "NAMED-DISEASE", None)]),
    # the name's other mentions are the disease too, unless a place cue stands before them
    ("The Ebola virus spread . Tests were negative for Ebola", [(1, 2, "GPE"), (9, 10, "GPE")],
     [("Ebola", "context", "NAMED-DISEASE", None)] * 2),
    ("Marburg virus is named after an outbreak in Marburg", [(0, 1, "GPE"), (8, 9, "GPE")],
     [("Marburg", "context", "NAMED-DISEASE", None), ("Marburg", "place", "GPE", None)]),
    # a name news uses mostly for its disease, "virus" unsaid; with a place cue, the place
    ("Tests were negative for Ebola", [(4, 5, "GPE")], [("Ebola", "context", "NAMED-DISEASE", None)]),
    ("Hunters camped near Ebola", [(3, 4, "GPE")], [("Ebola", "place", "GPE", None)]),
])
def test_places_a_place_name_used_for_a_disease_is_context(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER cuts the name after "of the" and labels the rest apart
    ("cases rose in the Democratic Republic of the Congo today", [(4, 8, "GPE"), (8, 9, "GPE")],
     [("Democratic Republic of the Congo", "place", "GPE", None)]),
    ("cases rose in Chad and Democratic Republic of the Congo", [(3, 4, "GPE"), (5, 8, "GPE"), (9, 10, "GPE")],
     [("Chad", "place", "GPE", None), ("Democratic Republic of the Congo", "place", "GPE", None)]),
])
def test_places_a_name_cut_after_of_the_is_read_whole(words, ents, expected):
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
def test_places_an_entity_goes_on_where_the_gazetteer_knows_the_longer_name(words, spaces, ents, expected):
    d = Doc(VOCAB, words=words, spaces=spaces)
    d.ents = [d.char_span(d[s].idx, d[e - 1].idx + len(d[e - 1]), label=l) for s, e, l in ents]
    assert found(d) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER's NORP after "the town of" is the town
    ("found in the northern town of Torun", [(6, 7, "NORP")], [("Torun", "place", "NORP>cue", "populated place")]),
    ("cases in areas of Botswana and Kabul", [(4, 5, "ORG"), (6, 7, "ORG")],
     [("Botswana", "place", "ORG>cue", None), ("Kabul", "place", "LIST>areas of", None)]),
])
def test_places_an_of_cue_makes_a_known_name_a_place(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # a settlement cue names a place the gazetteer may lack; it is kept (to be resolved or not)
    ("found in the village of Zarghunabad in Kunduz", [(7, 8, "GPE")],
     [("Zarghunabad", "place", "GAZETTEER", "populated place"), ("Kunduz", "place", "GPE", None)]),
    # weaker cues still need a known name; people and organisations are not settlements
    ("in the area of Zarghunabad", [], []),
    ("the village of John Smith", [(3, 5, "PERSON")], []),
])
def test_places_a_settlement_cue_keeps_an_unknown_name(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # the span stays whole; the place looked up is the rest
    ("schools in Northeast Georgia closed", [(2, 4, "GPE")], [("Northeast Georgia", "Georgia", "GPE>part")]),
    ("cases in North-Western Kabul rose", [(2, 4, "GPE")], [("North-Western Kabul", "Kabul", "GPE>part")]),
    ("troops in Kabul-South rose", [(2, 3, "GPE")], [("Kabul-South", "Kabul", "GPE>part")]),
    # a whole known only weakly (a spelling variant of somewhere else) is still a part
    ("fires burned across East Texas today", [(3, 5, "LOC")], [("East Texas", "Texas", "LOC>part")]),
    # ... by whatever pass finds it
    ("fires burned near East Texas today", [], [("East Texas", "Texas", "GAZETTEER>part")]),
    # a name of its own, or a rest the gazetteer does not know, is looked up whole
    ("schools in North Carolina closed", [(2, 4, "GPE")], [("North Carolina", "North Carolina", "GPE")]),
    ("schools in Southern Zzyx closed", [(2, 4, "GPE")], [("Southern Zzyx", "Southern Zzyx", "GPE")]),
    # inside an organisation's name the toponym is the place itself, not the region
    ("students at Northeast Georgia College protested", [(2, 5, "ORG")], [("Georgia", "Georgia", "ORG>place-named>part")]),
])
def test_places_a_part_of_a_place_is_looked_up_without_its_part_words(words, ents, expected):
    got = mentions(PlaceFinder(known)(doc(words.split(), ents)))
    assert [(m.text, m.name, m.label) for m in got] == expected


def test_places_a_name_joined_by_several_connectors_is_one_name():
    words = ["fighting", "near", "Mazar", "-", "i", "-", "Sharif", "today"]
    d = Doc(VOCAB, words=words, spaces=[True, True, False, False, False, False, True, False])
    assert found(d) == [("Mazar-i-Sharif", "place", "GAZETTEER", None)]


def test_places_a_unit_word_ending_another_name_is_no_cue():
    # "the Rosemary District of Sarasota": Sarasota is a town, not a district
    d = doc("marched through the Rosemary District of Sarasota ( Florida )".split(), [(3, 5, "FAC"), (6, 7, "GPE")])
    assert ("Sarasota", None) in [(text, kind) for text, _, _, kind in found(d)]


@pytest.mark.parametrize("words, expected", [
    # a major place NER and the cues missed, capitalised after a lower-case word
    ("shelling hit Kabul on Monday".split(), ["Kabul"]),
    # not a lesser name (Bemidji scores 5), nor a city at a sentence's start (a country there
    # is: see below), nor in a headline
    ("floods hit Bemidji on Monday".split(), []),
    ("Ludhiana shelling went on".split(), []),
    ("Shelling Hit Kabul Again As Winter Nears".split(), []),
])
def test_places_a_major_place_needs_no_cue(words, expected):
    assert [text for text, role, _, _ in found(doc(words)) if role == "place"] == expected


def test_places_a_spanish_name_joined_by_y_is_one_name():
    d = doc("a march in Valladolid ( Castilla y Leon ) today".split(), [(3, 4, "GPE")])
    assert [text for text, *_ in found(d)] == ["Valladolid", "Castilla y Leon"]


@pytest.mark.parametrize("words, ents, expected", [
    # NER's NORP for a city whose name ends like a demonym
    ("artists rallied in Thessaloniki on Monday".split(), [(3, 4, "NORP")],
     [("Thessaloniki", "place", "NORP>cue", None)]),
    ("an Afghani trader".split(), [(1, 2, "NORP")], [("Afghani", "context", "DEMONYM", None)]),
])
def test_places_norp_names_of_known_cities_after_in_are_places(words, ents, expected):
    assert found(doc(words, ents)) == expected


def test_places_a_place_entity_is_split_at_a_comma_inside_it():
    d = doc("a man was found dead in Kunduz , Takhar yesterday".split(), [(6, 9, "GPE")])
    assert [m[0] for m in found(d)] == ["Kunduz", "Takhar"]


def test_places_an_entity_is_split_at_brackets_inside_it():
    d = doc("parents protested in Tacna ( Tacna ) on Monday".split(), [(3, 6, "ORG")])
    assert [m[0] for m in found(d)][:1] == ["Tacna"]


def test_places_names_in_brackets_after_a_place_are_its_units():
    d = doc("clashes at the Mandje mining site ( Djugu , Ituri ) on Monday".split(), [(3, 4, "GPE")])
    assert found(d) == [("Mandje", "place", "GPE", None), ("Djugu", "place", "GAZETTEER", None),
                        ("Ituri", "place", "GAZETTEER", None)]


@pytest.mark.parametrize("words, ents, expected", [
    # NER's one organisation over a town and its province, after an institution
    ("a protest in the Civil Hospital , Ludhiana ( Punjab ) on Monday".split(), [(3, 6, "ORG"), (7, 10, "ORG")],
     [("Ludhiana", "place", "ASIDE>head", None), ("Punjab", "place", "ASIDE>unit", None)]),
    # a village and the district and province it lies in, none labelled by NER
    ("killed two people , coded to Eha Amufu ( Isi Uzo , Kunduz ) .".split(), [],
     [("Eha Amufu", "place", "ASIDE>head", None), ("Isi Uzo", "place", "ASIDE>unit", None),
      ("Kunduz", "place", "ASIDE>unit", None)]),
    # a local government area, written in capitals, and its state
    ("staff abducted in Zzyx Qqvb LGA ( Kunduz ) , coded".split(), [],
     [("Zzyx Qqvb", "place", "ASIDE>head", "admin2"), ("Kunduz", "place", "ASIDE>unit", None)]),
    # an area, and a province NER took for a demonym
    ("artillery hit Zzyx area ( Qqvb , Punjab ) , killing".split(), [(7, 8, "NORP")],
     [("Zzyx", "place", "ASIDE>head", None), ("Qqvb", "place", "ASIDE>unit", None),
      ("Punjab", "place", "ASIDE>unit", None)]),
    # a lower-case word and "of" before the name: no longer name it is the tail of
    ("airstrikes targeted the customs of Zzyx area ( Qqvb , Punjab ) , destroying".split(), [],
     [("Zzyx", "place", "ASIDE>head", None), ("Qqvb", "place", "ASIDE>unit", None),
      ("Punjab", "place", "ASIDE>unit", None)]),
    # a chain of units in brackets stands alone, whatever comes before it
    ("a shootout in Barangay Zzyx ( Qqvb , Punjab ) .".split(), [],
     [("Qqvb", "place", "ASIDE>unit", None), ("Punjab", "place", "ASIDE>unit", None)]),
    # unit words of other countries' systems after a unit name ("locality", "township")
    ("people marched in Kunduz ( Qqvb locality , Punjab state ) and".split(), [(3, 4, "GPE")],
     [("Kunduz", "place", "GPE", None), ("Qqvb", "place", "ASIDE>unit", None),
      ("Punjab", "place", "GAZETTEER", "admin1")]),
    # a unit opened by an Arabic article that English counts a stop word
    ("airstrikes at the Zzyx airbase ( An Takhar ) .".split(), [],
     [("Zzyx", "place", "ASIDE>head", "airport"), ("An Takhar", "place", "ASIDE>unit", None)]),
])
def test_places_a_name_with_its_units_in_brackets_is_a_place(words, ents, expected):
    assert found(doc(words, ents)) == expected


@pytest.mark.parametrize("words, ents, expected", [
    # a town the gazetteer lacks, called a town, NER's NORP; the abbreviated state is dropped
    ("workers held a protest in Zzyxpur town ( Prakasam , AP ) on Monday".split(), [(5, 6, "NORP")],
     ["Zzyxpur", "Prakasam"]),
    # a district the gazetteer lacks between the village and its province
    ("militants raided Zzyx village ( Qqwert district , Kunduz ) at night".split(), [],
     ["Zzyx", "Qqwert", "Kunduz"]),
    ("stones were thrown in Zzyx town ( Kunduz district , J & K ) today".split(), [], ["Zzyx", "Kunduz"]),
])
def test_places_a_named_village_or_town_with_known_units_in_brackets_is_a_place(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents)) if m[1] == "place"] == expected


@pytest.mark.parametrize("words, ents", [
    ("said John Bangi ( Takhar ) on Monday".split(), [(1, 3, "PERSON")]),     # a politician and his state
    ("students at the University of Kunduz ( Takhar ) protested".split(), [(3, 6, "ORG")]),  # a longer name's tail
    ("members of Kunduz Unions ( KCTU ) marched".split(), []),        # an acronym is the name's abbreviation
])
def test_places_brackets_do_not_make_places_of_people_or_organisations(words, ents):
    got = found(doc(words, ents))
    assert not {"Bangi", "Takhar", "KCTU"} & {m[0] for m in got}
    # the place an organisation is named after is context at most ("the University of Kunduz")
    assert not [m for m in got if m[0] == "Kunduz" and m[1] != "context"]


@pytest.mark.parametrize("words, ents, expected", [
    # NER stops at the connector; the gazetteer knows the whole name
    ("two people were killed in Foz do Iguacu , Parana".split(), [(5, 6, "GPE")], ["Foz do Iguacu"]),
    # the whole name is unknown: NER's reading stays
    ("protesters marched in Santa Rosa de Zzyx on Monday".split(), [(3, 5, "GPE")], ["Santa Rosa"]),
])
def test_places_a_name_continued_after_a_connector_is_read_whole(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents))] == expected


@pytest.mark.parametrize("cue", ["countryside", "vicinity"])
def test_places_an_organisation_entity_after_a_place_cue_is_a_place(cue):
    d = doc(f"gunmen shot a sheikh in the eastern {cue} of Kunduz on Monday".split(), [(8, 9, "ORG")])
    assert [m[0] for m in found(d)] == ["Kunduz"]


def test_places_a_numbered_part_of_a_town_is_no_place():
    d = doc("a protest in Ward No. 10 of Siliguri town".split(), [(3, 4, "GPE"), (7, 8, "GPE")])
    assert [m[0] for m in found(d)] == ["Siliguri"]


@pytest.mark.parametrize("acronym, is_place", [("WNV", False), ("DRC", True)])
def test_places_an_acronym_in_brackets_is_a_place_only_if_a_countrys(acronym, is_place):
    d = doc(f"cases in Kunduz ( {acronym} ) rose".split(), [(2, 3, "GPE")])
    assert (acronym in [m[0] for m in found(d)]) is is_place


@pytest.mark.parametrize("words, ents, expected", [
    # a town and its district, run together by NER
    ("students marched in Sydney - Newtown on Monday".split(), [(3, 6, "GPE")], ["Sydney", "Newtown"]),
    # a piece cut from a road number is no place
    ("flooding at Lake Mary - Highway 9 today".split(), [(2, 6, "GPE")], ["Lake Mary"]),
])
def test_places_an_entity_is_split_at_a_spaced_dash(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents))] == expected


@pytest.mark.parametrize("words, ents, expected", [
    # a surname NER reads as a place elsewhere in the text
    ("Matthew Flores died . Flores was a teacher".split(), [(0, 2, "PERSON"), (4, 5, "GPE")], []),
    ("said coach Ripley on Monday".split(), [(2, 3, "GPE")], []),
    ("Matthew Flores died . a tree in Flores ' honor".split(), [(0, 2, "PERSON"), (7, 8, "GPE")], []),
    # a name with a middle initial is a person's, whatever NER labelled it
    ("police shot Tyrise M. Flores . Flores was unarmed".split(), [(2, 5, "ORG"), (6, 7, "GPE")], []),
    # ... unless the text puts a place cue before it somewhere
    ("the Village Kunduz school . work in Kunduz resumed".split(), [(1, 3, "PERSON"), (7, 8, "GPE")],
     ["Kunduz"]),
])
def test_places_surnames_of_people_the_text_names_are_not_places(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents)) if m[1] == "place"] == expected


@pytest.mark.parametrize("words, ents, expected", [
    # unknown village, then the province it lies in, ending the phrase
    ("Russian forces clashed in the direction of Novoselivka Druha , Kunduz .", [(7, 9, "ORG")],
     ["Novoselivka Druha", "Kunduz"]),
    # a chain through a place NER found, with unit words, then a clause
    ("killed in the Cano Raya community , Zzyx , Takhar province , a leader", [(3, 5, "LOC"), (7, 8, "PERSON")],
     ["Cano Raya", "Zzyx", "Takhar"]),
    # the last name is no likely place: no chain
    ("he said in Zzyx , Qqvb , that it rained", [], []),
    # the chain must end the phrase: "Kunduz 's governor" is no unit
    ("he spoke in Zzyx , Kunduz 's governor said", [], []),
    # no place cue before it: a person and a place
    ("Zzyx Qqvb , Kunduz .", [(0, 2, "PERSON")], []),
])
def test_places_a_chain_of_names_ending_in_a_likely_place_are_places(words, ents, expected):
    assert [m[0] for m in found(doc(words.split(), ents)) if m[1] == "place"] == expected


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
def test_places_joining_words_before_a_unit_word_make_one_name(words, spaces, expected):
    d = Doc(VOCAB, words=words, spaces=spaces)
    d.ents = [Span(d, 1, 2, label="GPE")]
    assert found(d)[0][0] == expected


@pytest.mark.parametrize("words, ents, expected", [
    # a direction and "of" before a known name make it a place
    ("the town lies north of Kabul , officials said".split(), [], ["Kabul"]),
    # ...but a name followed by a number is a road, unless a likely place
    ("the road east of Route 12 is closed".split(), [], []),
])
def test_places_a_direction_of_a_name_places_it(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents))] == expected


@pytest.mark.parametrize("words, expected", [
    # a unit the text names by a settlement word, unknown to the gazetteer: kept (unresolved)
    ("a post in the limits of Zzyx district , Kunduz .", ["Zzyx", "Kunduz"]),
    ("troops moved into Qqvb village on Monday", ["Qqvb"]),
    # not without a place cue before it
    ("Zzyx district officials met", []),
])
def test_places_an_unknown_name_before_a_settlement_word_is_kept(words, expected):
    assert [m[0] for m in found(doc(words.split())) if m[1] == "place"] == expected


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
@pytest.mark.parametrize("words, expected", [
    # no person's name holds "County": a body named after the county, whatever words follow
    ("noted Marion County Public Works Director Ann Lee", [("Marion County", "context", "admin2")]),
    ("noted Marion Public Works Director Ann Lee", []),  # no unit word: nothing to go on
])
def test_places_a_county_heading_a_body_misread_as_a_person_is_context(label, words, expected):
    d = doc(words.split(), [(1, 5 if "County" in words else 4, label)])
    finder = PlaceFinder(lambda name: 10.0 if name.lower() in {"marion county", "marion"} else 0.0)
    got = [(m.text, m.role, m.kind_hint) for m in mentions(finder(d))]
    assert got == expected


def test_places_a_dateline_inside_a_persons_span_is_still_the_dateline():
    # NER's PERSON "BRIDGEPORT - Fairfield County": a dateline, then the county, and no person
    d = doc("BRIDGEPORT - Fairfield County officials met Monday .".split(), [(0, 4, "PERSON")])
    finder = PlaceFinder(lambda name: {"bridgeport": 4.6, "fairfield county": 7.0}.get(name.lower(), 0.0))
    got = [(m.text, m.label) for m in mentions(finder(d)) if m.role == "place"]
    assert got == [("BRIDGEPORT", "DATELINE"), ("Fairfield County", "PERSON>designator")]


@pytest.mark.parametrize("words, ents, expected", [
    # NER's GPE holds the whole body: the county names it
    ("a report from the Marion County Sheriff 's Department said", [(4, 9, "GPE")],
     [("Marion County", "context", "NAMED-ORG")]),
    # a county and no body word after it: the place
    ("flooding in Marion County Monday", [(2, 4, "GPE")], [("Marion County", "place", "GPE")]),
])
def test_places_a_place_entity_holding_a_bodys_name_is_context(words, ents, expected):
    finder = PlaceFinder(lambda name: 10.0 if name.lower() in {"marion county", "marion"} else 0.0)
    got = [(m.text, m.role, m.label) for m in mentions(finder(doc(words.split(), ents)))]
    assert got == expected


@pytest.mark.parametrize("words, expected", [
    ("Nigeria reported 782 cases .", [("Nigeria", "GAZETTEER>major")]),   # a country NER missed
    ("Most reported no cases .", []),          # a town somewhere, no country: a capital means nothing here
    ("Nigeria Reported Cases Today", []),      # a headline's capitals mean nothing
])
def test_places_a_country_opening_a_sentence_that_ner_missed_is_a_place(words, expected):
    finder = PlaceFinder(lambda name: {"nigeria": 9.0, "most": 7.4}.get(name.lower(), 0.0))
    assert [(m.text, m.label) for m in mentions(finder(doc(words.split())))] == expected


@pytest.mark.parametrize("words, ents", [
    ("Boud , a resident of Torun , said", [(5, 6, "NORP")]),   # NER's NORP
    ("Boud , a native of Torun , said", []),                    # NER missed it
])
def test_places_a_resident_or_native_of_a_place(words, ents):
    assert [(t, r) for t, r, _, _ in found(doc(words.split(), ents))] == [("Torun", "place")]


@pytest.mark.parametrize("words, ents, expected", [
    # one name the gazetteer knows well, split by NER (the second part even as an ORG)
    ("Flights to Trinidad and Tobago resumed", [(2, 3, "GPE"), (4, 5, "ORG")], [("Trinidad and Tobago", "JOINED")]),
    ("Flights to Jammu and Kashmir resumed", [(2, 3, "GPE"), (4, 5, "LOC")], [("Jammu and Kashmir", "JOINED")]),
    # two places, no one name
    ("Flights to Kabul and Kandahar resumed", [(2, 3, "GPE"), (4, 5, "GPE")], [("Kabul", "GPE"), ("Kandahar", "GPE")]),
])
def test_places_a_name_joined_by_and_that_the_gazetteer_knows_is_one_place(words, ents, expected):
    scores = {"trinidad and tobago": 9.0, "trinidad": 6.0, "tobago": 7.1, "jammu and kashmir": 7.5, "jammu": 8.0,
              "kashmir": 7.0, "kabul": 8.5, "kandahar": 8.0}
    finder = PlaceFinder(lambda name: scores.get(name.lower(), 0.0))
    assert [(m.text, m.label) for m in mentions(finder(doc(words.split(), ents)))] == expected


@pytest.mark.parametrize("words, ents, expected", [
    ("camps near Goz Beida filled", [(3, 4, "GPE")], ["Goz Beida"]),   # NER's "Beida" of "Goz Beida"
    ("camps near Big Beida filled", [(3, 4, "GPE")], ["Beida"]),       # no name the gazetteer knows
    ("Goz Beida filled up", [(1, 2, "GPE")], ["Beida"]),               # a sentence's first word says nothing
])
def test_places_a_name_ner_cut_after_its_first_word_is_whole(words, ents, expected):
    finder = PlaceFinder(lambda name: {"goz beida": 5.9, "beida": 5.6}.get(name.lower(), 0.0))
    assert [m.text for m in mentions(finder(doc(words.split(), ents)))] == expected


@pytest.mark.parametrize("words, ents, expected", [
    # NER's PERSON with a town's ending, which the gazetteer knows: the town
    ("A Gainesville restaurant was robbed", [(1, 2, "PERSON")], [("Gainesville", "place", "PERSON>town-name")]),
    # one the gazetteer does not know, or a person's name, stays out
    ("A Zzyxville restaurant was robbed", [(1, 2, "PERSON")], []),
    ("Tim Gainesville said", [(0, 2, "PERSON")], []),
])
def test_places_a_single_name_with_a_towns_ending_is_a_town(words, ents, expected):
    finder = PlaceFinder(lambda name: {"gainesville": 6.0}.get(name.lower(), 0.0))
    assert [(m.text, m.role, m.label) for m in mentions(finder(doc(words.split(), ents)))] == expected


@pytest.mark.parametrize("gap, joins", [
    (", ", True), (",", True), (" and ", True), (", and ", True), (" or ", True), (" ,  or\n", True),
    (",and", True), ("  and", True),
    ("; ", False), (" the ", False), (", the ", False), (" ", False), ("", False), (" and the ", False),
])
def test_places_list_join_is_what_joins_a_lists_names(gap, joins):
    assert bool(LIST_JOIN.fullmatch(gap)) == joins


def test_places_the_next_word_and_a_numbered_part_are_read_after_a_name():
    text = "Kunduz  provinces and Ward No. 10, Ward Nos 3"
    assert _NEXT_WORD.match(text, len("Kunduz")).group(1) == "provinces"
    assert _NUMBERED.match(text, text.index(" No.")) and _NUMBERED.match(text, text.index(" Nos 3"))
    assert not _NUMBERED.match(text, len("Kunduz"))


@pytest.mark.parametrize("before, member", [
    ("Dakota, Otoe and", True), ("Dakota,", True), ("Dakota or  \n", True), ("Dakota &", True),
    ("in", False), ("Portland", False), ("the brand", False), ("", False),
])
def test_places_a_list_member_is_told_by_the_word_before_it(before, member):
    text = before + " Washington counties"
    assert _after_list_member(text, text.index("Washington")) == member


def test_places_no_name_is_longer_than_the_geocoder_looks_up():
    assert MAX_NAME_CHARS == MAX_QUERY_LENGTH
    looked_up = []
    finder = PlaceFinder(lambda name: looked_up.append(name) or 10.0)
    assert finder.known("Kunduz") == 10.0 and finder.known("Aaa " * 60) == 0.0 and looked_up == ["Kunduz"]


def test_places_a_name_read_on_through_a_long_chain_of_connectors_is_found_quickly():
    # each name of "X of the A of the B ..." read the whole chain and looked up every longer name
    # (quadratic): only names up to MAX_NAME_CHARS are read
    words = "Fighting hit Foz do Iguacu".split() + "do Aaa".split() * 5_000 + ["today"]
    looked_up = []
    start = time.perf_counter()
    found = mentions(PlaceFinder(lambda name: looked_up.append(name) or known(name))(doc(words, [(2, 3, "GPE")])))
    assert [m.text for m in found] == ["Foz do Iguacu"] and time.perf_counter() - start < 10
    assert len(looked_up) < 100
