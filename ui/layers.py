"""The events as one map layer: a heat map, or circle markers coloured by event type, single,
clustered (:mod:`ui.clusters`), or built in the browser when there are many."""
from __future__ import annotations

import folium
import pandas as pd
from folium.plugins import HeatMap, MarkerCluster

from ui.assets import CLUSTER_CSS, CLUSTER_JS, HEAT_JS
from ui.clusters import EventCluster, HoverCluster, SpotCluster
from ui.colours import COLOURS, OTHER_COLOUR
from ui.popups import POPUP_MAX_WIDTH, POPUP_MIN_WIDTH, browser_rows, popup_html, tooltip_html

#: Above this many events, markers are clustered.
CLUSTER_FROM = 200
#: Above this many, markers are built in the browser from a compact array (:class:`EventCluster`):
#: one folium object per marker costs seconds per thousand.
FAST_FROM = CLUSTER_FROM
#: Events whose points agree to this many decimals (about a metre) stand on one spot.
SPOT_DECIMALS = 5


def _spots(rows: list[dict]) -> list[list[dict]]:
    """The rows grouped by the point they stand on, in order of first appearance."""
    spots: dict[tuple[float, float], list[dict]] = {}
    for row in rows:
        key = (round(float(row["latitude"]), SPOT_DECIMALS), round(float(row["longitude"]), SPOT_DECIMALS))
        spots.setdefault(key, []).append(row)
    return list(spots.values())


def _marker(row: dict) -> folium.CircleMarker:
    colour = COLOURS.get(row.get("event_type"), OTHER_COLOUR)
    return folium.CircleMarker(
        location=[float(row["latitude"]), float(row["longitude"])], radius=7, color=colour, weight=2,
        fill=True, fill_color=colour, fill_opacity=0.75,
        tooltip=folium.Tooltip(tooltip_html(row), sticky=True),
        popup=folium.Popup(popup_html(row), min_width=POPUP_MIN_WIDTH, max_width=POPUP_MAX_WIDTH),
    )


def event_layer(events: pd.DataFrame, *, heat: bool = False, cluster: bool | None = None,
                local_assets: bool = True) -> folium.FeatureGroup:
    """The located events as one layer: a heat map, or markers coloured by event type,
    clustered by default above :data:`CLUSTER_FROM` and built in the browser above
    :data:`FAST_FROM`. Unclustered, events that share a spot show as one count that
    spreads them on a click (:class:`SpotCluster`); the others stay single markers."""
    group = folium.FeatureGroup(name="events", control=False)
    located = events.dropna(subset=["latitude", "longitude"])
    if not len(located):
        return group
    if heat:
        layer = HeatMap(located[["latitude", "longitude"]].astype(float).values.tolist(), radius=18)
        if local_assets:
            layer.default_js = HEAT_JS
        layer.add_to(group)
        return group
    if len(located) > FAST_FROM:
        layer = EventCluster(browser_rows(located))
        if local_assets:
            layer.default_js, layer.default_css = CLUSTER_JS, CLUSTER_CSS
        layer.add_to(group)
        return group
    rows = located.to_dict("records")
    use_cluster = len(located) > CLUSTER_FROM if cluster is None else cluster
    if use_cluster:
        target = _cluster_in(group, HoverCluster(), local_assets=local_assets)
        for row in rows:
            _marker(row).add_to(target)
        return group
    shared = None
    for spot in _spots(rows):
        if len(spot) == 1:
            _marker(spot[0]).add_to(group)
            continue
        shared = shared or _cluster_in(group, SpotCluster(), local_assets=local_assets)
        for row in spot:
            _marker(row).add_to(shared)
    return group


def _cluster_in(group: folium.FeatureGroup, cluster: MarkerCluster, *, local_assets: bool) -> MarkerCluster:
    """``cluster`` put in ``group``, its scripts served by the app where ``local_assets``."""
    if local_assets:
        cluster.default_js, cluster.default_css = CLUSTER_JS, CLUSTER_CSS
    cluster.add_to(group)
    return cluster
