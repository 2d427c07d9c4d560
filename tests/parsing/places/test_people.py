"""Names the text uses for people, and known names NER took for a person ("maybe")."""
import pytest

from parsing.places import PlaceFinder, mentions
from tests.parsing.places.handmade import doc, found, known


@pytest.mark.parametrize("words, ents, places", [
    # a small town's name that speaks, or that the text gives a person as a first name
    ("“ It went fast , ” Kristina said .", [(6, 7, "GPE")], []),
    ("Tanya Rodriguez hosted the party . Tanya is his wife .", [(0, 2, "PERSON"), (6, 7, "GPE")], []),
    # a sizeable place speaks for its government; a place cue elsewhere keeps a town a town
    ("Moscow said the talks would go on .", [(0, 1, "GPE")], ["Moscow"]),
    ("people gathered in Bemidji . Bemidji Knitting organised it .", [(3, 4, "GPE"), (5, 7, "PERSON")],
     ["Bemidji"]),
])
def test_people_a_small_towns_name_used_for_a_person_is_no_place(words, ents, places):
    assert [text for text, role, _, _ in found(doc(words.split(), ents)) if role == "place"] == places


@pytest.mark.parametrize("words, ents, maybe", [
    # a known name NER took for a person, nothing placed: the resolver decides
    ("Kabul operates its own sirens", [(0, 1, "PERSON")], True),
    # a speaker, a title before it, or a name the gazetteer lacks is a person
    ("Kabul said the sirens work", [(0, 1, "PERSON")], False),
    ("Mayor Kabul spoke", [(1, 2, "PERSON")], False),
    ("Zzyx operates its own sirens", [(0, 1, "PERSON")], False),
])
def test_people_a_known_name_taken_for_a_person_is_a_maybe(words, ents, maybe):
    got = [(m.text, m.role, m.label) for m in mentions(PlaceFinder(known)(doc(words.split(), ents)))]
    assert got == ([(words.split()[ents[0][0]], "maybe", "MAYBE>PERSON")] if maybe else [])


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
def test_people_surnames_of_people_the_text_names_are_not_places(words, ents, expected):
    assert [m[0] for m in found(doc(words, ents)) if m[1] == "place"] == expected
