"""Sitrep's dashboard: events on a map, a timeline and a table, filtered by place, date, type,
actor, claimant and text; hover a marker to read the sentence that reports it.

    streamlit run dashboard.py                 # the bundled demo store
    streamlit run dashboard.py -- --db FILE    # a store of your own
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from events.exc import EventsError, JobError
from events.export import frame_csv, frame_geojson
from events.jobs import IngestJob
from ui import source, uploads
from ui.basemap import base_map, view_of
from ui.filters import Choices, Selection, choices, date_bounds, narrow
from ui.labels import towns_near
from ui.layers import event_layer
from ui.summary import counts_markdown, legend_html
from ui.timeline import timeline_html
from ui.uploads import MAX_FILES, MAX_PASTE_CHARS, MAX_SUBMISSION_MB

st.set_page_config(page_title="Sitrep", layout="wide")

#: The views under the map, one at a time.
TABS = ("Timeline", "Events table", "Add articles")


def app_options() -> tuple[Path, bool]:
    """(the store, view only): ``--db FILE``, else the demo store; ``--view-only`` leaves out
    the "Add articles" tab (for a dashboard shared on a network)."""
    ap = argparse.ArgumentParser(prog="dashboard.py")
    ap.add_argument("--db", help="event store (default: the bundled demo store)")
    ap.add_argument("--view-only", action="store_true", help="no 'Add articles' tab")
    args, _ = ap.parse_known_args(sys.argv[1:])
    return (Path(args.db) if args.db else _demo()), args.view_only


@st.cache_resource(show_spinner="Building the demo store from the bundled articles (once)...")
def _demo() -> Path:
    from events.demo import ensure_demo_store

    return ensure_demo_store()


# Bounded: a new version of the store replaces the frame of the last but one.
@st.cache_data(show_spinner=False, max_entries=2)
def load_events(path: str, version: tuple) -> pd.DataFrame:
    """The events of the store, read only (see :func:`ui.source.read_events`)."""
    return source.read_events(path, version)


@st.cache_data(show_spinner=False, max_entries=2)
def filter_choices(path: str, version: tuple) -> Choices:
    """What the sidebar offers for the whole store, worked out once per version of it."""
    return choices(load_events(path, version))


# -- sidebar blocks: each returns plain values ------------------------------------------

def _param_list(name: str) -> list[str]:
    return [v for v in st.query_params.get_all(name) if v]


def place_filter(groups: dict[str, list[str]]) -> list[str]:
    """The provinces chosen, by label (see :func:`ui.filters.provinces`)."""
    options = list(groups)
    chosen = [v for v in _param_list("admin1") if v in options]
    return st.sidebar.multiselect("Province (admin1)", options, default=chosen, key="admin1")


def date_filter(df: pd.DataFrame) -> tuple[date, date] | None:
    bounds = date_bounds(df)
    if bounds is None:
        return None
    first, last = bounds
    start = _param_date("start", first, first, last)
    end = _param_date("end", last, first, last)
    return st.sidebar.slider("Dates", min_value=first, max_value=last, value=(start, end), key="dates")


def _param_date(name: str, default: date, low: date, high: date) -> date:
    try:
        value = date.fromisoformat(st.query_params.get(name, ""))
    except ValueError:
        return default
    return min(max(value, low), high)


def choice_filter(label: str, column: str, options: list[str]) -> list[str]:
    chosen = [v for v in _param_list(column) if v in options]
    return st.sidebar.multiselect(label, options, default=chosen, key=column)


def text_filter() -> str:
    return st.sidebar.text_input("Search source sentences", value=st.query_params.get("q", ""), key="q")


def view_options() -> tuple[bool, bool]:
    heat = st.sidebar.toggle("Heat map", value=st.query_params.get("heat") == "1", key="heat")
    cluster = st.sidebar.toggle("Cluster markers", value=st.query_params.get("cluster", "auto") == "1",
                                key="cluster")
    return heat, cluster


def _write_params(**values) -> None:
    """Keep the filters in the URL so that a filtered view can be shared."""
    params = {key: value if isinstance(value, list) else [str(value)]
              for key, value in values.items() if value not in (None, "", [], False)}
    if {key: st.query_params.get_all(key) for key in st.query_params} != params:
        st.query_params.from_dict(params)


# -- main blocks -------------------------------------------------------------------------

def counts(view: pd.DataFrame) -> None:
    # one line of markdown, not four st.metric columns: 0.1-0.3 s less before the map first shows
    st.markdown(counts_markdown(view))


def legend(df: pd.DataFrame) -> None:
    html = legend_html(df)
    if html:
        # st.html, not markdown: plain HTML set at once, sanitised again in the browser
        st.html(html)


def timeline(df: pd.DataFrame) -> None:
    drawn = timeline_html(df)
    if drawn is None:
        st.caption("No dated events in this view.")
        return
    chart, unit = drawn
    st.caption(f"Events per {unit} by type (hover a bar for its count)")
    st.html(chart)


def table_block(view: pd.DataFrame) -> None:
    st.dataframe(view[["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                       "country", "claimant", "source_sentence"]], width="stretch", hide_index=True,
                 column_config={"event_date": st.column_config.DateColumn("event_date", format="YYYY-MM-DD")})
    d1, d2 = st.columns(2)
    # Deferred: the files are made only when asked for, not on every rerun.
    d1.download_button("Download CSV (ACLED columns first)", lambda: frame_csv(view), "sitrep-events.csv",
                       "text/csv")
    d2.download_button("Download GeoJSON", lambda: frame_geojson(view), "sitrep-events.geojson",
                       "application/geo+json")


def upload_block(path: Path) -> None:
    """The form that adds articles; they are read in a subprocess (see :func:`ingest_status`)."""
    if "ingest_job" in st.session_state:
        st.info("Adding the last submission; its progress shows above the map.")
        return
    _last_result()
    with st.form("add", clear_on_submit=True, border=False):
        files = st.file_uploader(f"Files (.txt, .html, .jsonl; up to {MAX_FILES} files and "
                                 f"{MAX_SUBMISSION_MB} MB in all)", type=["txt", "html", "htm", "jsonl"],
                                 accept_multiple_files=True, key="upload")
        # No max_chars: the box would cut a longer paste silently; the limit is checked on submit.
        pasted = st.text_area(f"...or paste an article (up to {MAX_PASTE_CHARS:,} characters)", key="pasted")
        published = st.date_input("Publication date (for inputs without one)", value=None, key="published")
        replace = st.checkbox("Replace articles added before under the same id", key="replace",
                              help="Uploaded ids have their own namespace; without this, an upload whose "
                                   "id is already stored with other content is rejected.")
        submitted = st.form_submit_button("Add to the map", key="add")
    if submitted:
        _start_ingest(path, files or [], pasted or "", published, replace=replace)


def _start_ingest(path: Path, files, pasted: str, published, *, replace: bool) -> None:
    refused = uploads.refusal(sizes=[f.size for f in files], pasted=pasted)
    if refused and refused.error:
        st.error(refused.message)
        return
    if refused:
        st.warning(refused.message)
        return
    try:
        job = uploads.start_ingest(path, files=((f.name, f.getvalue()) for f in files), pasted=pasted,
                                   published=published, replace=replace)
    except (JobError, OSError) as exc:
        st.error(f"Could not add the articles: {exc}")
        return
    st.session_state["ingest_job"] = job
    st.session_state.pop("ingest_result", None)
    st.rerun()


@st.fragment(run_every=0.5)
def ingest_status() -> None:
    """The running ingest's progress; when it ends, its result is kept and the page redrawn."""
    job: IngestJob | None = st.session_state.get("ingest_job")
    if job is None:
        return
    if not job.finished():
        status = uploads.status(job, now=time.monotonic())
        st.progress(status.fraction, text=status.text)
        return
    try:
        st.session_state["ingest_result"] = job.result()
    except JobError as exc:
        st.session_state["ingest_result"] = {"error": str(exc)}
    finally:
        job.cleanup()
        del st.session_state["ingest_job"]
    st.rerun()


