"""The many-events map (events drawn in the browser from one array) in a real headless Chromium,
served with the app's own static assets: markers, hover, click and hostile text."""
import functools
import http.server
import os
import shutil
import threading

import pytest

from events.maps import FAST_FROM, build_map
from tests.conftest import REPO
from tests.events.test_maps import HOSTILE, frame

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed "
                                "(make test installs it)")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "app").mkdir()
    (root / "app" / "static").symlink_to(REPO / "static")
    html = build_map(frame(FAST_FROM + 50, HOSTILE), outlines=False).get_root().render()
    # no tiles: nothing may reach the network
    (root / "map.html").write_text(html.replace("https://tile.openstreetmap.org", "http://127.0.0.1:59999"),
                                   encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *a: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/map.html"
    server.shutdown()


@pytest.fixture
def page():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make test installs it)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        yield page
        browser.close()


def test_maps_browser_many_events_cluster_then_hover_and_click_read_the_event(site, page):
    page.goto(site)
    page.locator(".marker-cluster").first.wait_for(timeout=30_000)
    # zoom onto the first event: 0.01 degrees from its neighbours, it stands alone
    # (asked again until it takes: Leaflet ignores a new view while the first one settles)
    page.wait_for_function("""() => { const m = window[Object.keys(window).find(k => k.startsWith('map_'))];
                                      m.setView([36.7, 68.8], 17, {animate: false});
                                      return m.getZoom() === 17 && Math.abs(m.getCenter().lat - 36.7) < 0.01; }""",
                           polling=250, timeout=20_000)
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
    page.wait_for_timeout(300)
    assert page.dialogs == []
