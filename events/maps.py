"""The events map: a folium Map built from the events DataFrame, safe for untrusted text.

Article text goes into tooltips and popups, which folium pastes into HTML
and into JavaScript template literals; :func:`safe` escapes it for both.
Leaflet and its plugins are served by the app itself (``static/``), so the
map draws with no network. Under the tiles, in a pane of their own, lie the
world's land and country borders (``static/world``, fetched by the browser)
and labels of the event places and the larger towns near them: where tiles
cannot be fetched these show through; where they can, the tiles cover them.
Country outlines and province borders of the events' countries lie above.
"""
from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import HeatMap, MarkerCluster
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

#: Where the app serves its static files (Streamlit's static serving).
STATIC = "/app/static"
LEAFLET_JS = [("leaflet", f"{STATIC}/leaflet/leaflet.js"), ("jquery", f"{STATIC}/jquery/jquery.min.js")]
LEAFLET_CSS = [("leaflet_css", f"{STATIC}/leaflet/leaflet.css")]
CLUSTER_JS = [("markerclusterjs", f"{STATIC}/markercluster/leaflet.markercluster.js")]
CLUSTER_CSS = [("markerclustercss", f"{STATIC}/markercluster/MarkerCluster.css"),
               ("markerclusterdefaultcss", f"{STATIC}/markercluster/MarkerCluster.Default.css")]
HEAT_JS = [("leaflet-heat.js", f"{STATIC}/heat/leaflet-heat.js")]
#: The world's land and country borders (see :func:`geo.outlines.import_world`), fetched by the
#: browser once a page: embedded, its 0.6 MB would be sent again with every rerun's script.
WORLD_URL = f"{STATIC}/world/world-50m.json"

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
#: Fitting the map to its events zooms in no closer than this (a town and its surroundings).
MAX_FIT_ZOOM = 9
#: Above this many events, markers are clustered.
CLUSTER_FROM = 200
#: Above this many, markers are built in the browser from a compact array (:class:`EventCluster`):
#: one folium object per marker costs seconds per thousand.
FAST_FROM = CLUSTER_FROM
#: Events whose points agree to this many decimals (about a metre) stand on one spot.
SPOT_DECIMALS = 5
#: Labels under the tiles: at most this many event places (those with the most events first) ...
MAX_PLACE_LABELS = 60
#: ... and this many towns: the most populous of each cell of TOWN_CELL degrees holding events,
#: widened by half a cell on each side (at most MAX_TOWN_CELLS cells, the busiest).
MAX_TOWN_LABELS = 120
TOWNS_PER_CELL = 6
TOWN_CELL = 2.0
MAX_TOWN_CELLS = 40
#: The sea, land and borders drawn under the tiles (OpenStreetMap's hues, paler).
SEA, LAND, COAST, BORDER = "#c8dbe6", "#f4f1ea", "#9bb4c2", "#a08aa6"
#: A hover box that wraps at 320 px and is never narrower than 240: Leaflet's tooltip is
#: ``white-space: nowrap`` and placed with no width to fill, so without a width of its own the
#: text shrinks to its longest word.
TIP_STYLE = ("width:max-content;min-width:240px;max-width:320px;white-space:normal;"
             "overflow-wrap:break-word;line-height:1.35")
POPUP_MIN_WIDTH, POPUP_MAX_WIDTH = 260, 420
#: ACLED's precision codes in words.
TIME_PRECISION = {1: "exact day", 2: "within a week", 3: "within a month"}
GEO_PRECISION = {1: "the place itself", 2: "near this place", 3: "somewhere in the region"}
_TH = "text-align:left;vertical-align:top;padding:1px 10px 1px 0;color:#555;font-weight:600;white-space:nowrap"
_TD = "vertical-align:top;padding:1px 0"
_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country", "claimant",
           "geo_precision", "corroborations", "time_precision", "title", "claimant_role")
