"""What the geoparser hands on: a resolved place, and its record on the command line."""
import json

from geo.place import Kind
from geoparse import ResolvedPlace
from parsing.places import Role


def test_records_a_resolved_place_writes_its_kind_as_the_string():
    typed = ResolvedPlace(start=0, end=6, name="Kunduz", lat=36.7, lon=68.9, geonameid=1, kind=Kind.ADMIN1,
                          country_code="AF", admin1="Kunduz", confidence=0.91234)
    plain = ResolvedPlace(start=0, end=6, name="Kunduz", lat=36.7, lon=68.9, geonameid=1, kind="admin1",
                          country_code="AF", admin1="Kunduz", confidence=0.91234)
    assert json.dumps(typed.as_output()) == json.dumps(plain.as_output())
    assert typed.as_output()["kind"] == "admin1" and typed.as_output()["confidence"] == 0.912
    assert typed.role is Role.PLACE and typed.role == "place"
