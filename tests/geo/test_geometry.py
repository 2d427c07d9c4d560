import pytest

from geo.geocoder import distance_km
from geo.geometry import BEARINGS, destination, initial_bearing, nearest_border_point


@pytest.mark.parametrize("bearing", sorted(BEARINGS.values()))
def test_geometry_destination_is_the_distance_away_on_the_bearing(bearing):
    lat, lon = destination(36.729, 68.857, bearing, 50)
    assert distance_km(36.729, 68.857, lat, lon) == pytest.approx(50, abs=0.1)
    back = initial_bearing(36.729, 68.857, lat, lon)
    assert min(abs(back - bearing), 360 - abs(back - bearing)) < 0.5


def test_geometry_nearest_border_point_lies_on_the_countrys_outline():
    point = nearest_border_point(36.729, 68.857, "TJ")  # from Kunduz towards Tajikistan
    assert point is not None and 40 < distance_km(36.729, 68.857, *point) < 120
    assert nearest_border_point(0, 0, "ZZ") is None
