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
    # one constructor in the callback, not one per event
    more = build_map(frame(FAST_FROM + 100, HOSTILE), outlines=False).get_root().render()
    assert html.count("L.circleMarker(") == more.count("L.circleMarker(") == 1


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


# -- what a map without tiles still says: labels of the event places and the towns near them ---

def placed(rows):
    """A typed events frame of (location, lat, lon) rows."""
    events = [Event(event_id=str(i), article_id="a", event_date="2021-06-02", event_type="Battles", location=loc,
                    latitude=lat, longitude=lon, country_code="AF", source_sentence="Clashes.").as_dict()
              for i, (loc, lat, lon) in enumerate(rows)]
    return _typed(pd.DataFrame(events), "events")


def test_maps_labels_escape_place_and_town_names():
    from events.maps import labels

    out = labels(placed([(HOSTILE, 36.7, 68.8), ("Ghazni\n\n", 33.55, 68.42)]),
                 [("<b>${x}</b> {{ 7*7 }}", 35.0, 69.0, 10_000)])
    texts = [text for *_, text, _ in out]
    assert texts[0] == safe(" ".join(HOSTILE.split())) and "Ghazni" in texts  # one line, not three
    assert texts[-1] == safe("<b>${x}</b> {{ 7*7 }}")
    for text in texts:
        assert not any(c in text for c in "<>`${}\n") and "{{" not in text
    html = build_map(placed([(HOSTILE, 36.7, 68.8)]), towns=[("<img src=x onerror=alert(9)>", 35.0, 69.0, 10_000)],
                     outlines=False).get_root().render()
    assert "<img src=x" not in html and "${alert" not in html and "{{ 7*7 }}" not in html


def test_maps_labels_are_bounded_and_put_the_events_places_first():
    from events.maps import labels

    events = placed([(f"Place {i}", 30 + i / 100, 60 + i / 100) for i in range(300)] + [("Busy", 35.0, 65.0)] * 5)
    towns = [(f"Town {i}", 20 + i / 100, 50, 1000 + i) for i in range(500)]
    out = labels(events, towns, max_places=40, max_towns=30)
    kinds = [kind for *_, kind in out]
    assert kinds == ["place"] * 40 + ["town"] * 30
    assert out[0][2] == "Busy"  # the place with the most events
    assert out[40][2] == "Town 499"  # the most populous town


def test_maps_labels_name_a_place_once():
    from events.maps import labels

    events = placed([("Herat", 34.348, 62.2), ("Kandahar", 31.05, 65.71), ("Kandahar", 31.05, 65.71),
                     ("Kunduz", 36.73, 68.86)])
    towns = [("Herāt", 34.35, 62.2, 574_300),      # the event place, spelt otherwise
             ("Kandahār", 31.61, 65.71, 523_300),  # the same name, elsewhere: the event place's label stands
             ("Kunduz City", 36.73, 68.86, 161_000),  # at an event place's point
             ("Baghlān", 36.13, 68.71, 108_000)]
    assert [(text, kind) for *_, text, kind in labels(events, towns)] == [
        ("Kandahar", "place"), ("Herat", "place"), ("Kunduz", "place"), ("Baghlān", "town")]


def test_maps_towns_near_the_events_come_from_the_gazetteer_in_one_bounded_read(gazetteer_path):
    from events.maps import TOWNS_PER_CELL, town_boxes, towns_near

    events = placed([("Kunduz", 36.73, 68.86), ("Kabul", 34.53, 69.17), ("Cali", 3.43, -76.52)])
    boxes = town_boxes(events)
    assert len(boxes) == 3
    towns = towns_near(events, gazetteer=gazetteer_path, limit=12)
    assert 0 < len(towns) <= min(12, 3 * TOWNS_PER_CELL)
    names = [name for name, *_ in towns]
    assert "Kabul" in names and len(set(names)) == len(names)
    assert [t[3] for t in towns] == sorted((t[3] for t in towns), reverse=True)
    assert all(any(s <= lat <= n and w <= lon <= e for s, w, n, e in boxes) for _, lat, lon, _ in towns)
    assert towns_near(events, gazetteer=gazetteer_path.with_name("absent.sqlite")) == []  # no gazetteer: no towns


def test_maps_largest_towns_reads_a_bounded_number_of_boxes_and_rows(gazetteer_path):
    from geo.gazetteer import MAX_TOWN_BOXES, largest_towns

    world = [(-90.0, -180.0, 90.0, 180.0)]
    assert len(largest_towns(world, path=gazetteer_path, per_box=500, limit=7)) == 7
    assert len(largest_towns(world, path=gazetteer_path, per_box=3)) == 3
    # boxes beyond the cap are not read: only the first (empty) ones are
    empty_then_world = [(0.0, 0.0, 0.001, 0.001)] * MAX_TOWN_BOXES + world
    assert largest_towns(empty_then_world, path=gazetteer_path) == []


