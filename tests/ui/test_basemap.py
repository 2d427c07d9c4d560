"""The base map: offline assets, an empty view, the events' countries and province borders."""
import pytest

from tests.ui.frames import frame
from ui.basemap import build_map
from ui.layers import CLUSTER_FROM


def test_basemap_assets_are_served_by_the_app_not_a_cdn():
    html = build_map(frame(CLUSTER_FROM + 1), outlines=False).get_root().render()
    scripts = [line for line in html.splitlines() if "<script src=" in line or "stylesheet" in line]
    assert scripts and all("/app/static/" in line for line in scripts), scripts
    assert "markerClusterGroup" in html


def test_basemap_empty_view_still_draws_a_map():
    assert "L.map" in build_map(frame(0)).get_root().render()


def test_basemap_without_static_serving_falls_back_to_folium_cdn_addresses():
    html = build_map(frame(3), outlines=False, local_assets=False).get_root().render()
    assert "/app/static/" not in html and "leaflet" in html


def _layers(m, kind):
    import folium

    return [child for child in m._children.values() if isinstance(child, folium.GeoJson)
            and child.layer_name.startswith(kind)]


def test_basemap_outlines_show_the_country_and_its_province_borders_under_the_markers():
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
def test_basemap_outlines_draw_what_the_bundled_data_has(code, country, provinces):
    events = frame(1)
    events["country_code"] = code
    m = build_map(events)
    assert (len(_layers(m, "outline")), len(_layers(m, "provinces"))) == (country, provinces)
    assert "L.map" in m.get_root().render()


def test_basemap_outlines_can_be_left_out():
    assert not _layers(build_map(frame(2), outlines=False), "provinces")
