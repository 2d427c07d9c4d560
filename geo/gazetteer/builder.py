"""Building the gazetteer file from the source packages (:mod:`geo.sources`), and building it
again when what it was built from changes (:func:`inputs_stamp`)."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import geo.nameindex as nameindex
import geo.outlines as outlines
import geo.regions as regions
import geo.sources as sources
from geo.exc import GazetteerBuildError, GazetteerMissingError
from geo.gazetteer.schema import INDEXES, SCHEMA, SCHEMA_VERSION, Progress, default_path
from geo.gazetteer.writer import GazetteerWriter
from geo.place import Kind, Place


def inputs_stamp() -> str:
    """What a gazetteer file was built from (the schema, the source packages' versions, the
    bundled centroid files' content); a different stamp means rebuild."""
    return json.dumps({"schema": SCHEMA_VERSION, **sources.package_versions(), **outlines.centroid_digests()},
                      sort_keys=True)


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
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
            conn.executescript(SCHEMA)
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
            conn.executescript(INDEXES)
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
        conn.executescript(SCHEMA)
        writer = GazetteerWriter(conn, index=nameindex.Builder())
        with conn:
            writer.add(places)
            writer.add_demonyms(demonyms)
            writer.add_capitals(capitals)
            conn.executescript(INDEXES)
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
        with build_lock(path):
            # Another process may have finished the build while we waited.
            if not (path.exists() and _file_stamp(path) == stamp):
                build(path, progress=progress)
    except (OSError, sqlite3.Error) as exc:
        if isinstance(exc, GazetteerMissingError):
            raise
        raise GazetteerBuildError(f"could not build the gazetteer at {path}: {exc}") from exc
    return path
