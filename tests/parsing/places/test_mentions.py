"""Place mentions as records: offsets, and the kinds a plural unit word after a list hints."""
from dataclasses import replace

import pytest

from parsing.lexicon import PlaceKind
from parsing.places import LIST_JOIN, PlaceFinder, PlaceMention, mentions
from parsing.places.mentions import _NEXT_WORD, Role, _after_list_member
from tests.parsing.places.handmade import doc, found, known


@pytest.mark.parametrize("words, ents", [
    ("it ranked 42nd of Indiana counties .", [(4, 5, "GPE")]),
    ("unemployment rose in Texas cities this year", [(3, 4, "GPE")]),
])
def test_mentions_a_plural_unit_word_after_one_name_names_units_inside_it(words, ents):
    (place,) = [(text, kind) for text, role, _, kind in found(doc(words.split(), ents)) if role == "place"]
    assert place[1] is None


def test_mentions_offsets_point_into_the_text():
    d = doc("Clashes near the town of Shir Khan".split(), [(5, 7, "PERSON")])
    (m,) = mentions(PlaceFinder(known)(d))
    assert d.text[m.start:m.end] == "Shir Khan"


@pytest.mark.parametrize("gap, joins", [
    (", ", True), (",", True), (" and ", True), (", and ", True), (" or ", True), (" ,  or\n", True),
    (",and", True), ("  and", True),
    ("; ", False), (" the ", False), (", the ", False), (" ", False), ("", False), (" and the ", False),
])
def test_mentions_list_join_is_what_joins_a_lists_names(gap, joins):
    assert bool(LIST_JOIN.fullmatch(gap)) == joins


def test_mentions_the_next_word_is_read_after_a_name():
    text = "Kunduz  provinces and Ward No. 10, Ward Nos 3"
    assert _NEXT_WORD.match(text, len("Kunduz")).group(1) == "provinces"


@pytest.mark.parametrize("before, member", [
    ("Dakota, Otoe and", True), ("Dakota,", True), ("Dakota or  \n", True), ("Dakota &", True),
    ("in", False), ("Portland", False), ("the brand", False), ("", False),
])
def test_mentions_a_list_member_is_told_by_the_word_before_it(before, member):
    text = before + " Washington counties"
    assert _after_list_member(text, text.index("Washington")) == member


def test_mentions_shifting_moves_the_offsets_and_the_sentence_number():
    m = PlaceMention(start=10, end=16, text="Kunduz", name="Kunduz", role=Role.PLACE, label="GPE",
                     kind_hint=PlaceKind.ADMIN1, cue="in", sentence=2)
    assert m.shifted(100, sentences=3) == replace(m, start=110, end=116, sentence=5)
    assert m.shifted(100) == replace(m, start=110, end=116)
    assert m.shifted(0) is m


def test_mentions_roles_and_kinds_are_typed():
    d = doc("retook the districts of Bangi and Khwaja Ghar".split(), [(6, 8, "PERSON")])
    (m, _) = mentions(PlaceFinder(known)(d))
    assert m.role is Role.PLACE and m.kind_hint is PlaceKind.ADMIN2
    assert m.role == "place" and m.kind_hint == "admin2"  # and read as the strings they are
