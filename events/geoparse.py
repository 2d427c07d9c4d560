"""Geoparsing: find the places an article names and resolve each in the article's context.

Mentions come from :mod:`parsing.places`; each distinct name gets its
gazetteer candidates (:meth:`geo.GazetteerGeocoder.candidates`), which are
then re-ranked with evidence from the whole article:

* the article's dominant country (votes of every mention, demonyms and
  organisations named after places);
* containment cues: "Bangi in the northern Takhar Province", "Alexandria,
  Louisiana" make the following unit a hint for the preceding name;
* co-location: a town and a county (or district) named in one article,
  where a reading of the town lies in a reading of the county ("Paris and
  Henry County"), favour those readings of both;
* neighbours: readings of two names that lie within tens of kilometres of
  each other ("Alexandria and Pineville", in Louisiana) favour each other;
* lists: a name listed among provinces or states ("Oregon, Washington and
  California") is read as one;
* holders: the unit after a town ("Atlanta, Georgia") is read as the unit
  that holds it (the state, not the country);
* proximity to places already resolved with confidence.

Repeated mentions of one name resolve alike. A name the gazetteer lacks is
kept with kind "unresolved".
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from geo.geocoder import Candidate, GazetteerGeocoder, distance_km
from geo.geometry import EARTH_KM
from geo.names import normalize, split_designator
from parsing.places import LIST_JOIN, WINDOW, PlaceMention

# Context weights, in the geocoder's score units.
_COUNTRY_WEIGHT = 3.0       # times the dominant country's share of the votes
_CONTAINER_BONUS = 3.5      # the unit named right after ("X in Y Province", "X, Y")
_NEAR_BONUS, _NEAR_KM = 2.0, 150.0
_ADMIN1_WEIGHT = 3.0  # times the dominant province's or state's share
_COLOCATED_BONUS = 3.0  # a town in a county the article names, and that county
# A reading near a reading of another name the article gives: local news names places near one
# another ("Alexandria and Pineville" are both in Louisiana). The bonus fades to nothing at
# _NEIGHBOUR_KM; of each name, its _NEIGHBOUR_READINGS likeliest readings count.
_NEIGHBOUR_BONUS, _NEIGHBOUR_KM, _NEIGHBOUR_READINGS = 2.5, 50.0, 10
# A supporting reading this many points below its name's best counts e^-1 as much.
_NEIGHBOUR_SCORE_SCALE = 3.0
# "X, Y", "X in Y", "X (Y": the reading of Y that holds a reading of X ("Atlanta, Georgia" is the
# state; "Tbilisi, Georgia" the country).
_HOLDER_GAP = re.compile(r"^\s*(?:,|in|\()\s*$")
_HOLDER_READINGS = 3
# A name listed among provinces or states ("Washington, Pennsylvania and California") is one.
_LISTED_UNIT_BONUS, _LISTED_UNIT_SHARE = 2.0, 0.6
# the state local news is about: the country's share of the votes; how many of the towns and
# counties named it holds (at least, and at least this share of them); two more than any other
# state, or one more and this many times the runner-up's weight (each name weighing one over
# the number of states it is found in)
_FOCUS_COUNTRY_SHARE, _FOCUS_MIN_NAMES, _FOCUS_SHARE, _FOCUS_LEAD = 0.6, 3, 0.6, 2.0
_FOCUS_BONUS = 2.0
# How large a unit is, to tell which can hold which.
_LEVEL = {"country": 0, "admin1": 1, "admin2": 2}
# a unit named with its designator lends its reading to the bare name only if clearly resolved
_NAMED_UNIT_MARGIN = 2.0
_MIN_SHARE = 0.35  # a country (or unit) with less of the vote is no evidence
_DEMONYM_VOTE = 0.5
# What may follow the unit of "in X, Y" for it to end the phrase: "in Zarate, Buenos Aires, a group"
# (not ", and": "Cairo, Giza, and Minya" is a list).
# (A run of blanks is read from its start only, as in parsing.places: tried at each of its positions
# a pattern that begins with blanks would read a long run once per position.)
_PHRASE_END = re.compile(r"(?<!\s)\s*(?:$|[.;:)!?]|,\s*(?!and\b|or\b|as well\b)[a-z])")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_ASIDE_OPEN = re.compile(r"[\"'“”‘’]")
_GAP_TOKENS = {",", "(", ")", "of", "in", "near", "-", "and"}
# Gap words that say the place before lies in the unit after ("X district, Y").
_UNIT_GAP_WORDS = {"district", "districts", "province", "provinces", "county", "region", "state", "area",
                   "village", "town", "city", "governorate", "township", "municipality", "locality",
                   "department", "oblast", "neighborhood", "neighbourhood", "suburb", "quarter", "commune",
                   "community"}
# Words that may stand between a place and the unit it lies in.
_GAP_WORDS = _UNIT_GAP_WORDS | {
    "the", "limits", "zone", "coded", "to", "as", "a", "an", "outskirts", "part", "northern", "southern",
    "eastern", "western", "central", "countryside", "suburbs", "vicinity", "environs"}
# "X (village) of Bala Buluk district, Y", "X in Nawa-e Barakzayi (Nawa) district, Y": an
# intermediate unit the gazetteer does not know, then the unit it lies in.
_UNKNOWN_UNIT_BETWEEN = re.compile(
    r"^\s*(?:(?:village|town|area|city|district)\s+)?(?:of|in)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?:district|province|county|municipality|township|region|governorate)\s*,\s*$")
# "X village near Y", "X, close to Y": X lies within _NEAR_HINT_KM of Y.
# (Each run of blanks read in one place: "\s*X?\s*,?\s*" reads a long run in every way of splitting it.)
_NEAR_GAP = re.compile(r"^\s*(?:(?:village|town|area|district|city|settlement)\s*)?(?:,\s*)?(?:near|close to|outside)"
                       r"\s+(?:the\s+)?$", re.I)
_NEAR_HINT_KM = 50.0
_BORDER_AFTER = re.compile(r"(?<!\s)\s*(?:border|borders|frontier|line|state line)\b", re.I)
_ALIAS_BETWEEN = re.compile(
    r"^\s*\([^()]{1,30}\)\s*(?:district|province|county|municipality|township|region|governorate)\s*,\s*$")
# An article this much about one country does not name small towns abroad
# without saying so; a small namesake abroad is another place of that name.
_ONE_COUNTRY, _SMALL_TOWN = 0.95, 50_000
_CANDIDATES = 25
_ALTERNATE_TOWN_GAP = 2.0
# A name NER took for a person is a place when a reading lies this close to a confident place.
_MAYBE_KM = 30.0
# Context mentions that name an organisation after a place ("Texas Department of Health").
_NAMED_AFTER = ("ORG>place-named", "NAMED-ORG")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")
# The rest of a newspaper's or broadcaster's name after the town it is named after.
_MASTHEAD = re.compile(r"(?<!\s)(?:\s+[A-Z][\w.&-]*){0,2}\s+(?:Times|News|Post|Herald|Journal|Tribune|Gazette|Daily|"
                       r"Chronicle|Press|Star|Globe|Sun|Observer|Courier|Register|Bulletin|Telegraph|Examiner|"
                       r"Dispatch|Inquirer|Independent|Reporter|Record)\b")
# The last word of a river's or creek's name.
_WATER_WORDS = {"river", "creek"}
# A long text's middle is looked for among its first this many distinct towns and counties.
_CENTRE_POINTS = 200
# A county's unit word after its name inside an organisation's ("the Fulton County Jail").
_COUNTY_WORD = re.compile(r"(?<!\s)\s+(?:County|Parish|Borough)\b")
#: Below this score a mention keeps its text but is not put on the map.
MIN_SCORE = 2.0


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A place mention with where it is; ``kind`` is "unresolved" when nothing fits."""

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str
    country_code: str | None
    admin1: str | None
    confidence: float
    admin2: str | None = None
    resolved_name: str | None = None
    runner_up: str | None = None
    kind_hint: str | None = None
    sentence: int = 0
    admin1_code: str | None = None
    #: "place", or "context" for a country or province named inside an organisation's name
    #: ("the Texas Department of Health"): a toponym of the text, never where anything happened
    role: str = "place"
    #: for an unresolved name put at a rough point: the known place that point is taken from
    #: (the unit named right after it, or the middle of the article's places)
    estimated_from: str | None = None

    def as_output(self) -> dict:
        """The record of ``python -m events geoparse`` (its fields, in order)."""
        return {"start": self.start, "end": self.end, "name": self.name, "lat": self.lat,
                "lon": self.lon, "geonameid": self.geonameid, "kind": self.kind,
                "country_code": self.country_code, "admin1": self.admin1,
                "confidence": round(self.confidence, 3)}


