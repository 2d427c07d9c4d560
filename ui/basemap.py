"""The map under the events, built once for the whole store: tiles, the outlines of the events'
countries and their province borders above them, the world and the place names under them
(:mod:`ui.under_tiles`), and every script an events layer (:mod:`ui.layers`) may need, so that a
filter swaps only that layer. Leaflet and its plugins are served by the app itself
(:mod:`ui.assets`), so the map draws with no network.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import folium
import pandas as pd
from branca.element import Element
from folium.plugins import HeatMap, MarkerCluster

from ui.assets import CLUSTER_CSS, CLUSTER_JS, HEAT_JS, LEAFLET_CSS, LEAFLET_JS, WORLD_URL
from ui.labels import labels
from ui.layers import event_layer
from ui.under_tiles import LABEL_CSS, UnderTiles

#: Fitting the map to its events zooms in no closer than this (a town and its surroundings).
MAX_FIT_ZOOM = 9


def _outlines(m: folium.Map, countries: Iterable[str]) -> list[str]:
    """Country outlines (countryinfo) and province borders (the bundled Natural Earth lines) under
    the markers, so the map still reads when tiles cannot be fetched; they take no mouse events.
    Returns the codes of the countries outlined."""
    from geo import outlines, sources
    from geo.exc import OutlinesMissingError

    codes = sorted({c.upper() for c in countries if c})
    outlined = []
    try:
        provinces = {iso: outlines.admin1_lines(iso) for iso in codes}
    except OutlinesMissingError:
        provinces = {}
    for iso in codes:
        if provinces.get(iso):
            lines = [[[lon, lat] for lat, lon in line] for line in provinces[iso]]
            folium.GeoJson({"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": lines},
                            "properties": {}}, name=f"provinces {iso}", control=False, interactive=False,
                           style_function=lambda _: {"color": "#888", "weight": 1, "dashArray": "4 3"},
                           ).add_to(m)
        rings = sources.country_rings(iso)
        if rings:
            geometry = {"type": "MultiPolygon", "coordinates": [[[[lon, lat] for lat, lon in ring]] for ring in rings]}
            folium.GeoJson({"type": "Feature", "geometry": geometry, "properties": {}}, name=f"outline {iso}",
                           style_function=lambda _: {"color": "#555", "weight": 1.5, "fill": False},
                           control=False, interactive=False).add_to(m)
            outlined.append(iso)
    return outlined


def build_map(events: pd.DataFrame, *, heat: bool = False, cluster: bool | None = None,
              outlines: bool = True, world: bool = True, towns: Sequence[tuple] = (),
              local_assets: bool = True) -> folium.Map:
    """A folium map of the located events: :func:`base_map` with :func:`ui.layers.event_layer` on it."""
    m = base_map(events, outlines=outlines, world=world, towns=towns, local_assets=local_assets)
    event_layer(events, heat=heat, cluster=cluster, local_assets=local_assets).add_to(m)
    return m


def base_map(events: pd.DataFrame, *, outlines: bool = True, world: bool = True, towns: Sequence[tuple] = (),
             local_assets: bool = True) -> folium.Map:
    """The map under the events: tiles, and the outlines of the events' countries and their
    province borders, fitted to the located events; it loads every script an
    :func:`ui.layers.event_layer` may need, so that a new layer can be swapped in without a new page.

    ``world`` puts the world's land and borders (fetched from the app's static files, so only
    with ``local_assets``) and labels of the event places and of ``towns`` ((name, lat, lon,
    population), see :func:`ui.labels.towns_near`) under the tiles, to be seen where tiles fail.
    ``local_assets`` serves Leaflet from the app (:data:`ui.assets.STATIC`); without it folium's CDN
    addresses stay, for a server that does not serve static files.
    """
    located = events.dropna(subset=["latitude", "longitude"])
    if len(located):
        center = [float(located["latitude"].mean()), float(located["longitude"].mean())]
    else:
        center = [20.0, 0.0]
    m = folium.Map(location=center, zoom_start=5 if len(located) else 2, tiles="OpenStreetMap",
                   control_scale=True)
    if local_assets:
        m.default_js = [*LEAFLET_JS, *CLUSTER_JS, *HEAT_JS]
        m.default_css = [*LEAFLET_CSS, *CLUSTER_CSS]
    else:
        m.default_js = [*m.default_js, *MarkerCluster.default_js, *HeatMap.default_js]
        m.default_css = [*m.default_css, *MarkerCluster.default_css]
    if len(located):
        m.fit_bounds([[float(located["latitude"].min()), float(located["longitude"].min())],
                      [float(located["latitude"].max()), float(located["longitude"].max())]],
                     max_zoom=MAX_FIT_ZOOM)
    outlined = _outlines(m, located["country_code"].dropna().astype(str)) if outlines and len(located) else []
    if world:
        m.get_root().header.add_child(Element(LABEL_CSS), name="sitrep_label_css")
        UnderTiles(labels(located, towns), world_url=WORLD_URL if local_assets else None,
                   outlined=outlined).add_to(m)
    return m



def view_of(events: pd.DataFrame, *, width_px: int = 900, height_px: int = 520) -> tuple[list[float] | None, int | None]:
    """(center, zoom) that fit the located events in a map of about that size, as fit_bounds
    would (zoom at most :data:`MAX_FIT_ZOOM`); (None, None) when none is located."""
    located = events.dropna(subset=["latitude", "longitude"])
    if not len(located):
        return None, None
    lat = located["latitude"].astype(float)
    lon = located["longitude"].astype(float)
    center = [round((lat.min() + lat.max()) / 2, 5), round((lon.min() + lon.max()) / 2, 5)]
    # Web Mercator: 256 px span 360 degrees of longitude at zoom 0 (latitude near enough linear here)
    spans = [(lon.max() - lon.min()) / width_px, (lat.max() - lat.min()) / height_px]
    span = max(max(spans), 1e-9)
    zoom = int(math.floor(math.log2(360.0 / 256.0 / span)))
    return center, max(1, min(MAX_FIT_ZOOM, zoom))
