"""Scores: each reading of a name re-ranked with the article's evidence, and a mention's place
from its ranked readings."""
from __future__ import annotations

import math
from collections import defaultdict

from geo.geocoder import Candidate
from geo.names import normalize, split_designator
from geo.place import Kind
from geoparse.candidates import LOCAL_KINDS, other_kind, point
from geoparse.evidence import MIN_SHARE
from geoparse.records import ResolvedPlace
from parsing.places import PlaceMention

# Context weights, in the geocoder's score units.
_COUNTRY_WEIGHT = 3.0       # times the dominant country's share of the votes
_CONTAINER_BONUS = 3.5      # the unit named right after ("X in Y Province", "X, Y")
_NEAR_BONUS, _NEAR_KM = 2.0, 150.0
_ADMIN1_WEIGHT = 3.0  # times the dominant province's or state's share
_COLOCATED_BONUS = 3.0  # a town in a county the article names, and that county
# A reading near a reading of another name the article gives: local news names places near one
# another ("Alexandria and Pineville" are both in Louisiana); how near: geoparse.evidence.
_NEIGHBOUR_BONUS = 2.5
# A name listed among provinces or states ("Washington, Pennsylvania and California") is one.
_LISTED_UNIT_BONUS = 2.0
# The state local news is about (geoparse.evidence.focus_unit).
_FOCUS_BONUS = 2.0
# a unit named with its designator lends its reading to the bare name only if clearly resolved
_NAMED_UNIT_MARGIN = 2.0
# An article this much about one country does not name small towns abroad
# without saying so; a small namesake abroad is another place of that name.
_ONE_COUNTRY, _SMALL_TOWN = 0.95, 50_000
#: Below this score a mention keeps its text but is not put on the map.
MIN_SCORE = 2.0


def rerank(cands, shares, container, *, anchors, units, colocated=(), neighbours=None,
           listed=None, holds=(), named_units=(), focus=None) -> list[tuple[float, Candidate]]:
    """A name's readings with their scores in the article, best first (none where the text puts
    it in a unit no reading lies in)."""
    ranked = []
    containing, strict = container or ((), False)

    def within(p, unit, own: bool = True) -> bool:
        """In the unit (not the unit itself, unless ``own``); a place whose district the
        gazetteer does not record may be in any district of the province."""
        cc, admin1, admin2 = unit
        return p.country_code == cc and (admin1 is None or p.admin1_code == admin1) \
            and (admin2 is None or p.admin2_code is None or p.admin2_code == admin2) \
            and (own or not (p.kind == Kind.ADMIN1 and admin1 == p.admin1_code)
                 and not (p.kind == Kind.ADMIN2 and admin2 is not None and admin2 == p.admin2_code))

    # the likeliest reading of the unit's name that holds a candidate ("Ludhiana (Punjab)":
    # India's Punjab, though Pakistan's is the likelier Punjab alone)
    unit = next((u for u in containing if any(within(c.place, u) for c in cands)), None)
    if unit is None and strict and containing[0][1] is not None and (
            len({u[0] for u in containing}) == 1
            or any(c.place.country_code == u[0] for c in cands for u in containing)):
        # the text puts it in a unit where no candidate lies: another place, unknown here. A
        # name many countries give a province ("Western") may be one the gazetteer lacks
        # for the country at hand: it rules out only candidates in those countries.
        return []
    dominant = max(shares.values(), default=0.0) >= MIN_SHARE
    # a name whose likeliest reading is a state of the article's own country ("Kansas",
    # "Wales") is that state, not a town of that name in the state the article is about
    top = cands[0] if cands else None
    state_name = top is not None and top.place.kind == Kind.ADMIN1 and not top.spelling_variant \
        and shares.get(top.place.country_code, 0.0) >= MIN_SHARE
    for c in cands:
        p = c.place
        if strict and unit is not None and not within(p, unit):
            continue  # "Bilchiragh district, Faryab": not one of another province
        score = c.score + _COUNTRY_WEIGHT * shares.get(p.country_code, 0.0) * (
            shares.get(p.country_code, 0.0) >= MIN_SHARE)
        if dominant and shares.get(p.country_code, 0.0) < MIN_SHARE and (
                c.spelling_variant and not (p.kind == Kind.COUNTRY and c.terms[0][1] >= 0.99)
                or ((other_kind(c) or p.kind == Kind.POPULATED_PLACE and p.population < _SMALL_TOWN)
                    and max(shares.values()) >= _ONE_COUNTRY)):
            # a spelling variant, a place of another kind than the text says ("Toulouse
            # district": a town), or a small town, abroad, in an article about
            # elsewhere, is another place of that name; a country misspelt ("Mauritious")
            # is still that country
            continue
        unit_share = units.get((p.country_code, p.admin1_code), 0.0)
        if unit_share >= MIN_SHARE and p.kind != Kind.ADMIN1 and not state_name:
            score += _ADMIN1_WEIGHT * unit_share
        if unit is not None and within(p, unit, own=False):
            score += _CONTAINER_BONUS
        if p.admin2_code and (p.country_code, p.admin1_code, p.admin2_code) in colocated:
            score += _COLOCATED_BONUS
        if neighbours:
            score += _NEIGHBOUR_BONUS * neighbours.get(point(p), 0.0)
        if listed and p.kind == Kind.ADMIN1 and p.country_code == listed:
            score += _LISTED_UNIT_BONUS
        if holds and point(p) in holds:
            score += _CONTAINER_BONUS
        if named_units and any(within(p, u) for u in named_units):
            score += _CONTAINER_BONUS
        if focus and not state_name and p.kind in LOCAL_KINDS and (p.country_code, p.admin1_code) == focus:
            score += _FOCUS_BONUS
        if anchors and p.kind != Kind.COUNTRY:
            d = anchors.nearest(p)
            if d is not None:
                score += _NEAR_BONUS * math.exp(-d / _NEAR_KM)
        ranked.append((score, c))
    ranked.sort(key=lambda sc: -sc[0])
    return ranked


