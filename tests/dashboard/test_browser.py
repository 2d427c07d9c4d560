"""The dashboard in a real Streamlit server driven by headless Chromium (Debian's, via Playwright).

Installed by `make test`; skipped, saying why, where Chromium or Playwright is absent.
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from events.schema import Event
from events.store import Store
from parsing.articles import from_text
from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE = ("Attackers wrote <img src=x onerror=alert('img')> and ${alert('tpl')} and `back` and "
           "</script><script>alert('close')</script> and {{ 7*7 }} near the checkpoint.")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed "
                                 "(make test installs it)")]


def _event(i, location, admin1, lat, lon, day, sentence, etype="Battles"):
    return Event(event_id=f"e{i}", article_id=f"a{i}", event_date=day, time_precision=1, event_type=etype,
                 sub_event_type="Armed clash", actor1="Taliban", location=location, admin1=admin1,
                 country="Afghanistan", country_code="AF", latitude=lat, longitude=lon, geo_precision=1,
                 claimant="a provincial official", source_sentence=sentence, confidence=0.9)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make test installs it)")
    db = tmp_path_factory.mktemp("dash") / "events.sqlite"
    with Store(db) as store:
        rows = [
            _event(1, "Kunduz", "Kunduz", 36.73, 68.86, "2021-06-01", "Fighting was reported in Kunduz."),
            _event(2, "Taloqan", "Takhar", 36.74, 69.53, "2021-06-10", "Clashes broke out in Taloqan."),
            _event(3, "Herat", "Herat", 34.35, 62.20, "2021-07-20", "Herat came under attack at dawn."),
            _event(4, "Spin Boldak", "Kandahar", 31.00, 66.40, "2021-07-14", HOSTILE),
        ]
        for e in rows:
            store.put(from_text(e.source_sentence, id=e.article_id), content_hash=e.article_id, events=[e])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--", "--db", str(db)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url, db
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.dialogs = dialogs
        yield page
        browser.close()


def _open(page, url):
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    return frame


def _markers(frame):
    return frame.locator("path.leaflet-interactive[stroke-width='2']").count()


def _still(page):
    """Wait until the map in the component's frame stands still: no zoom or pan under way, and
    its markers where they were a moment before (a hover on a moving marker misses it)."""
    component = next(f for f in page.frames if f != page.main_frame and f.evaluate("!!window.map"))
    component.wait_for_function("""() => {
        const m = window.map;
        const at = [...document.querySelectorAll("path.leaflet-interactive[stroke-width='2']")]
            .map(p => JSON.stringify(p.getBoundingClientRect())).join();
        const still = !m._animatingZoom && !(m._panAnim && m._panAnim._inProgress) && at === window.__at;
        window.__at = at;
        return still;
    }""", polling=300, timeout=30_000)


def _hover_the_one(page, url, search):
    """The hover box of the one marker a search leaves, hovered once the map stands still."""
    frame = _open(page, f"{url}/?q={search}")
    assert _markers(frame) == 1
    _still(page)
    frame.locator("path.leaflet-interactive[stroke-width='2']").first.hover(force=True)
    tip = frame.locator(".leaflet-tooltip .sitrep-tip").last
    tip.wait_for(timeout=10_000)
    return tip


def test_browser_markers_drawn_and_hover_shows_the_sentence_in_a_readable_box(server, page):
    url, _ = server
    tip = _hover_the_one(page, url, "Herat")
    assert "Herat came under attack at dawn" in tip.inner_text() and "a provincial official" in tip.inner_text()
    width = tip.evaluate("e => e.getBoundingClientRect().width")
    assert 240 <= width <= 330  # never a word a line (it was 144 px wide)
    frame = _open(page, url)
    assert _markers(frame) == 4


def test_browser_without_tiles_borders_show_under_the_markers(server, page):
    url, _ = server
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())  # as on a machine offline
    frame = _open(page, url)
    borders = frame.locator("path[stroke-dasharray='4 3']")
    assert borders.count() >= 1  # Afghanistan's province borders
    assert frame.locator("path[stroke='#555']").count() >= 1  # and its outline
    assert frame.locator("img.leaflet-tile-loaded").count() == 0
    assert _markers(frame) == 4


def test_browser_search_swaps_the_markers_in_the_same_map(server, page):
    url, _ = server
    frame = _open(page, url)
    assert _markers(frame) == 4
    component = next(f for f in page.frames if f != page.main_frame and f.evaluate("!!window.map"))
    component.evaluate("window.__before_filter = true")
    box = page.get_by_label("Search source sentences")
    box.fill("Herat")
    box.press("Enter")
    page.wait_for_function("""() => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
        return f && f.contentDocument.querySelectorAll("path.leaflet-interactive[stroke-width='2']").length === 1; }""",
                           timeout=30_000)
    # the base map stayed: only the events layer was swapped, in the same frame
    assert component.evaluate("window.__before_filter === true")


def test_browser_province_filter_and_dates_narrow_the_markers(server, page):
    url, _ = server
    frame = _open(page, f"{url}/?admin1=Kunduz&admin1=Takhar")
    assert _markers(frame) == 2
    frame = _open(page, f"{url}/?start=2021-07-01&end=2021-07-31")
    assert _markers(frame) == 2


def test_browser_timeline_and_legend_draw_and_follow_the_filters(server, page):
    url, _ = server
    segments = page.locator("[data-testid='stHtml'] div[title]")
    _open(page, url)
    segments.first.wait_for(timeout=30_000)  # the browser's sanitiser kept the bars
    assert sorted(s.get_attribute("title") for s in segments.all()) == [
        "2021-06-01 (day): 1 Battles", "2021-06-10 (day): 1 Battles",
        "2021-07-14 (day): 1 Battles", "2021-07-20 (day): 1 Battles"]
    assert segments.first.bounding_box()["height"] > 50  # drawn, not collapsed
    assert page.locator("[data-testid='stHtml']", has_text="Battles (4)").count() == 1  # the legend
    _open(page, f"{url}/?admin1=Herat")
    page.wait_for_function("document.querySelectorAll(\"[data-testid='stHtml'] div[title]\").length === 1",
                           timeout=30_000)
    assert segments.first.get_attribute("title") == "2021-07-20 (day): 1 Battles"


def test_browser_hostile_text_shows_literally_and_runs_nothing(server, page):
    url, _ = server
    text = _hover_the_one(page, url, "Attackers").inner_text()
    assert "<img src=x onerror=alert('img')>" in text and "${alert('tpl')}" in text and "`back`" in text
    assert "{{ 7*7 }}" in text  # shown as written, not evaluated by a template on the server
    page.wait_for_timeout(500)
    assert page.dialogs == []


def test_browser_upload_adds_events_and_reports_bad_files(server, page, tmp_path, gazetteer_path):
    url, db = server
    good = tmp_path / "ghazni.txt"
    good.write_text("Clashes broke out in Ghazni on Monday, officials said.", encoding="utf-8")
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    frame = _open(page, url)
    before = _markers(frame)
    page.get_by_role("tab", name="Add articles").click()
    page.get_by_role("button", name="Add to the map").wait_for(timeout=30_000)

    # One upload still in flight when "Add" is clicked, as on a loaded machine: the click
    # must wait for it. (It once started a run that the upload's end cut short: no result.)
    def slow_upload(route):
        if route.request.method == "PUT" and b"broken.txt" in (route.request.post_data_buffer or b"")[:4096]:
            time.sleep(3)
        route.continue_()

    page.route("**/_stcore/upload_file/**", slow_upload)
    page.locator("input[type='file']").set_input_files([str(good), str(bad)])
    page.get_by_text("broken.txt").first.wait_for(timeout=20_000)
    page.get_by_role("button", name="Add to the map").click()
    page.get_by_text("binary data, not text").wait_for(timeout=120_000)
    assert page.get_by_text("1 added, 0 already there, 1 rejected").count() == 1
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    frame = _open(page, url)
    assert _markers(frame) == before + 1
    assert page.dialogs == []
