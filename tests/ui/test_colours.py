"""The event types' colours, as the legend lists them."""
from tests.ui.frames import frame
from ui.colours import legend_items


def test_colours_legend_counts_each_type_in_its_colour():
    assert legend_items(frame(5)) == [("Battles", "#d62728", 5)]
