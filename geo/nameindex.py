"""The gazetteer's names and places, held in memory as flat arrays for fast lookups.

A lookup in SQLite costs a B-tree search per name and another per place it
names; here it is one dict lookup and a read of one fixed-size record per
place. Spelling variants are found by bisection among their keys' CRC-32s.
The arrays are stored in the gazetteer file itself (table ``lookup_index``)
by the build, so they always describe the file they are in, and are read in a
few tenths of a second. The SQL tables ``names`` and ``skeletons`` hold the
same rows only where the arrays cannot (more than :data:`MAX_PLACES` places,
as after a full GeoNames import) or where an import needs them:
:func:`remove` turns the arrays back into those tables and :func:`write`
builds the arrays again from them.

:meth:`NameIndex.matches` and :meth:`NameIndex.skeleton_refs` answer exactly
as the SQL they replace, row for row and in the same order.
"""
from __future__ import annotations

import sqlite3
import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, chain
from zlib import crc32

#: Above this many places the arrays would cost more memory than they save time.
MAX_PLACES = 2_000_000

# Texts that many places share, stored once in a table of strings and by number in the records.
_SHARED = ("kind", "country_code", "admin1_code", "admin1", "admin2_code", "source", "admin2")
# One record per place id: lat, lon, population, geonameid (-1 for none), where its own texts
# (name, then alternate names) start in one blob of UTF-8 and their lengths, then the numbers
# of its shared texts (0 for none). A record is one or two cache lines: a place's fields in
# separate arrays cost a cache miss each, and lookups here are bound by memory, not arithmetic.
_RECORD = struct.Struct(f"<ddqqIII{len(_SHARED)}I")
_SEP = "\x00"
#: The SQL name tables' inserts, shared by the writers that fill those tables and by :func:`remove`.
INSERT_NAME = "INSERT OR IGNORE INTO names(key, place_id, quality) VALUES (?, ?, ?)"
INSERT_SKELETON = "INSERT OR IGNORE INTO skeletons(key, reach, place_id, spelling) VALUES (?, ?, ?, ?)"
_new_tuple = tuple.__new__
_PARTS = frozenset({
    "byteorder", "keys", "starts", "postings", "strings", "records", "own",
    "skeleton_keys", "skeleton_key_starts", "skeleton_hashes", "skeleton_by_hash", "skeleton_starts",
    "skeleton_rows", "skeleton_reach", "skeleton_places", "skeleton_spelling_starts", "skeleton_spellings"})


