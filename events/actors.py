"""Actor names, normalised as ACLED names them: one name per force per country.

"government forces", "Afghan security forces", "troops", "the army" and
"anti-Taliban forces" in an Afghan story all become "Military Forces of
Afghanistan"; police become "Police Forces of X"; militants the text links
to a named group become that group, others "Unidentified Armed Group (X)";
civilians, protesters and rioters are "Civilians (X)", "Protesters (X)",
"Rioters (X)". Named groups and states keep their names.
"""
from __future__ import annotations

from collections.abc import Callable

from parsing.events import Actor
from parsing.lexicon import ActorKind

#: ``country_of(adjective or name) -> country name or None``.
CountryOf = Callable[[str], "str | None"]


_FOREIGN = {"foreign", "international", "coalition", "allied", "western", "nato"}


def actor_name(actor: Actor | None, *, country: str | None, country_of: CountryOf) -> str | None:
    """The normalised name of an actor; ``country`` is where the event is, for unqualified forces."""
    if actor is None:
        return None
    if actor.kind in (ActorKind.MILITARY, ActorKind.POLICE) and actor.text.lower().split()[0] in _FOREIGN:
        return "International forces"  # "foreign troops", "coalition forces": not the host's
    own = country_of(actor.adjective) if actor.adjective else None
    where = own or country
    if actor.kind == ActorKind.MILITARY:
        return f"Military Forces of {where}" if where else "Military Forces"
    if actor.kind == ActorKind.POLICE:
        return f"Police Forces of {where}" if where else "Police Forces"
    if actor.kind == ActorKind.ARMED_GROUP:
        if actor.group:
            return actor.group
        return f"Unidentified Armed Group ({where})" if where else "Unidentified Armed Group"
    if actor.kind in (ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS):
        label = actor.kind.capitalize()
        return f"{label} ({where})" if where else label
    if actor.kind == ActorKind.STATE:
        return country_of(actor.text) or actor.text
    return actor.text
