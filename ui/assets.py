"""Where the map's scripts, styles and world outlines come from: the app's own static files
(Streamlit's static serving, ``static/``), so that the map draws with no network."""
from __future__ import annotations

#: Where the app serves its static files.
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
