"""The kinds of place: one StrEnum, whose values are the strings every output and store writes."""
import json

from geo.place import KINDS, SITE_KINDS, Kind, canonical_kind


def test_place_kinds_are_the_strings_the_outputs_write():
    assert [k.value for k in Kind] == ["world region", "country", "admin1", "admin2", "populated place", "airport",
                                       "port or crossing", "landmark", "unresolved", "estimated"]
    # a kind is its string wherever it goes: compared, hashed, formatted, written as JSON
    assert Kind.ADMIN1 == "admin1" and {"admin1": 1}[Kind.ADMIN1] == 1
    assert f"{Kind.PORT}" == str(Kind.PORT) == "port or crossing" and json.dumps(Kind.ADMIN2) == '"admin2"'


def test_place_the_gazetteers_kinds_are_all_but_those_of_names_it_lacks():
    assert set(Kind) - set(KINDS) == {Kind.UNRESOLVED, Kind.ESTIMATED}
    assert set(SITE_KINDS) < set(KINDS)


def test_place_every_kind_is_its_own_canonical_kind():
    assert all(canonical_kind(k) is k for k in KINDS)
    assert canonical_kind("Border  Post") is Kind.PORT and canonical_kind("unresolved") is None
