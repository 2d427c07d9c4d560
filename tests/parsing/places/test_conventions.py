"""Datelines, a politician's home, units in brackets, chains of units, and diseases named after places."""
import pytest
from spacy.tokens import Doc

from parsing.places import PlaceFinder, mentions
from tests.parsing.places.handmade import VOCAB, doc, found


@pytest.mark.parametrize("words, spaces, expected", [
    # a US politician's party initial, then their state or town
    (["Sen.", "Ray", "Miller", ",", "D", "-", "Kabul", ",", "said"], [True, True, False, True, False, False, False, True, False],
     [("Kabul", "place", "PARTY-HOME", None)]),
    # a spaced dash is no party affiliation
    (["Sen.", "Ray", "Miller", ",", "D", "-", "Kabul", ",", "said"], [True, True, False, True, True, True, False, True, False],
     []),
])
def test_conventions_a_politicians_party_home_is_a_place(words, spaces, expected):
    assert found(Doc(VOCAB, words=words, spaces=spaces)) == expected


@pytest.mark.parametrize("words, starts, expected", [
    ("Budget cut . KABUL , Afghanistan ( AP ) — Officials met", [0, 3], [("KABUL", "place", "DATELINE", None)]),
    ("Budget cut . KABUL — Officials met", [0, 3], [("KABUL", "place", "DATELINE", None)]),
    ("Budget cut . ZZYX — Officials met", [0, 3], []),        # capitals the gazetteer lacks
    ("Budget cut . KABUL is far", [0, 3], []),                # no dash, colon, comma: no dateline
])
def test_conventions_a_dateline_is_a_place(words, starts, expected):
    words = words.split()
    d = doc(words, sent_starts=[i in starts for i in range(len(words))])
    assert found(d) == expected


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
def test_conventions_a_place_name_used_for_a_disease_is_context(words, ents, expected):
    assert found(doc(words.split(), ents)) == expected


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
def test_conventions_a_name_with_its_units_in_brackets_is_a_place(words, ents, expected):
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
def test_conventions_a_named_village_or_town_with_known_units_in_brackets_is_a_place(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents)) if m[1] == "place"] == expected


@pytest.mark.parametrize("words, ents", [
    ("said John Bangi ( Takhar ) on Monday".split(), [(1, 3, "PERSON")]),     # a politician and his state
    ("students at the University of Kunduz ( Takhar ) protested".split(), [(3, 6, "ORG")]),  # a longer name's tail
    ("members of Kunduz Unions ( KCTU ) marched".split(), []),        # an acronym is the name's abbreviation
])
def test_conventions_brackets_do_not_make_places_of_people_or_organisations(words, ents):
    got = found(doc(words, ents))
    assert not {"Bangi", "Takhar", "KCTU"} & {m[0] for m in got}
    # the place an organisation is named after is context at most ("the University of Kunduz")
    assert not [m for m in got if m[0] == "Kunduz" and m[1] != "context"]


@pytest.mark.parametrize("acronym, is_place", [("WNV", False), ("DRC", True)])
def test_conventions_an_acronym_in_brackets_is_a_place_only_if_a_countrys(acronym, is_place):
    d = doc(f"cases in Kunduz ( {acronym} ) rose".split(), [(2, 3, "GPE")])
    assert (acronym in [m[0] for m in found(d)]) is is_place


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
def test_conventions_a_chain_of_names_ending_in_a_likely_place_are_places(words, ents, expected):
    assert [m[0] for m in found(doc(words.split(), ents)) if m[1] == "place"] == expected


def test_conventions_a_dateline_inside_a_persons_span_is_still_the_dateline():
    # NER's PERSON "BRIDGEPORT - Fairfield County": a dateline, then the county, and no person
    d = doc("BRIDGEPORT - Fairfield County officials met Monday .".split(), [(0, 4, "PERSON")])
    finder = PlaceFinder(lambda name: {"bridgeport": 4.6, "fairfield county": 7.0}.get(name.lower(), 0.0))
    got = [(m.text, m.label) for m in mentions(finder(d)) if m.role == "place"]
    assert got == [("BRIDGEPORT", "DATELINE"), ("Fairfield County", "PERSON>designator")]