class Builder:
    """Collects places and their name keys, as a writer adds them or as a file is read back,
    and gives the parts of the index."""

    def __init__(self):
        self._records = bytearray()
        self._own = bytearray()
        self._strings: dict[str | None, int] = {None: 0}
        self._postings: dict[str, list[int]] = {}
        # skeleton rows in the order fed: the number of their key, reach, place id, spelling
        self._skeleton_keys: dict[str, int] = {}
        self._skeleton_rows: tuple[list, ...] = ([], [], [], [])
        self.places = 0

    def place(self, pid: int, lat: float, lon: float, population: int, geonameid: int | None,
              name: str, alternates: str, shared: Iterable[str | None]) -> None:
        """A place's record; ``shared`` are its texts in :data:`_SHARED`'s order."""
        end = (pid + 1) * _RECORD.size
        if len(self._records) < end:  # ids grow by one; gaps (deleted ids) stay zero: no kind
            self._records += bytes(max(end - len(self._records), len(self._records) // 2))
        start = len(self._own)
        name_bytes, alternate_bytes = name.encode(), alternates.encode()
        self._own += name_bytes
        self._own += alternate_bytes
        strings = self._strings
        _RECORD.pack_into(self._records, pid * _RECORD.size, lat, lon, population,
                          -1 if geonameid is None else geonameid, start, len(name_bytes),
                          len(alternate_bytes), *[strings.setdefault(t, len(strings)) for t in shared])
        self.places += 1

    def name(self, key: str, pid: int, quality: int) -> None:
        """One name row; a key's rows must come in increasing place id, as SQL returns them."""
        postings = self._postings.get(key)
        if postings is None:
            self._postings[key] = [pid * 2 + quality]
        else:
            postings.append(pid * 2 + quality)

    def skeleton(self, key: str, reach: int, pid: int, spelling: str) -> None:
        """One row of the skeleton index (see :meth:`geo.gazetteer.Gazetteer.fuzzy`)."""
        number = self._skeleton_keys.get(key)
        if number is None:
            number = self._skeleton_keys[key] = len(self._skeleton_keys)
        numbers, reaches, places, spellings = self._skeleton_rows
        numbers.append(number)
        reaches.append(reach)
        places.append(pid)
        spellings.append(spelling)

    def named(self, key: str) -> list[tuple[int, int]]:
        """``(place id, quality)`` of the places fed under ``key``."""
        return [(p >> 1, p & 1) for p in self._postings.get(key, ())]

    def rows(self) -> tuple[list[tuple], list[tuple]]:
        """The fed names as rows of the SQL tables ``names`` and ``skeletons``."""
        names = [(key, p >> 1, p & 1) for key, postings in self._postings.items() for p in postings]
        keys = list(self._skeleton_keys)
        numbers, reaches, places, spellings = self._skeleton_rows
        return names, [(keys[n], r, p, sp) for n, r, p, sp in zip(numbers, reaches, places, spellings)]

    def parts(self, top: int) -> dict[str, bytes] | None:
        """The index's parts for a file whose largest place id is ``top``; None if it cannot hold it."""
        import numpy as np  # to sort by checksum in C; lookups do without it

        strings = [s for s in self._strings if s is not None]
        if self.places > MAX_PLACES or any(_SEP in t for t in chain(self._postings, strings)):
            return None
        records = self._records[:(top + 1) * _RECORD.size]
        records += bytes((top + 1) * _RECORD.size - len(records))
        starts = array("I", accumulate(map(len, self._postings.values()), initial=0))
        # Skeletons are looked up less often than names: their keys by checksum, for bisection,
        # where a dict would cost a fifth of a second at every load. Their rows stay in the order
        # fed; "rows" lists them by key, then reach and place id, as SQL's primary key orders them.
        keys = [key.encode() for key in self._skeleton_keys]
        hashes = np.fromiter(map(crc32, keys), np.uint32, len(keys))
        by_hash = np.argsort(hashes, kind="stable")
        numbers, reaches, places, spellings = self._skeleton_rows
        numbers, reaches, places = (np.array(column, np.int64) for column in (numbers, reaches, places))
        rows = np.lexsort((places, reaches, numbers))
        text = "".join(spellings)
        if not text.isascii():  # spellings of normalized names are ASCII, where a letter is a byte
            spellings = [sp.encode() for sp in spellings]
        return {  # numbers in this machine's byte order, as NameIndex reads them (see "byteorder")
            "skeleton_keys": b"".join(keys),
            "skeleton_key_starts": array("I", accumulate(map(len, keys), initial=0)).tobytes(),
            "skeleton_hashes": hashes[by_hash].astype(np.uint32).tobytes(),
            "skeleton_by_hash": by_hash.astype(np.uint32).tobytes(),
            "skeleton_starts": array("I", accumulate(np.bincount(numbers, minlength=len(keys)).tolist(),
                                                     initial=0)).tobytes(),
            "skeleton_rows": rows.astype(np.uint32).tobytes(),
            "skeleton_reach": reaches.astype(np.int64).tobytes(),
            "skeleton_places": places.astype(np.uint32).tobytes(),
            "skeleton_spelling_starts": array("I", accumulate(map(len, spellings), initial=0)).tobytes(),
            "skeleton_spellings": text.encode(),
            "byteorder": sys.byteorder.encode(),
            "keys": _SEP.join(self._postings).encode(),
            "starts": starts.tobytes(),
            "postings": array("I", chain.from_iterable(self._postings.values())).tobytes(),
            "strings": _SEP.join(strings).encode(),
            "records": bytes(records), "own": bytes(self._own),
        }


def store(conn: sqlite3.Connection, parts: dict[str, bytes] | None) -> bool:
    """Replace the index stored in the file with ``parts`` (none: no index). The caller commits."""
    conn.execute("CREATE TABLE IF NOT EXISTS lookup_index(part TEXT PRIMARY KEY, data BLOB NOT NULL)")
    conn.execute("DELETE FROM lookup_index")
    if parts is None:
        return False
    conn.executemany("INSERT INTO lookup_index(part, data) VALUES (?, ?)", parts.items())
    return True


def write(conn: sqlite3.Connection) -> bool:
    """(Re)write the index from the places and names in the file open on ``conn``; False when
    it is too large to hold (any old index is removed then). The caller commits."""
    count, top = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM places").fetchone()
    if count > MAX_PLACES:
        return store(conn, None)
    builder = Builder()
    for pid, lat, lon, population, geonameid, name, alternates, *shared in conn.execute(
            f"SELECT id, lat, lon, population, geonameid, name, alternate_names, {', '.join(_SHARED)} "
            "FROM places"):
        builder.place(pid, lat, lon, population, geonameid, name, alternates, shared)
    # in the primary key's order: a name's places by increasing id
    for key, pid, quality in conn.execute("SELECT key, place_id, quality FROM names"):
        builder.name(key, pid, quality)
    for key, reach, pid, spelling in conn.execute("SELECT key, reach, place_id, spelling FROM skeletons"):
        builder.skeleton(key, reach, pid, spelling)
    return store(conn, builder.parts(top))


def remove(conn: sqlite3.Connection) -> None:
    """Drop the index, for a writer about to change places or names; first write its names
    to the SQL name tables, which such writers use, where only the index held them.
    The caller commits."""
    try:
        parts = dict(conn.execute("SELECT part, data FROM lookup_index"))
    except sqlite3.OperationalError:  # no index
        return
    if parts and _PARTS <= parts.keys() and conn.execute("SELECT 1 FROM names LIMIT 1").fetchone() is None:
        def numbers(code: str, name: str) -> memoryview:
            return _numbers(parts, code, name)

        keys, starts, postings = _texts(parts["keys"]), numbers("I", "starts"), numbers("I", "postings")
        conn.executemany(INSERT_NAME, (
            (key, postings[j] >> 1, postings[j] & 1)
            for i, key in enumerate(keys) for j in range(starts[i], starts[i + 1])))
        bounds, blob = numbers("I", "skeleton_key_starts"), parts["skeleton_keys"]
        keys = [blob[bounds[i]:bounds[i + 1]].decode() for i in range(len(bounds) - 1)]
        starts, rows = numbers("I", "skeleton_starts"), numbers("I", "skeleton_rows")
        reach, places = numbers("q", "skeleton_reach"), numbers("I", "skeleton_places")
        at, spellings = numbers("I", "skeleton_spelling_starts"), parts["skeleton_spellings"]
        conn.executemany(INSERT_SKELETON, (
            (key, reach[r], places[r], spellings[at[r]:at[r + 1]].decode())
            for i, key in enumerate(keys) for r in rows[starts[i]:starts[i + 1]]))
    conn.execute("DROP TABLE lookup_index")


def _texts(blob: bytes) -> list[str]:
    return blob.decode().split(_SEP) if blob else []


def _numbers(parts: dict[str, bytes], code: str, name: str) -> memoryview:
    """A part's numbers, read in place (no copy of the blob)."""
    return memoryview(parts[name]).cast(code)


class NameIndex:
    """Names and places of a gazetteer file, in memory; see the module's docstring."""

    def __init__(self, parts: dict[str, bytes], *, row: type[tuple]):
        def numbers(code: str, name: str) -> memoryview:
            return _numbers(parts, code, name)

        self._row = row
        # name -> its number; a dict of strings and ints is not tracked by the garbage collector
        self._keys = {k: i for i, k in enumerate(_texts(parts["keys"]))}
        self._starts = numbers("I", "starts")
        self._postings = numbers("I", "postings")
        # Tuples of strings: the collector stops tracking them, where it would walk lists of
        # a million items on every full collection.
        self._strings = (None, *parts["strings"].decode().split(_SEP)) if parts["strings"] else (None,)
        self._records, self._own = parts["records"], parts["own"]
        self._skeleton_keys = parts["skeleton_keys"]
        self._skeleton_key_starts = numbers("I", "skeleton_key_starts")
        self._skeleton_hashes = numbers("I", "skeleton_hashes")
        self._skeleton_by_hash = numbers("I", "skeleton_by_hash")
        self._skeleton_starts = numbers("I", "skeleton_starts")
        self._skeleton_rows = numbers("I", "skeleton_rows")
        self._skeleton_reach = numbers("q", "skeleton_reach")
        self._skeleton_places = numbers("I", "skeleton_places")
        self._spelling_starts = numbers("I", "skeleton_spelling_starts")
        self._spellings = parts["skeleton_spellings"]
        self._unpack = _RECORD.unpack_from

    @classmethod
    def load(cls, conn: sqlite3.Connection, *, row: type[tuple]) -> "NameIndex | None":
        """The index stored in the gazetteer on ``conn``, or None where there is none
        (an old file, a large import) or it does not fit the file's places."""
        try:
            parts = dict(conn.execute("SELECT part, data FROM lookup_index"))
        except sqlite3.OperationalError:  # no such table: a file written before the index
            return None
        if parts.get("byteorder") != sys.byteorder.encode() or not _PARTS <= parts.keys():
            return None
        top = conn.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0]
        if len(parts.get("records", b"")) != _RECORD.size * (top + 1):
            return None
        return cls(parts, row=row)

    def __len__(self) -> int:
        return len(self._keys)

    def matches(self, key: str) -> list[tuple[tuple, int]]:
        """``(row, quality)`` for the places a normalized name names; rows as ``row`` builds them."""
        i = self._keys.get(key)
        if i is None:
            return []
        make = self._place
        return [(make(p >> 1), p & 1) for p in self._postings[self._starts[i]:self._starts[i + 1]]]

    def skeleton_refs(self, key: str, min_reach: int) -> list[tuple[int, str]]:
        """``(place id, spelling)`` of the skeleton index's rows for ``key`` with a reach of at
        least ``min_reach``, as ``SELECT place_id, spelling FROM skeletons`` gives them."""
        data = key.encode()
        hashes, h = self._skeleton_hashes, crc32(data)
        bounds, keys = self._skeleton_key_starts, self._skeleton_keys
        i = bisect_left(hashes, h)
        while i < len(hashes) and hashes[i] == h:
            number = self._skeleton_by_hash[i]
            if keys[bounds[number]:bounds[number + 1]] == data:
                break
            i += 1  # another skeleton with the same checksum
        else:
            return []
        reach, places, at, text = self._skeleton_reach, self._skeleton_places, self._spelling_starts, self._spellings
        rows, end = self._skeleton_rows, self._skeleton_starts[number + 1]
        # a key's rows go by increasing reach: the floor is a bisection, not a scan
        first = bisect_left(rows, min_reach, self._skeleton_starts[number], end, key=reach.__getitem__)
        return [(places[r], text[at[r]:at[r + 1]].decode()) for r in rows[first:end]]

    def rows(self, ids: Iterable[int]) -> dict[int, tuple]:
        """The rows of places by id (ids not in the file are left out)."""
        top = len(self._records) // _RECORD.size
        found = {}
        for pid in ids:
            if 0 < pid < top:
                row = self._place(pid)
                if row[2] is not None:  # a gap left by a deleted place has no kind
                    found[pid] = row
        return found

    def _place(self, pid: int) -> tuple:
        lat, lon, population, geonameid, start, named, alternated, kind, cc, a1c, a1, a2c, source, a2 = \
            self._unpack(self._records, pid * _RECORD.size)
        s, own = self._strings, self._own
        middle = start + named
        # tuple.__new__ spares the named tuple's own __new__, a Python call per row
        return _new_tuple(self._row, (
            pid, own[start:middle].decode(), s[kind], s[cc], s[a1c], s[a1], s[a2c], lat, lon, population,
            s[source], geonameid if geonameid >= 0 else None, s[a2], own[middle:middle + alternated].decode()))
