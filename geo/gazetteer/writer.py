"""Writing places into a gazetteer file: the places table and their names, in the SQL name
tables or the in-memory index (:mod:`geo.nameindex`) that is stored beside them."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

import geo.nameindex as nameindex
from geo.exc import GazetteerMissingError
from geo.gazetteer.schema import COLUMNS, Progress, reach
from geo.names import ADMIN1_WORDS, normalize, skeleton, spelling
from geo.place import Kind, Place

# A province's name without its unit word is a name of it, unless the rest is a number or a
# common word ("First Governorate" is no "First").
_NUMBERED_UNITS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                   "tenth", "capital", "federal", "autonomous", "special", "national", "the"}


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
                    f"INSERT INTO places({COLUMNS}) VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    values,
                ).lastrowid
            else:
                conn.execute(
                    f"REPLACE INTO places({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
        self._conn.executemany(f"INSERT INTO places({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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


def open_writable(path: Path) -> sqlite3.Connection:
    """A connection for merging imports into an existing gazetteer file."""
    if not Path(path).exists():
        raise GazetteerMissingError(f"no gazetteer at {path}; run: python -m geo gazetteer build")
    conn = sqlite3.connect(path, timeout=60)
    conn.execute("PRAGMA busy_timeout = 60000")
    return conn
