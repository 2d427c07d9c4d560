"""The dashboard's logic with Streamlit's AppTest: filters, URL parameters, counts, downloads."""
import json
import re
import sys
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from events.schema import Event
from events.store import Store
from parsing.articles import from_text
from tests.conftest import REPO

ROWS = [
    ("Kunduz", "Kunduz", "2021-06-01", "Battles", "Fighting in Kunduz."),
    ("Taloqan", "Takhar", "2021-06-10", "Protests", "Protesters marched in Taloqan."),
    ("Herat", "Herat", "2021-07-20", "Battles", "Herat <b>attacked</b> at dawn."),
]


@pytest.fixture
def app(tmp_path, monkeypatch):
    db = tmp_path / "e.sqlite"
    with Store(db) as store:
        for i, (loc, admin1, day, etype, sentence) in enumerate(ROWS):
            store.put(from_text(sentence, id=f"a{i}"), content_hash=str(i), events=[Event(
                event_id=f"e{i}", article_id=f"a{i}", event_date=day, event_type=etype, location=loc,
                admin1=admin1, country="Afghanistan", country_code="AF", latitude=36.0 + i, longitude=68.0,
                source_sentence=sentence, claimant="an official")])
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--db", str(db)])
    return AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)


def metrics(at):
    """The counts line, as {label: number}: {"Events": "3", "On the map": "2", ...}."""
    line = next(md.value for md in at.markdown if " on the map" in md.value)
    return {label.strip().capitalize(): n for n, label in re.findall(r"\*\*([\d,]+)\*\* ([a-z ]+)", line)}


def _map_script(at):
    for el in at.main:
        proto = getattr(el, "proto", None)
        if proto is not None and hasattr(proto, "json_args") and "script" in proto.json_args:
            args = json.loads(proto.json_args)
            return args["script"] + (args.get("feature_group") or "")  # base map, then the events layer
    return ""


def test_app_opens_with_every_event_and_no_exception(app):
    at = app.run()
    assert not at.exception
    assert metrics(at)["Events"] == "3"
    script = _map_script(at)
    assert script.count("L.circleMarker") == 3
    assert "<b>attacked</b>" not in script and "&lt;b&gt;attacked&lt;/b&gt;" in script


@pytest.mark.parametrize("key, value, events", [
    ("admin1", ["Kunduz", "Takhar"], "2"),
    ("event_type", ["Protests"], "1"),
])
def test_app_filters_narrow_and_go_into_the_url(app, key, value, events):
    at = app.run()
    at.sidebar.multiselect(key=key).set_value(value).run()
    assert metrics(at)["Events"] == events
    shared = at.query_params[key]
    assert (shared if isinstance(shared, list) else [shared]) == value


def test_app_date_range_and_search_narrow(app):
    at = app.run()
    at.sidebar.slider(key="dates").set_value((date(2021, 7, 1), date(2021, 7, 20))).run()
    assert metrics(at)["Events"] == "1" and at.query_params["start"] in ("2021-07-01", ["2021-07-01"])
    at.sidebar.slider(key="dates").set_value((date(2021, 6, 1), date(2021, 7, 20))).run()
    at.sidebar.text_input(key="q").set_value("marched").run()
    assert metrics(at)["Events"] == "1" and at.query_params["q"] in ("marched", ["marched"])


def test_app_counts_events_off_the_map_apart(tmp_path, monkeypatch):
    db = tmp_path / "e.sqlite"
    with Store(db) as store:
        store.put(from_text("Gunmen killed two farmers in Zzyxqabad.", id="u"), content_hash="u", events=[Event(
            event_id="u1", article_id="u", event_date="2021-06-01", event_type="Violence against civilians",
            location="Zzyxqabad", source_sentence="Gunmen killed two farmers in Zzyxqabad.")])
        store.put(from_text("Fighting in Kunduz.", id="k"), content_hash="k", events=[Event(
            event_id="k1", article_id="k", event_date="2021-06-02", event_type="Battles", location="Kunduz",
            admin1="Kunduz", country="Afghanistan", country_code="AF", latitude=36.7, longitude=68.9,
            source_sentence="Fighting in Kunduz.")])
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--db", str(db)])
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    at.session_state["tab"] = "Events table"
    at.run()
    assert not at.exception
    assert (metrics(at)["Events"], metrics(at)["On the map"]) == ("2", "1")
    assert _map_script(at).count("L.circleMarker") == 1
    assert "Zzyxqabad" in at.dataframe[0].value["location"].tolist()


