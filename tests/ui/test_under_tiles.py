"""The world and the labels under the tiles, fetched and placed in panes below them."""
from tests.ui.frames import frame, placed
from ui.basemap import build_map


def test_under_tiles_the_base_map_puts_world_and_labels_under_the_tiles():
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
