"""Points for places the gazetteer lacks from the text's distance cues (real spaCy model, real
gazetteer)."""
from datetime import date

import pytest

from events.pipeline import analyse
from events.schema import GEO_NEAR
from geo.geocoder import distance_km
from geo.place import Kind
from parsing.articles import from_text


@pytest.mark.parametrize("text", [
    "On 3 May 2021, gunmen attacked Zzyxqabad village, about 50 kilometres north of Kunduz City, officials said.",
    "On 3 May 2021, gunmen attacked Zzyxqabad, 50 km north of Kunduz.",
])
def test_estimates_a_place_the_gazetteer_lacks_is_put_where_its_distance_cue_says(resolver, text):
    (a,) = analyse([from_text(text, id="t", published=date(2021, 6, 22))], resolver=resolver)
    unknown, anchor = a.places
    assert (unknown.name, unknown.kind, unknown.runner_up) == ("Zzyxqabad", Kind.ESTIMATED, "50 km north of Kunduz")
    assert abs(distance_km(unknown.lat, unknown.lon, anchor.lat, anchor.lon) - 50) < 1 and unknown.lat > anchor.lat
    (event,) = a.events
    assert (event.location, event.geo_precision, event.latitude) == ("Zzyxqabad", GEO_NEAR, unknown.lat)
