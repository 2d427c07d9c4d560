"""What the map's browser tests share: two pages served with the app's own static assets (a
few demo-like events with towns, and many clustered ones), and helpers that wait for the map."""
import base64
import io
import os
import shutil

import pandas as pd
import pytest

from events.schema import Event
from events.table import typed
from tests.ui.frames import HOSTILE, frame
from ui.layers import FAST_FROM

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: The marks of every browser test module.
MARKS = [pytest.mark.slow,
         pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed "
                            "(make test installs it)")]
TILES = "**/tile.openstreetmap.org/**"
#: An opaque tile: Leaflet stretches it to 256 px.
TILE_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN49ugaAAVQAp9ovkq9AAAAAElFTkSuQmCC")
LONG = ("Taliban fighters overran three checkpoints on the road between Kunduz and Imam Sahib on Tuesday "
        "night, a provincial council member said, and residents reported heavy fighting near the airport.")
KUNDUZ = (36.72895, 68.857)
#: Where the many-events page puts five events on one spot, well away from the rest.
SPOT = (35.0, 66.0)


def event_row(i, location, lat, lon, sentence="Clashes were reported."):
    return Event(event_id=str(i), article_id=f"a{i}", event_date="2021-06-02", time_precision=1,
                 event_type="Battles", sub_event_type="Armed clash", actor1="Taliban", location=location,
                 admin1="Kunduz", country="Afghanistan", country_code="AF", latitude=lat, longitude=lon,
                 geo_precision=1, claimant="a provincial official", source_sentence=sentence).as_dict()


def few_events():
    """Demo-like events: four on Kunduz's point, single ones around, one long sentence, one hostile."""
    rows = [event_row(i, "Kunduz", *KUNDUZ, f"Fighting number {i} in Kunduz.") for i in range(4)]
    rows += [event_row(4, "Imam Sahib", 37.17646, 68.97343, LONG), event_row(5, "Taloqan", 36.73605, 69.53451),
             event_row(6, HOSTILE, 34.52813, 69.17233, HOSTILE), event_row(7, "Herat", 34.34817, 62.19967)]
    return typed(pd.DataFrame(rows), "events")


def many_events():
    events = frame(FAST_FROM + 50, HOSTILE)
    spot = typed(pd.DataFrame([event_row(1000 + i, "Spot", *SPOT, f"Event {i} on the spot.") for i in range(5)]),
                  "events")
    return pd.concat([events, spot], ignore_index=True)


MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"


def settle(page, lat, lon, zoom):
    """Show (lat, lon) at ``zoom`` and wait until the map stands still there (Leaflet ignores a new
    view while a first one settles, so it is asked again until it takes)."""
    page.wait_for_function(f"""([lat, lon, zoom]) => {{
        const m = {MAP};
        if (!m) {{ return false; }}
        const c = m.getCenter();
        if (m.getZoom() !== zoom || Math.abs(c.lat - lat) > 1e-4 || Math.abs(c.lng - lon) > 1e-4) {{
            m.setView([lat, lon], zoom, {{animate: false}});
            return false;
        }}
        return !m._animatingZoom && !(m._panAnim && m._panAnim._inProgress)
            && !document.querySelector('.leaflet-cluster-anim');  // nor clusters coming apart
    }}""", arg=[lat, lon, zoom], polling=250, timeout=20_000)


def centre(page):
    """The map's centre on the page, in pixels."""
    box = page.locator(".leaflet-container").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


#: The centres of the event markers in the window (Leaflet leaves those far outside it empty).
MARKER_CENTRES = """() => [...document.querySelectorAll("path.leaflet-interactive[stroke-width='2']")]
    .map(p => p.getBoundingClientRect())
    .filter(r => r.width > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight)
    .map(r => [r.x + r.width / 2, r.y + r.height / 2])"""


def markers_apart(page, n):
    """Wait until ``n`` event markers show, each at a point of its own (a spread ends its animation)."""
    page.wait_for_function(f"""() => {{ const c = ({MARKER_CENTRES})();
        return c.length === {n} && new Set(c.map(p => Math.round(p[0]) + ',' + Math.round(p[1]))).size === {n}; }}""",
                           timeout=10_000)


def dark_pixels(page, box) -> int:
    """How many pixels of the page in ``box`` are as dark as a label's text."""
    from PIL import Image

    shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("L")
    return sum(shot.histogram()[:60])


def world_drawn(page):
    page.wait_for_function("document.querySelectorAll('.leaflet-sitrepWorld-pane path').length > 100",
                           timeout=30_000)
