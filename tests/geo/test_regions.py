import pytest

from geo import regions
from geo.place import Place


def _country(iso, lat, lon, pop):
    return Place(name=iso, kind="country", country_code=iso, lat=lat, lon=lon, population=pop)


def test_regions_continents_keep_geonames_records_and_regions_average_members():
    countries = [_country("IQ", 33.0, 44.0, 40), _country("SY", 35.0, 38.0, 20),
                 _country("KZ", 48.0, 68.0, 19)]
    got = {p.name: p for p in regions.world_regions(countries, {"IQ": "AS", "SY": "AS", "KZ": "AS"})}
    assert got["Asia"].geonameid == 6255147 and got["Asia"].population == 79
    # Only the members present count: Iraq and Syria for the Middle East.
    assert (got["Middle East"].lat, got["Middle East"].lon) == (34.0, 41.0)
    assert got["Central Asia"].lat == 48.0
    assert "Sahel" not in got  # no member known, no guess
    assert all(p.kind == regions.KIND and p.country_code == "" for p in got.values())


@pytest.mark.parametrize("query, name", [
    ("Africa", "Africa"), ("Europe", "Europe"), ("Asia", "Asia"),
    ("the Middle East", "Middle East"), ("Mideast", "Middle East"), ("Horn of Africa", "Horn of Africa"),
])
def test_regions_are_what_bare_continent_names_mean(geocoder, query, name):
    loc = geocoder.geocode(query)
    assert loc.raw["name"] == name and loc.raw["kind"] == "world region"
    assert loc.raw["country_code"] is None


def test_regions_subnational_regions_average_their_provinces_or_take_their_town():
    admin1s = {("SD", "47"): (13.0, 23.0, 100), ("SD", "55"): (15.0, 25.0, 50), ("UA", "05"): (48.0, 37.8, 10)}
    got = {p.name: p for p in regions.subnational_regions(admin1s, {611403: (42.2, 43.9, 30)})}
    assert (got["Darfur"].lat, got["Darfur"].lon, got["Darfur"].population) == (14.0, 24.0, 150)
    assert got["Darfur"].country_code == "SD" and got["Darfur"].kind == regions.KIND
    assert (got["South Ossetia"].lat, got["South Ossetia"].country_code) == (42.2, "GE")
    assert "Sinai" not in got  # its provinces are missing: no guess


@pytest.mark.parametrize("query, country", [
    ("Darfur", "SD"), ("Sinai", "EG"), ("the Sinai", "EG"), ("Donbass", "UA"), ("South Ossetia", "GE"),
    # large islands (a Georgian village is called Java)
    ("Java", "ID"), ("Sumatra", "ID"), ("Celebes", "ID"), ("Mindanao", "PH"), ("Luzon", "PH"),
    # former provinces, by the ones they were split into (a Rwandan town is called Nyanza)
    ("Rift Valley Province", "KE"), ("Nyanza Province", "KE"), ("Orientale", "CD"), ("Kasai Occidental", "CD"),
    ("Hedmark", "NO"),
])
def test_regions_conflict_regions_and_islands_are_places_of_their_country(geocoder, query, country):
    loc = geocoder.geocode(query)
    assert loc.raw["kind"] == "world region" and loc.raw["country_code"] == country


@pytest.mark.parametrize("query, lat, lon", [("Java", -7.0, 110.0), ("Sumatra", 0.0, 102.0), ("Mindanao", 7.5, 125.0)])
def test_regions_an_island_lies_amid_its_provinces(geocoder, query, lat, lon):
    loc = geocoder.geocode(query)
    assert abs(loc.latitude - lat) < 2 and abs(loc.longitude - lon) < 2


@pytest.mark.parametrize("query, name, lat, lon", [
    ("Black Sea", "Black Sea", 43.0, 35.0),
    ("Pacific", "Pacific Ocean", 0.0, -160.0),
    ("Mediterranean", "Mediterranean Sea", 35.0, 18.0),
    ("Bab al-Mandab", "Bab-el-Mandeb", 12.6, 43.3),
])
def test_regions_seas_are_places_at_sea_not_towns_of_their_name(geocoder, query, name, lat, lon):
    # a Missouri town is called Pacific; news means the ocean
    loc = geocoder.geocode(query)
    assert (loc.raw["name"], loc.raw["kind"], loc.raw["country_code"]) == (name, "world region", None)
    assert (loc.latitude, loc.longitude) == (lat, lon)


def test_regions_a_town_of_a_seas_name_is_found_with_a_country_hint(geocoder):
    assert geocoder.geocode("Pacific", country="US").raw["kind"] == "populated place"