# Every string in the rows is escaped by safe() in Python; these only join them. A row is
# lat, lon, colour, sentence, date, then _FIELDS (row[5] the type ... row[16] the title).
# No // comments inside: the script may reach the page on one line.
_FAST_CALLBACK = """function (row) {
    return L.circleMarker([row[0], row[1]], {radius: 7, color: row[2], weight: 2, fill: true,
                                             fillColor: row[2], fillOpacity: 0.75, row: row});
}"""
_FAST_TOOLTIP = """function (row) {
    return "<div class='sitrep-tip' style='""" + TIP_STYLE + """'>" + row[3] +
           "<br><i>— " + row[12] + "</i></div>";
}"""
# Rows left out where empty, as popup_html does.
_FAST_POPUP = """function (row) {
    var th = "<tr><th style='""" + _TH + """'>", td = "</th><td style='""" + _TD + """'>";
    function line(name, value) { return value ? th + name + td + value + "</td></tr>" : ""; }
    return "<div class='sitrep-popup' style='font-size:13px;line-height:1.35'>" +
        "<p style='margin:0 0 6px'>" + row[3] + "</p><table style='border-collapse:collapse'>" +
        line("Event", row[5] + (row[6] ? " / " + row[6] : "")) +
        line("Date", row[4] + (row[15] ? " (" + row[15] + ")" : "")) +
        line("Actors", row[7] + " vs " + row[8]) +
        line("Claimant", row[12]) + line("Role", row[17]) +
        line("Place", [row[9], row[10], row[11]].filter(function (v, i, a) {
            return v && a.indexOf(v) === i; }).join(", ") + (row[13] ? " (" + row[13] + ")" : "")) +
        line("Corroborations", row[14]) + line("Article", row[16]) + "</table></div>";
}"""
#: The count on a spot that several events share; hovering says what a click does.
_SPOT_ICON = """function (cluster) {
    var n = cluster.getChildCount();
    return L.divIcon({className: 'sitrep-spot', iconSize: L.point(28, 28),
        html: "<div style='width:24px;height:24px;border-radius:50%;background:#3b3b3b;color:#fff;" +
              "border:2px solid #fff;box-shadow:0 0 0 1px #3b3b3b,0 1px 4px rgba(0,0,0,.4);" +
              "font:bold 12px/24px sans-serif;text-align:center'>" + n + "</div>"});
}"""
_CLUSTER_HOVER = """function (e) {
    var c = e.layer, b = c.getBounds(), n = c.getChildCount();
    var text = b.getNorthEast().equals(b.getSouthWest()) ? n + " events here: click to spread"
                                                         : n + " events close together: click to zoom in";
    if (c.getTooltip()) { c.setTooltipContent(text); } else { c.bindTooltip(text, {direction: "top", offset: [0, -12]}); }
    c.openTooltip();
}"""


def safe(text) -> str:
    """Text escaped for HTML, for a JavaScript template literal (`, $ and \\) and for
    Jinja ({ and }).

    Braces matter on the server: branca reads each element's rendered script as a
    Jinja template again, so "{{ ... }}" in an article would run there as code.
    """
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return ""
    out = html.escape(str(text), quote=True)
    # chained replace: five times faster than str.translate on ASCII text
    return (out.replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")
            .replace("{", "&#123;").replace("}", "&#125;"))


def _value(row, key):
    v = row.get(key)
    return None if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)) else v


def date_text(value) -> str:
    """An event's date as YYYY-MM-DD, never with a time of day; "undated" where there is none."""
    if value is None or value is pd.NA:
        return "undated"
    when = pd.to_datetime(value, errors="coerce")
    return "undated" if pd.isna(when) else when.strftime("%Y-%m-%d")


def _precision(words: dict[int, str], value) -> str:
    """An ACLED precision code in words ("" where unknown)."""
    try:
        return words.get(int(value), "")
    except (TypeError, ValueError):
        return ""


def tooltip_html(row) -> str:
    claimant = _value(row, "claimant") or _value(row, "source") or "the outlet"
    return (f"<div class='sitrep-tip' style='{TIP_STYLE}'>"
            f"{safe(_value(row, 'source_sentence'))}<br><i>— {safe(claimant)}</i></div>")


