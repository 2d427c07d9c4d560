"""How sure the rules must be of a name, and how far they read.

``known(name)`` scores how plausible a place of that name is, in the geocoder's units: a place
cue such as "the town of" needs less than a bare "in" does, and a name NER took for a person
or organisation needs more.
"""
from __future__ import annotations

from collections.abc import Callable

#: ``known(name) -> score``: how plausible a place of this name is (0 when the
#: gazetteer has none). A cue such as "the town of" needs less than a bare
#: "in" does.
Known = Callable[[str], float]
#: Least ``known`` score for a span with a strong cue (designator, "town of",
#: "districts of X and Y") and for one with a weak cue ("in", "an X man").
STRONG_CUE_SCORE = 1.0
WEAK_CUE_SCORE = 4.5
#: A name NER labelled PERSON or ORG, listed with places, is one if it is about a town of 100,000.
LISTED_NAMED_SCORE = 6.0
#: "in Tehran and Isfahan": the second of a pair NER did not label a place needs a city of a million.
PAIRED_NAMED_SCORE = 6.5
#: A NORP entity this plausible as a place is a country NER mislabelled ("neighbouring Tajikistan").
COUNTRY_SCORE = 8.5
#: A name this likely (a city of about a million, a province, a country) is a place where it stands
#: capitalised after a lower-case word, though NER and the cues missed it ("shelling hit Donetsk").
MAJOR_PLACE_SCORE = 8.0

#: No place name is longer (the geocoder's own limit, geo.geocoder.MAX_QUERY_LENGTH): a longer span
#: is never looked up, and a name is not read on past it.
MAX_NAME_CHARS = 200
#: How far the rules read around a place: two places farther apart than this many characters
#: are not related by the words between them ("X in the northern Y Province" is well within), nor
#: a place by a cue before it ("50 km north of"). Reading no farther keeps hostile text (thousands
#: of blanks between two names) cheap.
WINDOW = 80
