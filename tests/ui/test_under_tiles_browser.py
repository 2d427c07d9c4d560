"""The world and the place names under the tiles, in a real headless Chromium: seen where tiles
fail, covered where they load, escaped in the page source."""
from tests.ui.browser import (
    HOSTILE,
    MARKS,
    TILE_PNG,
    TILES,
    dark_pixels,
    settle,
    world_drawn,
)
from ui.escape import safe

pytestmark = MARKS


def test_under_tiles_browser_without_tiles_the_world_and_place_names_show(site, page):
    page.goto(f"{site}/few.html")
    world_drawn(page)
    settle(page, 35.5, 66.5, 6)
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
    assert dark_pixels(page, page.locator(".sitrep-label", has_text="Herat").bounding_box()) > 20  # readable
    # hostile names show as written, in labels too, and make no element
    texts = page.evaluate("() => [...document.querySelectorAll('.sitrep-label')].map(e => e.textContent)")
    assert " ".join(HOSTILE.split()) in texts and f"{' '.join(HOSTILE.split())} town" in texts
    assert page.locator(".sitrep-label img, .sitrep-label b").count() == 0


def test_under_tiles_browser_loaded_tiles_cover_the_world_and_its_names(site, page):
    page.unroute(TILES)
    page.route(TILES, lambda route: route.fulfill(status=200, content_type="image/png", body=TILE_PNG))
    page.goto(f"{site}/few.html")
    world_drawn(page)
    settle(page, 35.5, 66.5, 6)
    # every tile in, faded in to the full
    page.wait_for_function("""() => { const t = [...document.querySelectorAll('.leaflet-tile-container img')];
        return t.length >= 6 && t.every(i => i.classList.contains('leaflet-tile-loaded')
                                             && getComputedStyle(i).opacity === '1'
                                             && getComputedStyle(i.parentNode.parentNode).opacity === '1'); }""",
                           timeout=30_000)
    herat = page.locator(".sitrep-label", has_text="Herat")
    herat.wait_for(timeout=10_000)
    # online the tiles' own names are read, not ours twice: ours lie under the tiles, unseen
    assert dark_pixels(page, herat.bounding_box()) == 0


def test_under_tiles_browser_labels_are_escaped_in_the_page_source(site):
    import urllib.request

    html = urllib.request.urlopen(f"{site}/few.html", timeout=10).read().decode()
    assert "<img src=x" not in html and "${alert" not in html
    assert safe(" ".join(HOSTILE.split())).replace("&", "\\u0026")[:40] in html  # as JSON writes the label