def popup_html(row) -> str:
    """The event's sentence and a table of what is known of it; rows with nothing to say are left out."""
    link = _value(row, "url")
    title = safe(_value(row, "title") or _value(row, "article_id"))
    title_html = f"<a href='{safe(link)}' target='_blank' rel='noopener noreferrer'>{title}</a>" \
        if link and str(link).startswith(("http://", "https://")) else title
    time_words = _precision(TIME_PRECISION, _value(row, "time_precision"))
    geo_words = _precision(GEO_PRECISION, _value(row, "geo_precision"))
    place = ", ".join(dict.fromkeys(p for p in (safe(_value(row, k)) for k in ("location", "admin1", "country")) if p))
    sub_type = safe(_value(row, "sub_event_type"))
    rows = [
        ("Event", safe(_value(row, "event_type")) + (f" / {sub_type}" if sub_type else "")),
        ("Date", date_text(_value(row, "event_date")) + (f" ({time_words})" if time_words else "")),
        ("Actors", f"{safe(_value(row, 'actor1') or '?')} vs {safe(_value(row, 'actor2') or '?')}"),
        ("Claimant", safe(_value(row, "claimant") or _value(row, "source") or "the outlet")),
        ("Role", safe(_value(row, "claimant_role"))),
        ("Place", place + (f" ({geo_words})" if place and geo_words else "")),
        ("Corroborations", safe(_value(row, "corroborations"))),
        ("Article", title_html),
    ]
    body = "".join(f"<tr><th style='{_TH}'>{k}</th><td style='{_TD}'>{v}</td></tr>" for k, v in rows if v)
    return (f"<div class='sitrep-popup' style='font-size:13px;line-height:1.35'>"
            f"<p style='margin:0 0 6px'>{safe(_value(row, 'source_sentence'))}</p>"
            f"<table style='border-collapse:collapse'>{body}</table></div>")


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
    """A folium map of the located events: :func:`base_map` with :func:`event_layer` on it."""
    m = base_map(events, outlines=outlines, world=world, towns=towns, local_assets=local_assets)
    event_layer(events, heat=heat, cluster=cluster, local_assets=local_assets).add_to(m)
    return m


def base_map(events: pd.DataFrame, *, outlines: bool = True, world: bool = True, towns: Sequence[tuple] = (),
             local_assets: bool = True) -> folium.Map:
    """The map under the events: tiles, and the outlines of the events' countries and their
    province borders, fitted to the located events; it loads every script an
    :func:`event_layer` may need, so that a new layer can be swapped in without a new page.

    ``world`` puts the world's land and borders (fetched from the app's static files, so only
    with ``local_assets``) and labels of the event places and of ``towns`` ((name, lat, lon,
    population), see :func:`towns_near`) under the tiles, to be seen where tiles fail.
    ``local_assets`` serves Leaflet from the app (:data:`STATIC`); without it folium's CDN
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
        m.get_root().header.add_child(Element(_LABEL_CSS), name="sitrep_label_css")
        UnderTiles(labels(located, towns), world_url=WORLD_URL if local_assets else None,
                   outlined=outlined).add_to(m)
    return m


def _one_line(value) -> str:
    """A place name as one line (names cut from articles may hold line breaks); "" for none."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def labels(events: pd.DataFrame, towns: Iterable[tuple] = (), *, max_places: int = MAX_PLACE_LABELS,
           max_towns: int = MAX_TOWN_LABELS) -> list[list]:
    """[lat, lon, name escaped by :func:`safe`, kind] per label, most important first: kind
    "place", an event place (at most ``max_places``, those with the most events first, then
    those a larger town of ``towns`` bears the name of); kind "town", a town of ``towns``
    ((name, lat, lon, population), at most ``max_towns``, most populous first) unless a place
    of its name (diacritics and case aside) or at its point is labelled already."""
    from geo.names import normalize

    located = events.dropna(subset=["latitude", "longitude"])
    counts: Counter = Counter()
    if len(located) and "location" in located:
        for name, lat, lon in zip(located["location"].tolist(), located["latitude"].astype(float).tolist(),
                                  located["longitude"].astype(float).tolist()):
            if text := _one_line(name):
                counts[(text, round(lat, 3), round(lon, 3))] += 1
    towns = sorted(towns, key=lambda t: -(t[3] if len(t) > 3 and t[3] else 0))
    population: dict[str, int] = {}
    for town in towns:
        population.setdefault(normalize(_one_line(town[0])), int(town[3] or 0) if len(town) > 3 else 0)
    out: list[list] = []
    named: set[str] = set()
    spots: set[tuple[float, float]] = set()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -population.get(normalize(kv[0][0]), 0)))
    for (text, lat, lon), _ in ranked:
        key = normalize(text)
        if key not in named:  # one label a name (not again at the province's point, say)
            out.append([lat, lon, safe(text), "place"])
            named.add(key)
            spots.add((round(lat, 1), round(lon, 1)))
            if len(out) >= max_places:
                break
    kept = 0
    for name, lat, lon, *_ in towns:
        text = _one_line(name)
        key = normalize(text)
        if kept >= max_towns or not key or key in named or (round(lat, 1), round(lon, 1)) in spots:
            continue
        out.append([round(float(lat), 4), round(float(lon), 4), safe(text), "town"])
        named.add(key)
        kept += 1
    return out


