"""The map in a real headless Chromium, served with the app's own static assets: markers, hover,
click and hostile text; hover boxes that read; the world and the place names under the tiles,
seen where tiles fail and covered where they load; events on one spot spread apart."""
import base64
import functools
import http.server
import io
import os
import re
import shutil
import threading

import pandas as pd
import pytest

from events.maps import FAST_FROM, build_map, safe
from events.schema import Event
from events.table import _typed
from tests.conftest import REPO
from tests.events.test_maps import HOSTILE, frame

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [pytest.mark.slow,
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


def _event(i, location, lat, lon, sentence="Clashes were reported."):
    return Event(event_id=str(i), article_id=f"a{i}", event_date="2021-06-02", time_precision=1,
                 event_type="Battles", sub_event_type="Armed clash", actor1="Taliban", location=location,
                 admin1="Kunduz", country="Afghanistan", country_code="AF", latitude=lat, longitude=lon,
                 geo_precision=1, claimant="a provincial official", source_sentence=sentence).as_dict()


def _few():
    """Demo-like events: four on Kunduz's point, single ones around, one long sentence, one hostile."""
    rows = [_event(i, "Kunduz", *KUNDUZ, f"Fighting number {i} in Kunduz.") for i in range(4)]
    rows += [_event(4, "Imam Sahib", 37.17646, 68.97343, LONG), _event(5, "Taloqan", 36.73605, 69.53451),
             _event(6, HOSTILE, 34.52813, 69.17233, HOSTILE), _event(7, "Herat", 34.34817, 62.19967)]
    return _typed(pd.DataFrame(rows), "events")


def _many():
    events = frame(FAST_FROM + 50, HOSTILE)
    spot = _typed(pd.DataFrame([_event(1000 + i, "Spot", *SPOT, f"Event {i} on the spot.") for i in range(5)]),
                  "events")
    return pd.concat([events, spot], ignore_index=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "app").mkdir()
    (root / "app" / "static").symlink_to(REPO / "static")
    towns = [("Baghlan", 36.13068, 68.70829, 108_449), ("Mazar-e Sharif", 36.70904, 67.11087, 523_300),
             (f"{HOSTILE} town", 35.5, 69.5, 90_000)]
    pages = {"many": build_map(_many(), outlines=False), "few": build_map(_few(), towns=towns)}
    for name, m in pages.items():
        (root / f"{name}.html").write_text(m.get_root().render(), encoding="utf-8")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def page():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make test installs it)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        # no tile may reach the network: tests that want tiles route them to TILE_PNG
        page.route(TILES, lambda route: route.abort())
        yield page
        browser.close()
    assert page.dialogs == []  # hostile text ran nothing, whatever the test did


_MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"


def _settle(page, lat, lon, zoom):
    """Show (lat, lon) at ``zoom`` and wait until the map stands still there (Leaflet ignores a new
    view while a first one settles, so it is asked again until it takes)."""
    page.wait_for_function(f"""([lat, lon, zoom]) => {{
        const m = {_MAP};
        if (!m) {{ return false; }}
        const c = m.getCenter();
        if (m.getZoom() !== zoom || Math.abs(c.lat - lat) > 1e-4 || Math.abs(c.lng - lon) > 1e-4) {{
            m.setView([lat, lon], zoom, {{animate: false}});
            return false;
        }}
        return !m._animatingZoom && !(m._panAnim && m._panAnim._inProgress)
            && !document.querySelector('.leaflet-cluster-anim');  // nor clusters coming apart
    }}""", arg=[lat, lon, zoom], polling=250, timeout=20_000)


def _centre(page):
    """The map's centre on the page, in pixels."""
    box = page.locator(".leaflet-container").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


#: The centres of the event markers in the window (Leaflet leaves those far outside it empty).
_MARKER_CENTRES = """() => [...document.querySelectorAll("path.leaflet-interactive[stroke-width='2']")]
    .map(p => p.getBoundingClientRect())
    .filter(r => r.width > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight)
    .map(r => [r.x + r.width / 2, r.y + r.height / 2])"""


def _markers_apart(page, n):
    """Wait until ``n`` event markers show, each at a point of its own (a spread ends its animation)."""
    page.wait_for_function(f"""() => {{ const c = ({_MARKER_CENTRES})();
        return c.length === {n} && new Set(c.map(p => Math.round(p[0]) + ',' + Math.round(p[1]))).size === {n}; }}""",
                           timeout=10_000)


def _dark_pixels(page, box) -> int:
    """How many pixels of the page in ``box`` are as dark as a label's text."""
    from PIL import Image

    shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("L")
    return sum(shot.histogram()[:60])


def _world_drawn(page):
    page.wait_for_function("document.querySelectorAll('.leaflet-sitrepWorld-pane path').length > 100",
                           timeout=30_000)


def test_maps_browser_many_events_cluster_then_hover_and_click_read_the_event(site, page):
    page.goto(f"{site}/many.html")
    page.locator(".marker-cluster").first.wait_for(timeout=30_000)
    # zoom onto the first event: 0.01 degrees from its neighbours, it stands alone
    _settle(page, 36.7, 68.8, 17)
    marker = page.locator("path.leaflet-interactive[stroke-width='2']:not([d='M0 0'])").first
    marker.wait_for(timeout=10_000)
    marker.hover(force=True)
    tip = page.locator(".leaflet-tooltip").last
    tip.wait_for(timeout=10_000)
    text = tip.inner_text()
    assert "<img src=x onerror=alert(1)>" in text and "${alert(2)}" in text and "{{ 7*7 }}" in text
    assert "an official" in text
    marker.click(force=True)
    popup = page.locator(".leaflet-popup-content").last
    popup.wait_for(timeout=10_000)
    assert "Battles" in popup.inner_text() and "javascript:" not in popup.inner_html()
    assert "2021-06-01" in popup.inner_text() and "00:00:00" not in popup.inner_text()