def _last_result() -> None:
    result = st.session_state.get("ingest_result")
    if not result:
        return
    report = uploads.report(result)
    if report.error:
        st.error(report.error)
        return
    st.success(report.summary)
    for line in report.rejections:
        st.warning(line)
    if report.more:
        st.caption(report.more)


@st.cache_data(show_spinner=False, max_entries=2)
def map_towns(path: str, version: tuple) -> list[tuple[str, float, float, int]]:
    """The larger towns around the store's events, labelled on the map where tiles fail: one
    bounded gazetteer query a store version; none without a gazetteer file."""
    return towns_near(load_events(path, version))


def main() -> None:
    st.title("Sitrep")
    try:
        path, view_only = app_options()
        version = source.version(path)
        df = load_events(str(path), version)
    except EventsError as exc:  # a file that is not a store, an older schema...
        st.error(f"Cannot open the event store: {exc}")
        st.stop()
    if "ingest_job" in st.session_state:
        ingest_status()
    st.sidebar.header("Filters")
    offered = filter_choices(str(path), version)
    admin1 = place_filter(offered.provinces)
    dates = date_filter(df)
    event_type = choice_filter("Event type", "event_type", offered.event_types)
    actor = choice_filter("Actor", "actor1", offered.actors)
    claimant = choice_filter("Claimant", "claimant", offered.claimants)
    text = text_filter()
    heat, cluster = view_options()
    _write_params(admin1=admin1, event_type=event_type, actor1=actor, claimant=claimant, q=text,
                  start=dates[0].isoformat() if dates else None, end=dates[1].isoformat() if dates else None,
                  heat="1" if heat else None, cluster="1" if cluster else None)
    view = narrow(df, Selection(provinces=tuple(admin1), dates=dates, event_types=tuple(event_type),
                                actors=tuple(actor), claimants=tuple(claimant), text=text),
                  groups=offered.provinces)
    counts(view)
    legend(view)
    local = bool(st.get_option("server.enableStaticServing"))
    if not local:
        st.warning("Static file serving is off (run from the repository root, or set "
                   "server.enableStaticServing), so the map loads Leaflet from the internet.")
    # The base map covers the whole store and stays put; a filter swaps only the events layer
    # in the same frame (a new base map would load a new frame, scripts and all).
    center, zoom = view_of(view)
    st_folium(base_map(df, towns=map_towns(str(path), version), local_assets=local),
              feature_group_to_add=event_layer(view, heat=heat, cluster=True if cluster else None,
                                               local_assets=local),
              center=center, zoom=zoom, height=520, use_container_width=True, returned_objects=[], key="map")
    # Lazy tabs: only the open one runs and reaches the browser, so the table's grid and
    # the upload widgets do not hold up the map's first paint.
    tabs = st.tabs(TABS[:2] if view_only else TABS, key="tab", on_change="rerun")
    if tabs[0].open:
        with tabs[0]:
            timeline(view)
    if tabs[1].open:
        with tabs[1]:
            table_block(view)
    if not view_only and tabs[2].open:
        with tabs[2]:
            upload_block(path)


main()
