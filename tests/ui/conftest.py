"""Fixtures of the map's browser tests (see tests/ui/browser.py): the pages served, and a headless
Chromium page that no dialog may open on."""
import functools
import http.server
import threading

import pytest

from tests.conftest import REPO
from tests.ui.browser import CHROMIUM, TILES, few_events, many_events
from tests.ui.frames import HOSTILE
from ui.basemap import build_map


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "app").mkdir()
    (root / "app" / "static").symlink_to(REPO / "static")
    towns = [("Baghlan", 36.13068, 68.70829, 108_449), ("Mazar-e Sharif", 36.70904, 67.11087, 523_300),
             (f"{HOSTILE} town", 35.5, 69.5, 90_000)]
    pages = {"many": build_map(many_events(), outlines=False), "few": build_map(few_events(), towns=towns)}
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
