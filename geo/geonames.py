"""Merging GeoNames' own dump files into the gazetteer.

Reads, streaming (allCountries.txt is 1.5 GB), the files of
https://download.geonames.org/export/dump/: the main ``geoname`` table
(allCountries.zip, XX.zip or XX.txt, cities*.zip), admin1CodesASCII.txt,
admin2Codes.txt and alternateNamesV2 (zip or txt). A record replaces the
package record with the same geonameid.
"""
from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from geo import nameindex
from geo.exc import ImportFormatError
from geo.gazetteer.schema import Progress
from geo.gazetteer.writer import GazetteerWriter
from geo.names import is_latin, normalize
from geo.place import Kind, Place
from geo.sources import clean_alternates

_MAIN_COLUMNS = 19
_SKIP_LANGUAGES = {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr", "fr_1793"}
_CROSSINGS = {"PSTB", "PSTC", "PSTP", "PRT", "HBR", "PASS", "PT"}
_AIRPORTS = {"AIRP", "AIRF", "AIRB", "AIRH"}


def kind_for(feature_class: str, feature_code: str) -> Kind | None:
    """The gazetteer kind of a GeoNames feature class and code, or None to skip it.

    Historical and abandoned features (codes ending in H, PPLQ, AIRQ) and
    administrative divisions below the second level are skipped.
    """
    code = feature_code.upper()
    if code.endswith("H") and code not in ("PPLCH",) or code in ("PPLQ", "AIRQ", "PPLCH"):
        return None
    if feature_class == "A":
        if code.startswith("PCL"):
            return Kind.COUNTRY
        return {"ADM1": Kind.ADMIN1, "ADM2": Kind.ADMIN2}.get(code)
    if feature_class == "P":
        return Kind.POPULATED_PLACE
    if code in _AIRPORTS:
        return Kind.AIRPORT
    if code in _CROSSINGS:
        return Kind.PORT
    if feature_class in ("S", "T", "L", "H", "V", "R", "U"):
        return Kind.LANDMARK
    return None


def _role(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith("alternatenames"):
        return "alternates"
    if name.endswith((".txt", ".zip")):
        return "main"
    raise ImportFormatError(f"{path}: not a GeoNames dump file (.txt or .zip expected)")


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[str]]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise ImportFormatError(f"{path}: not a valid zip file") from exc
        with archive:
            members = [m for m in archive.namelist()
                       if m.endswith(".txt") and not m.lower().startswith(("readme", "iso-languagecodes"))]
            wanted = f"{path.stem}.txt"
            member = wanted if wanted in members else (members[0] if members else None)
            if member is None:
                raise ImportFormatError(f"{path}: no GeoNames .txt file inside")
            with archive.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    else:
        with path.open(encoding="utf-8", newline="\n") as f:
            yield f


def _admin_names(conn: sqlite3.Connection, path: Path) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS admin_names(code TEXT PRIMARY KEY, name TEXT NOT NULL)")
    count = 0
    with _lines(path) as lines:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or "." not in cols[0]:
                continue
            conn.execute("REPLACE INTO admin_names(code, name) VALUES (?, ?)", (cols[0], cols[2] or cols[1]))
            count += 1
    return count


class _AdminNamer:
    """Admin1/admin2 names for codes: imported code files first, then the gazetteer's units."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.cache: dict[str, str | None] = {}
        self.has_table = bool(conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'admin_names'").fetchone())

    def name(self, cc: str, a1: str, a2: str | None = None) -> str | None:
        code = ".".join(p for p in (cc, a1, a2) if p)
        if code in self.cache:
            return self.cache[code]
        row = None
        if self.has_table:
            row = self.conn.execute("SELECT name FROM admin_names WHERE code = ?", (code,)).fetchone()
        if row is None:
            if a2:
                row = self.conn.execute(
                    "SELECT admin2 FROM places WHERE kind = 'admin2' AND country_code = ? "
                    "AND admin1_code = ? AND admin2_code = ? LIMIT 1", (cc, a1, a2)).fetchone()
            else:
                row = self.conn.execute(
                    "SELECT admin1 FROM places WHERE kind = 'admin1' AND country_code = ? "
                    "AND admin1_code = ? LIMIT 1", (cc, a1)).fetchone()
        self.cache[code] = row[0] if row else None
        return self.cache[code]


def _main_places(path: Path, lines: Iterator[str], namer: _AdminNamer, skipped: list[int],
                 capitals: list[int]) -> Iterator[Place]:
    """The places of a main table; counts unreadable lines in ``skipped`` and notes the
    geonameids of countries' capitals (feature code PPLC) in ``capitals``."""
    source = f"geonames:{path.name}"
    for number, line in enumerate(lines, 1):
        cols = line.rstrip("\n").split("\t")
        try:
            if len(cols) != _MAIN_COLUMNS:
                raise ValueError(f"{len(cols)} columns, not {_MAIN_COLUMNS}")
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        except ValueError as exc:
            if number == 1:
                raise ImportFormatError(
                    f"{path}: line 1 is not a GeoNames geoname record ({exc})") from exc
            skipped[0] += 1
            continue
        kind = kind_for(cols[6], cols[7])
        if kind is None:
            continue
        cc, a1, a2 = cols[8], cols[10] or None, cols[11] or None
        name = cols[1]
        if cols[7] == "PPLC":
            capitals.append(gid)
        yield Place(
            name=name, kind=kind, country_code=cc, lat=lat, lon=lon, geonameid=gid,
            alternate_names=clean_alternates(name, [cols[2], *cols[3].split(",")]),
            admin1_code=a1, admin1=namer.name(cc, a1) if a1 else None,
            admin2_code=a2, admin2=namer.name(cc, a1, a2) if a1 and a2 else None,
            population=int(cols[14]) if cols[14].isdigit() else 0,
            source=source,
        )


def _alternates(conn: sqlite3.Connection, writer: GazetteerWriter, lines: Iterator[str],
                progress, stage) -> int:
    count = 0
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit():
            continue
        lang, name = cols[2], cols[3]
        historic = len(cols) > 7 and cols[7] == "1"
        if lang in _SKIP_LANGUAGES or historic or not is_latin(name) or name == name.lower():
            continue
        key = normalize(name)
        if not key:
            continue
        ids = [r[0] for r in conn.execute("SELECT id FROM places WHERE geonameid = ?", (int(cols[1]),))]
        for pid in ids:
            writer.add_name(pid, key)
            count += 1
            if progress and count % 20000 == 0:
                progress(stage, count, None)
    return count


def import_files(conn: sqlite3.Connection, paths: list[Path], *,
                 progress: Progress | None = None) -> dict[str, int]:
    """Merge GeoNames dump files into an open gazetteer; counts of records per file.

    Code files are read first, then main tables, then alternate names,
    whatever the order given; each file is one transaction.
    """
    order = {"admin1": 0, "admin2": 1, "main": 2, "alternates": 3}
    jobs = sorted(((order[_role(Path(p))], Path(p)) for p in paths), key=lambda j: j[0])
    for _, path in jobs:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file")
    writer = GazetteerWriter(conn)
    counts: dict[str, int] = {}
    # The in-memory index goes first, turned back into the SQL name tables this import writes
    # to: an import stopped halfway leaves lookups to SQL, never to stale arrays.
    with conn:
        nameindex.remove(conn)
    for rank, path in jobs:
        role = _role(path)
        with conn:
            if role in ("admin1", "admin2"):
                n = _admin_names(conn, path)
            elif role == "main":
                skipped, capitals = [0], []
                with _lines(path) as lines:
                    n = writer.add(_main_places(path, lines, _AdminNamer(conn), skipped, capitals),
                                   replace=True, progress=progress, stage=path.name)
                conn.executemany("INSERT OR IGNORE INTO capitals(place_id) "
                                 "SELECT id FROM places WHERE geonameid = ?", [(g,) for g in capitals])
                if skipped[0]:
                    counts[f"{path.name}:skipped"] = skipped[0]
            else:
                with _lines(path) as lines:
                    n = _alternates(conn, writer, lines, progress, path.name)
            writer.record_import(path, n)
        counts[path.name] = n
    if progress:
        progress("lookup index", 0, None)
    with conn:
        nameindex.write(conn)
    return counts
