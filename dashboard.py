"""Sitrep's dashboard: ``streamlit run dashboard.py``.

For now a page that says what is coming; the map, timeline and filters
arrive with the dashboard issue.
"""
import streamlit as st

st.set_page_config(page_title="Sitrep", layout="wide")
st.title("Sitrep")
st.write(
    "Sitrep turns news reports into a map of events: places, who claims what, "
    "and what happened where and when."
)
st.info(
    "The map, timeline and filters are being built. Today you can geocode place "
    "names offline: `python -m geo geocode Kunduz --json`."
)
