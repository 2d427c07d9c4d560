"""Offline geocoding for Sitrep: a gazetteer built from GeoNames data on PyPI, behind geopy.

>>> from geo import GazetteerGeocoder
>>> GazetteerGeocoder().geocode("Kunduz").raw["admin1"]   # doctest: +SKIP
'Kunduz'
"""
from geo.exc import GeoError
from geo.gazetteer import Gazetteer
from geo.geocoder import Candidate, GazetteerGeocoder, check_query, distance_km
from geo.place import KINDS, Place

__all__ = ["Candidate", "Gazetteer", "GazetteerGeocoder", "GeoError", "KINDS", "Place",
           "check_query", "distance_km"]
