"""Cue words, capitalised runs NER left alone, and lists of places."""
import pytest
from spacy.tokens import Doc

from parsing.places import PlaceFinder, mentions
from tests.parsing.places.handmade import VOCAB, doc, found


def test_cues_districts_of_x_and_y_both_places_with_kind():
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
def test_cues_a_plural_unit_word_after_a_list_makes_every_name_that_unit(words, ents, expected):
    got = [(text, kind) for text, role, _, kind in found(doc(words.split(), ents)) if role == "place"]
    assert got == expected


def test_cues_names_in_a_list_of_places_are_places():
    # NER labels list members unevenly: Kunduz as ORG, Bangi not at all
    d = doc("Fighting hit Kunduz , Bangi and Takhar on Monday".split(), [(2, 3, "ORG"), (6, 7, "GPE")])
    assert found(d) == [("Kunduz", "place", "LIST>coordinated", None), ("Bangi", "place", "LIST>coordinated", None),
                        ("Takhar", "place", "GPE", None)]


def test_cues_a_list_reads_past_an_article_before_a_member():
    # "the" before a member NER labelled with it ("the Democratic Republic of the Congo")
    d = doc("Fighting hit Kunduz , the Takhar , and Bangi today".split(), [(2, 3, "GPE"), (4, 6, "GPE"), (8, 9, "ORG")])
    assert [(t, r) for t, r, _, _ in found(d)] == [("Kunduz", "place"), ("Takhar", "place"), ("Bangi", "place")]


def test_cues_a_pair_is_not_a_list_of_places():
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
def test_cues_the_second_of_a_pair_after_a_place_preposition(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


def test_cues_a_list_reads_on_past_members_another_rule_placed():
    # Thessaloniki and Siliguri follow commas after a place; Ludhiana ends the list after "and"
    d = doc("Officials in Kabul , Thessaloniki , Siliguri and Ludhiana said".split(),
            [(2, 3, "GPE"), (4, 5, "ORG"), (6, 7, "PERSON"), (8, 9, "PERSON")])
    assert [(t, r) for t, r, _, _ in found(d)] == [
        ("Kabul", "place"), ("Thessaloniki", "place"), ("Siliguri", "place"), ("Ludhiana", "place")]


@pytest.mark.parametrize("words, ents, expected", [
    # a settlement cue names a place the gazetteer may lack; it is kept (to be resolved or not)
    ("found in the village of Zarghunabad in Kunduz", [(7, 8, "GPE")],
     [("Zarghunabad", "place", "GAZETTEER", "populated place"), ("Kunduz", "place", "GPE", None)]),
    # weaker cues still need a known name; people and organisations are not settlements
    ("in the area of Zarghunabad", [], []),
    ("the village of John Smith", [(3, 5, "PERSON")], []),
])
def test_cues_a_settlement_cue_keeps_an_unknown_name(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


def test_cues_a_name_joined_by_several_connectors_is_one_name():
    words = ["fighting", "near", "Mazar", "-", "i", "-", "Sharif", "today"]
    d = Doc(VOCAB, words=words, spaces=[True, True, False, False, False, False, True, False])
    assert found(d) == [("Mazar-i-Sharif", "place", "GAZETTEER", None)]


def test_cues_a_unit_word_ending_another_name_is_no_cue():
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
def test_cues_a_major_place_needs_no_cue(words, expected):
    assert [text for text, role, _, _ in found(doc(words)) if role == "place"] == expected


def test_cues_a_spanish_name_joined_by_y_is_one_name():
    d = doc("a march in Valladolid ( Castilla y Leon ) today".split(), [(3, 4, "GPE")])
    assert [text for text, *_ in found(d)] == ["Valladolid", "Castilla y Leon"]


def test_cues_names_in_brackets_after_a_place_are_its_units():
    d = doc("clashes at the Mandje mining site ( Djugu , Ituri ) on Monday".split(), [(3, 4, "GPE")])
    assert found(d) == [("Mandje", "place", "GPE", None), ("Djugu", "place", "GAZETTEER", None),
                        ("Ituri", "place", "GAZETTEER", None)]


@pytest.mark.parametrize("words, ents, expected", [
    # a direction and "of" before a known name make it a place
    ("the town lies north of Kabul , officials said".split(), [], ["Kabul"]),
    # ...but a name followed by a number is a road, unless a likely place
    ("the road east of Route 12 is closed".split(), [], []),
])
def test_cues_a_direction_of_a_name_places_it(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents))] == expected


@pytest.mark.parametrize("words, expected", [
    # a unit the text names by a settlement word, unknown to the gazetteer: kept (unresolved)
    ("a post in the limits of Zzyx district , Kunduz .", ["Zzyx", "Kunduz"]),
    ("troops moved into Qqvb village on Monday", ["Qqvb"]),
    # not without a place cue before it
    ("Zzyx district officials met", []),
])
def test_cues_an_unknown_name_before_a_settlement_word_is_kept(words, expected):
    assert [m[0] for m in found(doc(words.split())) if m[1] == "place"] == expected


@pytest.mark.parametrize("words, expected", [
    ("Nigeria reported 782 cases .", [("Nigeria", "GAZETTEER>major")]),   # a country NER missed
    ("Most reported no cases .", []),          # a town somewhere, no country: a capital means nothing here
    ("Nigeria Reported Cases Today", []),      # a headline's capitals mean nothing
])
def test_cues_a_country_opening_a_sentence_that_ner_missed_is_a_place(words, expected):
    finder = PlaceFinder(lambda name: {"nigeria": 9.0, "most": 7.4}.get(name.lower(), 0.0))
    assert [(m.text, m.label) for m in mentions(finder(doc(words.split())))] == expected


@pytest.mark.parametrize("words, ents", [
    ("Boud , a resident of Torun , said", [(5, 6, "NORP")]),   # NER's NORP
    ("Boud , a native of Torun , said", []),                    # NER missed it
])
def test_cues_a_resident_or_native_of_a_place(words, ents):
    assert [(t, r) for t, r, _, _ in found(doc(words.split(), ents))] == [("Torun", "place")]
