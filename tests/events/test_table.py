"""The events DataFrame: one declared schema."""
import pytest

from events.schema import EVENT_COLUMNS, Event
from events.store import Store
from events.table import empty, load
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
        df = load(s)
    assert list(df.columns) == [c.name for c in EVENT_COLUMNS]
    assert df.dtypes.astype(str).to_dict() == empty().dtypes.astype(str).to_dict()
    assert str(df["event_date"].dtype).startswith("datetime64") and str(df["latitude"].dtype) == "Float64"


def test_table_loaded_frame_keeps_the_declared_dtypes(frame):
    assert frame.dtypes.astype(str).to_dict() == empty().dtypes.astype(str).to_dict()
    assert frame["event_date"].isna().sum() == 1
