"""Rough points for names the gazetteer lacks: the unit or town named right after, else the
article's middle."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace

from geo.geocoder import distance_km
from geo.names import normalize, split_designator
from geo.place import Kind
from geoparse.cues import HOLDER_GAP, between
from geoparse.records import ResolvedPlace

# A long text's middle is looked for among its first this many distinct towns and counties.
_CENTRE_POINTS = 200
_NO_CENTRE = (Kind.COUNTRY, Kind.ADMIN1, Kind.WORLD_REGION)


def estimated(text: str, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """The places with each unresolved name put at a rough point, as ACLED codes a village it
    cannot find to the nearest known unit: the unit or town named right after it ("Greenwood,
    W. Va.", "Hampton Park in Charleston"); else the middle of the article's towns and
    counties, among which a local story's unknown places mostly lie; else its most named
    province. The kind stays "unresolved", the confidence 0, and ``estimated_from`` names the
    place the point is taken from."""
    if all(p.kind != Kind.UNRESOLVED for p in places):
        return places
    known = [p for p in places if p.kind != Kind.UNRESOLVED and p.lat is not None]
    starts = [p.start for p in known]
    holders: dict[str, ResolvedPlace] = {}
    for p in places:
        if p.kind == Kind.UNRESOLVED:
            i = bisect.bisect_left(starts, p.end)
            # a country is too coarse to say where, and often only a modifier ("the US dollar")
            if i < len(known) and known[i].kind not in (Kind.COUNTRY, Kind.WORLD_REGION) \
                    and HOLDER_GAP.match(between(text, p.end, known[i].start)):
                holders.setdefault(split_designator(normalize(p.name))[0], known[i])
    centre = _centre(known)
    out = []
    for p in places:
        if p.kind != Kind.UNRESOLVED:
            out.append(p)
            continue
        basis = holders.get(split_designator(normalize(p.name))[0])
        if basis is None and centre is None:
            out.append(p)
            continue
        held = basis is not None
        basis = basis or centre
        out.append(replace(
            p, lat=basis.lat, lon=basis.lon, country_code=basis.country_code,
            admin1=basis.admin1 if basis.kind != Kind.COUNTRY else None,
            admin1_code=basis.admin1_code if basis.kind != Kind.COUNTRY else None,
            admin2=basis.admin2 if held and basis.kind not in (Kind.COUNTRY, Kind.ADMIN1) else None,
            estimated_from=basis.resolved_name or basis.name))
    return out


def _centre(known: list[ResolvedPlace]) -> ResolvedPlace | None:
    """The article's middle: of its towns and counties, the one least far from the others (each
    mention counting); without any, its most named province."""
    local = Counter()
    first = {}
    for p in known:
        if p.kind not in _NO_CENTRE:
            local[p.lat, p.lon] += 1
            first.setdefault((p.lat, p.lon), p)
    if local:
        points = list(local)[:_CENTRE_POINTS]
        best = min(points, key=lambda a: sum(n * distance_km(a[0], a[1], b[0], b[1])
                                              for b, n in local.items()))
        return first[best]
    named = Counter(p.geonameid for p in known if p.kind == Kind.ADMIN1)
    if named:
        top = named.most_common(1)[0][0]
        return next(p for p in known if p.geonameid == top)
    return None

