"""Continents, world regions and seas, which no bundled package lists but news names all the time.

Continents keep GeoNames' own records (ids and representative points).
A region ("Middle East", "Sahel") is defined by its member countries and
placed at the mean of their points, so it moves with the country data
rather than with a number typed here.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from geo.place import Kind, Place

KIND = Kind.WORLD_REGION

#: GeoNames continent records: code -> (geonameid, name, lat, lon, other names).
CONTINENTS = {
    "AF": (6255146, "Africa", 7.1881, 21.09375, ()),
    "AS": (6255147, "Asia", 29.84064, 89.29688, ()),
    "EU": (6255148, "Europe", 48.69096, 9.14062, ()),
    "NA": (6255149, "North America", 46.07323, -100.54688, ()),
    "OC": (6255151, "Oceania", -18.31281, 138.51563, ("Australasia",)),
    "SA": (6255150, "South America", -14.60485, -57.65625, ()),
    "AN": (6255152, "Antarctica", -78.15856, 16.40626, ()),
}

#: Region name -> (other names, member countries as ISO codes).
REGIONS = {
    "Middle East": (("Mideast", "Near East"),
                    "AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    "Gulf states": (("Persian Gulf states", "Gulf countries"), "AE BH KW OM QA SA"),
    "North Africa": (("Northern Africa", "Maghreb"), "DZ EG LY MA TN"),
    "West Africa": (("Western Africa",), "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG"),
    "East Africa": (("Eastern Africa",), "BI DJ ER ET KE RW SO SS TZ UG"),
    "Horn of Africa": ((), "DJ ER ET SO"),
    "Central Africa": (("Central African region",), "AO CM CF TD CG CD GQ GA"),
    "Southern Africa": ((), "BW LS NA ZA SZ ZW ZM MZ MW"),
    "Sahel": (("Sahel region",), "SN MR ML BF NE TD SD"),
    "Sub-Saharan Africa": ((), "AO BJ BW BF BI CM CF TD CG CD CI DJ GQ ER ET GA GM GH GN GW "
                               "KE LS LR MW ML MR MZ NA NE NG RW SN SL SO ZA SS SD TZ TG UG ZM ZW"),
    "Central Asia": ((), "KZ KG TJ TM UZ"),
    "South Asia": (("Indian subcontinent",), "AF BD BT IN MV NP PK LK"),
    "Southeast Asia": (("South-East Asia", "South East Asia"),
                       "BN KH ID LA MY MM PH SG TH TL VN"),
    "East Asia": (("Far East",), "CN JP KP KR MN TW"),
    "Caucasus": (("South Caucasus", "Transcaucasia"), "AM AZ GE"),
    "Balkans": (("Western Balkans", "Balkan Peninsula"), "AL BA BG HR XK ME MK RS"),
    "Scandinavia": (("Nordic countries",), "DK NO SE FI IS"),
    "Baltic states": (("Baltics",), "EE LV LT"),
    "Central America": ((), "BZ CR SV GT HN NI PA"),
    "Caribbean": (("West Indies",), "AG BS BB CU DM DO GD HT JM KN LC VC TT"),
    "Latin America": ((), "MX BZ CR SV GT HN NI PA CU DO HT AR BO BR CL CO EC PY PE UY VE"),
    "Americas": (("the Americas",), None),
}


#: Oceans, seas, gulfs and straits that news names as places ("warships in the Black Sea"):
#: name -> (lat, lon, other names). No package lists them; the points are rounded
#: representative points typed here (GeoNames' own are near these), far enough from any coast
#: to say "at sea", not precise positions.
SEAS = {
    "Pacific Ocean": (0.0, -160.0, ("Pacific",)),
    "Atlantic Ocean": (10.0, -25.0, ("Atlantic",)),
    "Indian Ocean": (-15.0, 75.0, ()),
    "Arctic Ocean": (85.0, 0.0, ()),
    "Southern Ocean": (-65.0, 0.0, ()),
    "Mediterranean Sea": (35.0, 18.0, ("Mediterranean",)),
    "Black Sea": (43.0, 35.0, ()),
    "Sea of Azov": (46.0, 36.5, ("Azov Sea",)),
    "Red Sea": (20.0, 38.5, ()),
    "Gulf of Aden": (12.5, 48.0, ()),
    "Bab-el-Mandeb": (12.6, 43.3, ("Bab el-Mandeb", "Bab al-Mandab")),
    "Arabian Sea": (15.0, 65.0, ()),
    "Gulf of Oman": (24.5, 58.5, ()),
    "Strait of Hormuz": (26.6, 56.3, ("Hormuz Strait",)),
    "Persian Gulf": (27.0, 51.5, ("Arabian Gulf",)),
    "Caspian Sea": (41.5, 50.5, ()),
    "Bay of Bengal": (15.0, 88.0, ()),
    "South China Sea": (12.0, 113.0, ()),
    "East China Sea": (29.0, 125.0, ()),
    "Yellow Sea": (35.5, 123.0, ()),
    "Sea of Japan": (40.0, 135.0, ("East Sea",)),
    "Baltic Sea": (58.0, 20.0, ()),
    "North Sea": (56.0, 3.0, ()),
    "Aegean Sea": (39.0, 25.0, ()),
    "Adriatic Sea": (43.0, 15.0, ()),
    "Caribbean Sea": (15.0, -75.0, ()),
    "Gulf of Mexico": (25.0, -90.0, ()),
    "Gulf of Guinea": (2.0, 3.0, ()),
}

#: Regions inside one country that news names as places but that are no administrative unit
#: (a historical region, a large island):
#: name -> (other names, country, GeoNames admin1 codes of its provinces, or the GeoNames id
#: of its main town where it has no provinces of its own). Placed like the world regions.
SUBNATIONAL = {
    "Darfur": (("Darfur region",), "SD", ("47", "49", "55", "60", "61"), None),
    "Donbas": (("Donbass", "Donets Basin"), "UA", ("05", "14"), None),
    "Sinai": (("Sinai Peninsula", "the Sinai"), "EG", ("26", "27"), None),
    "South Ossetia": (("Tskhinvali region",), "GE", (), 611403),
    # the large islands of one country that news names as places: their provinces
    "Java": (("Jawa",), "ID", ("04", "07", "08", "10", "30", "33"), None),
    "Sumatra": (("Sumatera",), "ID", ("01", "03", "05", "15", "24", "26", "32", "37"), None),
    "Kalimantan": (("Indonesian Borneo",), "ID", ("11", "12", "13", "14", "42"), None),
    "Sulawesi": (("Celebes",), "ID", ("21", "22", "31", "34", "38", "41"), None),
    "Luzon": ((), "PH", ("01", "02", "03", "05", "15", "40", "NCR"), None),
    "Visayas": (("the Visayas",), "PH", ("06", "07", "08"), None),
    "Mindanao": ((), "PH", ("09", "10", "11", "12", "13", "14"), None),
    # former provinces that archives and older reports name, by the ones they were split into
    # (Kenya's counties of 2013, the DR Congo's provinces of 2015, Norway's counties of 2020);
    # names that other countries' provinces still bear ("Western Province") are left out
    "Nyanza Province": (("Nyanza",), "KE", ("17", "25", "26", "36", "42", "46"), None),
    "Rift Valley Province": (("Rift Valley",), "KE", ("10", "11", "14", "19", "21", "29", "39", "40", "41", "45",
                                                    "50", "51", "52", "55"), None),
    "North Eastern Province": ((), "KE", ("16", "33", "54"), None),
    "Coast Province": ((), "KE", ("23", "28", "30", "37", "47", "48"), None),
    "Orientale": (("Orientale Province", "Province Orientale"), "CD", ("13", "16", "17", "30"), None),
    "Katanga": (("Katanga Province",), "CD", ("14", "15", "22", "29"), None),
    "Kasai-Occidental": (("Kasai Occidental", "West Kasai", "Kasaï-Occidental"), "CD", ("18", "23"), None),
    "Bandundu": (("Bandundu Province",), "CD", ("19", "20", "24"), None),
    "Hedmark": ((), "NO", ("34",), None),
    "Oppland": ((), "NO", ("34",), None),
    "Hordaland": ((), "NO", ("46",), None),
    "Sogn og Fjordane": ((), "NO", ("46",), None),
    "Sør-Trøndelag": (("Sor-Trondelag", "South Trondelag"), "NO", ("21",), None),
    "Nord-Trøndelag": (("Nord-Trondelag", "North Trondelag"), "NO", ("21",), None),
}


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (round(sum(p[0] for p in points) / len(points), 5),
            round(sum(p[1] for p in points) / len(points), 5))


def world_regions(countries: Iterable[Place], continent_of: dict[str, str]) -> Iterator[Place]:
    """Continents, regions and seas as places; ``continent_of`` maps ISO codes to continent codes."""
    by_iso = {c.country_code: c for c in countries}
    for code, (gid, name, lat, lon, alts) in CONTINENTS.items():
        pop = sum(c.population for iso, c in by_iso.items() if continent_of.get(iso) == code)
        yield Place(name=name, kind=KIND, country_code="", lat=lat, lon=lon, geonameid=gid,
                    alternate_names=alts, population=pop, source="geonames-continents")
    for name, (alts, members) in REGIONS.items():
        if members is None:  # the Americas: both continents
            codes = [iso for iso, cont in continent_of.items() if cont in ("NA", "SA")]
        else:
            codes = members.split()
        points = [(by_iso[i].lat, by_iso[i].lon) for i in codes if i in by_iso]
        if not points:
            continue
        if members is None:
            points = [CONTINENTS[c][2:4] for c in ("NA", "SA")]
        yield Place(name=name, kind=KIND, country_code="", lat=_mean_point(points)[0],
                    lon=_mean_point(points)[1], alternate_names=alts,
                    population=sum(by_iso[i].population for i in codes if i in by_iso),
                    source="sitrep-regions")
    for name, (lat, lon, alts) in SEAS.items():
        yield Place(name=name, kind=KIND, country_code="", lat=lat, lon=lon, alternate_names=alts,
                    source="sitrep-seas")


def subnational_regions(admin1_points: dict[tuple[str, str], tuple[float, float, int]],
                        town_points: dict[int, tuple[float, float, int]]) -> Iterator[Place]:
    """The regions of :data:`SUBNATIONAL` as places of their country: at the mean of their
    provinces' points (``admin1_points[(country, code)] = (lat, lon, population)``) or at
    their main town (``town_points[geonameid]``); a region whose parts are missing is left out."""
    for name, (alts, cc, codes, town) in SUBNATIONAL.items():
        parts = [admin1_points[(cc, c)] for c in codes if (cc, c) in admin1_points]
        if town is not None and town in town_points:
            parts = [town_points[town]]
        if not parts:
            continue
        lat, lon = _mean_point([(p[0], p[1]) for p in parts])
        yield Place(name=name, kind=KIND, country_code=cc, lat=lat, lon=lon, alternate_names=alts,
                    population=sum(p[2] for p in parts), source="sitrep-regions")
