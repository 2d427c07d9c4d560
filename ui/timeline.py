"""The timeline under the map: events per day (or week, or month) by type, as plain HTML.

Bars are styled ``<div>`` elements rather than a Vega chart (Vega cost the
dashboard most of a second before the map showed) or an SVG (Streamlit turns
markdown's SVG into React elements one by one: the map showed 0.2 s later than
with these bars at 1,000 events; ``st.html`` sets plain HTML at once, but drops
SVG). Its colours are the map's;
type names are escaped; each bar segment carries a native tooltip (``title``)
with its period, type and count.
"""
from __future__ import annotations

import html
from datetime import date, timedelta
from itertools import groupby

import pandas as pd

from ui.colours import COLOURS, OTHER_COLOUR

HEIGHT = 170
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 6, 8, 24
#: A span of more days than this is binned by week, then by month, so that bars stay visible.
_MAX_BARS = 370


def _bins(days: pd.Series) -> tuple[pd.Series, str]:
    """Each date's bin start, and the bin's name."""
    span = (days.max() - days.min()).days + 1
    if span <= _MAX_BARS:
        return days, "day"
    if span <= _MAX_BARS * 7:
        return days - pd.to_timedelta(days.dt.day_of_week, unit="D"), "week"
    return days.dt.to_period("M").dt.start_time, "month"


def _next(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    return (start.replace(day=1) + timedelta(days=32)).replace(day=1)


def _ticks(first: date, last: date) -> list[date]:
    """Up to about eight readable dates: month starts for long spans, else evenly spaced days."""
    span = (last - first).days
    if span > 120:
        months = pd.date_range(first, last, freq="MS").date.tolist()
        step = max(1, len(months) // 8 + (len(months) % 8 > 0))
        return months[::step]
    step = max(1, span // 7)
    return [first + timedelta(days=d) for d in range(0, span + 1, step)]


def timeline_html(events: pd.DataFrame) -> tuple[str, str] | None:
    """``(html, unit)`` for the dated events, stacked by type in the map's colours; None if none are dated."""
    dated = events.dropna(subset=["event_date"])
    if dated.empty:
        return None
    days = pd.to_datetime(dated["event_date"]).dt.normalize()
    bins, unit = _bins(days)
    counts = (dated.assign(_bin=bins.dt.date, _type=dated["event_type"].fillna("Unknown"))
              .groupby(["_bin", "_type"]).size())
    order = {t: i for i, t in enumerate(COLOURS)}
    first, last_start = counts.index[0][0], counts.index[-1][0]  # groupby sorts the bins
    end = _next(last_start, unit)
    span = (end - first).days
    top = int(counts.groupby(level=0).sum().max())

    def x(d: date) -> str:
        """Where a date lies across the plot, in percent."""
        return f"{100 * (d - first).days / span:.2f}%"

    parts = [f'<div role="img" aria-label="events per {unit} by type" style="position:relative;'
             f"height:{HEIGHT}px;font:11px sans-serif;color:#555\">"
             f'<div style="position:absolute;left:{_LEFT}px;right:{_RIGHT}px;top:{_TOP}px;bottom:{_BOTTOM}px">']
    for n in sorted({0, top // 2, top}):
        y = f"{100 * (1 - n / top):.2f}%"
        parts.append(f'<div style="position:absolute;left:0;right:0;top:{y};border-top:1px solid #e5e5e5"></div>'
                     f'<span style="position:absolute;right:100%;padding-right:4px;top:{y};'
                     f'transform:translateY(-50%)">{n}</span>')
    # plain tuples, not a pandas Series per bar (four times as long for 1,000 events)
    for start, row in groupby(counts.items(), key=lambda kv: kv[0][0]):
        stack = sorted(((t, int(n)) for (_, t), n in row), key=lambda tn: (order.get(tn[0], len(order)), tn[0]))
        total = sum(n for _, n in stack)
        width = 85 * (_next(start, unit) - start).days / span
        # a bar is a column of segments, the first at the bottom, each as tall as its count
        parts.append(f'<div style="position:absolute;bottom:0;left:{x(start)};width:{width:.2f}%;min-width:1px;'
                     f'height:{100 * total / top:.2f}%;display:flex;flex-direction:column-reverse">')
        for etype, n in stack:
            label = html.escape(f"{start.isoformat()} ({unit}): {n} {etype}")
            parts.append(f'<div title="{label}" style="flex:{n} 1 0;background:{COLOURS.get(etype, OTHER_COLOUR)}">'
                         f'</div>')
        parts.append("</div>")
    for tick in _ticks(first, end - timedelta(days=1)):
        parts.append(f'<span style="position:absolute;top:100%;margin-top:5px;left:{x(tick)};'
                     f'transform:translateX(-50%);white-space:nowrap">'
                     f'{tick.strftime("%b %d" if span <= 400 else "%b %Y")}</span>')
    parts.append("</div></div>")
    return "".join(parts), unit
