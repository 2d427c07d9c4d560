"""How the drafts of one happening merge: reports of it in one article (same type and actor1,
the same place or none) make one event with every claimant and date, at the most specific place."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from events.actors import actor_name
from events.placing import contains_another
from geo.place import Kind
from geoparse import ResolvedPlace

# More specific kinds first: the place an event keeps when reports of it name several.
_SPECIFIC = {Kind.AIRPORT: 0, Kind.PORT: 0, Kind.LANDMARK: 0, Kind.POPULATED_PLACE: 1, Kind.ESTIMATED: 1,
             Kind.ADMIN2: 2, Kind.ADMIN1: 3, Kind.WORLD_REGION: 3, Kind.COUNTRY: 4}


@dataclass
class Draft:
    """An event being assembled: merged drafts keep every claimant and date."""

    mention: object                 # parsing.events.EventMention
    place: ResolvedPlace | None
    precision: int | None            # None: not placed
    claimants: list[str]
    dates: list[tuple[int, date, int]]   # (explicit: 0/1, day, precision)
    sentence: tuple[int, int]
    confidence: float


def merge(drafts: list[Draft], country_of) -> list[Draft]:
    """One draft per happening: same type and actor1, and the same place or none."""
    groups: dict[tuple, list[Draft]] = {}
    anonymous: list[tuple[tuple, Draft]] = []
    for d in drafts:
        kind = (d.mention.event_type, d.mention.sub_event_type)
        # Named without the place's country: reports of one happening may place it differently.
        actor = actor_name(d.mention.actor1, country=None, country_of=country_of)
        if actor is None:
            anonymous.append((kind, d))
        else:
            groups.setdefault((*kind, actor), []).append(d)
    named: dict[tuple, list] = defaultdict(list)  # the groups' keys by kind of event
    for k in groups:
        named[k[:2]].append(k)
    for kind, d in anonymous:
        # No actor named ("Two soldiers were killed"): the same kind of event by the one
        # actor the article names for it, if there is exactly one; else its own group.
        key = named[kind][0] if len(named[kind]) == 1 else (*kind, None)
        if key not in groups:
            named[kind].append(key)
        groups.setdefault(key, []).append(d)
    out = []
    for group in groups.values():
        located = [d for d in group if d.place is not None and d.place.lat is not None]
        spots = {}
        for d in located:
            spots.setdefault(_spot(d.place), d)
        holds = contains_another([d.place for d in spots.values()])
        specific = [d for d, held in zip(spots.values(), holds) if not held]
        if len(specific) == 1:
            target = specific[0]
            _absorb(target, [d for d in group if d is not target])
            out.append(target)
        else:
            # (drafts are told apart by identity: no two are equal)
            located_ids, specific_ids = {id(d) for d in located}, {id(d) for d in specific}
            merged: dict = {}
            absorbed: dict = defaultdict(list)
            for d in group:
                if id(d) in located_ids and id(d) not in specific_ids:
                    continue
                k = _spot(d.place)
                if k in merged:
                    absorbed[k].append(d)
                else:
                    merged[k] = d
            for k, others in absorbed.items():
                _absorb(merged[k], others)
            out += list(merged.values())
    out.sort(key=lambda d: (d.sentence[0], d.place.start if d.place else 0))
    return out


def _spot(p: ResolvedPlace | None) -> tuple:
    if p is None:
        return ("",)
    # two unknown villages put at one rough point are still two places
    return (p.geonameid, round(p.lat, 2), round(p.lon, 2)) if p.lat is not None and p.kind != Kind.UNRESOLVED \
        else (p.name,)


def _absorb(target: Draft, others: list[Draft]) -> None:
    """Merge the drafts ``others`` into ``target``, in order: their claimants and dates, the
    best confidence, the most specific place. (All at once: the claimants seen and the dates are
    not read and copied again for each; a draft's list of dates is shared with its sentence's
    other drafts, so it is replaced, never extended.)"""
    if not others:
        return
    seen = set(target.claimants)
    dates = list(target.dates)
    for other in others:
        for c in other.claimants:
            if c not in seen:
                seen.add(c)
                target.claimants.append(c)
        dates += other.dates
        target.confidence = max(target.confidence, other.confidence)
        if other.place is not None and target.place is not None and \
                _SPECIFIC.get(other.place.kind, 5) < _SPECIFIC.get(target.place.kind, 5):
            target.place, target.precision = other.place, other.precision
    target.dates = dates
