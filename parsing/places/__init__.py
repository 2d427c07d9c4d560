"""Place mentions: what an article names as places, and what only refers to one.

:class:`PlaceFinder` is a spaCy pipeline component. From the NER entities and
the gazetteer it puts spans in ``doc.spans["places"]`` (places to map) and
``doc.spans["place_context"]`` (demonyms such as *Afghan*, organisations named
after a place such as *Kunduz provincial council*). :func:`mentions` turns
them into plain :class:`PlaceMention` records; spaCy objects stay here.

Recovery beyond NER uses the text's own cues: "the town of X", "X Province",
"the districts of X and Y", "X airport", "near X", "outskirts of X", and
PERSON or ORG spans that the gazetteer knows and a cue places.

The modules: :mod:`~parsing.places.finder` (the component, which runs the passes in order),
:mod:`~parsing.places.found` (what the passes have found so far), the passes in
:mod:`~parsing.places.entities` (NER's entities), :mod:`~parsing.places.cues` (cue words,
capitalised runs, lists), :mod:`~parsing.places.conventions` (datelines, brackets, chains,
diseases) and :mod:`~parsing.places.people` (names used for people);
:mod:`~parsing.places.names` (what a name looks like), :mod:`~parsing.places.limits` (scores
and reading limits), :mod:`~parsing.places.rules` (which rule found a span) and
:mod:`~parsing.places.mentions` (the records). The word lists are in :mod:`parsing.lexicon`.
"""
# The names other packages import from parsing.places (the Doc helpers are parsing.doc's).
from parsing.places.finder import PlaceFinder
from parsing.places.limits import MAX_NAME_CHARS, WINDOW, Known
from parsing.places.mentions import LIST_JOIN, PlaceMention, Role, mentions
from parsing.places.rules import Reason, Rule, Source

__all__ = ["LIST_JOIN", "MAX_NAME_CHARS", "WINDOW", "Known", "PlaceFinder", "PlaceMention", "Reason", "Role", "Rule",
           "Source", "mentions"]
