"""Many events: markers built in the browser from one escaped array, clusters that say what a click does."""
from tests.ui.frames import HOSTILE, frame
from ui.basemap import build_map
from ui.layers import FAST_FROM


def test_clusters_many_events_are_built_in_the_browser_and_still_escaped():
    html = build_map(frame(FAST_FROM + 1, HOSTILE), outlines=False).get_root().render()
    assert "var callback = function (row)" in html and "L.markerClusterGroup" in html
    assert "var callback = \nvar" not in html and "var callback = var" not in html
    assert "<img src=x" not in html and "${alert" not in html and "`x`" not in html
    # one constructor in the callback, not one per event
    more = build_map(frame(FAST_FROM + 100, HOSTILE), outlines=False).get_root().render()
    assert html.count("L.circleMarker(") == more.count("L.circleMarker(") == 1


def test_clusters_many_events_clusters_say_what_a_click_does():
    html = build_map(frame(FAST_FROM + 1), outlines=False).get_root().render()
    assert 'cluster.on("clustermouseover"' in html and "click to spread" in html
