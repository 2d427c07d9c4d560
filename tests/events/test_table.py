"""The events DataFrame: one declared schema, and the dashboard's filters."""
import pandas as pd
import pytest

from events.schema import EVENT_COLUMNS, Event
from events.store import Store
from events.table import empty, filter_events, load, load_events, provinces
from parsing.articles import from_text

ROWS = [
    dict(event_id="1", event_date="2021-06-20", admin1="Kunduz", country="Afghanistan",
         event_type="Battles", actor1="Taliban", actor2="Afghan security forces", claimant="Hakmi",
         source_sentence="The Taliban seized Shir Khan."),
    dict(event_id="2", event_date="2021-06-22", admin1="Takhar", country="Afghanistan",
         event_type="Battles", actor1="Afghan security forces", claimant="an army officer",
         source_sentence="Troops retook Bangi."),
    dict(event_id="3", event_date="2021-07-01", admin1="Kharkiv", country="Ukraine",
         event_type="Explosions/Remote violence", claimant="the ministry",
         source_sentence="Shelling hit Kharkiv."),
    dict(event_id="4", event_date=None, admin1=None, country="Afghanistan", event_type="Unclassified",
         source_sentence="Somewhere, something."),
]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "e.sqlite") as s:
        for r in ROWS:
            s.put(from_text("x", id=r["event_id"]), content_hash=r["event_id"],
                  events=[Event(article_id=r["event_id"], **r)])
        yield s


@pytest.fixture
def frame(store):
    return load(store)


def test_table_empty_store_has_the_declared_columns_and_dtypes(tmp_path):
    with Store(tmp_path / "e.sqlite") as s:
        df = load_events(s)
    assert list(df.columns) == [c.name for c in EVENT_COLUMNS]
    assert df.dtypes.astype(str).to_dict() == empty().dtypes.astype(str).to_dict()
    assert str(df["event_date"].dtype).startswith("datetime64") and str(df["latitude"].dtype) == "Float64"


def test_table_loaded_frame_keeps_the_declared_dtypes(frame):
    assert frame.dtypes.astype(str).to_dict() == empty().dtypes.astype(str).to_dict()
    assert frame["event_date"].isna().sum() == 1


@pytest.mark.parametrize("filters, ids", [
    ({}, ["1", "2", "3", "4"]),
    ({"start": "2021-06-21"}, ["2", "3"]),
    ({"end": "2021-06-22"}, ["1", "2"]),            # inclusive of the end day
    ({"admin1": ["Kunduz", "Takhar"]}, ["1", "2"]),
    ({"country": "Ukraine"}, ["3"]),
    ({"event_type": ["Battles"]}, ["1", "2"]),
    ({"actor": "Afghan security forces"}, ["1", "2"]),  # either side
    ({"claimant": ["Hakmi"]}, ["1"]),
    ({"text": "KHARKIV"}, ["3"]),
    ({"text": "(not a regex["}, []),
    ({"admin1": []}, ["1", "2", "3", "4"]),           # nothing chosen narrows nothing
    ({"admin1": "Takhar", "start": "2021-06-21", "end": "2021-06-30"}, ["2"]),
])
def test_table_filters_narrow_as_documented(store, frame, filters, ids):
    assert sorted(filter_events(frame, **filters)["event_id"]) == ids
    # The same filters pushed down into SQLite give the same rows, same dtypes.
    pushed = load_events(store, **filters)
    assert sorted(pushed["event_id"]) == ids
    assert pushed.dtypes.astype(str).to_dict() == empty().dtypes.astype(str).to_dict()


def test_table_filters_keep_the_schema_when_nothing_matches(frame):
    out = filter_events(frame, country="Nowhere")
    assert len(out) == 0 and list(out.columns) == list(frame.columns)
    assert isinstance(out.index, pd.RangeIndex)


def test_table_provinces_are_one_per_code_however_spelt(tmp_path):
    rows = [("1", "Kunduz", "24"), ("2", "Kunduz", "24"), ("3", "Kondoz", "24"), ("4", "Takhar", "26"),
            ("5", "Punjab", None)]  # no code (an older store): grouped by its name
    with Store(tmp_path / "p.sqlite") as s:
        for eid, name, code in rows:
            s.put(from_text("x", id=eid), content_hash=eid,
                  events=[Event(event_id=eid, article_id=eid, admin1=name, admin1_code=code, country_code="AF")])
        df = load(s)
    groups = provinces(df)
    assert groups == {"Kunduz": ["Kunduz", "Kondoz"], "Punjab": ["Punjab"], "Takhar": ["Takhar"]}
    chosen = filter_events(df, admin1=groups["Kunduz"])
    assert sorted(chosen["event_id"]) == ["1", "2", "3"]
