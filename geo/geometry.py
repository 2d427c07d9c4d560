"""Small spherical geometry for places the gazetteer lacks: "50 km north of Kunduz",
"on the border with Tajikistan"."""
from __future__ import annotations

import math
from functools import lru_cache


EARTH_KM = 6371.0088
#: Compass words and their bearings in degrees.
BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
            "southwest": 225, "west": 270, "northwest": 315}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(a)))


def destination(lat: float, lon: float, bearing_deg: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along the initial bearing ``bearing_deg``."""
    d = km / EARTH_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


def initial_bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing in degrees from the first point towards the second."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360) % 360


@lru_cache(maxsize=64)
def _outline_rings(iso: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    from geo import sources

    return tuple(tuple(ring) for ring in sources.country_rings(iso))


def nearest_border_point(lat: float, lon: float, iso: str) -> tuple[float, float] | None:
    """The point of a country's outline nearest to (lat, lon), or None without an outline.

    Edges are projected onto a plane around (lat, lon), which is exact enough
    within a few hundred kilometres.
    """
    rings = _outline_rings(iso)
    if not rings:
        return None
    kx = math.cos(math.radians(lat))
    best, best_d = None, float("inf")
    for ring in rings:
        for (a_lat, a_lon), (b_lat, b_lon) in zip(ring, ring[1:] + ring[:1]):
            ax, ay = (a_lon - lon) * kx, a_lat - lat
            bx, by = (b_lon - lon) * kx, b_lat - lat
            dx, dy = bx - ax, by - ay
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
            px, py = ax + t * dx, ay + t * dy
            d = px * px + py * py
            if d < best_d:
                best_d, best = d, (lat + py, lon + px / kx)
    return best