class Resolver:
    """Resolves the place mentions of one article at a time."""

    def __init__(self, geocoder: GazetteerGeocoder):
        self.geocoder = geocoder
        self.gazetteer = geocoder.gazetteer

    def known(self, name: str) -> float:
        """How plausible a place of this name is: its best candidate's score, 0 if none
        (the mention finder's test). A demonym ("Sri Lankan", "Georgian") is no place name,
        whatever it is spelt like."""
        if self._demonym_only(name):
            return 0.0
        try:
            found = self.geocoder.candidates(name, limit=1)
        except ValueError:
            return 0.0
        return found[0].score if found else 0.0

    def _demonym_only(self, name: str) -> bool:
        """A demonym that is no country's or province's own name ("Djibouti" is both)."""
        key = normalize(name)
        return bool(key and self.gazetteer.demonym(key)) and not any(
            m.kind in ("country", "admin1") for m, _ in self.gazetteer.matches(key))

    def _candidates(self, m: PlaceMention) -> list[Candidate]:
        try:
            cands = self.geocoder.candidates(m.name, kind=m.kind_hint, limit=_CANDIDATES)
        except ValueError:
            return []
        if _ACRONYM.fullmatch(m.name):
            # "HIV", "DOH", "EU" are no towns Hiv, Doha (by its airport code) or Eu: an acronym
            # names a place that goes by it, written so ("DRC", "U.S.", "UAE"). A dateline of
            # four letters or more writes a town's own name in capitals ("OMAHA --", "XENIA —").
            forms = {m.name, m.name.replace(".", "")}
            if m.label.removesuffix(">part") == "DATELINE" and len(m.name) >= 4:
                forms = {f.upper() for f in forms}
                cands = [c for c in cands if c.place.name.upper() in forms
                         or forms & {a.upper() for a in c.place.alternate_names}]
            else:
                cands = [c for c in cands if c.place.name in forms or forms & set(c.place.alternate_names)]
        last = m.name.rsplit(None, 1)[-1].lower()
        if last in _WATER_WORDS:
            # "the Red River" is the river, no Red River County or Parish (which the gazetteer
            # gives by its name without the unit word)
            cands = [c for c in cands if c.place.kind != "admin2" or normalize(c.place.name).endswith(last)]
        top = cands[0] if cands else None
        if top is not None and top.place.kind == "country" and not top.spelling_variant:
            # "Iraq" is Iraq, though some language calls Arak so: a town that goes by a
            # country's name only as an alternate, and is far less likely, is not a
            # reading that context can bring back
            cands = [c for c in cands if c.place.kind != "populated place" or c.quality != 1
                     or c.score > top.score - _ALTERNATE_TOWN_GAP]
        return cands

    def resolve(self, text: str, mentions: Iterable[PlaceMention]) -> list[ResolvedPlace]:
        mentions = list(mentions)
        # NER labels some demonyms GPE ("the Sri Lankan army"): context, as the finder's NORPs are
        demonyms = {id(m) for m in mentions if m.role == "place" and self._demonym_only(m.name)}
        places = [m for m in mentions if m.role == "place" and id(m) not in demonyms]
        context = [m for m in mentions if m.role == "context"]
        named_after = [m for m in context if m.label.removesuffix(">part") in _NAMED_AFTER]
        by_name: dict[tuple, list[Candidate]] = {}
        for m in places + named_after:
            key = (normalize(m.name), m.kind_hint)
            if key not in by_name:
                by_name[key] = self._candidates(m)
        place_keys = {(normalize(m.name), m.kind_hint) for m in places}
        for m in named_after:
            # a body is named after a place as the place is spelt: "Women and Children's Hospital"
            # is no Wyoming's (a name the text also gives as a place keeps its readings)
            key = (normalize(m.name), m.kind_hint)
            if key not in place_keys:
                by_name[key] = [c for c in by_name[key] if not c.spelling_variant or _same_spelling(c, key[0])]

        votes, own = self._country_votes(text, mentions, places, context, by_name)
        unit_votes, unit_own = self._admin1_votes(places + named_after, by_name)
        containers = self._containers(text, places, by_name)
        nears = _near_hints(text, places)
        listed = _listed_among_units(text, places, by_name)
        holders = _holders(text, places, by_name)
        colocated = _colocated(by_name)
        focus = _focus_unit(place_keys, by_name, votes)
        neighbours = _neighbours({key: by_name[key] for key in place_keys})

        shares = {key: _shares(votes, own.get(key)) for key in by_name}
        unit_shares = {key: _shares(unit_votes, unit_own.get(key)) for key in by_name}
        # First pass: country evidence and containment; then proximity to the
        # places that pass resolved with a clear margin.
        first = {key: self._rerank(cands, shares[key], containers.get(key), anchors=(),
                                   units=unit_shares[key], colocated=colocated.get(key, ()),
                                   neighbours=neighbours.get(key), listed=listed.get(key),
                                   holds=holders.get(key, ()), focus=focus)
                 for key, cands in by_name.items()}
        named = _named_units(places, first)
        anchors = _Anchors([ranked[0][1].place for key, ranked in first.items()
                            if key in place_keys and ranked and ranked[0][1].place.kind not in ("country", "admin1")
                            and _margin(ranked) > 2.0])
        out, in_orgs = [], []
        reranked: dict[tuple, list] = {}  # a name's ranking is its name's: made once, however often named
        for m in sorted(places + named_after, key=lambda m: m.start):
            key = (normalize(m.name), m.kind_hint)
            if not by_name[key] and sum(ch.isalpha() for ch in m.name) <= 2:
                continue  # "Lt", "ST": an unknown two-letter token is an abbreviation, not a place
            ranked = reranked.get(key)
            if ranked is None:
                ranked = reranked[key] = self._rerank(
                    by_name[key], shares[key], containers.get(key), anchors=anchors, units=unit_shares[key],
                    colocated=colocated.get(key, ()), neighbours=neighbours.get(key), listed=listed.get(key),
                    holds=holders.get(key, ()), named_units=named.get(key, ()), focus=focus) \
                    if anchors or key in named else first[key]
            ref = first.get(nears.get(key))
            if ref and ref[0][1].place.kind == "populated place":
                # "Kan Thit village near Shwebo": not a namesake far from the place it is near; a
                # sea or a country may be ("the Gulf of Mexico near Beaumont")
                ranked = [(sc, c) for sc, c in ranked if c.place.kind not in _LOCAL_KINDS or distance_km(
                    c.place.lat, c.place.lon, ref[0][1].place.lat, ref[0][1].place.lon) <= _NEAR_HINT_KM]
            found = _result(m, ranked)
            if m.role == "context":
                # the country or province an organisation is named after is a toponym of the
                # text; a county (the Laurel County Sheriff's Office) where the text names places
                # of its state, a town's name in one ("Killeen Police Department") where the
                # text names that town as a place too (below)
                if found.kind not in ("country", "admin1"):
                    in_orgs.append((m, found))
                    continue
                found = replace(found, role="context")
            out.append(found)
        # a province named in an organisation's name counts in a country the text names places
        # of: "the Central Institute of Hygiene" in Hanoi is no province of Uganda's
        countries = {p.country_code for p in out if p.role == "place" and p.kind != "unresolved"}
        out = [p for p in out if p.role == "place" or p.kind != "admin1" or p.country_code in countries]
        out += self._towns_in_orgs(text, in_orgs, out)
        out.sort(key=lambda p: p.start)
        out += self._maybe_places(text, [m for m in mentions if m.role == "maybe"], anchors, out)
        out.sort(key=lambda p: p.start)
        return _estimated(text, out)

    @staticmethod
    def _towns_in_orgs(text, in_orgs, resolved) -> list[ResolvedPlace]:
        """Towns named inside organisations' names ("the Dublin Arts Council"), as context
        toponyms read as the text's own mention of that town ("Dublin residents"); not a
        newspaper's ("the New York Times" is no mention of the city). A county named so
        ("the Laurel County Sheriff's Office") counts as it was read, in a state the text
        names places of."""
        towns = {split_designator(normalize(p.name))[0]: p for p in resolved
                 if p.role == "place" and p.kind not in ("unresolved", "country", "admin1")}
        states = {(p.country_code, p.admin1) for p in resolved if p.role == "place" and p.kind != "unresolved"}
        out = []
        for m, found in in_orgs:
            if _MASTHEAD.match(text, m.end):
                continue
            # named as a county ("Laurel County"): "Columbia University" is no Columbia County
            if found.kind == "admin2" and (m.kind_hint == "admin2" or _COUNTY_WORD.match(text, m.end)) \
                    and (found.country_code, found.admin1) in states:
                out.append(replace(found, role="context"))
                continue
            town = towns.get(split_designator(normalize(m.name))[0])
            if town is not None:
                out.append(replace(town, start=m.start, end=m.end, name=m.text, kind_hint=m.kind_hint,
                                   sentence=m.sentence, role="context"))
        return out

    def _maybe_places(self, text, maybes, anchors, resolved) -> list[ResolvedPlace]:
        """Names NER took for people or organisations that are places after all: a reading
        lies within _MAYBE_KM of a place the article names with confidence, or in the country
        or province named right after it ("Krasnodar, Russia", "Dadaab in Kenya"). ``resolved`` is in text order."""
        out = []
        starts = [p.start for p in resolved]
        for m in maybes:
            i = bisect.bisect_left(starts, m.end)
            holder = resolved[i] if i < len(resolved) and resolved[i].kind in ("country", "admin1") \
                and resolved[i].role == "place" and _HOLDER_GAP.match(_gap(text, m.end, resolved[i].start)) else None
            near = []
            for c in self._candidates(m):
                # a town by its own name ("Hamas" is an alternate name of Hamm, "Taliban" of a
                # Turkish village); a county also by its name without "County"
                if c.place.kind not in ("populated place", "admin2") or c.spelling_variant or (
                        c.place.kind == "populated place" and c.quality != 0):
                    continue
                if anchors.within(c.place, _MAYBE_KM) or holder is not None and _holds(holder, c.place):
                    near.append((c.score, c))
            if near:
                near.sort(key=lambda sc: -sc[0])
                out.append(_result(m, near))
        return out

    def _country_votes(self, text, mentions, places, context, by_name) -> tuple[Counter, dict]:
        """Country votes of the whole article, and each name's own share of them.

        A name spreads one vote over the countries of its leading candidates
        in proportion to how likely each is; a country named outright counts
        double; demonyms and organisations named after places count once, and so
        do demonyms inside other names ("the Ukrainian Army" beside "Russian forces").
        """
        # A world region (no country code) is no country's evidence.
        votes, own = _spread(places, by_name, pick=lambda cands: cands,
                             unit=lambda p: p.country_code or None, double="country")
        keys_of = defaultdict(list)
        for key in by_name:
            keys_of[key[0]].append(key)
        for m in context:
            cc = self.gazetteer.demonym(normalize(m.name)) if m.label == "DEMONYM" else None
            if cc is None and m.label != "DEMONYM":
                cands = self._candidates(m)
                cc = cands[0].place.country_code if cands else None
            if cc:
                vote = _DEMONYM_VOTE if m.label == "DEMONYM" else 1.0
                votes[cc] += vote
                # "Paris Regional Medical Center" is no evidence of which Paris "Paris" is
                for key in keys_of.get(normalize(m.name), ()):
                    own[key][cc] += vote
        spans = sorted((m.start, m.end) for m in mentions)
        for word in _CAPITALISED.finditer(text):
            k = bisect.bisect_right(spans, (word.start(), len(text))) - 1
            if k >= 0 and spans[k][0] <= word.start() < spans[k][1]:
                continue  # a mention's word: counted above, if anything
            cc = self.gazetteer.demonym(word.group(0).lower())
            if cc:
                votes[cc] += _DEMONYM_VOTE
        return votes, own

    def _admin1_votes(self, places, by_name) -> tuple[Counter, dict]:
        """Votes for (country, admin1) units, as :meth:`_country_votes` does for countries:
        local news names many places in one province or state."""
        return _spread(places, by_name, pick=lambda cands: [c for c in cands if c.place.admin1_code],
                       unit=lambda p: (p.country_code, p.admin1_code), double="admin1")

    def _containers(self, text, places, by_name) -> dict[tuple, tuple[tuple, bool]]:
        """Hints from "X in (the northern) Y Province", "X, Y", "X district of Y", "X (Z, Y)":
        the first unit named right after a place, within a short aside, is where it lies."""
        hints: dict[tuple, tuple[tuple, bool]] = {}
        for k, a in enumerate(places):
            own = by_name.get((normalize(a.name), a.kind_hint))
            if own and own[0].place.kind == "country" and not own[0].spelling_variant:
                continue  # no unit holds a country ("the US state of Texas")
            end = a.end
            for j, b in enumerate(places[k + 1:k + 4], start=k + 1):
                if b.start - end > WINDOW:
                    break
                gap = _ASIDE_OPEN.sub(" ", text[end:b.start].lower())
                if not gap.strip() or gap.strip() == "-":
                    end = b.end
                    continue  # the next words of one name ("Dawlat Yar"): the unit may follow
                if normalize(b.name) == normalize(a.name):
                    # "Wellington (Wellington)", "Hyderabad city (Hyderabad, Sindh)": the unit of
                    # the same name is the namesake rule's to read; the one after it is the container
                    end = b.end
                    continue
                if _UNKNOWN_UNIT_BETWEEN.match(text[end:b.start]) or _ALIAS_BETWEEN.match(text[end:b.start]):
                    # "X of Bala Buluk district, Y": a unit unknown here, then Y; "Achin (Spin
                    # Ghar) district, Y": the district's other name, then Y
                    gap = " of district, "
                raw = gap.replace(",", " , ").replace("(", " ( ").split()
                words = [w for w in raw if w not in _GAP_WORDS]
                # "X district, Y", "X (Z, Y)", "X of Y", "in X, Y." (Y ending the phrase): the text
                # itself says X lies in Y. "Kabul, Kandahar and Herat" is a list.
                strict = any(w in ("(", "of") or w in _UNIT_GAP_WORDS for w in raw) or \
                    a.label.startswith("ASIDE") or (raw == [","] and bool(_PHRASE_END.match(text, b.end))) \
                    or (raw == [","] and self._country_follows(text, b, places[j + 1:j + 2], by_name))
                if words[:1] == [")"] and words[1:2] in ([","], ["in"], ["of"]):
                    words = words[1:]  # "X (Y Z) district, W": a name in brackets lies where X does
                if not words or words[0] not in (",", "(", "in", "of", "near") or \
                        any(w not in _GAP_TOKENS for w in words):
                    break
                cands = by_name.get((normalize(b.name), b.kind_hint)) or []
                # a unit by its own name, not a spelling variant ("El Omrane" is not Amran); where the
                # text says outright that X lies in it, every province of that name: "Ludhiana
                # (Punjab)" is in India's Punjab, not in Pakistan's; "Kelaniya, Western" in Sri Lanka's
                found = [c.place for c in (cands if strict else cands[:3])
                         if c.place.kind in ("admin1", "admin2", "country")
                         and (not c.spelling_variant or _same_spelling(c, normalize(b.name)))
                         # a district holds no province ("Sumatra province in the district of Karo")
                         and _LEVEL[c.place.kind] < _LEVEL.get(a.kind_hint, 3)]
                units = tuple(dict.fromkeys(
                    (u.country_code, u.admin1_code if u.kind in ("admin1", "admin2") else None,
                     u.admin2_code if u.kind == "admin2" else None)
                    for i, u in enumerate(found) if i == 0 or strict and u.kind == "admin1"))
                if not units:
                    # an unknown or a town between: the unit may come next ("X of Y district, Z",
                    # "X (Z, Y)"), the gap to it measured from here
                    end = b.end
                    continue
                hints.setdefault((normalize(a.name), a.kind_hint), (units, strict))
                break
        return hints

    @staticmethod
    def _country_follows(text, b, after, by_name) -> bool:
        """Whether "X, Y, Z" names after Y a country Z that holds a province or district Y
        ("Stroud, Ontario, Canada"): an address, not a list."""
        if not after or _gap(text, b.end, after[0].start).strip() != ",":
            return False
        z = by_name.get((normalize(after[0].name), after[0].kind_hint)) or []
        y = by_name.get((normalize(b.name), b.kind_hint)) or []
        return bool(z) and z[0].place.kind == "country" and any(
            c.place.kind in ("admin1", "admin2") and c.place.country_code == z[0].place.country_code
            for c in y[:3])

    def _rerank(self, cands, shares, container, *, anchors, units, colocated=(), neighbours=None,
                listed=None, holds=(), named_units=(), focus=None) -> list[tuple[float, Candidate]]:
        ranked = []
        containing, strict = container or ((), False)

        def within(p, unit, own: bool = True) -> bool:
            """In the unit (not the unit itself, unless ``own``); a place whose district the
            gazetteer does not record may be in any district of the province."""
            cc, admin1, admin2 = unit
            return p.country_code == cc and (admin1 is None or p.admin1_code == admin1) \
                and (admin2 is None or p.admin2_code is None or p.admin2_code == admin2) \
                and (own or not (p.kind == "admin1" and admin1 == p.admin1_code)
                     and not (p.kind == "admin2" and admin2 is not None and admin2 == p.admin2_code))

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
        dominant = max(shares.values(), default=0.0) >= _MIN_SHARE
        # a name whose likeliest reading is a state of the article's own country ("Kansas",
        # "Wales") is that state, not a town of that name in the state the article is about
        top = cands[0] if cands else None
        state_name = top is not None and top.place.kind == "admin1" and not top.spelling_variant \
            and shares.get(top.place.country_code, 0.0) >= _MIN_SHARE
        for c in cands:
            p = c.place
            if strict and unit is not None and not within(p, unit):
                continue  # "Bilchiragh district, Faryab": not one of another province
            score = c.score + _COUNTRY_WEIGHT * shares.get(p.country_code, 0.0) * (
                shares.get(p.country_code, 0.0) >= _MIN_SHARE)
            if dominant and shares.get(p.country_code, 0.0) < _MIN_SHARE and (
                    c.spelling_variant and not (p.kind == "country" and c.terms[0][1] >= 0.99)
                    or ((_other_kind(c) or p.kind == "populated place" and p.population < _SMALL_TOWN)
                        and max(shares.values()) >= _ONE_COUNTRY)):
                # a spelling variant, a place of another kind than the text says ("Toulouse
                # district": a town), or a small town, abroad, in an article about
                # elsewhere, is another place of that name; a country misspelt ("Mauritious")
                # is still that country
                continue
            unit_share = units.get((p.country_code, p.admin1_code), 0.0)
            if unit_share >= _MIN_SHARE and p.kind != "admin1" and not state_name:
                score += _ADMIN1_WEIGHT * unit_share
            if unit is not None and within(p, unit, own=False):
                score += _CONTAINER_BONUS
            if p.admin2_code and (p.country_code, p.admin1_code, p.admin2_code) in colocated:
                score += _COLOCATED_BONUS
            if neighbours:
                score += _NEIGHBOUR_BONUS * neighbours.get(_point(p), 0.0)
            if listed and p.kind == "admin1" and p.country_code == listed:
                score += _LISTED_UNIT_BONUS
            if holds and _point(p) in holds:
                score += _CONTAINER_BONUS
            if named_units and any(within(p, u) for u in named_units):
                score += _CONTAINER_BONUS
            if focus and not state_name and p.kind in _LOCAL_KINDS and (p.country_code, p.admin1_code) == focus:
                score += _FOCUS_BONUS
            if anchors and p.kind not in ("country",):
                d = anchors.nearest(p)
                if d is not None:
                    score += _NEAR_BONUS * math.exp(-d / _NEAR_KM)
            ranked.append((score, c))
        ranked.sort(key=lambda sc: -sc[0])
        return ranked


