"""Exports of a real store in every format."""
import csv
import json

import pyarrow.parquet as pq
import pytest

from events.exc import ExportError
from events.export import export
from events.schema import EVENT_EXPORT_ORDER, ClaimRow, Event, PlaceRow
from events.store import Store
from geo.place import Kind
from parsing.articles import from_text

ACLED_FIRST = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
               "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
               "source", "notes", "fatalities"]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "e.sqlite") as s:
        s.put(from_text("Shelling hit Kharkiv.", id="a1"), content_hash="h",
              events=[Event(event_id="e1", article_id="a1", event_date="2022-03-01", location="Kharkiv",
                            latitude=49.98, longitude=36.25, source_sentence='He said "<b>hit</b>", twice'),
                      Event(event_id="e2", article_id="a1", event_date="2022-03-02", location=None)],
              places=[PlaceRow(article_id="a1", start=13, end=20, name="Kharkiv", kind=Kind.POPULATED_PLACE,
                               lat=49.98, lon=36.25)])
        yield s


def test_export_csv_puts_acled_columns_first_in_acleds_order(store, tmp_path):
    out = tmp_path / "e.csv"
    assert export(store, "events", "csv", out) == 2
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:16] == ACLED_FIRST and rows[0] == list(EVENT_EXPORT_ORDER)
    assert {"event_id", "article_id", "claimant", "source_sentence", "url", "confidence",
            "corroborations"} <= set(rows[0][16:])
    assert rows[1][rows[0].index("source_sentence")] == 'He said "<b>hit</b>", twice'


def test_export_jsonl_round_trips(store, tmp_path):
    out = tmp_path / "e.jsonl"
    export(store, "events", "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["event_id"] for r in rows] == ["e1", "e2"] and rows[0]["latitude"] == 49.98


@pytest.mark.parametrize("table, n", [("events", 1), ("places", 1)])
def test_export_geojson_is_a_valid_feature_collection_of_located_rows(store, tmp_path, table, n):
    out = tmp_path / "e.geojson"
    assert export(store, table, "geojson", out) == n
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == n
    f = doc["features"][0]
    assert f["type"] == "Feature" and f["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}


@pytest.mark.parametrize("table", ["events", "claims", "places", "articles"])
def test_export_parquet_keeps_every_column(store, tmp_path, table):
    out = tmp_path / f"{table}.parquet"
    n = export(store, table, "parquet", out)
    t = pq.read_table(out)
    assert t.num_rows == n and len(t.column_names) > 3
    if table == "events":
        assert t.column_names == list(EVENT_EXPORT_ORDER) and str(t.schema.field("latitude").type) == "double"


@pytest.mark.parametrize("table, fmt, message", [
    ("claims", "geojson", "no"), ("nope", "csv", "no table"), ("events", "xlsx", "unknown format")])
def test_export_impossible_requests_are_clear_errors(store, tmp_path, table, fmt, message):
    with pytest.raises(ExportError, match=message):
        export(store, table, fmt, tmp_path / "x")


def test_export_a_filtered_frame_as_csv_and_geojson(store):
    from events.export import frame_csv, frame_geojson
    from events.table import load

    df = load(store)
    rows = list(csv.reader(frame_csv(df).decode("utf-8").splitlines()))
    assert rows[0] == list(EVENT_EXPORT_ORDER) and len(rows) == 3
    assert rows[1][rows[0].index("event_date")] == "2022-03-01" and rows[1][rows[0].index("actor1")] == ""
    doc = json.loads(frame_geojson(df))
    assert [f["properties"]["event_id"] for f in doc["features"]] == ["e1"]  # e2 has no coordinates


FORMULAS = ['=HYPERLINK("http://example.org","click")', "=1+2 fighters", "+CMD|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)", "\t=1", "\r=1"]


@pytest.mark.parametrize("table", ["events", "articles", "claims", "places"])
def test_export_csv_no_cell_starts_a_formula(tmp_path, table):
    with Store(tmp_path / "f.sqlite") as s:
        for i, text in enumerate(FORMULAS):
            s.put(from_text(f"{text} in Kunduz.", id=text, title=text, source=text), content_hash=str(i),
                  events=[Event(event_id=f"e{i}", article_id=text, location=text, actor1=text,
                                source_sentence=text, latitude=-33.5, longitude=-70.25)],
                  claims=[ClaimRow(claim_id=f"c{i}", article_id=text, claimant=text, statement=text, start=0,
                                   end=1)],
                  places=[PlaceRow(article_id=text, start=0, end=1, name=text, kind=Kind.POPULATED_PLACE,
                                   lat=-33.5)])
        s.put(from_text("Kunduz.", id="-5", title="-12.5"), content_hash="n")  # numbers stay numbers
        out = tmp_path / "f.csv"
        export(s, table, "csv", out)
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and not c.lstrip("-").replace(".", "").isdigit()]
    assert "'" + FORMULAS[0] in cells  # shown as written, behind the apostrophe that marks text
    assert "-33.5" in cells or table in ("articles", "claims")
    if table == "articles":
        assert "-5" in cells and "-12.5" in cells


def test_export_a_filtered_frame_as_csv_neutralises_formulas(tmp_path):
    from events.export import frame_csv
    from events.table import load

    with Store(tmp_path / "f.sqlite") as s:
        s.put(from_text("x", id="a"), content_hash="h",
              events=[Event(event_id="e", article_id="a", source_sentence="=1+2", title="@x", latitude=-1.5)])
        df = load(s)
    rows = list(csv.reader(frame_csv(df).decode("utf-8").splitlines()))
    row = dict(zip(rows[0], rows[1]))
    assert row["source_sentence"] == "'=1+2" and row["title"] == "'@x" and row["latitude"] == "-1.5"
