"""The counts line and the legend above the map."""
from tests.ui.frames import HOSTILE, frame
from ui.summary import counts_markdown, legend_html


def test_summary_counts_events_those_on_the_map_articles_and_provinces():
    view = frame(3)
    view.loc[0, ["latitude", "longitude"]] = None
    view.loc[1, "admin1"] = "Kunduz"
    assert counts_markdown(view) == "**3** events · **2** on the map · **1** articles · **1** provinces"
    assert counts_markdown(frame(0)).startswith("**0** events")


def test_summary_legend_escapes_type_names_and_is_empty_without_events():
    view = frame(2)
    view.loc[1, "event_type"] = HOSTILE
    html = legend_html(view)
    assert "background:#d62728'></span> Battles (1)" in html and "background:#7f7f7f" in html
    assert "<img" not in html and "{{" not in html
    assert legend_html(frame(0)) == ""
