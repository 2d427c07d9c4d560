"""The places and claims tables' rows the pipeline makes: windows of long sentences, and the
store's columns."""
from datetime import date

from events.pipeline import analyse
from events.rows import MAX_SENTENCE_CHARS, window
from events.store import Store
from geo.place import Kind
from parsing.articles import from_text


def test_rows_keep_a_window_of_a_sentence_too_long_to_be_one(resolver):
    assert window(0, 500, 10) == (0, 500)
    assert window(0, 5000, 10) == (0, MAX_SENTENCE_CHARS)
    assert window(0, 5000, 4990) == (5000 - MAX_SENTENCE_CHARS, 5000)
    assert window(100, 5000, 2000) == (2000 - MAX_SENTENCE_CHARS // 2, 2000 + MAX_SENTENCE_CHARS // 2)
    filler = "and the convoy moved on " * 400  # 9,600 characters without a full stop
    text = f"Taliban fighters attacked Kunduz on Monday {filler}while clashes in Takhar killed five people"
    (a,) = analyse([from_text(text, id="long", published="2021-06-22")], resolver=resolver)
    assert a.events and a.places and a.claims == []
    for row in a.places:
        assert len(row.sentence) <= MAX_SENTENCE_CHARS and row.name in row.sentence
    for e in a.events:
        assert len(e.source_sentence) <= MAX_SENTENCE_CHARS and e.notes == e.source_sentence
        assert text[e.sentence_start:e.sentence_end] == e.source_sentence


def test_rows_the_pipeline_makes_round_trip_through_the_store_with_the_same_columns(resolver, tmp_path):
    text = ("Mariam Sadat, a council member, said militants captured Taloqan on Monday.\n\n"
            "Speaking on condition of anonymity, an army officer confirmed clashes in Zzyxqabad district, Kunduz.")
    (a,) = analyse([from_text(text, id="t", published=date(2021, 6, 22), source="Test Wire")], resolver=resolver)
    assert len(a.places) >= 3 and len(a.claims) == 2 and a.events
    with Store(tmp_path / "e.sqlite") as store:
        store.put(a.article, content_hash=a.content_hash, places=a.places, claims=a.claims, events=a.events)
        places = list(store.rows("places", order_by='"start"'))
        claims = list(store.rows("claims", order_by='"start"'))
        events = list(store.rows("events", order_by='"sentence_start", "event_id"'))
    assert places == [p.as_dict() for p in sorted(a.places, key=lambda p: p.start)]
    assert claims == [c.as_dict() for c in sorted(a.claims, key=lambda c: c.start)]
    assert events == [e.as_dict() for e in sorted(a.events, key=lambda e: (e.sentence_start, e.event_id))]
    # the kinds the store holds are Kind's values, each read back as its member
    assert {r["kind"] for r in places} <= {k.value for k in Kind} and Kind.UNRESOLVED in {r["kind"] for r in places}
    assert [r["anonymous"] for r in claims] == [0, 1]
