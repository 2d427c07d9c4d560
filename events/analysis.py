"""Analysis: each text read by :mod:`parsing` (:func:`parsing.read.read`) and the places it names
resolved by :mod:`geoparse`, for the pipeline and the geoparser's command line."""
from __future__ import annotations

from dataclasses import dataclass, field

from events.guard import PIECE_CHARS
from geoparse import ResolvedPlace, Resolver
from parsing.places import Role
from parsing.read import read


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """What one text yields: its resolved places and its sentences as (start, end) offsets."""

    places: list[ResolvedPlace]
    sentences: list[tuple[int, int]]
    claims: list = field(default_factory=list)      # parsing.claims.Claim
    events: list = field(default_factory=list)      # parsing.events.EventMention
    cues: list = field(default_factory=list)        # parsing.events.DistanceCue
    #: countries and provinces named inside organisations' names (role "context"): toponyms
    #: of the text for the geoparser's output, never event places
    named_after: list = field(default_factory=list)

    def sentence_of(self, place: ResolvedPlace) -> tuple[int, int]:
        """The (start, end) offsets of the sentence a place is named in."""
        if 0 <= place.sentence < len(self.sentences):
            return self.sentences[place.sentence]
        return (place.start, place.end)


def analyse_docs(texts: list[str], *, resolver: Resolver, nlp=None, batch_size: int = 32,
                 with_events: bool = False) -> list[TextAnalysis]:
    """Places and sentences of each text, in order (and with ``with_events``, its claims,
    event mentions and distance cues); texts over PIECE_CHARS are read in pieces."""
    readings = read(texts, known=resolver.known, piece_chars=PIECE_CHARS, nlp=nlp, batch_size=batch_size,
                    with_events=with_events)
    out = []
    for text, r in zip(texts, readings):
        resolved = resolver.resolve(text, r.mentions)
        out.append(TextAnalysis([p for p in resolved if p.role == Role.PLACE], list(r.sentences), list(r.claims),
                                list(r.events), list(r.cues), [p for p in resolved if p.role != Role.PLACE]))
    return out


def geoparse_docs(texts: list[str], *, resolver: Resolver, nlp=None,
                  batch_size: int = 32) -> list[list[ResolvedPlace]]:
    """Resolved places of each text, in order; long texts are read in pieces."""
    return [sorted(a.places + a.named_after, key=lambda p: p.start)
            for a in analyse_docs(texts, resolver=resolver, nlp=nlp, batch_size=batch_size)]
