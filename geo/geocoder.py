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
from difflib import SequenceMatcher
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.exc import QueryError
from geo.gazetteer import Gazetteer, Progress
from geo.names import normalize, skeleton, spelling, split_designator
from geo.place import Place

#: Longer queries are not place names; they are refused rather than searched.
MAX_QUERY_LENGTH = 200

# Score weights, on a scale where one unit is about a tenfold population.
_NAME_SCORE = {0: 3.0, 1: 2.5}
# A transliteration match scores by how close its spelling is to the query;
# below the floor it is not a variant but a different name.
_FUZZY_SCALE, _FUZZY_FLOOR = 3.0, 0.85
_FUZZY_BESIDE_EXACT = -1.5
_WHOLE_PHRASE = 1.5
# geocode() answers with a spelling-variant match only when it is a sizeable
# place or agrees with hints; otherwise "not found" is the honest answer.
# candidates() still lists weaker ones for the geoparser to weigh in context.
MIN_FUZZY_ANSWER = 3.5
_NAME_REASON = {0: "exact name", 1: "alternate name", 2: "transliteration match"}
_KIND_PRIOR = {
    "country": 6.0,
    "admin1": 3.5,
    "admin2": 1.5,
    "populated place": 0.0,
    "airport": 0.5,
    "port or crossing": 0.5,
    "landmark": 0.3,
}
# Admin units carry the summed population of their towns; count it for less
# than a town's own, so that the prior above does most of the work.
_POP_WEIGHT = {"populated place": 0.6, "admin1": 0.15, "admin2": 0.3, "country": 0.0}
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
_NAMESAKE_MIN_POP = {"admin1": 50_000, "admin2": 1_000}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a query may refer to, its score and why."""

    place: Place
    score: float
    reasons: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"place": self.place.as_dict(), "score": round(self.score, 3),
                "reasons": list(self.reasons)}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


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
    for ch in query:
        cat = unicodedata.category(ch)
        if cat == "Cs":
            raise QueryError("query is not valid text (undecodable bytes)")
        if cat == "Cc" and ch not in "\t\n\r":
            raise QueryError(f"query contains a control character (U+{ord(ch):04X})")
    return " ".join(query.split())


def _place_key(place: Place) -> tuple:
    return (place.source, place.geonameid, place.name, place.lat, place.lon)


def _similarity(place: Place, core: str) -> float:
    """How close the nearest-spelled name of ``place`` is to the query ``core``."""
    skel, target = skeleton(core), spelling(core)
    best = 0.0
    for name in (place.name, *place.alternate_names):
        key = normalize(name)
        if skeleton(key) == skel:
            best = max(best, SequenceMatcher(None, spelling(key), target).ratio())
    return best


def _in_namesake_unit(place: Place, quality: int, units: set) -> bool:
    """A sizeable town matched by name inside an admin unit matched by the same name."""
    if place.kind != "populated place" or quality >= 2:
        return False
    pop = place.population
    return ((pop >= _NAMESAKE_MIN_POP["admin1"]
             and (place.country_code, place.admin1_code, None) in units)
            or (pop >= _NAMESAKE_MIN_POP["admin2"] and place.admin2_code is not None
                and (place.country_code, place.admin1_code, place.admin2_code) in units))


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

    # -- hints ------------------------------------------------------------

    def countries(self) -> dict[str, Place]:
        """Country records by ISO code."""
        if self._countries is None:
            self._countries = {p.country_code: p for p in self.gazetteer.places_of_kind("country")}
        return self._countries

    def country_code(self, hint: str | None) -> str | None:
        """An ISO 3166-1 alpha-2 code for a code or a country name, else None."""
        if not hint:
            return None
        hint = hint.strip()
        if len(hint) == 2 and hint.upper() in self.countries():
            return hint.upper()
        for place, _ in self.gazetteer.lookup(normalize(hint)):
            if place.kind == "country":
                return place.country_code
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
        core, designated = split_designator(key)
        kind = kind or designated
        found: dict[tuple, tuple[Place, int, float, bool]] = {}

        def take(pairs, *, whole: bool):
            for place, quality in pairs:
                k = _place_key(place)
                if k in found and found[k][1] <= quality:
                    continue
                sim = 1.0 if quality < 2 else _similarity(place, core)
                if sim >= _FUZZY_FLOOR:
                    found[k] = (place, quality, sim, whole and core != key)

        take(self.gazetteer.lookup(key), whole=True)
        if core != key:
            take(self.gazetteer.lookup(core), whole=False)
        take(self.gazetteer.fuzzy(core), whole=False)
        if not found:
            return []

        cc = self.country_code(country)
        admin1_key = normalize(admin1) if admin1 else None
        any_exact = any(q < 2 for _, q, _, _ in found.values())
        units = {
            (p.country_code, p.admin1_code, p.admin2_code if p.kind == "admin2" else None)
            for p, q, _, _ in found.values() if p.kind in ("admin1", "admin2") and q < 2
        }
        scored = [
            self._score(place, quality, sim=sim, whole=whole, any_exact=any_exact,
                        namesake=not kind and _in_namesake_unit(place, quality, units),
                        cc=cc, country=country, admin1=admin1, admin1_key=admin1_key,
                        near=near, kind=kind)
            for place, quality, sim, whole in found.values()
        ]
        scored.sort(key=lambda c: (-c.score, -c.place.population, c.place.name))
        return scored[: max(1, limit)]

    def _score(self, place: Place, quality: int, *, sim, whole, any_exact, namesake,
               cc, country, admin1, admin1_key, near, kind) -> Candidate:
        if quality < 2:
            score = _NAME_SCORE[quality]
            reasons = [f"{_NAME_REASON[quality]} (+{score:g})"]
        else:
            score = _FUZZY_SCALE * sim - 2.0
            reasons = [f"{_NAME_REASON[quality]}, similarity {sim:.2f} ({score:+.2f})"]
            if any_exact:
                score += _FUZZY_BESIDE_EXACT
                reasons.append(f"another place has this exact name ({_FUZZY_BESIDE_EXACT:g})")
        if whole:
            score += _WHOLE_PHRASE
            reasons.append(f"whole phrase is its name (+{_WHOLE_PHRASE:g})")
        prior = _KIND_PRIOR.get(place.kind, 0.0)
        if prior:
            reasons.append(f"kind {place.kind} (+{prior:g})")
        score += prior
        if place.population > 0:
            weight = _POP_WEIGHT.get(place.kind, _DEFAULT_POP_WEIGHT)
            if weight:
                bonus = weight * math.log10(place.population + 1)
                score += bonus
                reasons.append(f"population {place.population:,} (+{bonus:.2f})")
        if namesake:
            score += _NAMESAKE_BONUS
            reasons.append(f"main town of its namesake admin unit (+{_NAMESAKE_BONUS:g})")
        if place.source.startswith("overlay"):
            score += _OVERLAY_BONUS
            reasons.append(f"custom place (+{_OVERLAY_BONUS:g})")
        if kind:
            if place.kind == kind:
                score += _KIND_MATCH
                reasons.append(f"kind matches '{kind}' (+{_KIND_MATCH:g})")
            else:
                score += _KIND_MISMATCH
                reasons.append(f"kind is not '{kind}' ({_KIND_MISMATCH:g})")
        if cc:
            if place.country_code == cc:
                score += _COUNTRY_MATCH
                reasons.append(f"in country {cc} (+{_COUNTRY_MATCH:g})")
            else:
                score += _COUNTRY_MISMATCH
                reasons.append(f"not in country {cc} ({_COUNTRY_MISMATCH:g})")
        elif country:
            reasons.append(f"country hint {country!r} not known; ignored")
        if admin1_key and (
            place.admin1_code == admin1 or (place.admin1 and normalize(place.admin1) == admin1_key)
        ):
            score += _ADMIN1_MATCH
            reasons.append(f"in admin1 {admin1} (+{_ADMIN1_MATCH:g})")
        if near is not None:
            d = distance_km(near[0], near[1], place.lat, place.lon)
            bonus = _NEAR_BONUS * math.exp(-d / _NEAR_SCALE_KM)
            score += bonus
            reasons.append(f"{d:,.0f} km from hint (+{bonus:.2f})")
        return Candidate(place, score, tuple(reasons))

    # -- geopy's interface ------------------------------------------------------

    def address(self, place: Place) -> str:
        """A readable address: name, admin2, admin1, country."""
        parts = [place.name]
        for part in (place.admin2, place.admin1):
            if part and part not in parts and place.kind not in ("country",):
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
        found = self.candidates(query, country=country, admin1=admin1, near=near,
                                limit=1 if exactly_one else (limit or 10))
        places = [c.place for c in found if c.score >= MIN_FUZZY_ANSWER
                  or not c.reasons[0].startswith(_NAME_REASON[2])]
        if not places and self.fallback is not None:
            text = check_query(query)
            if text:
                place = self.fallback.geocode(text, country=self.country_code(country))
                places = [place] if place else []
        if not places:
            return None
        locations = [
            Location(self.address(p), (p.lat, p.lon), p.as_dict()) for p in places
        ]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")
