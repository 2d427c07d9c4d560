"""The timeline SVG: bars by period and type in the map's colours, binning, escaping."""
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from events.maps import COLOURS, OTHER_COLOUR
from events.timeline import timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def frame(rows):
    return pd.DataFrame(rows, columns=["event_date", "event_type"]).assign(
        event_date=lambda d: pd.to_datetime(d["event_date"]))


def rects(svg):
    return ET.fromstring(svg).findall(f"{SVG}rect")


def test_timeline_stacks_each_days_types_in_the_map_colours():
    svg, unit = timeline_svg(frame([("2021-06-01", "Battles"), ("2021-06-01", "Battles"),
                                    ("2021-06-01", "Protests"), ("2021-06-03", "Riots")]))
    assert unit == "day"
    bars = rects(svg)
    assert [(r.get("fill"), r.find(f"{SVG}title").text) for r in bars] == [
        (COLOURS["Battles"], "2021-06-01 (day): 2 Battles"),
        (COLOURS["Protests"], "2021-06-01 (day): 1 Protests"),
        (COLOURS["Riots"], "2021-06-03 (day): 1 Riots"),
    ]
    battles, protests, riots = bars
    # stacked: the protest bar sits on the battles bar, and the tallest stack reaches the top line
    assert float(protests.get("y")) + float(protests.get("height")) == pytest.approx(float(battles.get("y")), abs=0.2)
    assert float(riots.get("height")) == pytest.approx(float(battles.get("height")) / 2, abs=0.2)
    assert float(riots.get("x")) > float(battles.get("x"))


@pytest.mark.parametrize("days, unit", [(30, "day"), (370, "day"), (800, "week"), (4000, "month")])
def test_timeline_bins_long_spans_so_bars_stay_visible(days, unit):
    start = pd.Timestamp("2015-01-01")
    dates = [start + pd.Timedelta(days=d) for d in range(0, days, 3)]
    svg, got = timeline_svg(frame([(d, "Battles") for d in dates]))
    assert got == unit
    widths = [float(r.get("width")) for r in rects(svg)]
    assert min(widths) >= 1.0
    assert len(widths) <= 400


def test_timeline_escapes_type_names_and_colours_unknown_types_grey():
    hostile = "<img src=x onerror=alert(1)>"
    svg, _ = timeline_svg(frame([("2021-06-01", hostile), ("2021-06-02", None)]))
    assert "<img" not in svg
    bars = rects(svg)  # parses as XML: nothing escaped its element
    assert {r.get("fill") for r in bars} == {OTHER_COLOUR}
    assert "Unknown" in bars[1].find(f"{SVG}title").text


def test_timeline_of_undated_or_no_events_is_none():
    assert timeline_svg(frame([])) is None
    assert timeline_svg(frame([(None, "Battles")])) is None


def test_timeline_labels_the_axis_with_dates_in_the_range():
    svg, _ = timeline_svg(frame([("2021-05-03", "Battles"), ("2021-08-26", "Protests")]))
    labels = [t.text for t in ET.fromstring(svg).findall(f"{SVG}text")]
    months = [x for x in labels if re.fullmatch(r"[A-Z][a-z]{2} \d\d", x)]
    assert months[0] == "May 03" and len(months) >= 5
