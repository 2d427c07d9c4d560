"""The gazetteer file's layout: its tables, where it lives, and a place as its row (:class:`Match`)."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import platformdirs

from geo.place import Kind, Place

#: Bump when the table layout or the build rules change: stale files rebuild.
SCHEMA_VERSION = 25

ENV_PATH = "SITREP_GAZETTEER"

#: The skeleton index's reach for places other than towns: above every population floor.
REACH_ALWAYS = 2**62


def reach(kind: str, population: int) -> int:
    """A place's reach in the skeleton index: a town's population; REACH_ALWAYS for other kinds."""
    return population if kind == Kind.POPULATED_PLACE else REACH_ALWAYS


#: ``progress(stage, done, total)``; total is None when unknown.
Progress = Callable[[str, int, "int | None"], None]

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places(
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_code TEXT NOT NULL,
    admin1_code TEXT,
    admin1 TEXT,
    admin2_code TEXT,
    admin2 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    alternate_names TEXT NOT NULL DEFAULT ''
);
-- quality: 0 the place's own name, 1 an alternate name. (Repeating the
-- place's columns here to spare the join doubled the file and the build's
-- writes for a tenth off a lookup: measured, not kept.)
CREATE TABLE names(
    key TEXT NOT NULL, place_id INTEGER NOT NULL, quality INTEGER NOT NULL,
    PRIMARY KEY(key, place_id)
) WITHOUT ROWID;
-- spelling: geo.names.spelling() of the name that gave this skeleton, to
-- score how close a variant is without reading every alternate name; reach:
-- a town's population, or REACH_ALWAYS for the other kinds, in the key so
-- that the variants above a population floor are one range scan.
CREATE TABLE skeletons(
    key TEXT NOT NULL, reach INTEGER NOT NULL, place_id INTEGER NOT NULL, spelling TEXT NOT NULL,
    PRIMARY KEY(key, reach, place_id)
) WITHOUT ROWID;
CREATE TABLE demonyms(key TEXT PRIMARY KEY, country_code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE capitals(place_id INTEGER PRIMARY KEY);
-- geo.nameindex's arrays of the names and places above, rewritten whenever they change
CREATE TABLE lookup_index(part TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE imports(
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL,
    places INTEGER NOT NULL, imported_at TEXT NOT NULL
);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);
CREATE INDEX IF NOT EXISTS places_admin ON places(country_code, admin1_code, kind);
CREATE INDEX IF NOT EXISTS places_kind ON places(kind);
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);
CREATE INDEX IF NOT EXISTS skeletons_place ON skeletons(place_id);
"""
COLUMNS = (
    "id, geonameid, name, kind, country_code, admin1_code, admin1, admin2_code, "
    "admin2, lat, lon, population, source, alternate_names"
)


def default_path() -> Path:
    """``$SITREP_GAZETTEER``, else ``gazetteer.sqlite`` in the user cache directory."""
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("sitrep")) / "gazetteer.sqlite"


class Match(NamedTuple):
    """A place as its row in the file, read without building a :class:`Place`.

    Ranking reads a few fields of many matches and keeps one or a few;
    :meth:`Gazetteer.places` builds records for those. ``ref`` is the row id,
    or the :class:`Place` itself for an overlay place; ``alternate_names`` is
    the stored text (names joined by ``|``); the other fields mean what they
    mean on :class:`Place`.
    """

    ref: "int | Place"
    name: str
    kind: str
    country_code: str
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    lat: float
    lon: float
    population: int
    source: str
    geonameid: int | None
    admin2: str | None
    alternate_names: str

    @classmethod
    def of(cls, place: Place) -> "Match":
        return cls(place, place.name, place.kind, place.country_code, place.admin1_code,
                   place.admin1, place.admin2_code, place.lat, place.lon, place.population,
                   place.source, place.geonameid, place.admin2, "|".join(place.alternate_names))

    def raw(self) -> dict:
        """The record as :meth:`Place.as_dict` gives it, without building the Place."""
        if not isinstance(self.ref, int):
            return self.ref.as_dict()
        return {"name": self.name, "kind": self.kind, "country_code": self.country_code or None,
                "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid,
                "alternate_names": self.alternate_names.split("|") if self.alternate_names else [],
                "admin1_code": self.admin1_code, "admin1": self.admin1, "admin2_code": self.admin2_code,
                "admin2": self.admin2, "population": self.population, "source": self.source}

    def place(self) -> Place:
        """The whole record."""
        if not isinstance(self.ref, int):
            return self.ref
        return Place(
            geonameid=self.geonameid, name=self.name, kind=self.kind,
            country_code=self.country_code, admin1_code=self.admin1_code, admin1=self.admin1,
            admin2_code=self.admin2_code, admin2=self.admin2, lat=self.lat, lon=self.lon,
            population=self.population, source=self.source,
            alternate_names=tuple(self.alternate_names.split("|")) if self.alternate_names else (),
        )


# Columns in Match's order, for SELECTs from places (aliased p in joins).
MATCH_COLUMNS = ", ".join(("id", *Match._fields[1:]))
P_MATCH_COLUMNS = ", ".join("p." + f for f in ("id", *Match._fields[1:]))
