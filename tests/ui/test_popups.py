"""Hover boxes and popups: readable widths, dates without times, rows in words."""
import pandas as pd
import pytest

from tests.ui.frames import frame
from ui.basemap import build_map
from ui.layers import CLUSTER_FROM
from ui.popups import TOOLTIP_JS, date_text, popup_html, tooltip_html


def test_popups_hover_boxes_wrap_at_320_px_and_are_at_least_240_wide():
    for tip in (tooltip_html({"source_sentence": "x"}), TOOLTIP_JS):
        assert "width:max-content" in tip and "min-width:240px" in tip and "max-width:320px" in tip
        assert "white-space:normal" in tip


@pytest.mark.parametrize("value, text", [
    (pd.Timestamp("2021-06-02"), "2021-06-02"),
    (pd.Timestamp("2021-06-02 13:45:00"), "2021-06-02"),
    ("2021-06-02 00:00:00", "2021-06-02"),
    (__import__("datetime").date(2021, 6, 2), "2021-06-02"),
    (pd.NaT, "undated"), (None, "undated"), (pd.NA, "undated"), ("not a date", "undated"),
])
def test_popups_date_text_is_a_date_without_a_time(value, text):
    assert date_text(value) == text


@pytest.mark.parametrize("n", [3, CLUSTER_FROM + 1])
@pytest.mark.parametrize("as_text", [False, True])
def test_popups_popups_show_dates_not_times(n, as_text):
    events = frame(n)
    if as_text:  # a frame read elsewhere, its dates as text with a time
        events["event_date"] = events["event_date"].dt.strftime("%Y-%m-%d %H:%M:%S").astype(object)
    html = build_map(events, outlines=False).get_root().render()
    assert "2021-06-01" in html and "00:00:00" not in html


def test_popups_popup_reads_as_words_and_leaves_out_what_is_not_known():
    row = frame(1).to_dict("records")[0] | {"time_precision": 1, "geo_precision": 2, "location": "Kunduz",
                                            "admin1": "Kunduz", "country": "Afghanistan", "claimant_role": None}
    html = popup_html(row)
    assert "2021-06-01 (exact day)" in html and "Kunduz, Afghanistan (near this place)" in html
    assert ">Role<" not in html and "Clashes in Kunduz." in html
