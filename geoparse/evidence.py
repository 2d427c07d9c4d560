"""Evidence from the whole article: the votes of its names for countries and provinces, towns and
counties named together (colocation), readings near readings of other names (neighbours), the
state local news is about, and the places already resolved with confidence (anchors)."""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict

import numpy as np

from geo.geocoder import GazetteerGeocoder, distance_km
from geo.geometry import EARTH_KM
from geo.names import normalize, split_designator
from geo.place import Kind
from geoparse.candidates import CANDIDATES, LOCAL_KINDS, for_mention, point, same_spelling
from parsing.places import Source

MIN_SHARE = 0.35  # a country (or unit) with less of the vote is no evidence
_DEMONYM_VOTE = 0.5
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# A reading near a reading of another name the article gives supports it, less the farther it is:
# not at all at _NEIGHBOUR_KM; of each name, its _NEIGHBOUR_READINGS likeliest readings count.
_NEIGHBOUR_KM, _NEIGHBOUR_READINGS = 50.0, 10
# A supporting reading this many points below its name's best counts e^-1 as much.
_NEIGHBOUR_SCORE_SCALE = 3.0
# the state local news is about: the country's share of the votes; how many of the towns and
# counties named it holds (at least, and at least this share of them); two more than any other
# state, or one more and this many times the runner-up's weight (each name weighing one over
# the number of states it is found in)
_FOCUS_COUNTRY_SHARE, _FOCUS_MIN_NAMES, _FOCUS_SHARE, _FOCUS_LEAD = 0.6, 3, 0.6, 2.0


def country_votes(geocoder: GazetteerGeocoder, text, mentions, places, context, by_name) -> tuple[Counter, dict]:
    """Country votes of the whole article, and each name's own share of them.

    A name spreads one vote over the countries of its leading candidates
    in proportion to how likely each is; a country named outright counts
    double; demonyms and organisations named after places count once, and so
    do demonyms inside other names ("the Ukrainian Army" beside "Russian forces").
    """
    # A world region (no country code) is no country's evidence.
    votes, own = _spread(places, by_name, pick=lambda cands: cands,
                         unit=lambda p: p.country_code or None, double=Kind.COUNTRY)
    keys_of = defaultdict(list)
    for key in by_name:
        keys_of[key[0]].append(key)
    for m in context:
        demonym = m.rule.source is Source.DEMONYM
        cc = geocoder.gazetteer.demonym(normalize(m.name)) if demonym else None
        if cc is None and not demonym:
            cands = for_mention(geocoder, m)
            cc = cands[0].place.country_code if cands else None
        if cc:
            vote = _DEMONYM_VOTE if demonym else 1.0
            votes[cc] += vote
            # "Paris Regional Medical Center" is no evidence of which Paris "Paris" is
            for key in keys_of.get(normalize(m.name), ()):
                own[key][cc] += vote
    spans = sorted((m.start, m.end) for m in mentions)
    for word in _CAPITALISED.finditer(text):
        k = bisect.bisect_right(spans, (word.start(), len(text))) - 1
        if k >= 0 and spans[k][0] <= word.start() < spans[k][1]:
            continue  # a mention's word: counted above, if anything
        cc = geocoder.gazetteer.demonym(word.group(0).lower())
        if cc:
            votes[cc] += _DEMONYM_VOTE
    return votes, own


def admin1_votes(places, by_name) -> tuple[Counter, dict]:
    """Votes for (country, admin1) units, as :func:`country_votes` does for countries:
    local news names many places in one province or state."""
    return _spread(places, by_name, pick=lambda cands: [c for c in cands if c.place.admin1_code],
                   unit=lambda p: (p.country_code, p.admin1_code), double=Kind.ADMIN1)


def _spread(places, by_name, *, pick, unit, double: str) -> tuple[Counter, dict]:
    """Votes for units (countries, provinces), and each name's own part of them.

    A name spreads one vote over the units of its leading candidates (``pick``
    of its five best) in proportion to how likely each is; a candidate that is
    itself a unit of that kind (``double``) counts double; ``unit`` returning
    None casts no vote.
    """
    votes: Counter = Counter()
    own: dict[tuple, Counter] = defaultdict(Counter)
    for m in places:
        key = (normalize(m.name), m.kind_hint)
        # a spelling variant is no evidence of where the article is: the votes of an unknown
        # name's look-alikes ("Hodan" ~ Hood, Hidan...) would outvote the names it does know
        cands = [c for c in pick(by_name[key][:5]) if not c.spelling_variant or same_spelling(c, key[0])]
        if not cands:
            continue
        weights = [math.exp(c.score - cands[0].score) for c in cands]
        total = sum(weights)
        for c, w in zip(cands, weights):
            u = unit(c.place)
            if u is None:
                continue
            vote = w / total * (2.0 if c.place.kind == double else 1.0)
            votes[u] += vote
            own[key][u] += vote
    return votes, own