class _Anchors:
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


def _same_spelling(c: Candidate, key: str) -> bool:
    """A province's or district's spelling variant that differs only in doubled or swapped
    vowels and letters that transliterations fold ("Hiraan" for Hiiraan), of a name long
    enough for that to be no coincidence: as good as the name itself for the country it is
    in and the places it holds. A town's is not: "Chikungunya" is a disease, whatever town
    is spelt like it."""
    return c.spelling_variant and c.place.kind in ("admin1", "admin2") and c.terms[0][1] >= 0.99 \
        and len(key.replace(" ", "")) >= 7


def _holds(unit, p) -> bool:
    """Whether a country, province or district reading holds a place."""
    if unit.kind == "country":
        return p.country_code == unit.country_code and p.kind != "country"
    if unit.kind == "admin1":
        return p.country_code == unit.country_code and p.admin1_code == unit.admin1_code and p.kind != "admin1"
    return unit.kind == "admin2" and p.kind not in ("country", "admin1", "admin2") and \
        (p.country_code, p.admin1_code, p.admin2_code) == (unit.country_code, unit.admin1_code, unit.admin2_code)


def _focus_unit(place_keys, by_name, votes: Counter) -> tuple | None:
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
        units = {(c.place.country_code, c.place.admin1_code) for c in by_name.get(key, ())[:_CANDIDATES]
                 if c.quality == 0 and not c.spelling_variant and c.place.kind in ("populated place", "admin2")
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


def _named_units(places, ranked_by_name) -> dict[tuple, tuple]:
    """The unit a name with its designator reads as ("the Province of Ontario", "Kunduz
    province"), for the same name written bare: the bare "Ontario" of that text is the
    province or a place in it, not Ontario, California."""
    units: dict[str, set] = defaultdict(set)
    for m in places:
        ranked = ranked_by_name.get((normalize(m.name), m.kind_hint)) or []
        core, designated = split_designator(normalize(m.name))
        kind = m.kind_hint or designated
        if kind in ("admin1", "admin2") and ranked and ranked[0][1].place.kind == kind \
                and not ranked[0][1].spelling_variant and _margin(ranked) > _NAMED_UNIT_MARGIN:
            u = ranked[0][1].place
            units[core].add(
                (u.country_code, u.admin1_code, u.admin2_code if u.kind == "admin2" else None))
    if not units:
        return {}
    return {(normalize(m.name), None): tuple(units[normalize(m.name)]) for m in places
            if m.kind_hint is None and normalize(m.name) in units}


def _gap(text: str, end: int, start: int) -> str:
    """The text between two mentions; none ("") where they stand more than WINDOW apart: what lies
    between such places relates them in no way (and reading no more keeps hostile gaps cheap)."""
    return text[end:start] if start - end <= WINDOW else ""


def _holders(text: str, places, by_name) -> dict[tuple, set]:
    """For the unit Y of "X, Y", "X in Y", "X (Y", by name key: its readings (as :func:`_point`)
    that hold one of X's likeliest readings, of its own likeliest _HOLDER_READINGS."""
    out: dict[tuple, set] = defaultdict(set)
    for a, b in zip(places, places[1:]):
        if not _HOLDER_GAP.match(_gap(text, a.end, b.start)) or normalize(a.name) == normalize(b.name):
            continue  # "Tacna (Tacna)", "Zacatecas, Zacatecas": the namesake rule's to read
        inner = [c.place for c in by_name.get((normalize(a.name), a.kind_hint), ())[:_HOLDER_READINGS]
                 if not c.spelling_variant]
        key = (normalize(b.name), b.kind_hint)
        for c in by_name.get(key, ())[:_HOLDER_READINGS]:
            if c.place.kind in ("country", "admin1", "admin2") and any(_holds(c.place, p) for p in inner):
                out[key].add(_point(c.place))
    return out


def _listed_among_units(text: str, places, by_name) -> dict[tuple, str]:
    """Names listed ("X, Y and Z") with names most of whose likeliest readings
    (_LISTED_UNIT_SHARE) are provinces or states of one country, by name key: that
    country's code."""
    out: dict[tuple, str] = {}
    run = [places[0]] if places else []
    for a, b in zip(places, places[1:] + [None]):
        if b is not None and LIST_JOIN.fullmatch(_gap(text, a.end, b.start)):
            run.append(b)
            continue
        keys = [(normalize(m.name), m.kind_hint) for m in run]
        tops = {k: by_name[k][0].place for k in keys if by_name.get(k)}
        # counted once for the run, each name's own top then left out (not counted again per name)
        units = Counter(p.country_code for p in tops.values() if p.kind == "admin1")
        for k in dict.fromkeys(keys):
            own = tops.get(k)
            mine = own.country_code if own is not None and own.kind == "admin1" else None
            others = len(tops) - (own is not None)
            # leaving one out lowers one count: the most among the others is one of the two most
            # (a tie between two never reaches the share)
            country, n = max(((c, n - (c == mine)) for c, n in units.most_common(2)),
                             key=lambda cn: cn[1], default=(None, 0))
            if n and n >= _LISTED_UNIT_SHARE * others:
                out.setdefault(k, country)
        run = [b]
    return out


def _near_hints(text: str, places) -> dict[tuple, tuple]:
    """The places the text says a place is near ("X village near Y", "X, near Y"), by name key."""
    out = {}
    for a, b in zip(places, places[1:]):
        if _NEAR_GAP.match(_gap(text, a.end, b.start)) and normalize(a.name) != normalize(b.name) \
                and not _BORDER_AFTER.match(text, b.end):  # "near the New York border": no town
            out.setdefault((normalize(a.name), a.kind_hint), (normalize(b.name), b.kind_hint))
    return out


def _other_kind(c: Candidate) -> bool:
    """Whether the text calls the place a unit ("Toulouse district", "Nyanza province") and the
    candidate is a town or a site (a world region is what "the Darfur region" means)."""
    return c.place.kind in ("populated place", "airport", "port or crossing", "landmark") and any(
        label.startswith("kind is not") and arg in ("admin1", "admin2") for label, arg, _ in c.terms)


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
        cands = [c for c in pick(by_name[key][:5]) if not c.spelling_variant or _same_spelling(c, key[0])]
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


def _colocated(by_name) -> dict[tuple, set]:
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
        if not cands or (key[1] != "admin2" and cands[0].place.kind != "admin2"):
            continue
        for c in cands:
            p = c.place
            if p.kind == "admin2" and p.admin2_code and not c.spelling_variant:
                counties[(p.country_code, p.admin1_code, p.admin2_code)].add(key)
    out: dict[tuple, set] = defaultdict(set)
    for key, cands in by_name.items():
        if not cands or cands[0].place.kind in ("admin1", "world region"):
            continue
        core = split_designator(key[0])[0]
        for c in cands:
            p = c.place
            if p.kind == "admin2" or not p.admin2_code or c.spelling_variant:
                continue
            unit = (p.country_code, p.admin1_code, p.admin2_code)
            others = [k for k in counties.get(unit, ()) if split_designator(k[0])[0] != core]
            if others:
                out[key].add(unit)
                for k in others:
                    out[k].add(unit)
    return out


_LOCAL_KINDS = ("populated place", "admin2", "airport", "port or crossing", "landmark")


def _point(p) -> tuple:
    return (p.name, p.lat, p.lon)


def _neighbours(by_name) -> dict[tuple, dict]:
    """For each name, its readings (as :func:`_point`) within _NEIGHBOUR_KM of a reading of
    another name, with their support in (0, 1]: nearer is more, and a less likely reading of
    the other name gives less. Only local readings by their own names count (towns, sites,
    counties), found through a grid of cells _NEIGHBOUR_KM high."""
    cell = _NEIGHBOUR_KM / 111.0  # degrees of latitude; wider in longitude away from the equator
    grid: dict[tuple, list] = defaultdict(list)
    readings = {}
    for key, cands in by_name.items():
        if not cands or cands[0].place.kind in ("country", "admin1", "world region"):
            continue  # as in _colocated: a name likeliest a country or a province is no town's
        core = split_designator(key[0])[0]
        # a county by a bare name only where it is the likeliest reading (as in _colocated)
        county = key[1] == "admin2" or cands[0].place.kind == "admin2"
        local = [(c.place, math.exp((c.score - cands[0].score) / _NEIGHBOUR_SCORE_SCALE))
                 for c in cands[:_NEIGHBOUR_READINGS]
                 if c.place.kind in _LOCAL_KINDS and c.quality == 0 and (county or c.place.kind != "admin2")]
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
                           if other_core != core and _point(q) != _point(p)), default=0.0)
            if support > 0:
                out[key][_point(p)] = support
    return out


