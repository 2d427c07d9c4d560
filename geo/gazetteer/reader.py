"""Read access to a gazetteer file: :class:`Gazetteer` (names to places, for the geocoder) and
:func:`largest_towns` (for the map's labels)."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import geo.nameindex as nameindex
from geo.exc import GazetteerMissingError
from geo.gazetteer.builder import ensure
from geo.gazetteer.schema import (MATCH_COLUMNS, P_MATCH_COLUMNS, REACH_ALWAYS, Match, Progress, default_path,
                                  reach)
from geo.names import normalize, skeleton, spelling
from geo.place import Place

# The file is about 110 MB; mapping more costs nothing until pages are read.
_MMAP_BYTES = 1 << 30


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
            f"SELECT {P_MATCH_COLUMNS}, n.quality "
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
                f"SELECT {MATCH_COLUMNS} FROM places "
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
                f"SELECT {MATCH_COLUMNS} FROM places WHERE country_code = ? AND admin1_code = ? "
                "AND kind = 'admin2' AND admin2_code = ? LIMIT 1",
                (country_code, admin1_code, admin2_code),
            ).fetchone()
        else:
            row = self._conn.execute(
                f"SELECT {MATCH_COLUMNS} FROM places WHERE country_code = ? AND admin1_code = ? "
                "AND kind = 'admin1' LIMIT 1",
                (country_code, admin1_code),
            ).fetchone()
        return Match._make(row).place() if row else None

    def places_of_kind(self, kind: str) -> list[Place]:
        """Every record of one kind (for example all countries), overlay included."""
        with self._unmapped():
            rows = self._conn.execute(f"SELECT {MATCH_COLUMNS} FROM places WHERE kind = ?", (kind,)).fetchall()
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