def colocated(by_name) -> dict[tuple, set]:
    """For each name, the second-level units (country, admin1, admin2) where one of its
    readings lies together with a reading of another name: a county or district
    that holds a town of another name, or the county a town lies in.

    A name counts as a county's only where the text says so ("Henry County", "Nawa
    district") or the county is its likeliest reading: a bare "Washington" is the
    state, not one of thirty counties. A name whose likeliest reading is a province is no
    town's; one whose likeliest is a country may be ("Peru" beside "Miami County" is Peru,
    Indiana). Spelling variants never count, nor two names of one core
    ("Washington" and "Washington County" are the namesake rule's to read).
    """
    counties: dict[tuple, set] = defaultdict(set)
    for key, cands in by_name.items():
        if not cands or (key[1] != Kind.ADMIN2 and cands[0].place.kind != Kind.ADMIN2):
            continue
        for c in cands:
            p = c.place
            if p.kind == Kind.ADMIN2 and p.admin2_code and not c.spelling_variant:
                counties[(p.country_code, p.admin1_code, p.admin2_code)].add(key)
    out: dict[tuple, set] = defaultdict(set)
    for key, cands in by_name.items():
        if not cands or cands[0].place.kind in (Kind.ADMIN1, Kind.WORLD_REGION):
            continue
        core = split_designator(key[0])[0]
        for c in cands:
            p = c.place
            if p.kind == Kind.ADMIN2 or not p.admin2_code or c.spelling_variant:
                continue
            unit = (p.country_code, p.admin1_code, p.admin2_code)
            others = [k for k in counties.get(unit, ()) if split_designator(k[0])[0] != core]
            if others:
                out[key].add(unit)
                for k in others:
                    out[k].add(unit)
    return out


