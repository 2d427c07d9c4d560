"""The offline geocoder: ranked gazetteer candidates, behind geopy's interface.

:func:`GazetteerGeocoder.candidates` gives every plausible place for a name
with a score and the reasons for it, for the geoparser to weigh against the
article; :meth:`GazetteerGeocoder.geocode` keeps geopy's contract and returns
the best one as a :class:`geopy.location.Location` whose ``raw`` is the
gazetteer record.
"""
from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point
from rapidfuzz.fuzz import ratio as _ratio

from geo.exc import QueryError
from geo.gazetteer import REACH_ALWAYS, Gazetteer, Match, Progress
from geo.geometry import distance_km  # noqa: F401  (also this module's public name)
from geo.memo import memo
from geo.names import normalize, spelling, split_designator
from geo.place import Kind, Place

#: Longer queries are not place names; they are refused rather than searched.
MAX_QUERY_LENGTH = 200

# Score weights, on a scale where one unit is about a tenfold population.
_NAME_SCORE = {0: 3.0, 1: 2.5}
# A transliteration match scores by how close its spelling is to the query;
# below the floor it is not a variant but a different name.
_FUZZY_SCALE, _FUZZY_FLOOR = 3.0, 0.85
_FUZZY_BESIDE_EXACT = -1.5
# 3 points at 0.6 a decade of population: a variant town needs this many
# times the people of the best exact match to outrank it.
_FUZZY_TOWN_FACTOR = 10 ** (3.0 / 0.6)
_WHOLE_PHRASE = 1.5
# geocode() answers with a spelling-variant match only when it is a sizeable
# place or agrees with hints; otherwise "not found" is the honest answer.
# candidates() still lists weaker ones for the geoparser to weigh in context.
MIN_FUZZY_ANSWER = 3.5
_NAME_REASON = {0: "exact name", 1: "alternate name", 2: "transliteration match"}
_KIND_PRIOR = {
    Kind.WORLD_REGION: 6.0,
    Kind.COUNTRY: 6.0,
    Kind.ADMIN1: 3.5,
    Kind.ADMIN2: 1.5,
    Kind.POPULATED_PLACE: 0.0,
    Kind.AIRPORT: 0.5,
    Kind.PORT: 0.5,
    Kind.LANDMARK: 0.3,
}
# Admin units carry the summed population of their towns; count it for less
# than a town's own, so that the prior above does most of the work.
_POP_WEIGHT = {Kind.WORLD_REGION: 0.0, Kind.POPULATED_PLACE: 0.6, Kind.ADMIN1: 0.15, Kind.ADMIN2: 0.3,
               Kind.COUNTRY: 0.0}