def _shares(votes: Counter, own: Counter | None) -> dict:
    """Each key's share of the votes, leaving out a name's own (it must not vote for itself)."""
    rest = votes.copy()
    if own:
        rest.subtract(own)
    total = sum(v for v in rest.values() if v > 0)
    return {k: v / total for k, v in rest.items() if v > 0} if total else {}


_NO_CENTRE = ("country", "admin1", "world region")


def _estimated(text: str, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """The places with each unresolved name put at a rough point, as ACLED codes a village it
    cannot find to the nearest known unit: the unit or town named right after it ("Greenwood,
    W. Va.", "Hampton Park in Charleston"); else the middle of the article's towns and
    counties, among which a local story's unknown places mostly lie; else its most named
    province. The kind stays "unresolved", the confidence 0, and ``estimated_from`` names the
    place the point is taken from."""
    if all(p.kind != "unresolved" for p in places):
        return places
    known = [p for p in places if p.kind != "unresolved" and p.lat is not None]
    starts = [p.start for p in known]
    holders: dict[str, ResolvedPlace] = {}
    for p in places:
        if p.kind == "unresolved":
            i = bisect.bisect_left(starts, p.end)
            # a country is too coarse to say where, and often only a modifier ("the US dollar")
            if i < len(known) and known[i].kind not in ("country", "world region") \
                    and _HOLDER_GAP.match(_gap(text, p.end, known[i].start)):
                holders.setdefault(split_designator(normalize(p.name))[0], known[i])
    centre = _centre(known)
    out = []
    for p in places:
        if p.kind != "unresolved":
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
            admin1=basis.admin1 if basis.kind != "country" else None,
            admin1_code=basis.admin1_code if basis.kind != "country" else None,
            admin2=basis.admin2 if held and basis.kind not in ("country", "admin1") else None,
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
    named = Counter(p.geonameid for p in known if p.kind == "admin1")
    if named:
        top = named.most_common(1)[0][0]
        return next(p for p in known if p.geonameid == top)
    return None


def _margin(ranked) -> float:
    if len(ranked) < 2:
        return ranked[0][0] if ranked else 0.0
    return ranked[0][0] - ranked[1][0]


def _result(m: PlaceMention, ranked) -> ResolvedPlace:
    if not ranked or ranked[0][0] < MIN_SCORE:
        return ResolvedPlace(start=m.start, end=m.end, name=m.text, lat=None, lon=None,
                             geonameid=None, kind="unresolved", country_code=None, admin1=None,
                             confidence=0.0, kind_hint=m.kind_hint, sentence=m.sentence)
    best_score, best = ranked[0]
    second = ranked[1][1].place if len(ranked) > 1 else None
    gap = best_score - ranked[1][0] if len(ranked) > 1 else 4.0
    confidence = 1 / (1 + math.exp(-gap)) if len(ranked) > 1 else 0.95
    p = best.place
    return ResolvedPlace(
        start=m.start, end=m.end, name=m.text, lat=p.lat, lon=p.lon, geonameid=p.geonameid,
        kind=p.kind, country_code=p.country_code or None, admin1=p.admin1 if p.kind != "country" else None,
        confidence=confidence, admin2=p.admin2, resolved_name=p.name,
        runner_up=f"{second.name} ({second.kind}, {second.country_code})" if second else None,
        kind_hint=m.kind_hint, sentence=m.sentence, admin1_code=p.admin1_code,
    )
