"""The one declared schema: the tables' columns, and the rows the pipeline makes for them."""
from dataclasses import fields

import pytest

from events.schema import CLAIM_COLUMNS, PLACE_COLUMNS, TABLES, ClaimRow, Event, PlaceRow
from geo.place import Kind

# The places and claims tables as the store has always made them: (name, SQLite type, pandas dtype).
_PLACES = [("article_id", "TEXT NOT NULL", "string"), ("start", "INTEGER NOT NULL", "Int64"),
           ("end", "INTEGER NOT NULL", "Int64"), ("name", "TEXT NOT NULL", "string"),
           ("resolved_name", "TEXT", "string"), ("kind", "TEXT NOT NULL", "string"), ("lat", "REAL", "Float64"),
           ("lon", "REAL", "Float64"), ("geonameid", "INTEGER", "Int64"), ("country_code", "TEXT", "string"),
           ("admin1", "TEXT", "string"), ("admin2", "TEXT", "string"), ("confidence", "REAL", "Float64"),
           ("runner_up", "TEXT", "string"), ("sentence", "TEXT", "string")]
_CLAIMS = [("claim_id", "TEXT PRIMARY KEY", "string"), ("article_id", "TEXT NOT NULL", "string"),
           ("claimant", "TEXT", "string"), ("role", "TEXT", "string"), ("anonymous", "INTEGER", "boolean"),
           ("verb", "TEXT", "string"), ("statement", "TEXT", "string"), ("sentence", "TEXT", "string"),
           ("start", "INTEGER", "Int64"), ("end", "INTEGER", "Int64"), ("date", "TEXT", "datetime64[s]")]


@pytest.mark.parametrize("columns, expected", [(PLACE_COLUMNS, _PLACES), (CLAIM_COLUMNS, _CLAIMS)])
def test_schema_the_rows_records_declare_the_tables_columns_as_they_were(columns, expected):
    assert [(c.name, c.sql, c.dtype) for c in columns] == expected and not any(c.acled for c in columns)


@pytest.mark.parametrize("table, row", [("events", Event), ("places", PlaceRow), ("claims", ClaimRow)])
def test_schema_a_rows_fields_are_its_tables_columns_in_order(table, row):
    assert [f.name for f in fields(row)] == [c.name for c in TABLES[table]]


def test_schema_a_row_is_written_as_its_columns_with_the_kind_as_its_string():
    row = PlaceRow(article_id="a", start=0, end=6, name="Kunduz", kind=Kind.ADMIN1, confidence=0.9)
    assert list(row.as_dict()) == [c.name for c in PLACE_COLUMNS]
    assert row.as_dict()["kind"] == "admin1" and row.as_dict()["lat"] is None
    claim = ClaimRow(claim_id="c", article_id="a", claimant="Sadat", anonymous=False)
    assert list(claim.as_dict()) == [c.name for c in CLAIM_COLUMNS] and claim.as_dict()["statement"] is None


def test_schema_a_row_needs_what_its_table_cannot_do_without():
    with pytest.raises(TypeError):
        PlaceRow(article_id="a", start=0, end=6, name="Kunduz")  # no kind
    with pytest.raises(TypeError):
        ClaimRow(article_id="a")  # no claim_id