def town_boxes(events: pd.DataFrame, *, cell: float = TOWN_CELL,
               max_cells: int = MAX_TOWN_CELLS) -> list[tuple[float, float, float, float]]:
    """(south, west, north, east) boxes around the events: each cell of ``cell`` degrees that
    holds events (the ``max_cells`` busiest), widened by half a cell each way."""
    located = events.dropna(subset=["latitude", "longitude"])
    cells = Counter((math.floor(lat / cell), math.floor(lon / cell)) for lat, lon in
                    zip(located["latitude"].astype(float), located["longitude"].astype(float)))
    half = cell / 2
    return [(max(-90.0, y * cell - half), max(-180.0, x * cell - half),
             min(90.0, (y + 1) * cell + half), min(180.0, (x + 1) * cell + half))
            for (y, x), _ in sorted(cells.items(), key=lambda kv: (-kv[1], kv[0]))[:max_cells]]


def towns_near(events: pd.DataFrame, *, gazetteer: Path | None = None,
               limit: int = MAX_TOWN_LABELS) -> list[tuple[str, float, float, int]]:
    """The larger towns around the events, (name, lat, lon, population), from the gazetteer
    (one bounded query, :func:`geo.gazetteer.largest_towns`; callers cache it); [] where there
    is no gazetteer file (it is not built for this)."""
    from geo.exc import GazetteerMissingError
    from geo.gazetteer import largest_towns

    boxes = town_boxes(events)
    if not boxes:
        return []
    try:
        return largest_towns(boxes, path=gazetteer, per_box=TOWNS_PER_CELL, limit=limit)
    except GazetteerMissingError:
        return []


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
        layer = EventCluster(_fast_rows(located))
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


class HoverCluster(MarkerCluster):
    """A MarkerCluster whose counts say, when hovered, what a click does (spread or zoom in)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.markerClusterGroup({{ this.options|tojavascript }});
            {%- if this.icon_create_function %}
            {{ this.get_name() }}.options.iconCreateFunction = {{ this.icon_create_function }};
            {%- endif %}
            {{ this.get_name() }}.on("clustermouseover", {{ this.hover }});
        {% endmacro %}""")

    def __init__(self, name: str = "events", **options):
        super().__init__(name=name, control=False, **options)
        self._name = "HoverCluster"
        self.hover = _CLUSTER_HOVER


class SpotCluster(HoverCluster):
    """Markers that share a spot, drawn as one count that spreads them apart on a click.

    Only markers within a few pixels of each other merge (``maxClusterRadius``), so
    neighbouring towns stay apart; markercluster spreads ("spiderfies") a cluster whose
    markers share one point at any zoom, and zooms in to one whose markers do not.
    """

    def __init__(self, **options):
        options = {"max_cluster_radius": 16, "show_coverage_on_hover": False,
                   "spiderfy_distance_multiplier": 1.6, **options}
        super().__init__(name="events here", icon_create_function=_SPOT_ICON, **options)
        self._name = "SpotCluster"


