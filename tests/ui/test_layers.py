"""The events layer: escaped markers, the heat map, events on one spot, clustering."""
import re

import pytest

from tests.ui.frames import HOSTILE, frame, placed
from ui.basemap import build_map
from ui.clusters import SpotCluster
from ui.layers import CLUSTER_FROM, event_layer


@pytest.mark.parametrize("n", [1, CLUSTER_FROM + 1])
def test_layers_hostile_text_never_reaches_the_page_raw(n):
    html = build_map(frame(n, HOSTILE), outlines=False).get_root().render()
    assert "<img src=x" not in html and "${alert" not in html and "`x`" not in html
    amp = r"(?:&|\\{1,2}u0026)"  # an entity's & as HTML writes it, as JSON does, and in a JS string
    assert re.search(amp + r"lt;img src=x onerror=alert\(1\)" + amp + "gt;", html)
    assert re.search(amp + "lt;/script" + amp + "gt;", html)
    assert "javascript:alert(3)" not in html  # only http(s) links become links
    # no server-side template runs on article text: the braces arrive as entities
    assert re.search(amp + r"#123;" + amp + r"#123; 7\*7 " + amp + "#125;", html)
    assert re.search(r"%" + amp + r"#125;IF" + amp + r"#123;% endif", html)


def test_layers_heat_map():
    html = build_map(frame(5), heat=True, outlines=False).get_root().render()
    assert "heatLayer" in html and "/app/static/heat/leaflet-heat.js" in html


# -- markers on one spot --------------------------------------------------------------------


def _spots_frame():
    rows = [("Kunduz", 36.72895, 68.857)] * 4 + [("Imam Sahib", 37.17646, 68.97343), ("Taloqan", 36.736, 69.534)]
    return placed(rows)


def _children(element, kind):
    return [c for c in element._children.values() if isinstance(c, kind)]


def test_layers_events_on_one_spot_become_a_count_that_spreads():
    import folium

    layer = event_layer(_spots_frame())
    (spot,) = _children(layer, SpotCluster)
    assert len(_children(spot, folium.CircleMarker)) == 4  # Kunduz's four, spread on a click
    assert len(_children(layer, folium.CircleMarker)) == 2  # the others stay single markers
    m = build_map(_spots_frame(), outlines=False)
    html = m.get_root().render()
    assert "events here: click to spread" in html and "iconCreateFunction" in html
    assert '"maxClusterRadius": 16' in html


def test_layers_events_apart_are_single_markers_and_clustering_takes_them_all():
    import folium

    assert not _children(event_layer(frame(5)), SpotCluster)
    layer = event_layer(_spots_frame(), cluster=True)
    (cluster,) = _children(layer, folium.plugins.MarkerCluster)
    assert not isinstance(cluster, SpotCluster) and len(_children(cluster, folium.CircleMarker)) == 6
    assert "click to zoom in" in build_map(_spots_frame(), cluster=True, outlines=False).get_root().render()
