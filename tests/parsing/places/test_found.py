"""What one span may take: the tokens no other span holds, and no numbered part of a town."""
from parsing.places.found import _NUMBERED
from tests.parsing.places.handmade import doc, found


def test_found_a_numbered_part_of_a_town_is_no_place():
    d = doc("a protest in Ward No. 10 of Siliguri town".split(), [(3, 4, "GPE"), (7, 8, "GPE")])
    assert [m[0] for m in found(d)] == ["Siliguri"]


def test_found_a_numbered_part_is_read_after_a_name():
    text = "Kunduz  provinces and Ward No. 10, Ward Nos 3"
    assert _NUMBERED.match(text, text.index(" No.")) and _NUMBERED.match(text, text.index(" Nos 3"))
    assert not _NUMBERED.match(text, len("Kunduz"))
