"""The folium map: escaping of untrusted text, offline assets, clustering."""
import re

import pandas as pd
import pytest

from events.maps import CLUSTER_FROM, build_map, legend_items, safe
from events.schema import Event
from events.table import _typed, empty

HOSTILE = "<img src=x onerror=alert(1)> ${alert(2)} `x` \\u0061 </script> {{ 7*7 }} {% if 1 %}IF{% endif %}"


def frame(n=3, sentence="Clashes in Kunduz."):
    if n == 0:
        return empty()
    rows = [Event(event_id=str(i), article_id="a", event_date="2021-06-01", event_type="Battles",
                  latitude=36.7 + i * 0.01, longitude=68.8, country_code="AF", source_sentence=sentence,
                  claimant="an official", url="javascript:alert(3)").as_dict() for i in range(n)]
    return _typed(pd.DataFrame(rows), "events")


@pytest.mark.parametrize("text, forbidden", [
    ("<b>", "<b>"), ("${x}", "${"), ("`", "`"), ("\\", "\\"), ("'\"", "'"), ("{{ x }}", "{"), ("{% x %}", "}"),
])
def test_maps_safe_escapes_html_and_template_literals(text, forbidden):
    assert forbidden not in safe(text)


@pytest.mark.parametrize("n", [1, CLUSTER_FROM + 1])
def test_maps_hostile_text_never_reaches_the_page_raw(n):
    html = build_map(frame(n, HOSTILE), outlines=False).get_root().render()
    assert "<img src=x" not in html and "${alert" not in html and "`x`" not in html
    amp = r"(?:&|\\{1,2}u0026)"  # an entity's & as HTML writes it, as JSON does, and in a JS string
    assert re.search(amp + r"lt;img src=x onerror=alert\(1\)" + amp + "gt;", html)
    assert re.search(amp + "lt;/script" + amp + "gt;", html)
    assert "javascript:alert(3)" not in html  # only http(s) links become links
    # no server-side template runs on article text: the braces arrive as entities
    assert re.search(amp + r"#123;" + amp + r"#123; 7\*7 " + amp + "#125;", html)
    assert re.search(r"%" + amp + r"#125;IF" + amp + r"#123;% endif", html)


def test_maps_assets_are_served_by_the_app_not_a_cdn():
    html = build_map(frame(CLUSTER_FROM + 1), outlines=False).get_root().render()
    scripts = [line for line in html.splitlines() if "<script src=" in line or "stylesheet" in line]
    assert scripts and all("/app/static/" in line for line in scripts), scripts
    assert "markerClusterGroup" in html


def test_maps_heat_map_and_legend():
    html = build_map(frame(5), heat=True, outlines=False).get_root().render()
    assert "heatLayer" in html and "/app/static/heat/leaflet-heat.js" in html
    assert legend_items(frame(5)) == [("Battles", "#d62728", 5)]


def test_maps_empty_view_still_draws_a_map():
    assert "L.map" in build_map(frame(0)).get_root().render()


def test_maps_many_events_are_built_in_the_browser_and_still_escaped():
    from events.maps import FAST_FROM

    html = build_map(frame(FAST_FROM + 1, HOSTILE), outlines=False).get_root().render()
    assert "var callback = function (row)" in html and "L.markerClusterGroup" in html
    assert "var callback = \nvar" not in html and "var callback = var" not in html
    assert "<img src=x" not in html and "${alert" not in html and "`x`" not in html
    assert html.count("L.circleMarker(") == 1  # one constructor in the callback, not one per event


def test_maps_without_static_serving_falls_back_to_folium_cdn_addresses():
    html = build_map(frame(3), outlines=False, local_assets=False).get_root().render()
    assert "/app/static/" not in html and "leaflet" in html


def _layers(m, kind):
    import folium

    return [child for child in m._children.values() if isinstance(child, folium.GeoJson)
            and child.layer_name.startswith(kind)]


def test_maps_outlines_show_the_country_and_its_province_borders_under_the_markers():
    m = build_map(frame(3))
    assert len(_layers(m, "outline AF")) == 1
    (provinces,) = _layers(m, "provinces AF")
    assert provinces.data["features"][0]["geometry"]["type"] == "MultiLineString"
    # Kunduz's borders run within a few tenths of a degree of the events at 36.7N 68.8E
    points = [p for line in provinces.data["features"][0]["geometry"]["coordinates"] for p in line]
    assert any(abs(lon - 68.8) < 0.5 and abs(lat - 36.7) < 0.5 for lon, lat in points)
    html = m.get_root().render()
    assert html.count('"interactive": false') >= 2  # outlines never take a marker's hover


@pytest.mark.parametrize("code, country, provinces", [
    ("GF", 1, 0),   # French Guiana: an outline; Natural Earth draws it as a region of France
    ("MM", 0, 1),   # Myanmar: countryinfo has no outline, its borders come with the provinces'
    ("ZZ", 0, 0),   # no such country: nothing drawn, the map still is
])
def test_maps_outlines_draw_what_the_bundled_data_has(code, country, provinces):
    events = frame(1)
    events["country_code"] = code
    m = build_map(events)
    assert (len(_layers(m, "outline")), len(_layers(m, "provinces"))) == (country, provinces)
    assert "L.map" in m.get_root().render()


def test_maps_outlines_can_be_left_out():
    assert not _layers(build_map(frame(2), outlines=False), "provinces")
