"""The one declared schema of the store's tables and of the DataFrames read from them.

:class:`Event` is the events table: its fields, in order, are the columns,
ACLED's first (its names, where ACLED has the column), then Sitrep's own.
Each field's metadata gives its SQLite type and pandas dtype. The other
tables (articles, places, claims) are declared as :class:`Column` tuples.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql: str      # SQLite column type
    dtype: str    # pandas dtype
    acled: bool = False


def _col(sql: str, dtype: str, *, acled: bool = False, default=None):
    return field(default=default, metadata={"sql": sql, "dtype": dtype, "acled": acled})


#: time_precision, as ACLED: 1 the day is known, 2 the week, 3 only the month (or less).
TIME_DAY, TIME_WEEK, TIME_MONTH = 1, 2, 3
#: geo_precision, as ACLED: 1 the place itself, 2 near it or part of a region
#: (coded to the nearest known town), 3 only a larger region named (its centroid).
GEO_EXACT, GEO_NEAR, GEO_REGION = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Event:
    """One event: what happened, where and when, who says so, and in which sentence."""

    event_id: str = _col("TEXT PRIMARY KEY", "string")
    article_id: str = _col("TEXT NOT NULL", "string")
    event_date: str | None = _col("TEXT", "datetime64[s]", acled=True)
    time_precision: int = _col("INTEGER", "Int8", acled=True, default=TIME_MONTH)
    event_type: str = _col("TEXT", "string", acled=True, default="")
    sub_event_type: str = _col("TEXT", "string", acled=True, default="")
    actor1: str | None = _col("TEXT", "string", acled=True)
    actor2: str | None = _col("TEXT", "string", acled=True)
    country: str | None = _col("TEXT", "string", acled=True)
    admin1: str | None = _col("TEXT", "string", acled=True)
    admin2: str | None = _col("TEXT", "string", acled=True)
    location: str | None = _col("TEXT", "string", acled=True)
    latitude: float | None = _col("REAL", "Float64", acled=True)
    longitude: float | None = _col("REAL", "Float64", acled=True)
    geo_precision: int | None = _col("INTEGER", "Int8", acled=True)
    source: str | None = _col("TEXT", "string", acled=True)
    notes: str = _col("TEXT", "string", acled=True, default="")
    fatalities: int | None = _col("INTEGER", "Int64", acled=True)
    claimant: str | None = _col("TEXT", "string")
    #: The claimants' roles, in the same order ("; "-separated, empty where none is stated).
    claimant_role: str | None = _col("TEXT", "string")
    source_sentence: str = _col("TEXT", "string", default="")
    sentence_start: int | None = _col("INTEGER", "Int64")
    sentence_end: int | None = _col("INTEGER", "Int64")
    url: str | None = _col("TEXT", "string")
    confidence: float = _col("REAL", "Float64", default=0.0)
    corroborations: int = _col("INTEGER", "Int64", default=1)
    country_code: str | None = _col("TEXT", "string")
    geonameid: int | None = _col("INTEGER", "Int64")
    title: str | None = _col("TEXT", "string")
    #: Why the date is uncertain ("no publication date"), else None.
    date_flag: str | None = _col("TEXT", "string")
    #: GeoNames' code of the province: one province, however the articles spell its name in ``admin1``.
    admin1_code: str | None = _col("TEXT", "string")

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


EVENT_COLUMNS = tuple(
    Column(f.name, f.metadata["sql"], f.metadata["dtype"], f.metadata["acled"]) for f in fields(Event)
)
#: ACLED's columns first, in ACLED's order, so that ACLED users' tools read the CSV.
EVENT_EXPORT_ORDER = tuple(c.name for c in EVENT_COLUMNS if c.acled) + tuple(
    c.name for c in EVENT_COLUMNS if not c.acled)

ARTICLE_COLUMNS = (
    Column("id", "TEXT PRIMARY KEY", "string"),
    Column("content_hash", "TEXT NOT NULL", "string"),
    Column("title", "TEXT", "string"),
    Column("url", "TEXT", "string"),
    Column("source", "TEXT", "string"),
    Column("published", "TEXT", "datetime64[s]"),
    Column("text", "TEXT NOT NULL", "string"),
    Column("path", "TEXT", "string"),
    Column("words", "INTEGER", "Int64"),
    Column("ingested_at", "TEXT NOT NULL", "string"),
)

PLACE_COLUMNS = (
    Column("article_id", "TEXT NOT NULL", "string"),
    Column("start", "INTEGER NOT NULL", "Int64"),
    Column("end", "INTEGER NOT NULL", "Int64"),
    Column("name", "TEXT NOT NULL", "string"),
    Column("resolved_name", "TEXT", "string"),
    Column("kind", "TEXT NOT NULL", "string"),
    Column("lat", "REAL", "Float64"),
    Column("lon", "REAL", "Float64"),
    Column("geonameid", "INTEGER", "Int64"),
    Column("country_code", "TEXT", "string"),
    Column("admin1", "TEXT", "string"),
    Column("admin2", "TEXT", "string"),
    Column("confidence", "REAL", "Float64"),
    Column("runner_up", "TEXT", "string"),
    Column("sentence", "TEXT", "string"),
)

CLAIM_COLUMNS = (
    Column("claim_id", "TEXT PRIMARY KEY", "string"),
    Column("article_id", "TEXT NOT NULL", "string"),
    Column("claimant", "TEXT", "string"),
    Column("role", "TEXT", "string"),
    Column("anonymous", "INTEGER", "boolean"),
    Column("verb", "TEXT", "string"),
    Column("statement", "TEXT", "string"),
    Column("sentence", "TEXT", "string"),
    Column("start", "INTEGER", "Int64"),
    Column("end", "INTEGER", "Int64"),
    Column("date", "TEXT", "datetime64[s]"),
)

ERROR_COLUMNS = (
    Column("input", "TEXT NOT NULL", "string"),
    Column("line", "INTEGER NOT NULL", "Int64"),
    Column("article_id", "TEXT", "string"),
    Column("reason", "TEXT NOT NULL", "string"),
    Column("at", "TEXT NOT NULL", "string"),
)

#: Table name -> columns, for the store, the exports and the DataFrames.
TABLES = {
    "events": EVENT_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "places": PLACE_COLUMNS,
    "articles": ARTICLE_COLUMNS,
    "ingest_errors": ERROR_COLUMNS,
}


def quoted(names) -> str:
    """Column names as a quoted SQL list ("start" and "end" are SQL keywords)."""
    return ", ".join(f'"{n}"' for n in names)
