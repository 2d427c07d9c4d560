"""Custom places from CSV files, for places no data source has.

A places CSV has a header row with these columns (``aliases`` and
``admin1`` may be empty; aliases are separated by ``|`` or ``;``)::

    name,aliases,lat,lon,kind,country,admin1
    Sher Khan Port,Shir Khan Bandar|Sherkhan Bandar,37.21,68.61,port,AF,Kunduz

``kind`` is one of :data:`geo.place.KINDS` or a common word for one
(province, district, town, port, crossing, base...); ``country`` is an
ISO 3166-1 alpha-2 code. Files are found, in order, from ``--places``
options, the ``SITREP_PLACES`` environment variable (paths separated by
``os.pathsep``) and ``places.csv`` in the user config directory.
"""
from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import platformdirs

from geo.exc import OverlayError
from geo.place import KINDS, Kind, Place, canonical_kind

ENV_PLACES = "SITREP_PLACES"
COLUMNS = ("name", "aliases", "lat", "lon", "kind", "country", "admin1")
_REQUIRED = ("name", "lat", "lon", "kind", "country")


def default_paths() -> list[Path]:
    """Overlay files named by ``$SITREP_PLACES`` plus the user's ``places.csv`` if present."""
    paths = [Path(p).expanduser() for p in os.environ.get(ENV_PLACES, "").split(os.pathsep) if p]
    user = Path(platformdirs.user_config_dir("sitrep")) / "places.csv"
    if user.exists():
        paths.append(user)
    return paths


def read_places(path: Path) -> Iterator[Place]:
    """The places of one CSV file; :class:`OverlayError` names the file and line of a bad row."""
    path = Path(path)
    try:
        f = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise OverlayError(f"{path}: cannot read custom places file: {exc.strerror}") from exc
    with f:
        try:
            reader = csv.DictReader(f)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            missing = [c for c in _REQUIRED if c not in header]
            if missing:
                raise OverlayError(
                    f"{path}: header lacks column(s) {', '.join(missing)}; "
                    f"expected {','.join(COLUMNS)}"
                )
            reader.fieldnames = header
            for row in reader:
                yield _place(path, reader.line_num, row)
        except UnicodeDecodeError as exc:
            raise OverlayError(f"{path}: not UTF-8 text ({exc.reason})") from exc
        except csv.Error as exc:
            raise OverlayError(f"{path}: line {reader.line_num}: {exc}") from exc


def _place(path: Path, line: int, row: dict) -> Place:
    def bad(message: str) -> OverlayError:
        return OverlayError(f"{path}: line {line}: {message}")

    name = (row.get("name") or "").strip()
    if not name:
        raise bad("name is empty")
    try:
        lat, lon = float(row.get("lat") or ""), float(row.get("lon") or "")
    except ValueError:
        raise bad(f"lat/lon must be numbers, got {row.get('lat')!r}, {row.get('lon')!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise bad(f"lat/lon out of range: {lat}, {lon}")
    kind = canonical_kind(row.get("kind") or "")
    if kind is None:
        raise bad(f"unknown kind {row.get('kind')!r}; use one of {', '.join(KINDS)}")
    country = (row.get("country") or "").strip().upper()
    if len(country) != 2 or not country.isalpha():
        raise bad(f"country must be a two-letter ISO code, got {row.get('country')!r}")
    raw_aliases = (row.get("aliases") or "").replace(";", "|")
    aliases = tuple(a.strip() for a in raw_aliases.split("|") if a.strip() and a.strip() != name)
    admin1 = (row.get("admin1") or "").strip() or None
    return Place(
        name=name, kind=kind, country_code=country, lat=lat, lon=lon,
        alternate_names=aliases, admin1=admin1 if kind != Kind.COUNTRY else None,
        source=f"overlay:{path.name}",
    )


def load(paths: Iterable[Path] | None = None) -> list[Place]:
    """Every place of the given overlay files (default: :func:`default_paths`)."""
    places: list[Place] = []
    for path in default_paths() if paths is None else paths:
        places.extend(read_places(path))
    return places