_LABEL_CSS = """<style>
.sitrep-label { white-space: nowrap; font: 12px/15px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #333; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; pointer-events: none; }
.sitrep-label.town { font-size: 11px; }
.sitrep-dot { background: #444; border-radius: 50%; }
.sitrep-label.place { font-weight: 700; font-size: 13px; color: #1a1a1a; }
.sitrep-label.town::before, .sitrep-label.town.left::after { content: ""; display: inline-block; width: 5px;
  height: 5px; margin: 0 4px 1px 0; border-radius: 50%; background: #555; box-shadow: 0 0 0 1.5px #fff;
  vertical-align: middle; }
.sitrep-label.town.left::before { display: none; }
.sitrep-label.town.left::after { margin: 0 0 1px 4px; }
.leaflet-cluster-anim .leaflet-sitrepLabels-pane .leaflet-marker-icon { transition: none; }
</style>"""
# (The last rule: markercluster marks the whole map while its clusters move, and every marker
# icon, labels too, would slide for 0.3 s from where the zoom left it.)


class UnderTiles(MacroElement):
    """What lies under the tiles, in panes below theirs (Leaflet's tile pane is at z-index 200):
    the sea (the map's background), the world's land and country borders fetched from
    ``world_url`` (but the borders of the ``outlined`` countries, drawn above), and labels of
    places. Online the tiles cover it all; offline it shows
    through. Nothing here takes the mouse.

    Labels are [lat, lon, escaped text, kind] (see :func:`labels`), most important first; a
    label that would overlap one before it is hidden, again after each zoom.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var panes = [["sitrepWorld", 150], ["sitrepLabels", 160]];
            for (var i = 0; i < panes.length; i++) {
                var pane = map.getPane(panes[i][0]) || map.createPane(panes[i][0]);
                pane.style.zIndex = panes[i][1];
                pane.style.pointerEvents = "none";
            }
            map.getContainer().style.background = {{ this.sea|tojson }};
            {%- if this.world_url %}
            fetch({{ this.world_url|tojson }}).then(function (r) {
                if (!r.ok) { throw new Error("HTTP " + r.status); }
                return r.json();
            }).then(function (world) {
                {#- Countries outlined above the tiles are left to that outline: two lines of two
                    sources a few pixels apart would read as two borders. (Jinja comments: no // in
                    a script that may reach the page on one line.) #}
                var outlined = {{ this.outlined|tojson }};
                L.geoJSON(world, {pane: "sitrepWorld", interactive: false, filter: function (f) {
                    return !(f.properties.codes || []).some(function (c) { return outlined.indexOf(c) >= 0; });
                }, style: function (f) {
                    return f.properties.kind === "land"
                        ? {stroke: true, color: {{ this.coast|tojson }}, weight: 1, fill: true,
                           fillColor: {{ this.land|tojson }}, fillOpacity: 1}
                        : {color: {{ this.border|tojson }}, weight: 1.3, opacity: 0.9, fill: false};
                }}).addTo(map);
            }).catch(function (e) { console.warn("sitrep: no world outlines under the tiles:", e); });
            {%- endif %}
            var data = {{ this.labels }};
            var shown = [];
            for (var j = 0; j < data.length; j++) {
                var marker = L.marker([data[j][0], data[j][1]], {pane: "sitrepLabels", interactive: false,
                    keyboard: false, icon: L.divIcon({className: "sitrep-label " + data[j][3], html: data[j][2],
                    iconSize: null})}).addTo(map);
                marker.town = data[j][3] === "town";
                shown.push(marker);
                if (!marker.town) {  {#- a dot where the place is, seen when its events are filtered out #}
                    L.marker([data[j][0], data[j][1]], {pane: "sitrepLabels", interactive: false, keyboard: false,
                        icon: L.divIcon({className: "sitrep-dot", iconSize: [4, 4]})}).addTo(map);
                }
            }
            {#- Each label goes to the first of its places that overlaps neither a label before it nor
                an event place's marker (a count badge is 28 px across), else to the first that overlaps
                no label (an event place's name goes before a town's), else it is hidden until a zoom
                makes room. A place's text: right, left, above or below its marker; a town's: right or
                left of its dot. #}
            function overlaps(r, boxes) {
                return boxes.some(function (o) { return r[0] < o[2] && o[0] < r[2] && r[1] < o[3] && o[1] < r[3]; });
            }
            function declutter() {
                var kept = [], spots = [], k, p;
                for (k = 0; k < shown.length; k++) {
                    if (!shown[k].town) {
                        p = map.latLngToLayerPoint(shown[k].getLatLng());
                        spots.push([p.x - 14, p.y - 14, p.x + 14, p.y + 14]);
                    }
                }
                {#- sizes first, all at one layout: reading one after moving another would lay out again #}
                var sizes = shown.map(function (m) { var el = m.getElement(); return el && [el.offsetWidth, el.offsetHeight]; });
                for (k = 0; k < shown.length; k++) {
                    var m = shown[k], el = m.getElement();
                    if (!el) { continue; }
                    var w = sizes[k][0], h = sizes[k][1], half = Math.round(h / 2), found = null;
                    var anchors = m.town ? [[3, half, false], [w - 3, half, true]]
                        : [[-17, half], [w + 17, half], [Math.round(w / 2), h + 15], [Math.round(w / 2), -15]];
                    p = map.latLngToLayerPoint(m.getLatLng());
                    for (var a = 0; a < 2 * anchors.length && !found; a++) {
                        var at = anchors[a % anchors.length];
                        var r = [p.x - at[0] - 2, p.y - at[1], p.x - at[0] + w + 2, p.y - at[1] + h];
                        if (!overlaps(r, kept) && (a >= anchors.length ? !m.town : !overlaps(r, spots))) {
                            found = at;
                            kept.push(r);
                        }
                    }
                    el.style.visibility = found ? "" : "hidden";
                    if (found) {
                        el.style.marginLeft = -found[0] + "px";
                        el.style.marginTop = -found[1] + "px";
                        if (m.town) { el.classList.toggle("left", found[2]); }
                    }
                }
            }
            {#- Again whenever a label's size changes: the map may draw before the style sheets arrive
                (streamlit-folium adds them late), and a label without them spans the map. #}
            var pending = false;
            function soon() {
                if (!pending) {
                    pending = true;
                    requestAnimationFrame(function () { pending = false; declutter(); });
                }
            }
            if (window.ResizeObserver) {
                var watch = new ResizeObserver(soon);
                shown.forEach(function (m) { if (m.getElement()) { watch.observe(m.getElement()); } });
            }
            map.on("zoomend", declutter);
            map.whenReady(soon);
        })();
        {% endmacro %}""")

    def __init__(self, labels: list[list], *, world_url: str | None = WORLD_URL, outlined: Sequence[str] = ()):
        super().__init__()
        self._name = "UnderTiles"
        self.outlined = [str(c) for c in outlined]
        # As EventCluster's rows: strings escaped by safe(); <, >, & and ' as \u escapes besides
        self.labels = str(htmlsafe_json_dumps(labels))
        self.world_url = world_url
        self.sea, self.land, self.coast, self.border = SEA, LAND, COAST, BORDER


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


