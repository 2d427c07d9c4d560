"""Where an event happened: the places of its sentence that are where it happened, with ACLED's
geo_precision (not the country of "US forces", not a province beside a town inside it), else
those of the sentence before."""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from events.analysis import TextAnalysis
from events.schema import GEO_EXACT, GEO_NEAR, GEO_REGION
from geo.geocoder import distance_km
from geo.place import SITE_KINDS, Kind
from geoparse import ResolvedPlace
from parsing.articles import Article

# A region inside one country (Darfur, Donbas, an island such as Mindanao) is coded as a province is.
_GEO_PRECISION = {Kind.ADMIN2: GEO_NEAR, Kind.ADMIN1: GEO_REGION, Kind.WORLD_REGION: GEO_REGION,
                  Kind.COUNTRY: GEO_REGION}
# How far a town holds its sites (its airport), and a region of one country its places.
_SITE_KM = 25.0
_REGION_KM = 400.0


def contains(unit: ResolvedPlace, place: ResolvedPlace) -> bool:
    """Whether ``unit`` holds ``place``: a country or province its places, a district its towns and
    sites, a region of one country the places near it, a town the sites just outside it."""
    if unit.kind == Kind.COUNTRY:
        return place.country_code == unit.country_code and place is not unit
    if unit.kind == Kind.ADMIN1:
        return place.kind != Kind.ADMIN1 and place.country_code == unit.country_code and place.admin1 == unit.admin1
    if unit.kind == Kind.ADMIN2:
        return place.kind not in (Kind.ADMIN1, Kind.ADMIN2, Kind.COUNTRY) and place.admin2 == unit.admin2 \
            and place.admin1 == unit.admin1
    if unit.kind == Kind.WORLD_REGION and unit.country_code:
        # a region of one country (Darfur, Mindanao) holds that country's places nearby
        return place is not unit and place.country_code == unit.country_code \
            and place.kind not in (Kind.COUNTRY, Kind.WORLD_REGION) and None not in (place.lat, unit.lat) \
            and distance_km(unit.lat, unit.lon, place.lat, place.lon) <= _REGION_KM
    if unit.kind == Kind.POPULATED_PLACE and place.kind in SITE_KINDS:
        # a town holds the airport, port or landmark just outside it ("Kabul" and its airport)
        return place.country_code == unit.country_code and None not in (place.lat, unit.lat) \
            and distance_km(unit.lat, unit.lon, place.lat, place.lon) <= _SITE_KM
    return False


def contains_another(places: list[ResolvedPlace]) -> list[bool]:
    """For each of the places, whether it contains another of them (:func:`contains`), found
    through indexes of the others, not by trying every pair (quadratic in a sentence naming
    thousands); the rules by distance are read once per distinct region or town."""
    countries = Counter(q.country_code for q in places)
    in_admin1 = {(q.country_code, q.admin1) for q in places if q.kind != Kind.ADMIN1}
    in_admin2 = {(q.admin2, q.admin1) for q in places if q.kind not in (Kind.ADMIN1, Kind.ADMIN2, Kind.COUNTRY)}
    local, sites = defaultdict(list), defaultdict(list)
    for q in places:
        if q.lat is not None and q.kind not in (Kind.COUNTRY, Kind.WORLD_REGION):
            local[q.country_code].append(q)
        if q.lat is not None and q.kind in SITE_KINDS:
            sites[q.country_code].append(q)
    near: dict[tuple, bool] = {}
    out = []
    for p in places:
        if p.kind == Kind.COUNTRY:
            found = countries[p.country_code] > 1  # (each place is in the list once)
        elif p.kind == Kind.ADMIN1:
            found = (p.country_code, p.admin1) in in_admin1
        elif p.kind == Kind.ADMIN2:
            found = (p.admin2, p.admin1) in in_admin2
        elif p.kind == Kind.WORLD_REGION and p.country_code or p.kind == Kind.POPULATED_PLACE:
            key = (p.kind, p.country_code, p.lat, p.lon)
            if key not in near:
                near[key] = p.lat is not None and any(
                    contains(p, q) for q in (sites if p.kind == Kind.POPULATED_PLACE else local)[p.country_code])
            found = near[key]
        else:
            found = False
        out.append(found)
    return out


