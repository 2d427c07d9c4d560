"""What lies under the map's tiles, seen where they fail and covered where they load: the sea,
the world's land and country borders (fetched from the app's static files), and the labels of
:func:`ui.labels.labels`, each placed where it overlaps no other."""
from __future__ import annotations

from collections.abc import Sequence

from branca.element import MacroElement
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

from ui.assets import WORLD_URL

#: The sea, land and borders drawn under the tiles (OpenStreetMap's hues, paler).
SEA, LAND, COAST, BORDER = "#c8dbe6", "#f4f1ea", "#9bb4c2", "#a08aa6"
#: The labels' style, put in the page's header by :func:`ui.basemap.base_map`.
LABEL_CSS = """<style>
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

    Labels are [lat, lon, escaped text, kind] (see :func:`ui.labels.labels`), most important first; a
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
        # As ui.clusters.EventCluster's rows: strings escaped by safe(); <, >, & and ' as \u escapes besides
        self.labels = str(htmlsafe_json_dumps(labels))
        self.world_url = world_url
        self.sea, self.land, self.coast, self.border = SEA, LAND, COAST, BORDER