def test_maps_browser_many_events_on_one_spot_spread_on_a_click(site, page):
    page.goto(f"{site}/many.html")
    page.locator(".marker-cluster").first.wait_for(timeout=30_000)
    _settle(page, *SPOT, 16)
    # one count of five (while a zoom ends, the clusters of the zoom before may linger a moment)
    page.wait_for_function("""() => [...document.querySelectorAll('.marker-cluster')]
        .filter(e => e.textContent.trim() === '5').length === 1""", timeout=10_000)
    badge = page.locator(".marker-cluster", has_text=re.compile(r"^5$"))
    badge.hover()
    page.locator(".leaflet-tooltip", has_text="5 events here: click to spread").wait_for(timeout=10_000)
    assert page.evaluate(_MARKER_CENTRES) == []
    badge.click()
    _markers_apart(page, 5)


def test_maps_browser_hover_box_wraps_a_long_sentence_at_a_readable_width(site, page):
    page.goto(f"{site}/few.html")
    page.locator("path.leaflet-interactive[stroke-width='2']").first.wait_for(timeout=30_000)
    _settle(page, 37.17646, 68.97343, 11)  # Imam Sahib, whose sentence is long, in the middle
    page.mouse.move(*_centre(page))
    tip = page.locator(".leaflet-tooltip .sitrep-tip", has_text="Taliban fighters overran")
    tip.wait_for(timeout=10_000)
    size = tip.evaluate("""e => ({width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height,
                                 line: parseFloat(getComputedStyle(e).lineHeight)})""")
    assert 240 <= size["width"] <= 330, size  # not a word a line (144 px), not one long line
    assert size["height"] > 2.5 * size["line"], size  # the sentence wraps: three lines and the claimant


def test_maps_browser_without_tiles_the_world_and_place_names_show(site, page):
    page.goto(f"{site}/few.html")
    _world_drawn(page)
    _settle(page, 35.5, 66.5, 6)
    assert page.locator("img.leaflet-tile-loaded").count() == 0
    # the world lies in a pane under the tiles' and takes no mouse
    panes = page.evaluate("""() => ['tile', 'sitrepWorld', 'sitrepLabels'].map(n => {
        const s = getComputedStyle(document.querySelector('.leaflet-' + n + '-pane'));
        return [+s.zIndex, s.pointerEvents]; })""")
    assert panes[1][0] < panes[0][0] and panes[2][0] < panes[0][0]
    assert panes[1][1] == panes[2][1] == "none"
    for name in ("Herat", "Taloqan", "Baghlan"):  # event places, and a town near them
        label = page.locator(".sitrep-label", has_text=name)
        label.wait_for(state="visible", timeout=10_000)
    assert _dark_pixels(page, page.locator(".sitrep-label", has_text="Herat").bounding_box()) > 20  # readable
    # hostile names show as written, in labels too, and make no element
    texts = page.evaluate("() => [...document.querySelectorAll('.sitrep-label')].map(e => e.textContent)")
    assert " ".join(HOSTILE.split()) in texts and f"{' '.join(HOSTILE.split())} town" in texts
    assert page.locator(".sitrep-label img, .sitrep-label b").count() == 0


def test_maps_browser_loaded_tiles_cover_the_world_and_its_names(site, page):
    page.unroute(TILES)
    page.route(TILES, lambda route: route.fulfill(status=200, content_type="image/png", body=TILE_PNG))
    page.goto(f"{site}/few.html")
    _world_drawn(page)
    _settle(page, 35.5, 66.5, 6)
    # every tile in, faded in to the full
    page.wait_for_function("""() => { const t = [...document.querySelectorAll('.leaflet-tile-container img')];
        return t.length >= 6 && t.every(i => i.classList.contains('leaflet-tile-loaded')
                                             && getComputedStyle(i).opacity === '1'
                                             && getComputedStyle(i.parentNode.parentNode).opacity === '1'); }""",
                           timeout=30_000)
    herat = page.locator(".sitrep-label", has_text="Herat")
    herat.wait_for(timeout=10_000)
    # online the tiles' own names are read, not ours twice: ours lie under the tiles, unseen
    assert _dark_pixels(page, herat.bounding_box()) == 0


def test_maps_browser_events_on_one_spot_show_a_count_and_spread_on_a_click(site, page):
    page.goto(f"{site}/few.html")
    page.locator("path.leaflet-interactive[stroke-width='2']").first.wait_for(timeout=30_000)
    _settle(page, *KUNDUZ, 9)
    badge = page.locator(".sitrep-spot", has_text="4")
    badge.wait_for(timeout=10_000)
    badge.hover()
    page.locator(".leaflet-tooltip", has_text="4 events here: click to spread").wait_for(timeout=10_000)
    before = len(page.evaluate(_MARKER_CENTRES))  # the single markers about it: Imam Sahib, Taloqan
    assert before == 2
    badge.click()
    _markers_apart(page, before + 4)
    # each spread marker reads its own sentence
    spread = page.locator(".leaflet-tooltip", has_text="Fighting number")
    seen = set()
    for x, y in page.evaluate(_MARKER_CENTRES):
        page.mouse.move(x, y)
        if spread.count():
            seen.add(spread.last.inner_text())
    assert len(seen) == 4


def test_maps_browser_labels_are_escaped_in_the_page_source(site):
    import urllib.request

    html = urllib.request.urlopen(f"{site}/few.html", timeout=10).read().decode()
    assert "<img src=x" not in html and "${alert" not in html
    assert safe(" ".join(HOSTILE.split())).replace("&", "\\u0026")[:40] in html  # as JSON writes the label
