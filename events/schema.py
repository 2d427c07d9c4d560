"""The one declared schema of the store's tables and of the DataFrames read from them.

:class:`Event` is the events table: its fields, in order, are the columns,
ACLED's first (its names, where ACLED has the column), then Sitrep's own.
Each field's metadata gives its SQLite type and pandas dtype. The places and claims tables are
declared so too (:class:`PlaceRow`, :class:`ClaimRow`: the rows the pipeline makes), the articles
and the ingest errors as :class:`Column` tuples.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from geo.place import Kind


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql: str      # SQLite column type
    dtype: str    # pandas dtype
    acled: bool = False


def _col(sql: str, dtype: str, *, acled: bool = False, default=None, required: bool = False):
    """A column's field: its SQLite type and pandas dtype; ``required`` fields have no default."""
    metadata = {"sql": sql, "dtype": dtype, "acled": acled}
    return field(metadata=metadata) if required else field(default=default, metadata=metadata)


class _Row:
    """A row of a table declared as a dataclass: its fields, in order, are the table's columns."""

    __slots__ = ()

    def as_dict(self) -> dict:
        """The row as the store writes it: column name -> value."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _columns(row: type) -> tuple[Column, ...]:
    return tuple(Column(f.name, f.metadata["sql"], f.metadata["dtype"], f.metadata["acled"]) for f in fields(row))


#: time_precision, as ACLED: 1 the day is known, 2 the week, 3 only the month (or less).
TIME_DAY, TIME_WEEK, TIME_MONTH = 1, 2, 3
#: geo_precision, as ACLED: 1 the place itself, 2 near it or part of a region
#: (coded to the nearest known town), 3 only a larger region named (its centroid).
GEO_EXACT, GEO_NEAR, GEO_REGION = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Event(_Row):
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


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceRow(_Row):
    """One place an article names (the places table): where in the text, and what it is read as."""

    article_id: str = _col("TEXT NOT NULL", "string", required=True)
    start: int = _col("INTEGER NOT NULL", "Int64", required=True)
    end: int = _col("INTEGER NOT NULL", "Int64", required=True)
    #: as the article writes it
    name: str = _col("TEXT NOT NULL", "string", required=True)
    #: the gazetteer's name of the place it is read as
    resolved_name: str | None = _col("TEXT", "string")
    kind: Kind = _col("TEXT NOT NULL", "string", required=True)
    lat: float | None = _col("REAL", "Float64")
    lon: float | None = _col("REAL", "Float64")
    geonameid: int | None = _col("INTEGER", "Int64")
    country_code: str | None = _col("TEXT", "string")
    admin1: str | None = _col("TEXT", "string")
    admin2: str | None = _col("TEXT", "string")
    confidence: float | None = _col("REAL", "Float64")
    #: the next likeliest reading: "Name (kind, country code)"
    runner_up: str | None = _col("TEXT", "string")
    #: the sentence it is named in (at most MAX_SENTENCE_CHARS of it)
    sentence: str | None = _col("TEXT", "string")


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow(_Row):
    """One claim an article reports (the claims table): who says what, and when."""

    claim_id: str = _col("TEXT PRIMARY KEY", "string", required=True)
    article_id: str = _col("TEXT NOT NULL", "string", required=True)
    #: the speaker, else the outlet
    claimant: str | None = _col("TEXT", "string")
    role: str | None = _col("TEXT", "string")
    anonymous: bool | None = _col("INTEGER", "boolean")
    verb: str | None = _col("TEXT", "string")
    statement: str | None = _col("TEXT", "string")
    sentence: str | None = _col("TEXT", "string")
    start: int | None = _col("INTEGER", "Int64")
    end: int | None = _col("INTEGER", "Int64")
    #: the day the claim was made (ISO), else the publication date
    date: str | None = _col("TEXT", "datetime64[s]")


EVENT_COLUMNS = _columns(Event)
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

PLACE_COLUMNS = _columns(PlaceRow)
CLAIM_COLUMNS = _columns(ClaimRow)

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
