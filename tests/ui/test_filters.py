"""The dashboard's filters: in pandas and pushed down into SQLite, provinces by label, what the sidebar
offers and what its choices leave."""
from datetime import date

import pandas as pd
import pytest

from events.schema import EVENT_COLUMNS, Event
from events.store import Store
from events.table import empty, load
from parsing.articles import from_text
from tests.events.test_table import ROWS
from ui.filters import (
    Selection,
    choices,
    date_bounds,
    filter_events,
    load_events,
    narrow,
    provinces,
)


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


def test_filters_pushed_down_into_an_empty_store_give_the_declared_columns(tmp_path):
    with Store(tmp_path / "e.sqlite") as s:
        df = load_events(s)
    assert list(df.columns) == [c.name for c in EVENT_COLUMNS]
    assert df.dtypes.astype(str).to_dict() == empty().dtypes.astype(str).to_dict()


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
def test_filters_narrow_as_documented(store, frame, filters, ids):
    assert sorted(filter_events(frame, **filters)["event_id"]) == ids
    # The same filters pushed down into SQLite give the same rows, same dtypes.
    pushed = load_events(store, **filters)
    assert sorted(pushed["event_id"]) == ids
    assert pushed.dtypes.astype(str).to_dict() == empty().dtypes.astype(str).to_dict()


def test_filters_keep_the_schema_when_nothing_matches(frame):
    out = filter_events(frame, country="Nowhere")
    assert len(out) == 0 and list(out.columns) == list(frame.columns)
    assert isinstance(out.index, pd.RangeIndex)


def test_filters_provinces_are_one_per_code_however_spelt(tmp_path):
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


# -- what the sidebar offers, and what its choices leave ------------------------------------

def test_filters_choices_offer_each_value_once_and_actors_of_either_side(frame):
    offered = choices(frame)
    assert offered.provinces == {"Kharkiv": ["Kharkiv"], "Kunduz": ["Kunduz"], "Takhar": ["Takhar"]}
    assert offered.event_types == ["Battles", "Explosions/Remote violence", "Unclassified"]
    assert offered.actors == ["Afghan security forces", "Taliban"]
    assert offered.claimants == ["Hakmi", "an army officer", "the ministry"]


def test_filters_date_bounds_span_a_day_at_least(frame):
    assert date_bounds(frame) == (date(2021, 6, 20), date(2021, 7, 1))
    one_day = frame[frame["event_id"] == "1"]
    assert date_bounds(one_day) == (date(2021, 6, 20), date(2021, 6, 21))
    assert date_bounds(frame[frame["event_date"].isna()]) is None


@pytest.mark.parametrize("selection, ids", [
    (Selection(), ["1", "2", "3", "4"]),
    # the whole range is no filter: the undated event stays
    (Selection(dates=(date(2021, 6, 20), date(2021, 7, 1))), ["1", "2", "3", "4"]),
    (Selection(dates=(date(2021, 6, 21), date(2021, 7, 1))), ["2", "3"]),
    (Selection(provinces=("Kunduz",), event_types=("Battles",)), ["1"]),
    (Selection(actors=("Afghan security forces",), claimants=("Hakmi", "an army officer")), ["1", "2"]),
    (Selection(text="kharkiv"), ["3"]),
])
def test_filters_narrow_to_what_the_sidebar_chose(frame, selection, ids):
    assert sorted(narrow(frame, selection, groups=choices(frame).provinces)["event_id"]) == ids


def test_filters_narrow_a_province_label_to_each_of_its_spellings():
    df = pd.DataFrame({"event_id": ["1", "2", "3"], "admin1": ["Kunduz", "Kondoz", "Takhar"],
                       "event_date": pd.to_datetime(["2021-06-01"] * 3)})
    groups = {"Kunduz": ["Kunduz", "Kondoz"], "Takhar": ["Takhar"]}
    assert sorted(narrow(df, Selection(provinces=("Kunduz",)), groups=groups)["event_id"]) == ["1", "2"]
