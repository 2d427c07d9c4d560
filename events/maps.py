"""The events map: a folium Map built from the events DataFrame, safe for untrusted text.

Article text goes into tooltips and popups, which folium pastes into HTML
and into JavaScript template literals; :func:`safe` escapes it for both.
Leaflet and its plugins are served by the app itself (``static/``), so the
map draws with no network; country outlines and province borders from the
bundled data show where tiles cannot be fetched.
"""
from __future__ import annotations

import html
import math
from collections.abc import Iterable

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
    return "<div class='sitrep-tip' style='max-width:320px;white-space:normal'>" + row[3] +
           "<br><i>— " + row[12] + "</i></div>";
}"""
_FAST_POPUP = """function (row) {
    return "<table class='sitrep-popup'>" +
        "<tr><th>Event</th><td>" + row[5] + " / " + row[6] + "</td></tr>" +
        "<tr><th>Date</th><td>" + row[4] + " (precision " + row[15] + ")</td></tr>" +
        "<tr><th>Actors</th><td>" + row[7] + " vs " + row[8] + "</td></tr>" +
        "<tr><th>Claimant</th><td>" + row[12] + "</td></tr>" +
        "<tr><th>Role</th><td>" + row[17] + "</td></tr>" +
        "<tr><th>Place</th><td>" + row[9] + ", " + row[10] + ", " + row[11] +
        " (geo precision " + row[13] + ")</td></tr>" +
        "<tr><th>Corroborations</th><td>" + row[14] + "</td></tr>" +
        "<tr><th>Article</th><td>" + row[16] + "</td></tr></table>";
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


def tooltip_html(row) -> str:
    claimant = _value(row, "claimant") or _value(row, "source") or "the outlet"
    return (f"<div class='sitrep-tip' style='max-width:320px;white-space:normal'>"
            f"{safe(_value(row, 'source_sentence'))}<br><i>— {safe(claimant)}</i></div>")


def popup_html(row) -> str:
    date = _value(row, "event_date")
    date_text = pd.Timestamp(date).date().isoformat() if date is not None else "undated"
    link = _value(row, "url")
    title = safe(_value(row, "title") or _value(row, "article_id"))
    title_html = f"<a href='{safe(link)}' target='_blank' rel='noopener noreferrer'>{title}</a>" \
        if link and str(link).startswith(("http://", "https://")) else title
    rows = [
        ("Event", f"{safe(_value(row, 'event_type'))} / {safe(_value(row, 'sub_event_type'))}"),
        ("Date", f"{safe(date_text)} (precision {safe(_value(row, 'time_precision'))})"),
        ("Actors", f"{safe(_value(row, 'actor1') or '?')} vs {safe(_value(row, 'actor2') or '?')}"),
        ("Claimant", safe(_value(row, "claimant") or _value(row, "source") or "the outlet")),
        ("Role", safe(_value(row, "claimant_role") or "")),
        ("Place", f"{safe(_value(row, 'location'))}, {safe(_value(row, 'admin1'))}, {safe(_value(row, 'country'))}"
                  f" (geo precision {safe(_value(row, 'geo_precision'))})"),
        ("Corroborations", safe(_value(row, "corroborations"))),
        ("Article", title_html),
    ]
    body = "".join(f"<tr><th style='text-align:left;padding-right:6px'>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f"<table class='sitrep-popup'>{body}</table>"


def _outlines(m: folium.Map, countries: Iterable[str]) -> None:
    """Country outlines (countryinfo) and province borders (the bundled Natural Earth lines) under
    the markers, so the map still reads when tiles cannot be fetched; they take no mouse events."""
    from geo import outlines, sources
    from geo.exc import OutlinesMissingError

    codes = sorted({c.upper() for c in countries if c})
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


def build_map(events: pd.DataFrame, *, heat: bool = False, cluster: bool | None = None,
              outlines: bool = True, local_assets: bool = True) -> folium.Map:
    """A folium map of the located events: :func:`base_map` with :func:`event_layer` on it."""
    m = base_map(events, outlines=outlines, local_assets=local_assets)
    event_layer(events, heat=heat, cluster=cluster, local_assets=local_assets).add_to(m)
    return m


def base_map(events: pd.DataFrame, *, outlines: bool = True, local_assets: bool = True) -> folium.Map:
    """The map under the events: tiles, and the outlines of the events' countries and their
    province borders, fitted to the located events; it loads every script an
    :func:`event_layer` may need, so that a new layer can be swapped in without a new page.

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
    if outlines and len(located):
        _outlines(m, located["country_code"].dropna().astype(str))
    return m


def event_layer(events: pd.DataFrame, *, heat: bool = False, cluster: bool | None = None,
                local_assets: bool = True) -> folium.FeatureGroup:
    """The located events as one layer: a heat map, or markers coloured by event type,
    clustered by default above :data:`CLUSTER_FROM` and built in the browser above
    :data:`FAST_FROM`."""
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
    use_cluster = len(located) > CLUSTER_FROM if cluster is None else cluster
    target = group
    if use_cluster:
        target = MarkerCluster(name="events")
        if local_assets:
            target.default_js, target.default_css = CLUSTER_JS, CLUSTER_CSS
        target.add_to(group)
    for row in located.to_dict("records"):
        colour = COLOURS.get(row.get("event_type"), OTHER_COLOUR)
        folium.CircleMarker(
            location=[float(row["latitude"]), float(row["longitude"])], radius=7, color=colour, weight=2,
            fill=True, fill_color=colour, fill_opacity=0.75,
            tooltip=folium.Tooltip(tooltip_html(row), sticky=True),
            popup=folium.Popup(popup_html(row), max_width=420),
        ).add_to(target)
    return group


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
                        m.bindPopup(popup(m.options.row), {maxWidth: 420}).openPopup(e.latlng);
                    }
                });
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
    columns = [
        located["latitude"].astype(float).tolist(), located["longitude"].astype(float).tolist(),
        [COLOURS.get(t, OTHER_COLOUR) for t in located["event_type"].astype(object).tolist()],
        col("source_sentence"), located["event_date"].dt.strftime("%Y-%m-%d").fillna("undated").tolist(),
    ]
    for f in _FIELDS:
        if f == "claimant":
            columns.append(_escaped(claimant.tolist(), "the outlet"))
        else:
            columns.append(col(f, "?" if f in ("actor1", "actor2") else ""))
    return [list(r) for r in zip(*columns)]


def _escaped(values: list, default: str) -> list[str]:
    """:func:`safe` of each value (``default`` where empty); types, actors and places repeat,
    so each distinct value is escaped once."""
    done: dict = {}
    return [done[v] if v in done else done.setdefault(v, safe(v) or default) for v in values]
