"""The timeline: bars by period and type in the map's colours, binning, escaping."""
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from ui.colours import COLOURS, OTHER_COLOUR
from ui.timeline import timeline_html


def frame(rows):
    return pd.DataFrame(rows, columns=["event_date", "event_type"]).assign(
        event_date=lambda d: pd.to_datetime(d["event_date"]))


def style(element):
    return dict(part.split(":", 1) for part in element.get("style").split(";") if part)


def bars(chart):
    """The bars (columns of segments) of a chart, parsed as XML: nothing escaped its element."""
    return [el for el in ET.fromstring(chart).iter("div") if style(el).get("flex-direction") == "column-reverse"]


def percent(value):
    return float(value.rstrip("%"))


def test_timeline_stacks_each_days_types_in_the_map_colours():
    chart, unit = timeline_html(frame([("2021-06-01", "Battles"), ("2021-06-01", "Battles"),
                                       ("2021-06-01", "Protests"), ("2021-06-03", "Riots")]))
    assert unit == "day"
    first, second = bars(chart)
    # a column drawn from the bottom up: battles first, protests on top, each as tall as its count
    assert [(style(s)["background"], s.get("title"), style(s)["flex"]) for s in first] == [
        (COLOURS["Battles"], "2021-06-01 (day): 2 Battles", "2 1 0"),
        (COLOURS["Protests"], "2021-06-01 (day): 1 Protests", "1 1 0"),
    ]
    assert [s.get("title") for s in second] == ["2021-06-03 (day): 1 Riots"]
    # the tallest stack reaches the top line; the riots bar is a third of it, and to the right
    assert percent(style(first)["height"]) == pytest.approx(100)
    assert percent(style(second)["height"]) == pytest.approx(100 / 3, abs=0.01)
    assert percent(style(second)["left"]) > percent(style(first)["left"])


@pytest.mark.parametrize("days, unit", [(30, "day"), (370, "day"), (800, "week"), (4000, "month")])
def test_timeline_bins_long_spans_so_bars_stay_visible(days, unit):
    start = pd.Timestamp("2015-01-01")
    dates = [start + pd.Timedelta(days=d) for d in range(0, days, 3)]
    chart, got = timeline_html(frame([(d, "Battles") for d in dates]))
    assert got == unit
    columns = bars(chart)
    assert all(style(b)["min-width"] == "1px" for b in columns)
    assert len(columns) <= 400


def test_timeline_escapes_type_names_and_colours_unknown_types_grey():
    hostile = "<img src=x onerror=alert(1)>"
    chart, _ = timeline_html(frame([("2021-06-01", hostile), ("2021-06-02", None)]))
    assert "<img" not in chart
    segments = [s for b in bars(chart) for s in b]
    assert {style(s)["background"] for s in segments} == {OTHER_COLOUR}
    assert hostile in segments[0].get("title") and "Unknown" in segments[1].get("title")


def test_timeline_of_undated_or_no_events_is_none():
    assert timeline_html(frame([])) is None
    assert timeline_html(frame([(None, "Battles")])) is None


def test_timeline_labels_the_axis_with_dates_in_the_range():
    chart, _ = timeline_html(frame([("2021-05-03", "Battles"), ("2021-08-26", "Protests")]))
    labels = [t.text for t in ET.fromstring(chart).iter("span")]
    months = [x for x in labels if re.fullmatch(r"[A-Z][a-z]{2} \d\d", x)]
    assert months[0] == "May 03" and len(months) >= 5
