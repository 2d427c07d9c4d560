"""The store the page shows: a version that changes whenever the store does (to refresh the
page's cached frames), and its events read without writing."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from events.store import Store
from events.table import empty, load

#: The version of a store that does not exist yet (an ingest creates it).
MISSING = ((0, 0), (0, 0))


def version(path: Path) -> tuple:
    """Changes whenever the store does (WAL writes included), to refresh the cached frame;
    :data:`MISSING` while there is no store yet."""
    files = [path, path.with_name(path.name + "-wal")]
    stamp = tuple((f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else (0, 0) for f in files)
    return MISSING if stamp[0][1] == 0 else stamp


def read_events(path: str | Path, stamp: tuple) -> pd.DataFrame:
    """The events of the store, read only: a viewer never creates, migrates or locks it; none
    while its version ``stamp`` is :data:`MISSING`."""
    if stamp == MISSING:
        return empty()
    with Store(path, readonly=True) as store:
        return load(store, "events")