_DEFAULT_POP_WEIGHT = 0.3
_KIND_MATCH, _KIND_MISMATCH = 3.0, -2.0
_COUNTRY_MATCH, _COUNTRY_MISMATCH = 4.0, -4.0
_ADMIN1_MATCH = 2.0
_NEAR_BONUS, _NEAR_SCALE_KM = 4.0, 200.0
_OVERLAY_BONUS = 2.0
# A sizeable town inside an admin unit that goes by the same name (Kunduz in
# Kunduz, Aleppo in Halab governorate) is what news means by the bare name.
# A district is usually named after its seat, so a smaller town suffices.
_NAMESAKE_BONUS = 1.5
# A country's capital: news names it for its government ("talks between Washington and Moscow").
_CAPITAL_BONUS = 1.5
_NAMESAKE_MIN_POP = {Kind.ADMIN1: 50_000, Kind.ADMIN2: 1_000}
# A province loses its kind's prior to a namesake city abroad ten times its people and
# sizeable: Portland, Oregon over Jamaica's parish of Portland (a unit's people here are
# those of its towns, so a city inside a unit never outnumbers it).
_OVERSHADOW_FACTOR, _OVERSHADOW_MIN_POP = 10, 100_000
_UNIT_KINDS = frozenset({Kind.WORLD_REGION, Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a query may refer to, its score and the terms that make it up."""

    place: Place
    score: float
    terms: tuple[tuple[str, object, float], ...] = ()

    @property
    def quality(self) -> int:
        """How the query names the place: 0 its own name, 1 an alternate name, 2 a spelling variant."""
        label = self.terms[0][0] if self.terms else ""
        return next((q for q, reason in _NAME_REASON.items() if label.startswith(reason)), 0)

    @property
    def spelling_variant(self) -> bool:
        """Whether the place was found only as a transliteration of the query."""
        return _is_variant(self.terms)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the score is what it is, one readable line per term."""
        out = []
        for label, arg, points in self.terms:
            text = label.format(arg) if arg is not None else label
            out.append(f"{text} ({points:+.2f})" if points else text)
        return tuple(out)

    def as_dict(self) -> dict:
        return {"place": self.place.as_dict(), "score": round(self.score, 3),
                "reasons": list(self.reasons)}


def _is_variant(terms) -> bool:
    return bool(terms) and terms[0][0].startswith(_NAME_REASON[2])


def check_query(query) -> str:
    """The query as clean text, or :class:`QueryError` saying why it cannot be one.

    Returns "" for an empty or all-whitespace query.
    """
    if isinstance(query, (bytes, bytearray)):
        try:
            query = bytes(query).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise QueryError("query is binary data, not UTF-8 text") from exc
    if not isinstance(query, str):
        raise QueryError(f"query must be text, not {type(query).__name__}")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"query is {len(query):,} characters; place names are at most {MAX_QUERY_LENGTH}"
        )
    for ch in () if query.isprintable() else query:
        cat = unicodedata.category(ch)
        if cat == "Cs":
            raise QueryError("query is not valid text (undecodable bytes)")
        if cat == "Cc" and ch not in "\t\n\r":
            raise QueryError(f"query contains a control character (U+{ord(ch):04X})")
    return " ".join(query.split())


def _near_key(near: tuple[float, float] | None) -> tuple[float, float] | None:
    """A proximity hint rounded to about 100 m, so that caches see one key for one spot."""
    return (round(near[0], 3), round(near[1], 3)) if near is not None else None


def _in_namesake_unit(place: Match, quality: int, units: set, largest: int) -> bool:
    """The largest town of a name, sizeable, inside an admin unit matched by the same name.

    Only the largest: many a small US county seat shares its county's name
    (Athens, Ohio) and must not overtake a far larger namesake elsewhere.
    """
    if place.kind != Kind.POPULATED_PLACE or quality >= 2 or place.population < largest:
        return False
    pop = place.population
    return ((pop >= _NAMESAKE_MIN_POP[Kind.ADMIN1]
             and (place.country_code, place.admin1_code, None) in units)
            or (pop >= _NAMESAKE_MIN_POP[Kind.ADMIN2] and place.admin2_code is not None
                and (place.country_code, place.admin1_code, place.admin2_code) in units))


class _Ranked(NamedTuple):
    """A candidate as ranking leaves it: the score, and what its terms are made of."""

    match: Match
    score: float
    quality: int
    sim: float
    whole: bool
    any_exact: bool
    namesake: bool
    capital: bool
    overshadowed: bool


def _rank_order(r: _Ranked):
    return -r.score, -r.match.population, r.match.name


def _points(place: Match, quality: int, sim: float, whole: bool, any_exact: bool, namesake: bool,
            capital: bool, overshadowed: bool, cc, admin1, admin1_key, near, kind) -> float:
    """The sum of :meth:`GazetteerGeocoder._terms`' points, added in the same order.

    Ranking needs only the number; the terms are built for the few candidates listed.
    """
    if quality < 2:
        score = _NAME_SCORE[quality]
    else:
        score = _FUZZY_SCALE * sim - 2.0
        if any_exact:
            score += _FUZZY_BESIDE_EXACT
    if whole:
        score += _WHOLE_PHRASE
    kind_of = place.kind
    if not overshadowed:
        score += _KIND_PRIOR.get(kind_of, 0.0)
    if place.population > 0:
        score += _POP_WEIGHT.get(kind_of, _DEFAULT_POP_WEIGHT) * math.log10(place.population + 1)
    if namesake:
        score += _NAMESAKE_BONUS
    if capital:
        score += _CAPITAL_BONUS
    if place.source.startswith("overlay"):
        score += _OVERLAY_BONUS
    if kind:
        score += _KIND_MATCH if kind_of == kind else _KIND_MISMATCH
    if cc:
        score += _COUNTRY_MATCH if place.country_code == cc else _COUNTRY_MISMATCH
    if admin1_key and (
        place.admin1_code == admin1 or (place.admin1 and normalize(place.admin1) == admin1_key)
    ):
        score += _ADMIN1_MATCH
    if near is not None:
        score += _NEAR_BONUS * math.exp(-distance_km(near[0], near[1], place.lat, place.lon) / _NEAR_SCALE_KM)
    return score


class GazetteerGeocoder(Geocoder):
    """A geopy geocoder over the offline gazetteer, with an optional online fallback.

    ``fallback`` is any object with ``geocode(query, *, country=None) -> Place | None``
    (see :class:`geo.online.OnlineFallback`); it is asked only when the
    gazetteer has no candidate.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, path: Path | None = None,
                 overlay: Iterable[Place] = (), fallback=None,
                 progress: Progress | None = None):
        super().__init__(timeout=DEFAULT_SENTINEL, user_agent="sitrep-offline")
        self.gazetteer = gazetteer or Gazetteer.open(path, overlay=overlay, progress=progress)
        self.fallback = fallback
        self._countries: dict[str, Place] | None = None
        # The answers and candidate lists below are cached for long; a ranking only until the
        # same name is asked again with another limit. A long cache of rankings would hold
        # objects that every full garbage collection walks: it halved the lookup rate.
        self._ranked = memo(1024)(self._rank)
        # The parser asks for the same names' candidates again and again.
        self._listed = memo(20_000)(self._list)
        # Repeated queries' answers, as the plain tuples _answer gives.
        self._answers = memo(20_000)(self._answer)
        # The same few hints (most often none) come with every query.
        self._hints = memo(1024)(self._make_hints)

    # -- hints ------------------------------------------------------------

    def countries(self) -> dict[str, Place]:
        """Country records by ISO code."""
        if self._countries is None:
            self._countries = {p.country_code: p for p in self.gazetteer.places_of_kind(Kind.COUNTRY)}
        return self._countries

    def country_code(self, hint: str | None) -> str | None:
        """An ISO 3166-1 alpha-2 code for a code or a country name, else None."""
        if not hint:
            return None
        hint = hint.strip()
        if len(hint) == 2 and hint.upper() in self.countries():
            return hint.upper()
        for match, _ in self.gazetteer.matches(normalize(hint)):
            if match.kind == Kind.COUNTRY:
                return match.country_code
        return None

    # -- ranking ------------------------------------------------------------

    def candidates(self, query, *, country: str | None = None, admin1: str | None = None,
                   near: tuple[float, float] | None = None, kind: str | None = None,
                   limit: int = 10) -> list[Candidate]:
        """Scored candidates for ``query``, best first, each with its reasons.

        ``country`` (code or name), ``admin1`` (name or GeoNames code),
        ``near`` (lat, lon) and ``kind`` are hints: agreement raises a score,
        a different country lowers it; nothing is filtered out.
        """
        text = check_query(query)
        key = normalize(text) if text else ""
        if not key:
            return []
        return list(self._listed(key, country, admin1, _near_key(near), kind, max(1, limit)))

    def _list(self, key: str, country, admin1, near, kind, limit: int) -> tuple[Candidate, ...]:
        ranked = self._ranked(key, country, admin1, near, kind)[:limit]
        if not ranked:
            return ()
        hints = self._hints(country, admin1, near, kind or split_designator(key)[1])
        places = self.gazetteer.places(r.match for r in ranked)
        return tuple(Candidate(p, r.score, self._terms(r.match, r.quality, sim=r.sim, whole=r.whole,
                                                       any_exact=r.any_exact, namesake=r.namesake,
                                                       capital=r.capital, overshadowed=r.overshadowed,
                                                       **hints))
                     for p, r in zip(places, ranked))

    def _make_hints(self, country, admin1, near, kind) -> dict:
        """The keyword hints :meth:`_terms` and :func:`_points` score against."""
        return {"cc": self.country_code(country), "country": country, "admin1": admin1,
                "admin1_key": normalize(admin1) if admin1 else None, "near": near, "kind": kind}

    def _rank(self, key: str, country, admin1, near, kind) -> tuple[_Ranked, ...]:
        """Every candidate of a normalized name with its score, best first."""
        core, designated = split_designator(key)
        kind = kind or designated
        # (match, quality, similarity, whole phrase) by place
        found: dict[object, tuple[Match, int, float, bool]] = {}
        if core == key:
            # one name: its places are distinct (one row per place and name)
            for match, quality in self.gazetteer.matches(key):
                ref = match.ref
                found[ref if type(ref) is int else id(ref)] = (match, quality, 1.0, False)
        else:
            for pairs, whole in ((self.gazetteer.matches(key), True), (self.gazetteer.matches(core), False)):
                for match, quality in pairs:
                    ref = match.ref
                    k = ref if type(ref) is int else id(ref)
                    old = found.get(k)
                    if old is None or old[1] > quality:
                        found[k] = (match, quality, 1.0, whole)
        # One pass over the exact matches for what the rest needs of them.
        exact, strong, largest = [], False, 0
        for m, q, _, _ in found.values():
            if q < 2:
                exact.append(m)
                if m.kind == Kind.POPULATED_PLACE:
                    if m.population > largest:
                        largest = m.population
                    if m.population >= 1000:
                        strong = True
                elif m.kind in _UNIT_KINDS or m.population >= 1000:
                    strong = True
        # A variant spelling scores at least 3 below an exact match: it can
        # never overtake an admin unit or a town of 1,000 matched exactly, and
        # without hints only a town 10^5 times larger can overtake a smaller
        # one, so the others are not read at all.
        if not strong:
            hinted = bool(country or admin1 or near)
            floor = (max((m.population for m in exact), default=0) + 1) * _FUZZY_TOWN_FACTOR \
                if exact and not hinted else 0
            cutoff, target = _FUZZY_FLOOR * 100, spelling(core)
            for match, variant in self.gazetteer.fuzzy(
                    core, keep=lambda v: _ratio(v, target, score_cutoff=cutoff) > 0,
                    min_town_population=int(min(floor, REACH_ALWAYS))):
                ref = match.ref
                k = ref if type(ref) is int else id(ref)
                if k not in found:
                    found[k] = (match, 2, _ratio(variant, target) / 100, False)
        if not found:
            return ()

        hints = self._hints(country, admin1, near, kind)
        terms = hints["cc"], admin1, hints["admin1_key"], near, kind
        any_exact = bool(exact)
        if len(found) == 1:
            # alone, a place is nobody's namesake and outranks no compatriot
            (match, quality, sim, whole), = found.values()
            return (_Ranked(match, _points(match, quality, sim, whole, any_exact, False, False, False, *terms),
                            quality, sim, whole, any_exact, False, False, False),)
        units = {
            (m.country_code, m.admin1_code, m.admin2_code if m.kind == Kind.ADMIN2 else None)
            for m in exact if m.kind == Kind.ADMIN1 or m.kind == Kind.ADMIN2
        }
        scored = []
        # A capital outranks the other places of its country that share its name (the state of
        # Washington, Mexico's state of Mexico), not namesakes abroad that context may favour.
        capitals = self.gazetteer.capitals()
        for match, quality, sim, whole in found.values():
            namesake = bool(units) and not kind and _in_namesake_unit(match, quality, units, largest)
            overshadowed = match.kind == Kind.ADMIN1 and quality < 2 and largest >= _OVERSHADOW_MIN_POP \
                and match.population * _OVERSHADOW_FACTOR < largest
            capital = quality == 0 and not namesake and match.ref in capitals \
                and sum(m.country_code == match.country_code for m in exact) > 1
            scored.append(_Ranked(match, _points(match, quality, sim, whole, any_exact, namesake, capital,
                                                 overshadowed, *terms),
                                  quality, sim, whole, any_exact, namesake, capital, overshadowed))
        scored.sort(key=_rank_order)
        return tuple(scored)

    @staticmethod
    def _terms(place: Match, quality: int, *, sim, whole, any_exact, namesake, capital, overshadowed,
               cc, country, admin1, admin1_key, near, kind) -> tuple:
        # Terms are (label format, argument, points); labels are formatted only
        # when someone reads Candidate.reasons, which keeps ranking fast.
        if quality < 2:
            terms = [(_NAME_REASON[quality], None, _NAME_SCORE[quality])]
        else:
            terms = [(_NAME_REASON[2] + ", similarity {:.2f}", sim, _FUZZY_SCALE * sim - 2.0)]
            if any_exact:
                terms.append(("another place has this exact name", None, _FUZZY_BESIDE_EXACT))
        if whole:
            terms.append(("whole phrase is its name", None, _WHOLE_PHRASE))
        prior = _KIND_PRIOR.get(place.kind, 0.0)
        if prior and overshadowed:
            terms.append(("kind {}, but a namesake city abroad is ten times as large", place.kind, 0.0))
        elif prior:
            terms.append(("kind {}", place.kind, prior))
        if place.population > 0:
            weight = _POP_WEIGHT.get(place.kind, _DEFAULT_POP_WEIGHT)
            if weight:
                terms.append(("population {:,}", place.population,
                              weight * math.log10(place.population + 1)))
        if namesake:
            terms.append(("main town of its namesake admin unit", None, _NAMESAKE_BONUS))
        if capital:
            terms.append(("capital of its country", None, _CAPITAL_BONUS))
        if place.source.startswith("overlay"):
            terms.append(("custom place", None, _OVERLAY_BONUS))
        if kind:
            if place.kind == kind:
                terms.append(("kind matches '{}'", kind, _KIND_MATCH))
            else:
                terms.append(("kind is not '{}'", kind, _KIND_MISMATCH))
        if cc:
            if place.country_code == cc:
                terms.append(("in country {}", cc, _COUNTRY_MATCH))
            else:
                terms.append(("not in country {}", cc, _COUNTRY_MISMATCH))
        elif country:
            terms.append(("country hint {!r} not known; ignored", country, 0.0))
        if admin1_key and (
            place.admin1_code == admin1 or (place.admin1 and normalize(place.admin1) == admin1_key)
        ):
            terms.append(("in admin1 {}", admin1, _ADMIN1_MATCH))
        if near is not None:
            d = distance_km(near[0], near[1], place.lat, place.lon)
            terms.append(("{:,.0f} km from hint", d, _NEAR_BONUS * math.exp(-d / _NEAR_SCALE_KM)))
        return tuple(terms)

    # -- geopy's interface ------------------------------------------------------

    def address(self, place: Place | Match) -> str:
        """A readable address: name, admin2, admin1, country."""
        parts = [place.name]
        for part in (place.admin2, place.admin1):
            if part and part not in parts and place.kind != Kind.COUNTRY:
                parts.append(part)
        country = self.countries().get(place.country_code)
        if country and country.name not in parts:
            parts.append(country.name)
        return ", ".join(parts)

    def geocode(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                country: str | None = None, admin1: str | None = None,
                near: tuple[float, float] | None = None, limit: int | None = None):
        """A :class:`~geopy.location.Location` (or a list with ``exactly_one=False``), or None.

        ``Location.raw`` is the gazetteer record (see :meth:`geo.place.Place.as_dict`).
        Raises :class:`~geo.exc.QueryError` for a query that is not a place name.
        """
        text = check_query(query)
        if not text:
            return None
        answer = self._answers(text, country, admin1, _near_key(near), 1 if exactly_one else (limit or 10))
        if not answer:
            return None
        locations = [self._location(record) for record in answer]
        return locations[0] if exactly_one else locations

    def _answer(self, text: str, country, admin1, near, limit: int) -> tuple:
        """The records of the answer: gazetteer rows as plain tuples, or an online fallback's Place.

        Plain tuples of strings and numbers are what the collector stops tracking: a cache of
        Locations held five tracked objects an answer, and full collections walked them all.
        """
        key = normalize(text)
        ranked = self._ranked(key, country, admin1, near, None) if key else ()
        kept = list(islice((r.match for r in ranked if r.score >= MIN_FUZZY_ANSWER or r.quality < 2), limit))
        if not kept and self.fallback is not None:
            place = self.fallback.geocode(text, country=self.country_code(country))
            return (place,) if place else ()
        return tuple(tuple(m) for m in kept)

    def _location(self, record) -> Location:
        if type(record) is tuple:
            match = Match._make(record)
            return Location(self.address(match), Point(match.lat, match.lon), match.raw())
        return Location(self.address(record), Point(record.lat, record.lon), record.as_dict())

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")
