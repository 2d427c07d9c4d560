"""The offline gazetteer: one SQLite file of places and the names they go by.

Built on first use from the packages in :mod:`geo.sources`, into
``$SITREP_GAZETTEER`` or the user cache directory; rebuilt when those
packages' versions change. GeoNames dump files merged in with
``python -m geo gazetteer import`` are recorded and merged in again on a
rebuild. Custom places from CSV overlays (:mod:`geo.overlay`) are held in
memory beside the file.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import platformdirs

from geo import nameindex, regions, sources
from geo.exc import GazetteerBuildError, GazetteerMissingError
from geo.names import ADMIN1_WORDS, normalize, skeleton, spelling
from geo.place import Kind, Place

#: Bump when the table layout or the build rules change: stale files rebuild.
SCHEMA_VERSION = 25

ENV_PATH = "SITREP_GAZETTEER"

# A province's name without its unit word is a name of it, unless the rest is a number or a
# common word ("First Governorate" is no "First").
_NUMBERED_UNITS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                   "tenth", "capital", "federal", "autonomous", "special", "national", "the"}

# The file is about 110 MB; mapping more costs nothing until pages are read.
_MMAP_BYTES = 1 << 30

#: The skeleton index's reach for places other than towns: above every population floor.
REACH_ALWAYS = 2**62


def reach(kind: str, population: int) -> int:
    """A place's reach in the skeleton index: a town's population; REACH_ALWAYS for other kinds."""
    return population if kind == Kind.POPULATED_PLACE else REACH_ALWAYS


#: ``progress(stage, done, total)``; total is None when unknown.
Progress = Callable[[str, int, "int | None"], None]

_SCHEMA = """
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
_INDEXES = """
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);
CREATE INDEX IF NOT EXISTS places_admin ON places(country_code, admin1_code, kind);
CREATE INDEX IF NOT EXISTS places_kind ON places(kind);
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);
CREATE INDEX IF NOT EXISTS skeletons_place ON skeletons(place_id);
"""
_COLUMNS = (
    "id, geonameid, name, kind, country_code, admin1_code, admin1, admin2_code, "
    "admin2, lat, lon, population, source, alternate_names"
)


def default_path() -> Path:
    """``$SITREP_GAZETTEER``, else ``gazetteer.sqlite`` in the user cache directory."""
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("sitrep")) / "gazetteer.sqlite"


def inputs_stamp() -> str:
    """What a gazetteer file was built from; a different stamp means rebuild."""
    return json.dumps({"schema": SCHEMA_VERSION, **sources.package_versions()}, sort_keys=True)


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
_MATCH_COLUMNS = ", ".join(("id", *Match._fields[1:]))
_P_MATCH_COLUMNS = ", ".join("p." + f for f in ("id", *Match._fields[1:]))


def _stderr_progress(stage: str, done: int, total: int | None) -> None:
    tail = f"{done:,}/{total:,}" if total else f"{done:,}"
    print(f"\rgazetteer: {stage}: {tail}   ", end="", file=sys.stderr, flush=True)


