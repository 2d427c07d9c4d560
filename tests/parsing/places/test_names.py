"""What a name looks like: entities cut at brackets, commas and dashes; designators; part words; no place names."""
import pytest

from parsing.places import PlaceFinder, mentions
from tests.parsing.places.handmade import doc, found, known


def test_names_months_and_unknown_names_are_not_places():
    d = doc("It happened in August near Zzyzx".split())
    assert found(d) == []


@pytest.mark.parametrize("words, ents, expected", [
    # A lower-case designator is a common noun: left out of the name, kept as a hint.
    ("floods in Takhar province".split(), [(2, 4, "GPE")], [("Takhar", "place", "GPE", "admin1")]),
    ("floods in Kunduz city".split(), [(2, 3, "GPE")], [("Kunduz", "place", "GPE", "populated place")]),
    # A capitalised one is part of the name.
    ("floods in Takhar Province".split(), [(2, 4, "GPE")],
     [("Takhar Province", "place", "GPE", "admin1")]),
])
def test_names_designator_case_decides_whether_it_belongs_to_the_name(words, ents, expected):
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
def test_names_vague_areas_and_lower_case_words_are_not_places(words, ents):
    assert found(doc(words, ents)) == []


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
def test_names_a_part_of_a_place_is_looked_up_without_its_part_words(words, ents, expected):
    got = mentions(PlaceFinder(known)(doc(words.split(), ents)))
    assert [(m.text, m.name, m.label) for m in got] == expected


def test_names_a_place_entity_is_split_at_a_comma_inside_it():
    d = doc("a man was found dead in Kunduz , Takhar yesterday".split(), [(6, 9, "GPE")])
    assert [m[0] for m in found(d)] == ["Kunduz", "Takhar"]


def test_names_an_entity_is_split_at_brackets_inside_it():
    d = doc("parents protested in Tacna ( Tacna ) on Monday".split(), [(3, 6, "ORG")])
    assert [m[0] for m in found(d)][:1] == ["Tacna"]


@pytest.mark.parametrize("words, ents, expected", [
    # a town and its district, run together by NER
    ("students marched in Sydney - Newtown on Monday".split(), [(3, 6, "GPE")], ["Sydney", "Newtown"]),
    # a piece cut from a road number is no place
    ("flooding at Lake Mary - Highway 9 today".split(), [(2, 6, "GPE")], ["Lake Mary"]),
])
def test_names_an_entity_is_split_at_a_spaced_dash(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents))] == expected
