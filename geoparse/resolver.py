"""The resolver: one article's place mentions read into places, each distinct name's readings
re-ranked with the evidence of the whole article."""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace

from geo.geocoder import Candidate, GazetteerGeocoder, distance_km
from geo.names import normalize, split_designator
from geo.place import Kind
from geoparse import cues, evidence
from geoparse.candidates import LOCAL_KINDS, demonym_only, for_mention, same_spelling
from geoparse.estimates import estimated
from geoparse.ranking import margin, named_units, rerank, result
from geoparse.records import ResolvedPlace
from parsing.places import PlaceMention, Reason, Role, Source

# A name NER took for a person is a place when a reading lies this close to a confident place.
_MAYBE_KM = 30.0


class Resolver:
    """Resolves the place mentions of one article at a time."""

    def __init__(self, geocoder: GazetteerGeocoder):
        self.geocoder = geocoder
        self.gazetteer = geocoder.gazetteer

    def known(self, name: str) -> float:
        """How plausible a place of this name is: its best candidate's score, 0 if none
        (the mention finder's test). A demonym ("Sri Lankan", "Georgian") is no place name,
        whatever it is spelt like."""
        if demonym_only(self.gazetteer, name):
            return 0.0
        try:
            found = self.geocoder.candidates(name, limit=1)
        except ValueError:
            return 0.0
        return found[0].score if found else 0.0

    def resolve(self, text: str, mentions: Iterable[PlaceMention]) -> list[ResolvedPlace]:
        """The places of one article's mentions (its context toponyms with role "context"), in
        text order."""
        mentions = list(mentions)
        # NER labels some demonyms GPE ("the Sri Lankan army"): context, as the finder's NORPs are
        demonyms = {id(m) for m in mentions if m.role == Role.PLACE and demonym_only(self.gazetteer, m.name)}
        places = [m for m in mentions if m.role == Role.PLACE and id(m) not in demonyms]
        context = [m for m in mentions if m.role == Role.CONTEXT]
        named_after = [m for m in context if _names_a_body_after_a_place(m)]
        by_name: dict[tuple, list[Candidate]] = {}
        for m in places + named_after:
            key = (normalize(m.name), m.kind_hint)
            if key not in by_name:
                by_name[key] = for_mention(self.geocoder, m)
        place_keys = {(normalize(m.name), m.kind_hint) for m in places}
        for m in named_after:
            # a body is named after a place as the place is spelt: "Women and Children's Hospital"
            # is no Wyoming's (a name the text also gives as a place keeps its readings)
            key = (normalize(m.name), m.kind_hint)
            if key not in place_keys:
                by_name[key] = [c for c in by_name[key] if not c.spelling_variant or same_spelling(c, key[0])]

        votes, own = evidence.country_votes(self.geocoder, text, mentions, places, context, by_name)
        unit_votes, unit_own = evidence.admin1_votes(places + named_after, by_name)
        containers = cues.containers(text, places, by_name)
        nears = cues.near_hints(text, places)
        listed = cues.listed_among_units(text, places, by_name)
        holders = cues.holders(text, places, by_name)
        colocated = evidence.colocated(by_name)
        focus = evidence.focus_unit(place_keys, by_name, votes)
        neighbours = evidence.neighbours({key: by_name[key] for key in place_keys})

        shares = {key: evidence.shares(votes, own.get(key)) for key in by_name}
        unit_shares = {key: evidence.shares(unit_votes, unit_own.get(key)) for key in by_name}
        # First pass: country evidence and containment; then proximity to the
        # places that pass resolved with a clear margin.
        first = {key: rerank(cands, shares[key], containers.get(key), anchors=(),
                              units=unit_shares[key], colocated=colocated.get(key, ()),
                              neighbours=neighbours.get(key), listed=listed.get(key),
                              holds=holders.get(key, ()), focus=focus)
                 for key, cands in by_name.items()}
        named = named_units(places, first)
        anchors = evidence.Anchors([ranked[0][1].place for key, ranked in first.items()
                                    if key in place_keys and ranked
                                    and ranked[0][1].place.kind not in (Kind.COUNTRY, Kind.ADMIN1)
                                    and margin(ranked) > 2.0])
        out, in_orgs = [], []
        reranked: dict[tuple, list] = {}  # a name's ranking is its name's: made once, however often named
        for m in sorted(places + named_after, key=lambda m: m.start):
            key = (normalize(m.name), m.kind_hint)
            if not by_name[key] and sum(ch.isalpha() for ch in m.name) <= 2:
                continue  # "Lt", "ST": an unknown two-letter token is an abbreviation, not a place
            ranked = reranked.get(key)
            if ranked is None:
                ranked = reranked[key] = rerank(
                    by_name[key], shares[key], containers.get(key), anchors=anchors, units=unit_shares[key],
                    colocated=colocated.get(key, ()), neighbours=neighbours.get(key), listed=listed.get(key),
                    holds=holders.get(key, ()), named_units=named.get(key, ()), focus=focus) \
                    if anchors or key in named else first[key]
            ref = first.get(nears.get(key))
            if ref and ref[0][1].place.kind == Kind.POPULATED_PLACE:
                # "Kan Thit village near Shwebo": not a namesake far from the place it is near; a
                # sea or a country may be ("the Gulf of Mexico near Beaumont")
                ranked = [(sc, c) for sc, c in ranked if c.place.kind not in LOCAL_KINDS or distance_km(
                    c.place.lat, c.place.lon, ref[0][1].place.lat, ref[0][1].place.lon) <= cues.NEAR_HINT_KM]
            found = result(m, ranked)
            if m.role == Role.CONTEXT:
                # the country or province an organisation is named after is a toponym of the
                # text; a county (the Laurel County Sheriff's Office) where the text names places
                # of its state, a town's name in one ("Killeen Police Department") where the
                # text names that town as a place too (below)
                if found.kind not in (Kind.COUNTRY, Kind.ADMIN1):
                    in_orgs.append((m, found))
                    continue
                found = replace(found, role=Role.CONTEXT)
            out.append(found)
        # a province named in an organisation's name counts in a country the text names places
        # of: "the Central Institute of Hygiene" in Hanoi is no province of Uganda's
        countries = {p.country_code for p in out if p.role == Role.PLACE and p.kind != Kind.UNRESOLVED}
        out = [p for p in out if p.role == Role.PLACE or p.kind != Kind.ADMIN1 or p.country_code in countries]
        out += self._towns_in_orgs(text, in_orgs, out)
        out.sort(key=lambda p: p.start)
        out += self._maybe_places(text, [m for m in mentions if m.role == Role.MAYBE], anchors, out)
        out.sort(key=lambda p: p.start)
        return estimated(text, out)

    @staticmethod
    def _towns_in_orgs(text, in_orgs, resolved) -> list[ResolvedPlace]:
        """Towns named inside organisations' names ("the Dublin Arts Council"), as context
        toponyms read as the text's own mention of that town ("Dublin residents"); not a
        newspaper's ("the New York Times" is no mention of the city). A county named so
        ("the Laurel County Sheriff's Office") counts as it was read, in a state the text
        names places of."""
        towns = {split_designator(normalize(p.name))[0]: p for p in resolved
                 if p.role == Role.PLACE and p.kind not in (Kind.UNRESOLVED, Kind.COUNTRY, Kind.ADMIN1)}
        states = {(p.country_code, p.admin1) for p in resolved if p.role == Role.PLACE and p.kind != Kind.UNRESOLVED}
        out = []
        for m, found in in_orgs:
            if cues.MASTHEAD.match(text, m.end):
                continue
            # named as a county ("Laurel County"): "Columbia University" is no Columbia County
            if found.kind == Kind.ADMIN2 and (m.kind_hint == Kind.ADMIN2 or cues.COUNTY_WORD.match(text, m.end)) \
                    and (found.country_code, found.admin1) in states:
                out.append(replace(found, role=Role.CONTEXT))
                continue
            town = towns.get(split_designator(normalize(m.name))[0])
            if town is not None:
                out.append(replace(town, start=m.start, end=m.end, name=m.text, kind_hint=m.kind_hint,
                                   sentence=m.sentence, role=Role.CONTEXT))
        return out

    def _maybe_places(self, text, maybes, anchors, resolved) -> list[ResolvedPlace]:
        """Names NER took for people or organisations that are places after all: a reading
        lies within _MAYBE_KM of a place the article names with confidence, or in the country
        or province named right after it ("Krasnodar, Russia", "Dadaab in Kenya"). ``resolved`` is in text order."""
        out = []
        starts = [p.start for p in resolved]
        for m in maybes:
            i = bisect.bisect_left(starts, m.end)
            holder = resolved[i] if i < len(resolved) and resolved[i].kind in (Kind.COUNTRY, Kind.ADMIN1) \
                and resolved[i].role == Role.PLACE \
                and cues.HOLDER_GAP.match(cues.between(text, m.end, resolved[i].start)) else None
            near = []
            for c in for_mention(self.geocoder, m):
                # a town by its own name ("Hamas" is an alternate name of Hamm, "Taliban" of a
                # Turkish village); a county also by its name without "County"
                if c.place.kind not in (Kind.POPULATED_PLACE, Kind.ADMIN2) or c.spelling_variant or (
                        c.place.kind == Kind.POPULATED_PLACE and c.quality != 0):
                    continue
                if anchors.within(c.place, _MAYBE_KM) or holder is not None and cues.holds(holder, c.place):
                    near.append((c.score, c))
            if near:
                near.sort(key=lambda sc: -sc[0])
                out.append(result(m, near))
        return out


def _names_a_body_after_a_place(m: PlaceMention) -> bool:
    """Whether a context mention names an organisation after a place ("the Texas Department of
    Health", "Kunduz provincial council"), not a people ("Afghan") or a disease."""
    rule = m.rule
    return rule.source is Source.NAMED_ORG or (rule.source is Source.ORG and rule.reason is Reason.PLACE_NAMED)
