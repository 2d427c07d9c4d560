"""Rough points for names the gazetteer lacks."""
import pytest

from geoparse import ResolvedPlace
from geoparse.estimates import estimated
from tests.geoparse.reading import places


def test_estimates_keeps_unknown_place_names_unresolved(resolver):
    text = "Militants captured the village of Zzyxqabad in Afghanistan."
    found = {p.name: p for p in places(resolver, text)}
    assert found["Afghanistan"].kind == "country"
    if "Zzyxqabad" in found:  # NER may or may not label an unknown word GPE
        assert found["Zzyxqabad"].kind == "unresolved" and found["Zzyxqabad"].lat is None


@pytest.mark.parametrize("text, basis, admin1", [
    # the unit named right after it holds it
    ("Floods cut off the town of Zzyxqville, West Virginia, on Monday.", "West Virginia", "West Virginia"),
    ("Floods cut off the town of Zzyxqville in Kanawha County on Monday.", "Kanawha County", "West Virginia"),
    # else the middle of the article's towns: Kettering lies between Dayton and Xenia
    ("Floods cut off the town of Zzyxqville on Monday. Roads to Dayton, Kettering and Xenia closed, "
     "Ohio officials said.", "Kettering", "Ohio"),
])
def test_estimates_unknown_place_is_put_at_the_known_place_that_holds_or_surrounds_it(resolver, text, basis,
                                                                                    admin1):
    got = places(resolver, text)
    found = {p.name: p for p in got}
    unknown = found["Zzyxqville"]
    assert unknown.kind == "unresolved" and unknown.geonameid is None and unknown.confidence == 0.0
    assert unknown.estimated_from == basis and (unknown.country_code, unknown.admin1) == ("US", admin1)
    known = next(p for p in got if (p.resolved_name or p.name) == basis)
    assert (unknown.lat, unknown.lon) == (known.lat, known.lon)


def _place(name, start, kind="populated place", lat=None, lon=None, **kw):
    return ResolvedPlace(start=start, end=start + len(name), name=name, lat=lat, lon=lon,
                         geonameid=None if kind == "unresolved" else start, kind=kind,
                         country_code=kw.pop("country_code", "US"), admin1=kw.pop("admin1", "Ohio"),
                         confidence=0.0 if kind == "unresolved" else 0.9, **kw)


def test_estimates_only_from_towns_counties_or_provinces():
    text = "Zzyx in Afghanistan. Zzyx again."
    got = estimated(text, [
        _place("Zzyx", 0, "unresolved", country_code=None, admin1=None),
        _place("Afghanistan", 8, "country", 33.0, 65.0, country_code="AF", admin1=None),
        _place("Zzyx", 21, "unresolved", country_code=None, admin1=None)])
    # a country is too coarse to say where an unknown village is, and often a mere modifier
    assert [p.lat for p in got if p.kind == "unresolved"] == [None, None]


def test_estimates_alike_for_every_mention_of_a_name_and_weigh_repeated_towns():
    text = "Zzyx, Ohio. A, B, B, B and Zzyx."
    got = estimated(text, [
        _place("Zzyx", 0, "unresolved", country_code=None, admin1=None),
        _place("Ohio", 6, "admin1", 40.4, -82.7),
        _place("A", 12, lat=41.0, lon=-81.0), _place("B", 15, lat=39.0, lon=-84.0),
        _place("B", 18, lat=39.0, lon=-84.0), _place("B", 21, lat=39.0, lon=-84.0),
        _place("Zzyx", 27, "unresolved", country_code=None, admin1=None)])
    first, second = (p for p in got if p.name == "Zzyx")
    assert (first.lat, first.lon, first.estimated_from) == (40.4, -82.7, "Ohio") == \
        (second.lat, second.lon, second.estimated_from)
    got = estimated("Zzyx. A, B, B, B.", [
        _place("Zzyx", 0, "unresolved", country_code=None, admin1=None),
        _place("A", 6, lat=41.0, lon=-81.0), *(_place("B", s, lat=39.0, lon=-84.0) for s in (9, 12, 15))])
    assert (got[0].lat, got[0].estimated_from) == (39.0, "B")  # the town named three times