class GazetteerWriter:
    """Adds places to an open gazetteer connection, indexing their names.

    With ``index`` (a :class:`geo.nameindex.Builder`), names go to the in-memory index that
    :meth:`store_index` stores, and to the SQL name tables only if the index cannot hold
    them; without it (imports), to the SQL name tables.
    """

    def __init__(self, conn: sqlite3.Connection, *, index: nameindex.Builder | None = None):
        self._conn = conn
        self._index = index
        # Rows are written in batches: one execute per place is slow.
        self._places: list[tuple] = []
        self._names: list[tuple] = []
        self._skeletons: list[tuple] = []

    def add(self, places: Iterable[Place], *, replace: bool = False,
            progress: Progress | None = None, stage: str = "places") -> int:
        """Insert places; with ``replace``, one with a known geonameid replaces its row."""
        if replace and self._index is not None:
            raise ValueError("an index fed as places are added cannot follow replacements; "
                             "rewrite it with nameindex.write() instead")
        conn, count = self._conn, 0
        # Without replacing, new places take the next row ids, given here so that their rows
        # can wait in a batch.
        next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM places").fetchone()[0]
        for place in places:
            pid = None
            if replace and place.geonameid is not None:
                found = conn.execute(
                    "SELECT id FROM places WHERE geonameid = ?", (place.geonameid,)
                ).fetchone()
                if found:
                    pid = found[0]
                    self._flush()  # its buffered index rows, if any, go before the delete
                    conn.execute("DELETE FROM names WHERE place_id = ?", (pid,))
                    conn.execute("DELETE FROM skeletons WHERE place_id = ?", (pid,))
            values = (
                place.geonameid, place.name, place.kind, place.country_code,
                place.admin1_code, place.admin1, place.admin2_code, place.admin2,
                place.lat, place.lon, place.population, place.source,
                "|".join(place.alternate_names),
            )
            if pid is None and not replace:
                pid, next_id = next_id, next_id + 1
                self._places.append((pid, *values))
                if self._index is not None:
                    self._index.place(pid, place.lat, place.lon, place.population, place.geonameid,
                                      place.name, values[-1], (
                                          place.kind, place.country_code, place.admin1_code, place.admin1,
                                          place.admin2_code, place.source, place.admin2))
            elif pid is None:  # at once: a later row of the import may look this one up
                pid = conn.execute(
                    f"INSERT INTO places({_COLUMNS}) VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    values,
                ).lastrowid
            else:
                conn.execute(
                    f"REPLACE INTO places({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (pid, *values),
                )
            self._index_names(pid, place)
            count += 1
            if count % 20000 == 0:
                self._flush()
                if progress:
                    progress(stage, count, None)
        self._flush()
        return count

    def _flush(self) -> None:
        self._conn.executemany(f"INSERT INTO places({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                               self._places)
        self._places.clear()
        self._conn.executemany(nameindex.INSERT_NAME, self._names)
        self._conn.executemany(nameindex.INSERT_SKELETON, self._skeletons)
        self._names.clear()
        self._skeletons.clear()

    def add_name(self, pid: int, key: str) -> int:
        """Index one more (alternate) name of a stored place; the number of rows added."""
        added = self._conn.execute(nameindex.INSERT_NAME, (key, pid, 1)).rowcount
        skel = skeleton(key)
        if skel and added:
            kind, population = self._conn.execute(
                "SELECT kind, population FROM places WHERE id = ?", (pid,)).fetchone()
            self._conn.execute(nameindex.INSERT_SKELETON, (skel, reach(kind, population), pid, spelling(key)))
        return added

    def _index_names(self, pid: int, place: Place) -> None:
        keys = {}
        for quality, name in enumerate((place.name, *place.alternate_names)):
            key = normalize(name)
            if key and key not in keys:
                keys[key] = min(quality, 1)
        if place.kind == Kind.ADMIN1:
            # "Western Province" is what a text calls "Western": a province's name without its
            # unit word is a name of it too (a county's is not: "Boone" is no county)
            for key in list(keys):
                words = key.split()
                if len(words) > 1 and words[-1] in ADMIN1_WORDS and words[0] not in _NUMBERED_UNITS:
                    keys.setdefault(" ".join(words[:-1]), 1)
        skels: dict[str, str] = {}
        for key in keys:
            skel = skeleton(key)
            if skel and skel not in skels:
                skels[skel] = spelling(key)
        level = reach(place.kind, place.population)
        if self._index is None:
            self._names.extend((k, pid, q) for k, q in keys.items())
            self._skeletons.extend((s, level, pid, sp) for s, sp in skels.items())
        else:
            for k, q in keys.items():
                self._index.name(k, pid, q)
            for s, sp in skels.items():
                self._index.skeleton(s, level, pid, sp)

    def store_index(self) -> bool:
        """Store the in-memory index fed by this writer's places (see :mod:`geo.nameindex`);
        where it cannot hold them, write their names to the SQL name tables instead."""
        if self._index is None:
            raise ValueError("this writer was not given an index to feed")
        self._flush()
        top = self._conn.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0]
        parts = self._index.parts(top)
        if parts is None:
            self._names, self._skeletons = self._index.rows()
            self._flush()
        return nameindex.store(self._conn, parts)

    def add_demonyms(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._conn.executemany(
            "INSERT OR IGNORE INTO demonyms(key, country_code) VALUES (?,?)",
            [(normalize(d), cc) for d, cc in pairs if normalize(d)],
        )

    def add_capitals(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Mark each country's capital, given as (country code, name): the most populous town
        of the country by that name (GeoNames' capitals, "Washington", are town names)."""
        self._flush()
        for cc, name in pairs:
            key = normalize(name)
            if self._index is not None:
                quality = dict(self._index.named(key))
                rows = self._conn.execute(
                    f"SELECT id, population FROM places WHERE id IN ({','.join('?' * len(quality))}) "
                    "AND country_code = ? AND kind = 'populated place'", (*quality, cc)).fetchall()
                row = min(rows, key=lambda r: (quality[r[0]], -r[1]), default=None)
            else:
                row = self._conn.execute(
                    "SELECT p.id FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? "
                    "AND p.country_code = ? AND p.kind = 'populated place' "
                    "ORDER BY n.quality, p.population DESC LIMIT 1", (key, cc)).fetchone()
            if row:
                self._conn.execute("INSERT OR IGNORE INTO capitals(place_id) VALUES (?)", row[:1])

    def record_import(self, path: Path, places: int) -> None:
        st = path.stat()
        self._conn.execute(
            "REPLACE INTO imports(path, size, mtime, places, imported_at) VALUES (?,?,?,?,?)",
            (str(path.resolve()), st.st_size, st.st_mtime, places,
             datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """Serialise builds of one file across processes (parallel workers start together)."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _file_stamp(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'inputs'").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _recorded_imports(path: Path) -> list[str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return [r[0] for r in conn.execute("SELECT path FROM imports ORDER BY imported_at")]
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def _noting_region_parts(places: Iterable[Place], admin1s: dict, towns: dict) -> Iterator[Place]:
    """``places`` unchanged, noting on the way the points of the provinces and towns that
    :data:`geo.regions.SUBNATIONAL` regions are made of."""
    wanted = {town for _, _, _, town in regions.SUBNATIONAL.values() if town is not None}
    for p in places:
        if p.kind == Kind.ADMIN1 and p.admin1_code:
            admin1s[(p.country_code, p.admin1_code)] = (p.lat, p.lon, p.population)
        elif p.geonameid in wanted:
            towns[p.geonameid] = (p.lat, p.lon, p.population)
        yield p


def build(path: Path | None = None, *, progress: Progress | None = None) -> Path:
    """Build the gazetteer file from the source packages, atomically.

    The file is written beside ``path`` under a temporary name and moved into
    place only when complete, so a killed build leaves no half file.
    GeoNames files imported into a previous build are imported again.
    """
    path = Path(path) if path else default_path()
    progress = progress or (lambda *a: None)
    reimport = [p for p in _recorded_imports(path) if Path(p).exists()] if path.exists() else []
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
            conn.executescript(_SCHEMA)
            writer = GazetteerWriter(conn, index=nameindex.Builder())
            with conn:
                progress("countries", 0, None)
                writer.add(sources.countries(), progress=progress, stage="countries")
                writer.add(sources.world_regions(), progress=progress, stage="world regions")
                writer.add_demonyms(sources.demonyms())
                admin1s: dict = {}
                towns: dict = {}
                writer.add(_noting_region_parts(sources.places_from_packages(), admin1s, towns),
                           progress=progress, stage="places")
                writer.add(regions.subnational_regions(admin1s, towns), progress=progress,
                           stage="regions")
                writer.add_capitals(sources.capitals())
            progress("indexing", 0, None)
            conn.executescript(_INDEXES)
            conn.execute("REPLACE INTO meta(key, value) VALUES ('inputs', ?)", (inputs_stamp(),))
            conn.execute(
                "REPLACE INTO meta(key, value) VALUES ('built_at', ?)",
                (datetime.now(timezone.utc).isoformat(timespec="seconds"),),
            )
            conn.commit()
            progress("lookup index", 0, None)
            with conn:
                writer.store_index()
            if reimport:  # after the index: an import turns it back into the SQL name tables
                from geo.geonames import import_files

                import_files(conn, [Path(p) for p in reimport], progress=progress)
            conn.execute("ANALYZE")
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def create(path: Path, places: Iterable[Place] = (), *,
           demonyms: Iterable[tuple[str, str]] = (), capitals: Iterable[tuple[str, str]] = ()) -> Path:
    """Write a gazetteer file holding only the given places (for tests and small setups)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(_SCHEMA)
        writer = GazetteerWriter(conn, index=nameindex.Builder())
        with conn:
            writer.add(places)
            writer.add_demonyms(demonyms)
            writer.add_capitals(capitals)
            conn.executescript(_INDEXES)
            writer.store_index()
            conn.execute("REPLACE INTO meta(key, value) VALUES ('inputs', ?)", (inputs_stamp(),))
            conn.execute("REPLACE INTO meta(key, value) VALUES ('built_at', ?)",
                         (datetime.now(timezone.utc).isoformat(timespec="seconds"),))
    finally:
        conn.close()
    return path


def ensure(path: Path | None = None, *, progress: Progress | None = None) -> Path:
    """The path of an up-to-date gazetteer file, building it if missing or stale."""
    path = Path(path) if path else default_path()
    stamp = inputs_stamp()
    if path.exists() and _file_stamp(path) == stamp:
        return path
    try:
        with _build_lock(path):
            # Another process may have finished the build while we waited.
            if not (path.exists() and _file_stamp(path) == stamp):
                build(path, progress=progress)
    except (OSError, sqlite3.Error) as exc:
        if isinstance(exc, GazetteerMissingError):
            raise
        raise GazetteerBuildError(f"could not build the gazetteer at {path}: {exc}") from exc
    return path


class Gazetteer:
    """Read access to a gazetteer file, plus in-memory overlay places.

    ``lookup`` returns ``(place, quality)`` pairs: quality 0 is the place's
    own name, 1 an alternate name. ``matches`` and ``fuzzy`` (transliteration
    variants) return light :class:`Match` rows for ranking; ``places`` reads
    the whole records of those worth it.
    """

    def __init__(self, path: Path, *, overlay: Iterable[Place] = ()):
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerMissingError(
                f"no gazetteer at {self.path}; run: python -m geo gazetteer build"
            )
        self._conn = sqlite3.connect(
            f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
        )
        self._conn.execute("PRAGMA query_only = 1")
        # Lookups jump between the name index and the places table: mapped pages
        # are read without a copy through SQLite's page cache.
        self._conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        self._overlay_names: dict[str, list[tuple[Place, int]]] = {}
        self._overlay_skeletons: dict[str, list[tuple[Place, str]]] = {}
        self.overlay = tuple(overlay)
        for place in self.overlay:
            for quality, name in enumerate((place.name, *place.alternate_names)):
                key = normalize(name)
                if key:
                    self._overlay_names.setdefault(key, []).append((place, min(quality, 1)))
                    skel = skeleton(key)
                    if skel:
                        self._overlay_skeletons.setdefault(skel, []).append((place, spelling(key)))
        # None for a file too large to hold in memory, or written before the index: SQL then.
        with self._unmapped():
            self._index = nameindex.NameIndex.load(self._conn, row=Match)
        # Answers to recent queries, by (table, key[, floor]).
        self._cache: dict[tuple, list] = {}
        self._demonyms: dict[str, str] | None = None
        self._capitals: frozenset | None = None

    @classmethod
    def open(cls, path: Path | None = None, *, overlay: Iterable[Place] = (),
             build_if_missing: bool = True, progress: Progress | None = None) -> "Gazetteer":
        """Open the gazetteer, building or rebuilding it first when needed."""
        if build_if_missing:
            path = ensure(path, progress=progress)
        return cls(Path(path) if path else default_path(), overlay=overlay)

    @contextmanager
    def _unmapped(self) -> Iterator[None]:
        """For reading a whole table or blob: through SQLite's small page cache, where mapped
        pages would stay resident after the read (beside the copies made of them)."""
        self._conn.execute("PRAGMA mmap_size = 0")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _remember(self, cache_key: tuple, found: list) -> list:
        if len(self._cache) > 20_000:
            self._cache.clear()
        self._cache[cache_key] = found
        return found

    def matches(self, key: str) -> list[tuple[Match, int]]:
        """``(match, quality)`` for the places whose name or alternate name normalizes to ``key``.

        A :class:`Match` carries what ranking needs; :meth:`places` reads the
        whole records of the few that are kept.
        """
        if not key:
            return []
        overlay = self._overlay_names.get(key, ())
        if self._index is not None:
            # No cache here: the arrays answer in microseconds, and cached rows would only be
            # more objects for the garbage collector to walk on every full collection.
            found = self._index.matches(key)
            return found + [(Match.of(p), q) for p, q in overlay] if overlay else found
        hit = self._cache.get(("names", key))
        if hit is not None:
            return hit
        rows = self._conn.execute(
            f"SELECT {_P_MATCH_COLUMNS}, n.quality "
            "FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?",
            (key,),
        ).fetchall()
        found = [(Match._make(r[:-1]), r[-1]) for r in rows]
        found += [(Match.of(p), q) for p, q in overlay]
        return self._remember(("names", key), found)

    def places(self, matches: Iterable[Match]) -> list[Place]:
        """The whole records of ``matches``, in order."""
        return [m.place() for m in matches]

    def lookup(self, key: str) -> list[tuple[Place, int]]:
        """``(place, quality)`` for the places whose name or alternate name normalizes to ``key``."""
        found = self.matches(key)
        return list(zip(self.places(m for m, _ in found), (q for _, q in found)))

    def fuzzy(self, key: str, *, keep: Callable[[str], bool] | None = None,
              min_town_population: int = 0) -> list[tuple[Match, str]]:
        """Places with a name of the same :func:`~geo.names.skeleton` as ``key``,
        as ``(match, spelling)`` where spelling is that name's :func:`~geo.names.spelling`.

        ``keep``, a test on the spelling, and ``min_town_population``, a floor
        for populated places (other kinds always pass), limit the answer:
        the index drops the towns below the floor, and only the places whose
        spelling passes ``keep`` are read further.
        """
        skel = skeleton(key)
        if not skel:
            return []
        floor = min(min_town_population, REACH_ALWAYS)
        if self._index is not None:
            refs = self._index.skeleton_refs(skel, floor)
        else:
            cache_key = ("skeletons", skel, floor)
            refs = self._cache.get(cache_key)
            if refs is None:
                refs = self._remember(cache_key, self._conn.execute(
                    "SELECT place_id, spelling FROM skeletons WHERE key = ? AND reach >= ?", (skel, floor),
                ).fetchall())
        overlay = self._overlay_skeletons.get(skel)
        if overlay:
            refs = refs + [(p, sp) for p, sp in overlay if reach(p.kind, p.population) >= floor]
        kept = [(ref, sp) for ref, sp in refs if keep is None or keep(sp)]
        ids = [ref for ref, _ in kept if isinstance(ref, int)]
        rows = {}
        if ids and self._index is not None:
            rows = self._index.rows(ids)
        elif ids:
            rows = {r[0]: Match._make(r) for r in self._conn.execute(
                f"SELECT {_MATCH_COLUMNS} FROM places "
                f"WHERE id IN ({','.join('?' * len(ids))})", ids)}
        return [(rows[ref] if isinstance(ref, int) else Match.of(ref), sp) for ref, sp in kept
                if not isinstance(ref, int) or ref in rows]

    def capitals(self) -> frozenset:
        """The row ids of the countries' capitals."""
        if self._capitals is None:
            self._capitals = frozenset(r for r, in self._conn.execute("SELECT place_id FROM capitals"))
        return self._capitals

    def demonym(self, key: str) -> str | None:
        """The country code for a demonym such as ``afghan``, else None."""
        if self._demonyms is None:
            # a few hundred rows, asked about for every candidate name the parser meets
            self._demonyms = dict(self._conn.execute("SELECT key, country_code FROM demonyms"))
        return self._demonyms.get(key)

    def admin_unit(self, country_code: str, admin1_code: str, admin2_code: str | None = None) -> Place | None:
        """The admin1 (or admin2) record with these GeoNames codes."""
        if admin2_code:
            row = self._conn.execute(
                f"SELECT {_MATCH_COLUMNS} FROM places WHERE country_code = ? AND admin1_code = ? "
                "AND kind = 'admin2' AND admin2_code = ? LIMIT 1",
                (country_code, admin1_code, admin2_code),
            ).fetchone()
        else:
            row = self._conn.execute(
                f"SELECT {_MATCH_COLUMNS} FROM places WHERE country_code = ? AND admin1_code = ? "
                "AND kind = 'admin1' LIMIT 1",
                (country_code, admin1_code),
            ).fetchone()
        return Match._make(row).place() if row else None

    def places_of_kind(self, kind: str) -> list[Place]:
        """Every record of one kind (for example all countries), overlay included."""
        with self._unmapped():
            rows = self._conn.execute(f"SELECT {_MATCH_COLUMNS} FROM places WHERE kind = ?", (kind,)).fetchall()
        return [Match._make(r).place() for r in rows] + [p for p in self.overlay if p.kind == kind]

    def info(self) -> dict:
        """Counts and provenance of the file, for ``gazetteer info``."""
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        kinds = dict(self._conn.execute("SELECT kind, count(*) FROM places GROUP BY kind"))
        imports = [
            {"path": p, "places": n, "imported_at": t}
            for p, n, t in self._conn.execute("SELECT path, places, imported_at FROM imports")
        ]
        return {
            "path": str(self.path),
            "size_bytes": self.path.stat().st_size,
            "built_at": meta.get("built_at"),
            "inputs": json.loads(meta.get("inputs", "{}")),
            "places_by_kind": kinds,
            "overlay_places": len(self.overlay),
            "imports": imports,
        }


def open_writable(path: Path) -> sqlite3.Connection:
    """A connection for merging imports into an existing gazetteer file."""
    if not Path(path).exists():
        raise GazetteerMissingError(f"no gazetteer at {path}; run: python -m geo gazetteer build")
    conn = sqlite3.connect(path, timeout=60)
    conn.execute("PRAGMA busy_timeout = 60000")
    return conn


#: At most this many boxes in one :func:`largest_towns` query (five SQL parameters each).
MAX_TOWN_BOXES = 50


def largest_towns(boxes: Iterable[tuple[float, float, float, float]], *, path: Path | None = None,
                  per_box: int = 8, min_population: int = 5000,
                  limit: int = 200) -> list[tuple[str, float, float, int]]:
    """(name, lat, lon, population) of the most populous towns in each (south, west, north,
    east) box: at most ``per_box`` a box (the first :data:`MAX_TOWN_BOXES` boxes) and
    ``limit`` in all, most populous first, each town once. One read of the file without its
    name index (50-100 ms); raises :class:`GazetteerMissingError` where there is no file."""
    boxes = list(boxes)[:MAX_TOWN_BOXES]
    path = Path(path) if path else default_path()
    if not boxes:
        return []
    if not path.exists():
        raise GazetteerMissingError(f"no gazetteer at {path}; run: python -m geo gazetteer build")
    values = ", ".join("(?, ?, ?, ?, ?)" for _ in boxes)
    # One pass over the places (NOT INDEXED: the kind index would add a lookup per row), each
    # tested against the few boxes; the population floor spares that test for most villages.
    sql = (f"WITH boxes(id, s, w, n, e) AS (VALUES {values}) "
           "SELECT id, name, lat, lon, population FROM ("
           "  SELECT p.id, p.name, p.lat, p.lon, p.population,"
           "         ROW_NUMBER() OVER (PARTITION BY b.id ORDER BY p.population DESC, p.id) AS rank"
           "  FROM places p NOT INDEXED CROSS JOIN boxes b"
           "  WHERE p.kind = 'populated place' AND p.population >= ?"
           "    AND p.lat BETWEEN b.s AND b.n AND p.lon BETWEEN b.w AND b.e"
           ") WHERE rank <= ? ORDER BY population DESC, id LIMIT ?")
    params = [x for i, (s, w, n, e) in enumerate(boxes) for x in (i, s, w, n, e)]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # twice the limit: overlapping boxes may give a town twice, once is kept
        rows = conn.execute(sql, [*params, min_population, per_box, limit * 2]).fetchall()
    finally:
        conn.close()
    seen: set[int] = set()
    out = []
    for pid, name, lat, lon, population in rows:
        if pid not in seen:  # a town in two overlapping boxes
            seen.add(pid)
            out.append((name, lat, lon, population))
    return out[:limit]
