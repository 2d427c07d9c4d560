"""Exports of the store's tables: JSON Lines, CSV, GeoJSON and Parquet.

Rows are streamed from the store, so JSON Lines, CSV and GeoJSON exports
of any size use little memory; Parquet is written in row groups. Event CSVs
put ACLED's columns first, in ACLED's order.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

from events.exc import ExportError
from events.schema import EVENT_EXPORT_ORDER, TABLES
from events.store import Store

FORMATS = ("jsonl", "csv", "geojson", "parquet")
#: Tables with coordinates, and their latitude/longitude columns.
_COORDS = {"events": ("latitude", "longitude"), "places": ("lat", "lon")}


def columns(table: str) -> list[str]:
    """The export column order of a table."""
    if table == "events":
        return list(EVENT_EXPORT_ORDER)
    return [c.name for c in TABLES[table]]


def _order(table: str) -> str | None:
    return {"events": "event_date, article_id, sentence_start, event_id",
            "places": "article_id, start", "claims": "article_id, start",
            "articles": "published, id", "ingest_errors": "input, line"}.get(table)


def export(store: Store, table: str, fmt: str, out: Path | str) -> int:
    """Write ``table`` of ``store`` to ``out`` in ``fmt``; returns the number of rows written."""
    if table not in TABLES:
        raise ExportError(f"no table {table!r}; choose one of: {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "geojson" and table not in _COORDS:
        raise ExportError(f"GeoJSON needs coordinates; the {table} table has none (use events or places)")
    rows = store.rows(table, order_by=_order(table))
    cols = columns(table)
    writer = {"jsonl": _jsonl, "csv": _csv, "geojson": _geojson, "parquet": _parquet}[fmt]
    return writer(rows, cols, Path(out), table)


def _jsonl(rows: Iterator[dict], cols, out: Path, table) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({c: row[c] for c in cols}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _csv(rows: Iterator[dict], cols, out: Path, table) -> int:
    with out.open("w", encoding="utf-8", newline="") as f:
        return _write_csv(rows, cols, f)


#: A cell starting with one of these is a formula to a spreadsheet (OWASP's list: tab and
#: carriage return too), unless it is a number such as -3.5.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value) -> object:
    """A value as a CSV cell a spreadsheet shows as written: text that would start a
    formula gets a leading apostrophe, which spreadsheets take as "this is text"."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _write_csv(rows: Iterator[dict], cols, f) -> int:
    w = csv.writer(f)
    w.writerow(cols)
    n = 0
    for row in rows:
        w.writerow([csv_cell(row[c]) for c in cols])
        n += 1
    return n


def _geojson(rows: Iterator[dict], cols, out: Path, table) -> int:
    with out.open("w", encoding="utf-8") as f:
        return _write_geojson(rows, cols, f, *_COORDS[table])


def _write_geojson(rows: Iterator[dict], cols, f, lat_col: str, lon_col: str) -> int:
    """A FeatureCollection, one Point feature per located row, written as it streams."""
    n = 0
    f.write('{"type": "FeatureCollection", "features": [\n')
    for row in rows:
        if row[lat_col] is None or row[lon_col] is None:
            continue  # a feature needs a geometry
        feature = {"type": "Feature",
                   "geometry": {"type": "Point", "coordinates": [row[lon_col], row[lat_col]]},
                   "properties": {c: row[c] for c in cols}}
        f.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    f.write("\n]}\n")
    return n


def _parquet(rows: Iterator[dict], cols, out: Path, table) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"REAL": pa.float64(), "INTEGER": pa.int64()}
    schema = pa.schema([(c.name, types.get(c.sql.split()[0], pa.string())) for c in TABLES[table]
                        if c.name in cols])
    schema = pa.schema([schema.field(c) for c in cols])
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= 50_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _plain(v):
    """A DataFrame cell as a JSON/CSV value (NA -> None, timestamps -> ISO dates)."""
    import pandas as pd

    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, pd.Timestamp):
        return None if pd.isna(v) else v.date().isoformat()
    if hasattr(v, "item"):
        return v.item()
    return v


def _frame_rows(events) -> Iterator[dict]:
    cols = list(EVENT_EXPORT_ORDER)
    for row in events[cols].to_dict("records"):
        yield {k: _plain(v) for k, v in row.items()}


def frame_csv(events) -> bytes:
    """Filtered events (a DataFrame from :mod:`events.table`) as CSV, ACLED's columns first."""
    import io

    out = io.StringIO()
    _write_csv(_frame_rows(events), list(EVENT_EXPORT_ORDER), out)
    return out.getvalue().encode("utf-8")


def frame_geojson(events) -> bytes:
    """Filtered events as a GeoJSON FeatureCollection (located events only)."""
    import io

    out = io.StringIO()
    _write_geojson(_frame_rows(events), list(EVENT_EXPORT_ORDER), out, *_COORDS["events"])
    return out.getvalue().encode("utf-8")