def named_units(places, ranked_by_name) -> dict[tuple, tuple]:
    """The unit a name with its designator reads as ("the Province of Ontario", "Kunduz
    province"), for the same name written bare: the bare "Ontario" of that text is the
    province or a place in it, not Ontario, California."""
    units: dict[str, set] = defaultdict(set)
    for m in places:
        ranked = ranked_by_name.get((normalize(m.name), m.kind_hint)) or []
        core, designated = split_designator(normalize(m.name))
        kind = m.kind_hint or designated
        if kind in (Kind.ADMIN1, Kind.ADMIN2) and ranked and ranked[0][1].place.kind == kind \
                and not ranked[0][1].spelling_variant and margin(ranked) > _NAMED_UNIT_MARGIN:
            u = ranked[0][1].place
            units[core].add(
                (u.country_code, u.admin1_code, u.admin2_code if u.kind == Kind.ADMIN2 else None))
    if not units:
        return {}
    return {(normalize(m.name), None): tuple(units[normalize(m.name)]) for m in places
            if m.kind_hint is None and normalize(m.name) in units}


def margin(ranked) -> float:
    """How far the best reading leads the next (its score where it is alone)."""
    if len(ranked) < 2:
        return ranked[0][0] if ranked else 0.0
    return ranked[0][0] - ranked[1][0]


def result(m: PlaceMention, ranked) -> ResolvedPlace:
    """The mention's place: its best reading, or unresolved where none scores MIN_SCORE."""
    if not ranked or ranked[0][0] < MIN_SCORE:
        return ResolvedPlace(start=m.start, end=m.end, name=m.text, lat=None, lon=None,
                             geonameid=None, kind=Kind.UNRESOLVED, country_code=None, admin1=None,
                             confidence=0.0, kind_hint=m.kind_hint, sentence=m.sentence)
    best_score, best = ranked[0]
    second = ranked[1][1].place if len(ranked) > 1 else None
    gap = best_score - ranked[1][0] if len(ranked) > 1 else 4.0
    confidence = 1 / (1 + math.exp(-gap)) if len(ranked) > 1 else 0.95
    p = best.place
    return ResolvedPlace(
        start=m.start, end=m.end, name=m.text, lat=p.lat, lon=p.lon, geonameid=p.geonameid,
        kind=p.kind, country_code=p.country_code or None, admin1=p.admin1 if p.kind != Kind.COUNTRY else None,
        confidence=confidence, admin2=p.admin2, resolved_name=p.name,
        runner_up=f"{second.name} ({second.kind}, {second.country_code})" if second else None,
        kind_hint=m.kind_hint, sentence=m.sentence, admin1_code=p.admin1_code,
    )
