"""The store the page shows: its version follows every write; reading it never writes."""
from events.schema import Event
from events.store import Store
from parsing.articles import from_text
from ui.source import MISSING, read_events, version


def test_source_version_changes_with_the_store_and_is_missing_without_one(tmp_path):
    db = tmp_path / "e.sqlite"
    assert version(db) == MISSING
    with Store(db) as store:
        before = version(db)
        assert before != MISSING
        store.put(from_text("Fighting in Kunduz.", id="a"), content_hash="a",
                  events=[Event(event_id="e", article_id="a", source_sentence="Fighting in Kunduz.")])
        assert version(db) != before  # a write shows, WAL included


def test_source_read_events_reads_without_creating_a_store(tmp_path):
    db = tmp_path / "absent.sqlite"
    events = read_events(db, MISSING)
    assert len(events) == 0 and "event_id" in events.columns
    assert not db.exists()
    with Store(db) as store:
        store.put(from_text("x", id="a"), content_hash="a", events=[Event(event_id="e", article_id="a")])
    assert read_events(db, version(db))["event_id"].tolist() == ["e"]
