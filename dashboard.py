"""Sitrep's dashboard: events on a map, a timeline and a table, filtered by place, date, type,
actor, claimant and text; hover a marker to read the sentence that reports it.

    streamlit run dashboard.py                 # the bundled demo store
    streamlit run dashboard.py -- --db FILE    # a store of your own
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from events.exc import EventsError, JobError
from events.export import frame_csv, frame_geojson
from events.jobs import IngestJob
from events.store import Store
from events.table import empty, load
from ui.basemap import base_map, view_of
from ui.colours import legend_items
from ui.escape import markdown_literal, safe
from ui.filters import filter_events, provinces
from ui.labels import towns_near
from ui.layers import event_layer
from ui.timeline import timeline_html

st.set_page_config(page_title="Sitrep", layout="wide")

#: The views under the map, one at a time.
TABS = ("Timeline", "Events table", "Add articles")
#: Limits of one submission on the "Add articles" tab (a file is also capped by the
#: server's ``server.maxUploadSize``, set in .streamlit/config.toml).
MAX_SUBMISSION_MB = 50
MAX_FILES = 200
MAX_PASTE_CHARS = 100_000
#: Rejections listed on the page after an upload; the rest are counted.
SHOW_REJECTIONS = 20
#: Uploaded articles' ids live in a namespace of their own, apart from the analyst's corpus.
UPLOAD_PREFIX = "upload:"


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
    """The events of the store, read only: a viewer never creates, migrates or locks it."""
    if version == _MISSING:
        return empty()
    with Store(path, readonly=True) as store:
        return load(store, "events")


@st.cache_data(show_spinner=False, max_entries=2)
def filter_choices(path: str, version: tuple) -> dict:
    """What the sidebar offers for the whole store, worked out once per version of it:
    provinces by label (see :func:`ui.filters.provinces`) and each filter column's values."""
    df = load_events(path, version)

    def values(*columns: str) -> list[str]:
        return sorted(pd.concat([df[c].dropna() for c in columns]).unique().tolist())

    return {"admin1": provinces(df), "event_type": values("event_type"),
            "actor1": values("actor1", "actor2"), "claimant": values("claimant")}


_MISSING = ((0, 0), (0, 0))