def test_maps_town_boxes_cover_the_busiest_cells_widened():
    from events.maps import town_boxes

    events = placed([("A", 36.73, 68.86)] * 3 + [("B", 3.43, -76.52)] + [("C", 89.9, 179.9)])
    assert town_boxes(events, cell=2.0) == [(35.0, 67.0, 39.0, 71.0), (1.0, -79.0, 5.0, -75.0),
                                            (87.0, 177.0, 90.0, 180.0)]
    assert len(town_boxes(events, cell=2.0, max_cells=1)) == 1
    assert town_boxes(frame(0)) == []


def test_maps_the_base_map_puts_world_and_labels_under_the_tiles():
    m = build_map(placed([("Kunduz", 36.73, 68.86)]), towns=[("Baghlan", 36.13, 68.71, 108_000)])
    html = m.get_root().render()
    assert "/app/static/world/world-50m.json" in html  # fetched, not embedded
    assert len(html) < 100_000
    assert '"sitrepWorld", 150' in html and '"sitrepLabels", 160' in html  # below the tile pane's 200
    assert '"Kunduz", "place"' in html and '"Baghlan", "town"' in html
    assert '"AF"' in html  # Afghanistan's borders are left to its outline above the tiles
    # without static serving there is nothing to fetch from
    assert "world-50m.json" not in build_map(frame(1), local_assets=False).get_root().render()
    assert "sitrepWorld" not in build_map(frame(1), world=False).get_root().render()


# -- markers on one spot --------------------------------------------------------------------

def _spots_frame():
    rows = [("Kunduz", 36.72895, 68.857)] * 4 + [("Imam Sahib", 37.17646, 68.97343), ("Taloqan", 36.736, 69.534)]
    return placed(rows)


def _children(element, kind):
    return [c for c in element._children.values() if isinstance(c, kind)]


def test_maps_events_on_one_spot_become_a_count_that_spreads():
    import folium

    from events.maps import SpotCluster, event_layer

    layer = event_layer(_spots_frame())
    (spot,) = _children(layer, SpotCluster)
    assert len(_children(spot, folium.CircleMarker)) == 4  # Kunduz's four, spread on a click
    assert len(_children(layer, folium.CircleMarker)) == 2  # the others stay single markers
    m = build_map(_spots_frame(), outlines=False)
    html = m.get_root().render()
    assert "events here: click to spread" in html and "iconCreateFunction" in html
    assert '"maxClusterRadius": 16' in html


def test_maps_events_apart_are_single_markers_and_clustering_takes_them_all():
    import folium

    from events.maps import SpotCluster, event_layer

    assert not _children(event_layer(frame(5)), SpotCluster)
    layer = event_layer(_spots_frame(), cluster=True)
    (cluster,) = _children(layer, folium.plugins.MarkerCluster)
    assert not isinstance(cluster, SpotCluster) and len(_children(cluster, folium.CircleMarker)) == 6
    assert "click to zoom in" in build_map(_spots_frame(), cluster=True, outlines=False).get_root().render()


def test_maps_many_events_clusters_say_what_a_click_does():
    from events.maps import FAST_FROM

    html = build_map(frame(FAST_FROM + 1), outlines=False).get_root().render()
    assert 'cluster.on("clustermouseover"' in html and "click to spread" in html


# -- hover boxes, popups and dates -----------------------------------------------------------

def test_maps_hover_boxes_wrap_at_320_px_and_are_at_least_240_wide():
    from events.maps import _FAST_TOOLTIP, tooltip_html

    for tip in (tooltip_html({"source_sentence": "x"}), _FAST_TOOLTIP):
        assert "width:max-content" in tip and "min-width:240px" in tip and "max-width:320px" in tip
        assert "white-space:normal" in tip


@pytest.mark.parametrize("value, text", [
    (pd.Timestamp("2021-06-02"), "2021-06-02"),
    (pd.Timestamp("2021-06-02 13:45:00"), "2021-06-02"),
    ("2021-06-02 00:00:00", "2021-06-02"),
    (__import__("datetime").date(2021, 6, 2), "2021-06-02"),
    (pd.NaT, "undated"), (None, "undated"), (pd.NA, "undated"), ("not a date", "undated"),
])
def test_maps_date_text_is_a_date_without_a_time(value, text):
    from events.maps import date_text

    assert date_text(value) == text


@pytest.mark.parametrize("n", [3, CLUSTER_FROM + 1])
@pytest.mark.parametrize("as_text", [False, True])
def test_maps_popups_show_dates_not_times(n, as_text):
    events = frame(n)
    if as_text:  # a frame read elsewhere, its dates as text with a time
        events["event_date"] = events["event_date"].dt.strftime("%Y-%m-%d %H:%M:%S").astype(object)
    html = build_map(events, outlines=False).get_root().render()
    assert "2021-06-01" in html and "00:00:00" not in html


def test_maps_popup_reads_as_words_and_leaves_out_what_is_not_known():
    from events.maps import popup_html

    row = frame(1).to_dict("records")[0] | {"time_precision": 1, "geo_precision": 2, "location": "Kunduz",
                                            "admin1": "Kunduz", "country": "Afghanistan", "claimant_role": None}
    html = popup_html(row)
    assert "2021-06-01 (exact day)" in html and "Kunduz, Afghanistan (near this place)" in html
    assert ">Role<" not in html and "Clashes in Kunduz." in html
