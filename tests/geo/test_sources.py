"""Readers of the data packages (geo.sources)."""
import pytest

from geo.sources import writes_in_latin_script


@pytest.mark.parametrize("cc, latin", [("SE", True), ("BR", True), ("AZ", True), ("AF", False), ("RU", False),
                                       ("GR", False), ("", False)])
def test_sources_writes_in_latin_script_from_country_languages(cc, latin):
    assert writes_in_latin_script(cc) is latin
