"""The event store on real SQLite files: transactions, idempotence, migrations, concurrency."""
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from events.exc import StoreError
from events.schema import Event, PlaceRow
from events.store import MIGRATIONS, Store
from geo.place import Kind
from parsing.articles import from_text
from tests.conftest import REPO


def _event(article_id, n, **kw):
    return Event(event_id=f"{article_id}-{n}", article_id=article_id, event_date="2021-06-22",
                 location=f"place {n}", latitude=36.0 + n, longitude=68.0, **kw)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.sqlite") as s:
        yield s


def test_store_put_is_idempotent_and_a_changed_article_replaces_its_rows(store):
    a = from_text("Fighting in Kunduz.", id="a1")
    assert store.put(a, content_hash="h1", events=[_event("a1", 1), _event("a1", 2)],
                     places=[PlaceRow(article_id="a1", start=12, end=18, name="Kunduz", kind=Kind.POPULATED_PLACE)]
                     ) == "stored"
    assert store.put(a, content_hash="h1", events=[_event("a1", 9)]) == "unchanged"
    assert store.counts()["events"] == 2
    assert store.put(a, content_hash="h2", events=[_event("a1", 3)]) == "replaced"
    assert [r["event_id"] for r in store.rows("events")] == ["a1-3"]
    assert store.counts()["places"] == 0  # the new version has none: the old rows went with it


def test_store_a_failed_write_leaves_nothing_of_the_article(store):
    a = from_text("Fighting in Kunduz.", id="a1")
    bad = _event("a1", 1)
    with pytest.raises(StoreError, match="NOT NULL constraint failed"):
        # A places row without a name breaks NOT NULL midway through the article.
        store.put(a, content_hash="h1", events=[bad],
                  places=[PlaceRow(article_id="a1", start=0, end=1, name=None, kind=Kind.POPULATED_PLACE)])
    assert store.counts() == {"events": 0, "claims": 0, "places": 0, "articles": 0, "ingest_errors": 0}


def test_store_errors_are_recorded_once_per_input_line_and_reason(store):
    for _ in range(3):
        store.record_error(input="b.jsonl", line=2, reason="not valid JSON")
    store.record_error(input="b.jsonl", line=3, reason="no text", article_id="x2")
    assert store.counts()["ingest_errors"] == 2


def test_store_schema_is_versioned(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer Sitrep"):
        Store(path)


@pytest.mark.parametrize("content", [b"this is not a database, just text" * 100, b"\x00" * 4096])
def test_store_refuses_a_file_that_is_not_a_store(tmp_path, content):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a usable Sitrep store"):
        Store(path)


WRITER = textwrap.dedent("""
    import sys
    from events.schema import Event
    from events.store import Store
    from parsing.articles import from_text
    path, tag = sys.argv[1], sys.argv[2]
    with Store(path) as s:
        for i in range(150):
            aid = f"{tag}{i}"
            s.put(from_text(f"text {aid}", id=aid), content_hash=aid,
                  events=[Event(event_id=aid, article_id=aid)])
""")


def test_store_two_writers_at_once_both_finish(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    Store(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, path, tag], cwd=REPO,
                              env={"PYTHONPATH": str(REPO)}, stderr=subprocess.PIPE, text=True)
             for tag in ("a", "b")]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    with Store(path) as s:
        assert s.counts()["articles"] == 300 and s.counts()["events"] == 300
        assert s.query("PRAGMA integrity_check") == [("ok",)]


def test_store_migrates_an_older_schema_in_place(tmp_path):
    path = tmp_path / "old.sqlite"
    with Store(path) as s:
        s.put(from_text("Fighting in Kunduz.", id="a1"), content_hash="h", events=[_event("a1", 1)])
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE events DROP COLUMN claimant_role")  # as schema 1 stores were
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert [r["event_id"] for r in s.rows("events")] == ["a1-1"]  # nothing lost
        assert "claimant_role" in {r[1] for r in s.query("PRAGMA table_info(events)")}


def test_store_readonly_never_creates_migrates_or_writes(tmp_path):
    missing = tmp_path / "missing.sqlite"
    with pytest.raises(StoreError, match="no such store"):
        Store(missing, readonly=True)
    assert not missing.exists()
    path = tmp_path / "old.sqlite"
    with Store(path) as s:
        s.put(from_text("Fighting in Kunduz.", id="a1"), content_hash="h", events=[_event("a1", 1)])
    with Store(path, readonly=True) as ro:
        assert ro.counts()["events"] == 1
        with pytest.raises(StoreError, match="readonly"):
            ro.put(from_text("More.", id="a2"), content_hash="h2")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="older Sitrep .* open it once for writing"):
        Store(path, readonly=True)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1  # not migrated


def test_store_readonly_reads_while_a_writer_holds_the_lock(tmp_path):
    path = tmp_path / "busy.sqlite"
    with Store(path) as s:
        s.put(from_text("Fighting in Kunduz.", id="a1"), content_hash="h", events=[_event("a1", 1)])
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM events")
    try:
        with Store(path, readonly=True, timeout=1) as ro:
            assert ro.counts()["events"] == 1  # the last committed state, without waiting
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_store_a_damaged_file_is_a_store_error_not_a_traceback(tmp_path):
    path = tmp_path / "damaged.sqlite"
    with Store(path) as s:
        for i in range(300):
            s.put(from_text(f"Fighting in Kunduz number {i}. " * 20, id=f"a{i}"), content_hash=str(i),
                  events=[_event(f"a{i}", 1)])
        s.query("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[8192:len(data) - 4096] = b"\xa5" * (len(data) - 4096 - 8192)  # pages scribbled over
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged.sqlite: "):
        with Store(path) as s:
            list(s.rows("events"))
            s.counts()
    out = subprocess.run([sys.executable, "-m", "events", "stats", "--db", str(path)], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "events: error:" in out.stderr and "Traceback" not in out.stderr