def _version(path: Path) -> tuple:
    """Changes whenever the store does (WAL writes included), to refresh the cached frame;
    :data:`_MISSING` while there is no store yet (an ingest creates it)."""
    files = [path, path.with_name(path.name + "-wal")]
    version = tuple((f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else (0, 0) for f in files)
    return _MISSING if version[0][1] == 0 else version


# -- sidebar blocks: each returns plain values ------------------------------------------

def _param_list(name: str) -> list[str]:
    return [v for v in st.query_params.get_all(name) if v]


def place_filter(groups: dict[str, list[str]]) -> list[str]:
    """The provinces chosen, by label (see :func:`ui.filters.provinces`)."""
    options = list(groups)
    chosen = [v for v in _param_list("admin1") if v in options]
    return st.sidebar.multiselect("Province (admin1)", options, default=chosen, key="admin1")


def date_filter(df: pd.DataFrame) -> tuple[date, date] | None:
    dated = df["event_date"].dropna()
    if dated.empty:
        return None
    first, last = dated.min().date(), dated.max().date()
    if first == last:
        last = first + timedelta(days=1)
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
    parts = [(len(view), "events"), (int(view["latitude"].notna().sum()), "on the map"),
             (view["article_id"].nunique(), "articles"), (len(provinces(view)), "provinces")]
    st.markdown(" · ".join(f"**{n:,}** {label}" for n, label in parts))


def legend(df: pd.DataFrame) -> None:
    items = legend_items(df)
    if items:
        # st.html, not markdown: plain HTML set at once, sanitised again in the browser
        st.html(" ".join(
            f"<span style='display:inline-block;margin-right:12px'><span style='display:inline-block;"
            f"width:11px;height:11px;border-radius:50%;background:{colour}'></span> {safe(name)} ({n})"
            f"</span>" for name, colour, n in items))


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
    size = sum(f.size for f in files) + len(pasted.encode("utf-8"))
    if not files and not pasted.strip():
        st.warning("Choose files or paste an article first.")
        return
    if len(pasted) > MAX_PASTE_CHARS:  # the box stops typing there; a client may not
        st.error(f"The pasted text has {len(pasted):,} characters, over the limit of {MAX_PASTE_CHARS:,}; "
                 "save it as a file and upload that.")
        return
    if len(files) > MAX_FILES or size > MAX_SUBMISSION_MB * 2**20:
        st.error(f"{len(files)} files of {size / 2**20:.1f} MB in all: over this page's limit of {MAX_FILES} "
                 f"files and {MAX_SUBMISSION_MB} MB a submission. Add them in parts, or use "
                 "python -m events ingest.")
        return
    job = IngestJob.create()
    for f in files:
        job.input_path(f.name).write_bytes(f.getvalue())
    if pasted.strip():
        job.input_path("pasted text.txt").write_text(pasted, encoding="utf-8")
    try:
        job.start(db=path, published=published, id_prefix=UPLOAD_PREFIX, replace=replace)
    except (JobError, OSError) as exc:
        job.cleanup()
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
        p = job.progress()
        total = len(job.inputs)
        st.progress(min(1.0, p.inputs / max(1, total)) if total > 1 else 0.0,
                    text=f"Adding articles: {p.inputs:,} read ({p.stored:,} added, {p.rejected:,} rejected), "
                         f"{job.deadline - time.monotonic():.0f} s left at most")
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
    if "error" in result:
        st.error(f"Could not add the articles: {result['error']}")
        return
    st.success(f"{result['stored'] + result['replaced']:,} added, {result['unchanged']:,} already there, "
               f"{result['rejected']:,} rejected; {result['events']:,} events.")
    shown = result["rejections"][:SHOW_REJECTIONS]
    for r in shown:
        where = f"{r['input']} line {r['line']}" if r["line"] else r["input"]
        st.warning(markdown_literal(f"{where}: {r['reason']}"))
    if result["rejected"] > len(shown):
        st.caption(f"...and {result['rejected'] - len(shown):,} more rejections (all are in the store: "
                   "python -m events export --table ingest_errors)")


@st.cache_data(show_spinner=False, max_entries=2)
def map_towns(path: str, version: tuple) -> list[tuple[str, float, float, int]]:
    """The larger towns around the store's events, labelled on the map where tiles fail: one
    bounded gazetteer query a store version; none without a gazetteer file."""
    return towns_near(load_events(path, version))


def main() -> None:
    st.title("Sitrep")
    try:
        path, view_only = app_options()
        version = _version(path)
        df = load_events(str(path), version)
    except EventsError as exc:  # a file that is not a store, an older schema...
        st.error(f"Cannot open the event store: {exc}")
        st.stop()
    if "ingest_job" in st.session_state:
        ingest_status()
    st.sidebar.header("Filters")
    choices = filter_choices(str(path), version)
    groups = choices["admin1"]
    admin1 = place_filter(groups)
    dates = date_filter(df)
    event_type = choice_filter("Event type", "event_type", choices["event_type"])
    actor = choice_filter("Actor", "actor1", choices["actor1"])
    claimant = choice_filter("Claimant", "claimant", choices["claimant"])
    text = text_filter()
    heat, cluster = view_options()
    _write_params(admin1=admin1, event_type=event_type, actor1=actor, claimant=claimant, q=text,
                  start=dates[0].isoformat() if dates else None, end=dates[1].isoformat() if dates else None,
                  heat="1" if heat else None, cluster="1" if cluster else None)
    # The full range is no filter: undated events stay in view until dates are narrowed.
    if dates and df["event_date"].notna().any() and dates == (df["event_date"].min().date(),
                                                             df["event_date"].max().date()):
        dates = None
    view = filter_events(df, start=dates[0] if dates else None, end=dates[1] if dates else None,
                         admin1=[name for label in admin1 for name in groups[label]] or None,
                         event_type=event_type or None, actor=actor or None,
                         claimant=claimant or None, text=text or None)
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
