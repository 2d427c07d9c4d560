"""The place finder's own limits."""
from geo.geocoder import MAX_QUERY_LENGTH
from parsing.places import MAX_NAME_CHARS, PlaceFinder


def test_finder_no_name_is_longer_than_the_geocoder_looks_up():
    assert MAX_NAME_CHARS == MAX_QUERY_LENGTH
    looked_up = []
    finder = PlaceFinder(lambda name: looked_up.append(name) or 10.0)
    assert finder.known("Kunduz") == 10.0 and finder.known("Aaa " * 60) == 0.0 and looked_up == ["Kunduz"]