def event_places(mention, by_span) -> list[tuple[ResolvedPlace, int]]:
    """(place, geo_precision) for each place where the event happened.

    A country named as a modifier ("US forces", "Saudi-led coalition") is where
    the event happened only when the sentence names no other place, even one the
    gazetteer lacks: a riot in an unknown village is not in the country of "the
    US dollar" it was about.
    """
    attributive = {span for span in mention.attributive
                   if getattr(by_span.get(span), "kind", None) == Kind.COUNTRY}
    others = tuple(s for s in mention.places if s not in attributive)
    if attributive and others:
        return event_places(replace(mention, places=others, attributive=()), by_span)
    near = set(mention.near)
    located, unknown = [], []
    for span in mention.places:
        p = by_span.get(span)
        if p is None or p.kind == Kind.WORLD_REGION and not p.country_code:
            continue  # a continent, a sea or a region of many countries is no event's place
        if p.kind == Kind.ESTIMATED:
            located.append((p, GEO_NEAR))
            continue
        if p.kind == Kind.UNRESOLVED:
            unknown.append(p)
            continue
        precision = GEO_NEAR if span in near and p.kind not in (Kind.ADMIN1, Kind.COUNTRY) else \
            _GEO_PRECISION.get(p.kind, GEO_EXACT)
        located.append((p, precision))
    holds = contains_another([p for p, _ in located])
    specific = [(p, g) for (p, g), held in zip(located, holds) if not held]
    if unknown and specific:
        # A place the gazetteer lacks: coded to the nearest known place or containing unit
        # the text names, never more precisely than "near it".
        return [(p, max(g, GEO_NEAR)) for p, g in specific[:1]]
    return specific


@dataclass(frozen=True)
class TextIndex:
    """An analysis's sentences, events and places by offset, for the look-ups made per event
    (reading the lists through for each event is quadratic in a long text)."""

    sentence_ends: list[int]
    first_event: dict[int, object]          # the first event of each sentence, by its start
    places: list[ResolvedPlace]             # in text order
    place_starts: list[int]

    @classmethod
    def of(cls, analysis: TextAnalysis) -> "TextIndex":
        first: dict[int, object] = {}
        for m in analysis.events:
            first.setdefault(m.sentence_start, m)
        places = sorted(analysis.places, key=lambda p: p.start)
        return cls([e for _, e in analysis.sentences], first, places, [p.start for p in places])


def previous_places(article: Article, analysis: TextAnalysis, mention, by_span, index: TextIndex):
    """The places of the sentence before, in the same paragraph, for an event that names none
    ("Clashes broke out in X. Two soldiers were killed.")."""
    k = bisect.bisect_right(index.sentence_ends, mention.sentence_start) - 1
    if k < 0:
        return []
    s, e = analysis.sentences[k]
    if "\n" in article.text[e:mention.sentence_start]:
        return []
    # The earlier sentence's own event, if it has one, says which of its places are where it
    # happened ("an attack on Burundi troops in Buurane village": not Burundi).
    reported = index.first_event.get(s)
    if reported is not None:
        return event_places(replace(mention, places=reported.places, near=reported.near,
                                     attributive=reported.attributive), by_span)
    spans = tuple((p.start, p.end) for p in index.places[bisect.bisect_left(index.place_starts, s):
                                                          bisect.bisect_left(index.place_starts, e)])
    # With no event there to say which, a country beside other places is whose troops or
    # money the sentence spoke of ("an attack on Burundi troops in Buurane village (Jowhar)"):
    # every place may be a modifier, of which event_places sets aside the countries.
    return event_places(replace(mention, places=spans, near=(), attributive=spans), by_span)


def unresolved_places(mention, by_span) -> list[ResolvedPlace]:
    """The places of the event's sentence that nothing in the gazetteer fits."""
    return [p for span in mention.places if (p := by_span.get(span)) is not None and p.kind == Kind.UNRESOLVED]