def neighbours(by_name) -> dict[tuple, dict]:
    """For each name, its readings (as :func:`~geoparse.candidates.point`) within _NEIGHBOUR_KM of a reading of
    another name, with their support in (0, 1]: nearer is more, and a less likely reading of
    the other name gives less. Only local readings by their own names count (towns, sites,
    counties), found through a grid of cells _NEIGHBOUR_KM high."""
    cell = _NEIGHBOUR_KM / 111.0  # degrees of latitude; wider in longitude away from the equator
    grid: dict[tuple, list] = defaultdict(list)
    readings = {}
    for key, cands in by_name.items():
        if not cands or cands[0].place.kind in (Kind.COUNTRY, Kind.ADMIN1, Kind.WORLD_REGION):
            continue  # as in colocated: a name likeliest a country or a province is no town's
        core = split_designator(key[0])[0]
        # a county by a bare name only where it is the likeliest reading (as in colocated)
        county = key[1] == Kind.ADMIN2 or cands[0].place.kind == Kind.ADMIN2
        local = [(c.place, math.exp((c.score - cands[0].score) / _NEIGHBOUR_SCORE_SCALE))
                 for c in cands[:_NEIGHBOUR_READINGS]
                 if c.place.kind in LOCAL_KINDS and c.quality == 0 and (county or c.place.kind != Kind.ADMIN2)]
        readings[key] = (core, local)
        for p, weight in local:
            grid[(int(p.lat // cell), int(p.lon // cell))].append((core, p, weight))
    out: dict[tuple, dict] = defaultdict(dict)
    for key, (core, local) in readings.items():
        for p, _ in local:
            i, j = int(p.lat // cell), int(p.lon // cell)
            reach = math.ceil(1 / max(math.cos(math.radians(min(abs(p.lat) + cell, 89.0))), 0.02))
            support = max((weight * (1 - distance_km(p.lat, p.lon, q.lat, q.lon) / _NEIGHBOUR_KM)
                           for di in (-1, 0, 1) for dj in range(-reach, reach + 1)
                           for other_core, q, weight in grid.get((i + di, j + dj), ())
                           if other_core != core and point(q) != point(p)), default=0.0)
            if support > 0:
                out[key][point(p)] = support
    return out


def shares(votes: Counter, own: Counter | None) -> dict:
    """Each key's share of the votes, leaving out a name's own (it must not vote for itself)."""
    rest = votes.copy()
    if own:
        rest.subtract(own)
    total = sum(v for v in rest.values() if v > 0)
    return {k: v / total for k, v in rest.items() if v > 0} if total else {}


def focus_unit(place_keys, by_name, votes: Counter) -> tuple | None:
    """The state or province local news is about: the one where most of the towns and
    counties it names have a namesake, clearly more than any other, in the article's own
    country ("Peoria, Decatur and Champaign": Illinois, though Peoria alone is likelier in
    Arizona)."""
    total = sum(votes.values())
    if not total:
        return None
    country, top = votes.most_common(1)[0]
    if top < _FOCUS_COUNTRY_SHARE * total:
        return None
    # a name found in few states says more than one found in many (Delano: California or
    # Minnesota; Rochester: ten states)
    covered: Counter = Counter()
    weight: Counter = Counter()
    named = 0
    for key in place_keys:
        units = {(c.place.country_code, c.place.admin1_code) for c in by_name.get(key, ())[:CANDIDATES]
                 if c.quality == 0 and not c.spelling_variant and c.place.kind in (Kind.POPULATED_PLACE, Kind.ADMIN2)
                 and c.place.country_code == country and c.place.admin1_code}
        named += bool(units)
        for u in units:
            covered[u] += 1
            weight[u] += 1 / len(units)
    if not weight:
        return None
    # the most names, then the rarer names
    unit, runner_up = (sorted(covered, key=lambda u: (-covered[u], -weight[u])) + [None])[:2]
    n = covered[unit]
    lead = n - covered[runner_up] if runner_up else n
    ok = lead >= 2 or (lead == 1 and weight[unit] >= _FOCUS_LEAD * weight[runner_up])
    return unit if n >= _FOCUS_MIN_NAMES and n >= _FOCUS_SHARE * named and ok else None


class Anchors:
    """The places resolved with a clear margin, and how far a reading is from the nearest:
    ``distance_km`` to the anchors a k-d tree (scipy's) finds near it among their points on the
    unit sphere, where chords order points as great-circle distances do, not to every anchor (for
    every reading of every name, quadratic in the number of names). Every anchor whose chord is
    within _SLACK of the shortest is measured, so the least distance is the one measuring them all
    gives."""

    _SLACK = 1e-6

    def __init__(self, places: list):
        from scipy.spatial import KDTree

        self.places = places
        self.tree = KDTree(np.array([_unit_vector(p.lat, p.lon) for p in places])) if places else None

    def __bool__(self) -> bool:
        return bool(self.places)

    def _measured(self, p, chord: float, *, skip=None) -> list[float]:
        """``distance_km`` from ``p`` to each anchor (not ``skip``) within ``chord`` and _SLACK."""
        near = self.tree.query_ball_point(_unit_vector(p.lat, p.lon), r=chord * (1 + self._SLACK) + 1e-12)
        return [distance_km(p.lat, p.lon, self.places[i].lat, self.places[i].lon)
                for i in near if self.places[i] is not skip]

    def nearest(self, p) -> float | None:
        """The least distance from ``p`` to an anchor that is not ``p`` itself (None without one)."""
        if self.tree is None:
            return None
        point, k = _unit_vector(p.lat, p.lon), 2
        while True:  # ``p`` itself may be among the anchors, more than once
            chords, found = self.tree.query(point, k=min(k, len(self.places)))
            shortest = next((c for c, i in zip(np.atleast_1d(chords), np.atleast_1d(found))
                             if self.places[i] is not p), None)
            if shortest is not None or k >= len(self.places):
                break
            k *= 4
        return None if shortest is None else min(self._measured(p, float(shortest), skip=p), default=None)

    def within(self, p, km: float) -> bool:
        """Whether an anchor lies within ``km`` of ``p``."""
        if self.tree is None:
            return False
        return any(d <= km for d in self._measured(p, 2 * math.sin(km / (2 * EARTH_KM))))


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))