class _RawScript(Element):
    """Script text that is put in the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class EventCluster(JSCSSMixin, MacroElement):
    """Clustered event markers built in the browser from one array of escaped rows.

    Like folium's FastMarkerCluster, with two differences that matter at tens of
    thousands of events: the rows are serialised once, here; and the script goes
    into the page as text, where branca would read it as a Jinja template again
    (seconds of tokenising for megabytes of data, and a template engine run over
    article text).
    """

    # A marker gets its tooltip and popup when the pointer first reaches it: binding
    # them up front costs listeners and objects for every one of tens of thousands.
    # The markers go into the cluster once it is on the map (its "add" event; its parent may
    # be a layer group put on the map later): off the map, markercluster checks each new
    # marker against its whole pending list (quadratic: 100,000 took 9-12 s, 28 s in eval).
    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = (function(){
                var callback = {{ this.callback }};
                var tooltip = {{ this.tooltip }};
                var popup = {{ this.popup }};
                var data = {{ this.data }};
                var cluster = L.markerClusterGroup({chunkedLoading: true});
                var markers = [];
                for (var i = 0; i < data.length; i++) {
                    markers.push(callback(data[i]));
                }
                cluster.on("mouseover", function (e) {
                    var m = e.layer;
                    if (m.options.row && !m.getTooltip()) {
                        m.bindTooltip(tooltip(m.options.row), {sticky: true}).openTooltip(e.latlng);
                    }
                });
                cluster.on("click", function (e) {
                    var m = e.layer;
                    if (m.options.row && !m.getPopup()) {
                        m.bindPopup(popup(m.options.row), {minWidth: {{ this.popup_min }},
                                                           maxWidth: {{ this.popup_max }}}).openPopup(e.latlng);
                    }
                });
                cluster.on("clustermouseover", {{ this.hover }});
                cluster.once("add", function () { cluster.addLayers(markers); });
                cluster.addTo({{ this._parent.get_name() }});
                return cluster;
            })();
        {% endmacro %}""")
    default_js = MarkerCluster.default_js
    default_css = MarkerCluster.default_css

    def __init__(self, rows: list[list]):
        super().__init__()
        self._name = "EventCluster"
        self.callback, self.tooltip, self.popup = _FAST_CALLBACK, _FAST_TOOLTIP, _FAST_POPUP
        self.hover, self.popup_min, self.popup_max = _CLUSTER_HOVER, POPUP_MIN_WIDTH, POPUP_MAX_WIDTH
        # As Jinja's tojson: <, >, & and ' as \u escapes, so no string can close the script;
        # then read by JSON.parse from one string literal (backslashes doubled), which browsers
        # parse many times faster than an array literal of the same size, above all in eval().
        self.data = "JSON.parse('" + str(htmlsafe_json_dumps(rows)).replace("\\", "\\\\") + "')"

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(folium.JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(folium.CssLink(url), name=name)
        figure.script.add_child(_RawScript(self._template.module.script(self, kwargs)), name=self.get_name())


def legend_items(events: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(event type, colour, count) for the legend, most frequent first."""
    counts = events["event_type"].value_counts()
    return [(str(t), COLOURS.get(str(t), OTHER_COLOUR), int(n)) for t, n in counts.items()]


def _fast_rows(located: pd.DataFrame) -> list[list]:
    """[lat, lon, colour, sentence, date, then _FIELDS] per event, every string escaped."""
    def col(name, default=""):
        return _escaped(located[name].astype(object).tolist(), default)

    claimant = located["claimant"].astype(object).where(located["claimant"].notna(), located["source"])
    dates = located["event_date"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(dates.astype(object), errors="coerce", format="mixed")
    columns = [
        located["latitude"].astype(float).tolist(), located["longitude"].astype(float).tolist(),
        [COLOURS.get(t, OTHER_COLOUR) for t in located["event_type"].astype(object).tolist()],
        col("source_sentence"), dates.dt.strftime("%Y-%m-%d").fillna("undated").tolist(),
    ]
    words = {"time_precision": TIME_PRECISION, "geo_precision": GEO_PRECISION}
    for f in _FIELDS:
        if f == "claimant":
            columns.append(_escaped(claimant.tolist(), "the outlet"))
        elif f in words:
            columns.append([_precision(words[f], v) for v in located[f].astype(object).tolist()])
        else:
            columns.append(col(f, "?" if f in ("actor1", "actor2") else ""))
    return [list(r) for r in zip(*columns)]


def _escaped(values: list, default: str) -> list[str]:
    """:func:`safe` of each value (``default`` where empty); types, actors and places repeat,
    so each distinct value is escaped once."""
    done: dict = {}
    return [done[v] if v in done else done.setdefault(v, safe(v) or default) for v in values]
