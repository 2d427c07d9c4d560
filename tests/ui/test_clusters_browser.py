"""Clusters in a real headless Chromium: many events clustered, then hovered and clicked; events on
one spot shown as a count that spreads on a click."""
import re

from tests.ui.browser import KUNDUZ, MARKER_CENTRES, MARKS, SPOT, markers_apart, settle

pytestmark = MARKS


def test_clusters_browser_many_events_cluster_then_hover_and_click_read_the_event(site, page):
    page.goto(f"{site}/many.html")
    page.locator(".marker-cluster").first.wait_for(timeout=30_000)
    # zoom onto the first event: 0.01 degrees from its neighbours, it stands alone
    settle(page, 36.7, 68.8, 17)
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


def test_clusters_browser_many_events_on_one_spot_spread_on_a_click(site, page):
    page.goto(f"{site}/many.html")
    page.locator(".marker-cluster").first.wait_for(timeout=30_000)
    settle(page, *SPOT, 16)
    # one count of five (while a zoom ends, the clusters of the zoom before may linger a moment)
    page.wait_for_function("""() => [...document.querySelectorAll('.marker-cluster')]
        .filter(e => e.textContent.trim() === '5').length === 1""", timeout=10_000)
    badge = page.locator(".marker-cluster", has_text=re.compile(r"^5$"))
    badge.hover()
    page.locator(".leaflet-tooltip", has_text="5 events here: click to spread").wait_for(timeout=10_000)
    assert page.evaluate(MARKER_CENTRES) == []
    badge.click()
    markers_apart(page, 5)


def test_clusters_browser_events_on_one_spot_show_a_count_and_spread_on_a_click(site, page):
    page.goto(f"{site}/few.html")
    page.locator("path.leaflet-interactive[stroke-width='2']").first.wait_for(timeout=30_000)
    settle(page, *KUNDUZ, 9)
    badge = page.locator(".sitrep-spot", has_text="4")
    badge.wait_for(timeout=10_000)
    badge.hover()
    page.locator(".leaflet-tooltip", has_text="4 events here: click to spread").wait_for(timeout=10_000)
    before = len(page.evaluate(MARKER_CENTRES))  # the single markers about it: Imam Sahib, Taloqan
    assert before == 2
    badge.click()
    markers_apart(page, before + 4)
    # each spread marker reads its own sentence
    spread = page.locator(".leaflet-tooltip", has_text="Fighting number")
    seen = set()
    for x, y in page.evaluate(MARKER_CENTRES):
        page.mouse.move(x, y)
        if spread.count():
            seen.add(spread.last.inner_text())
    assert len(seen) == 4
