"""The place finder: a spaCy component that runs the passes over a Doc, in their order."""
from __future__ import annotations

from spacy.tokens import Doc

from parsing.places.conventions import comma_chains, datelines, diseases_to_context, party_homes, units_in_brackets
from parsing.places.cues import coordinated, uncovered_runs
from parsing.places.entities import joined_names, other_entities, place_entities, propagated
from parsing.places.found import Found
from parsing.places.limits import MAX_NAME_CHARS, Known
from parsing.places.names import bracket_pieces
from parsing.places.people import maybe_places, people_named


class PlaceFinder:
    """spaCy component: fill ``doc.spans["places"]`` and ``doc.spans["place_context"]`` (and
    ``doc.spans["place_maybe"]``).

    ``known(name)`` scores how plausible a place of that name is; it gates
    every span that NER did not label a place (see :data:`~parsing.places.limits.STRONG_CUE_SCORE`).
    """

    def __init__(self, known: Known):
        self._known = known

    def known(self, name: str) -> float:
        """``known(name)``; 0 for a span longer than any place name, which is not looked up."""
        return self._known(name) if len(name) <= MAX_NAME_CHARS else 0.0

    def __call__(self, doc: Doc) -> Doc:
        found = Found(doc, known=self.known, people=people_named(doc, self.known))
        # The passes, in order: a token goes to the first pass that takes it (Found.add), so the
        # surer readings run first. NER's entities, cut at brackets, commas and dashes inside them:
        ents = [piece for ent in doc.ents for piece in bracket_pieces(ent)]
        place_entities(found, ents)   # NORP, GPE, LOC
        other_entities(found, ents)   # FAC, ORG, PERSON placed by a designator or cue; the rest later
        uncovered_runs(found)         # capitalised runs NER left alone, by their cues
        propagated(found)             # a name placed anywhere is a place everywhere
        coordinated(found)            # lists of places
        units_in_brackets(found)      # "Mandje (Djugu, Ituri)"
        comma_chains(found)           # "in the direction of Krasne, Kharkiv."
        party_homes(found)            # "Clyburn, D-S.C."
        datelines(found)              # "KABUL —"
        joined_names(found)           # "Jammu and Kashmir": one place of two
        diseases_to_context(found)    # "West Nile virus"
        doc.spans["places"] = sorted(found.places, key=lambda s: s.start)
        doc.spans["place_maybe"] = maybe_places(found)
        doc.spans["place_context"] = sorted(found.context, key=lambda s: s.start)
        return doc