@pytest.mark.parametrize("tab, shown, absent", [
    ("Timeline", "caption", "dataframe"),
    ("Events table", "dataframe", "file_uploader"),
    ("Add articles", "file_uploader", "dataframe"),
])
def test_app_only_the_open_tab_is_built(app, tab, shown, absent):
    app.session_state["tab"] = tab
    at = app.run()
    assert not at.exception
    assert len(getattr(at, shown)) >= 1 and len(getattr(at, absent)) == 0
    assert [t.label for t in at.tabs] == ["Timeline", "Events table", "Add articles"]


def _timeline_bars(at):
    return sum(h.proto.body.count("<div title=") for h in at.html if "by type" in h.proto.body[:80])


def test_app_timeline_follows_the_filters(app):
    at = app.run()
    assert _timeline_bars(at) == 3 and "Events per day by type" in at.caption[0].value
    at.sidebar.multiselect(key="event_type").set_value(["Battles"]).run()
    assert _timeline_bars(at) == 2
    at.sidebar.text_input(key="q").set_value("no such words").run()
    assert _timeline_bars(at) == 0 and any("No dated events" in c.value for c in at.caption)


def test_app_filters_come_back_from_a_shared_url(app):
    app.query_params["admin1"] = ["Herat"]
    at = app.run()
    assert metrics(at)["Events"] == "1" and at.sidebar.multiselect(key="admin1").value == ["Herat"]


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 50])
def test_app_empty_or_broken_store_is_a_message_not_a_traceback(tmp_path, monkeypatch, content):
    db = tmp_path / "e.sqlite"
    if content:
        db.write_bytes(content)
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--db", str(db)])
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    if content:
        assert "Cannot open the event store" in at.error[0].value
    else:
        assert metrics(at)["Events"] == "0"


def test_app_changing_one_of_several_provinces_updates_the_url(app):
    at = app.run()
    at.sidebar.multiselect(key="admin1").set_value(["Kunduz", "Takhar"]).run()
    at.sidebar.multiselect(key="admin1").set_value(["Herat", "Takhar"]).run()
    shared = at.query_params["admin1"]
    assert sorted(shared if isinstance(shared, list) else [shared]) == ["Herat", "Takhar"]


def test_app_one_province_spelt_two_ways_is_one_choice(tmp_path, monkeypatch):
    db = tmp_path / "p.sqlite"
    with Store(db) as store:
        for i, name in enumerate(("Kunduz", "Kunduz", "Kondoz")):
            store.put(from_text("x", id=f"a{i}"), content_hash=str(i), events=[Event(
                event_id=f"e{i}", article_id=f"a{i}", event_date="2021-06-01", admin1=name, admin1_code="24",
                country_code="AF", latitude=36.7, longitude=68.9, source_sentence="Fighting.")])
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--db", str(db)])
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120).run()
    box = at.sidebar.multiselect(key="admin1")
    assert box.options == ["Kunduz"] and metrics(at)["Provinces"] == "1"
    at = box.set_value(["Kunduz"]).run()
    assert metrics(at)["Events"] == "3"


def _finish_ingest(at, seconds=180):
    import time

    deadline = time.monotonic() + seconds
    while "ingest_job" in at.session_state:
        assert time.monotonic() < deadline, "the ingest did not end"
        time.sleep(0.2)
        at.run()
    return at


@pytest.mark.slow
def test_app_pasted_article_is_added_in_a_subprocess_and_reported(app, gazetteer_path):
    app.session_state["tab"] = "Add articles"
    at = app.run()
    at.text_area(key="pasted").set_value("Clashes broke out in Ghazni on Monday, officials said.")
    at.button(key="add").click().run()
    assert not at.exception and "ingest_job" in at.session_state
    _finish_ingest(at)
    assert not at.exception
    assert any("1 added" in s.value for s in at.success)
    assert metrics(at)["Events"] == "4"  # the store's three and the new one, read afresh


def test_app_paste_over_the_limit_is_refused_before_anything_runs(app):
    app.session_state["tab"] = "Add articles"
    at = app.run()
    at.text_area(key="pasted").set_value("Kabul. " * 20_000)  # 140,000 characters
    at.button(key="add").click().run()
    assert not at.exception and "ingest_job" not in at.session_state
    assert "over the limit of 100,000" in at.error[0].value


def test_app_view_only_has_no_add_articles_tab(app, monkeypatch):
    monkeypatch.setattr(sys, "argv", sys.argv + ["--view-only"])
    app.session_state["tab"] = "Add articles"  # as a shared link might ask
    at = app.run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Timeline", "Events table"] and len(at.file_uploader) == 0
