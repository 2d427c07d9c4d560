"""The dashboard's helpers, imported by dashboard.py alone: the map (basemap, layers, clusters,
popups, labels, under_tiles, with escape, assets and colours), the timeline, the filters, what
the page says above the map (summary), the store it reads (source) and uploads.

They build plain values, frames and folium maps; dashboard.py alone calls Streamlit.
Dependencies point one way: ``dashboard.py -> ui/ -> events/ -> ...``; nothing below imports ui/.
"""
