"""The timeline under the map: events per day (or week, or month) by type, as one inline SVG.

An SVG string rather than a Vega chart: it draws in the page with no chart
library to load (Vega cost the dashboard most of a second before the map
showed), and its colours are the map's. Type names are escaped; each bar
segment carries a native tooltip (``<title>``) with its period, type and count.
"""
from __future__ import annotations

import html
from datetime import date, timedelta

import pandas as pd

from events.maps import COLOURS, OTHER_COLOUR

WIDTH, HEIGHT = 1000, 170
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 6, 8, 24
#: Bars narrower than this many days' worth of pixels are binned by week, then by month.
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


def timeline_svg(events: pd.DataFrame) -> tuple[str, str] | None:
    """``(svg, unit)`` for the dated events, stacked by type in the map's colours; None if none are dated."""
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
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    top = int(counts.groupby(level=0).sum().max())

    def x(d: date) -> float:
        return _LEFT + plot_w * (d - first).days / span

    def y(n: float) -> float:
        return _TOP + plot_h * (1 - n / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'style="width:100%;height:auto" role="img" aria-label="events per {unit} by type" '
             f'font-family="sans-serif" font-size="11" fill="#555">']
    for n in sorted({0, top // 2, top}):
        parts.append(f'<line x1="{_LEFT}" x2="{WIDTH - _RIGHT}" y1="{y(n):.1f}" y2="{y(n):.1f}" '
                     f'stroke="#e5e5e5"/><text x="{_LEFT - 4}" y="{y(n) + 4:.1f}" text-anchor="end">{n}</text>')
    for start, row in counts.groupby(level=0):
        row = row.droplevel(0)
        x0, x1 = x(start), x(_next(start, unit))
        w = max(1.0, (x1 - x0) * 0.85)
        base = 0
        for etype in sorted(row.index, key=lambda t: (order.get(t, len(order)), t)):
            n = int(row[etype])
            label = html.escape(f"{start.isoformat()} ({unit}): {n} {etype}")
            parts.append(f'<rect x="{x0:.1f}" y="{y(base + n):.1f}" width="{w:.1f}" height="{y(base) - y(base + n):.1f}" '
                         f'fill="{COLOURS.get(etype, OTHER_COLOUR)}"><title>{label}</title></rect>')
            base += n
    for tick in _ticks(first, end - timedelta(days=1)):
        parts.append(f'<text x="{x(tick):.1f}" y="{HEIGHT - 6}" text-anchor="middle">'
                     f'{tick.strftime("%b %d" if span <= 400 else "%b %Y")}</text>')
    parts.append("</svg>")
    return "".join(parts), unit
