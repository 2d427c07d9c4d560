"""The bundled demo store: built from the demo articles, and re-read after a pipeline change."""
import sqlite3

from events import ingest
from events.demo import DEMO_ARTICLES, ensure_demo_store
from events.store import Store


def test_demo_store_is_built_from_every_demo_article_and_maps_them(tmp_path, monkeypatch):
    path = ensure_demo_store(tmp_path / "demo.sqlite")
    wanted = sum(1 for line in DEMO_ARTICLES.open(encoding="utf-8") if line.strip())
    assert wanted >= 25
    with Store(path) as store:
        counts = store.counts()
        located = store.query("SELECT count(DISTINCT article_id) FROM events WHERE latitude IS NOT NULL")[0][0]
        claimed = store.query("SELECT count(*) FROM events WHERE claimant IS NOT NULL")[0][0]
    assert counts["articles"] == wanted and counts["events"] >= wanted
    assert located >= wanted - 2 and claimed >= wanted  # nearly every article on the map, with its sources

    # an older pipeline's article is read again; an up-to-date store costs only hashing
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE articles SET content_hash = 'older-pipeline' WHERE rowid = 1")
    ensure_demo_store(path)
    with Store(path) as store:
        assert "older-pipeline" not in [h for (h,) in store.query("SELECT content_hash FROM articles")]
        assert store.counts() == counts

    def no_analysis(*args, **kwargs):
        raise AssertionError("an up-to-date article was analysed again")

    monkeypatch.setattr(ingest, "_analyse_chunk", no_analysis)
    ensure_demo_store(path)
