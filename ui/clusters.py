"""Marker clusters: counts that say, when hovered, what a click does (:class:`HoverCluster`);
events on one spot shown as one count that spreads them (:class:`SpotCluster`); and tens of
thousands of markers built in the browser from one array of escaped rows (:class:`EventCluster`).
"""
from __future__ import annotations

import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

from ui.popups import POPUP_JS, POPUP_MAX_WIDTH, POPUP_MIN_WIDTH, TOOLTIP_JS

# A marker from a row of ui.popups.browser_rows (lat, lon, colour, ...), drawn as
# ui.layers draws one in Python. No // comments inside: the script may reach the page on one line.
_MARKER_JS = """function (row) {
    return L.circleMarker([row[0], row[1]], {radius: 7, color: row[2], weight: 2, fill: true,
                                             fillColor: row[2], fillOpacity: 0.75, row: row});
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


class _RawScript(Element):
    """Script text that is put in the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class EventCluster(JSCSSMixin, MacroElement):
    """Clustered event markers built in the browser from one array of escaped rows
    (:func:`ui.popups.browser_rows`).

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
        self.callback, self.tooltip, self.popup = _MARKER_JS, TOOLTIP_JS, POPUP_JS
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
