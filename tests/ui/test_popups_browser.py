"""Hover boxes in a real headless Chromium: a long sentence wraps at a readable width."""
from tests.ui.browser import MARKS, centre, settle

pytestmark = MARKS


def test_popups_browser_hover_box_wraps_a_long_sentence_at_a_readable_width(site, page):
    page.goto(f"{site}/few.html")
    page.locator("path.leaflet-interactive[stroke-width='2']").first.wait_for(timeout=30_000)
    settle(page, 37.17646, 68.97343, 11)  # Imam Sahib, whose sentence is long, in the middle
    page.mouse.move(*centre(page))
    tip = page.locator(".leaflet-tooltip .sitrep-tip", has_text="Taliban fighters overran")
    tip.wait_for(timeout=10_000)
    size = tip.evaluate("""e => ({width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height,
                                 line: parseFloat(getComputedStyle(e).lineHeight)})""")
    assert 240 <= size["width"] <= 330, size  # not a word a line (144 px), not one long line
    assert size["height"] > 2.5 * size["line"], size  # the sentence wraps: three lines and the claimant
