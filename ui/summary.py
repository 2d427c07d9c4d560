"""What the page says above the map: the counts of the view, and the legend of its event types."""
from __future__ import annotations

import pandas as pd

from ui.colours import legend_items
from ui.escape import safe
from ui.filters import provinces


def counts_markdown(view: pd.DataFrame) -> str:
    """Events, those on the map, articles and provinces, as one line of Markdown."""
    parts = [(len(view), "events"), (int(view["latitude"].notna().sum()), "on the map"),
             (view["article_id"].nunique(), "articles"), (len(provinces(view)), "provinces")]
    return " · ".join(f"**{n:,}** {label}" for n, label in parts)


def legend_html(view: pd.DataFrame) -> str:
    """A dot of each event type's colour, its name escaped and its count; "" for no events."""
    return " ".join(
        f"<span style='display:inline-block;margin-right:12px'><span style='display:inline-block;"
        f"width:11px;height:11px;border-radius:50%;background:{colour}'></span> {safe(name)} ({n})"
        f"</span>" for name, colour, n in legend_items(view))
