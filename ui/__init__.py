"""The dashboard's helpers: the map, the timeline, the filters and what the page says, built
from the events table; imported by dashboard.py alone.

Dependencies point one way: ``dashboard.py -> ui/ -> events/ -> ...``; nothing below imports ui/.
"""
