"""Event types' colours, one palette for the map's markers, its legend and the timeline."""
from __future__ import annotations

import pandas as pd

#: Marker colours by ACLED event type (colour-blind-safe palette).
COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
OTHER_COLOUR = "#7f7f7f"


def legend_items(events: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(event type, colour, count) for the legend, most frequent first."""
    counts = events["event_type"].value_counts()
    return [(str(t), COLOURS.get(str(t), OTHER_COLOUR), int(n)) for t, n in counts.items()]
