"""Which rule found a mention: a typed record in place of the label strings it is written as.

A span the finder keeps is labelled ``SOURCE[>DETAIL][>part]`` ("GPE", "PERSON>cue",
"LIST>districts of", "ORG>place-named>part", "MAYBE>ORG"): spaCy labels spans with strings, and
the resolver reads :attr:`PlaceMention.label <parsing.places.mentions.PlaceMention.label>`.
:class:`Rule` builds those labels and reads them back; nothing else takes a label apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Source(StrEnum):
    """What found a span: NER, whose label the span keeps, or one of the finder's passes."""

    GPE = "GPE"                          # NER's entities
    LOC = "LOC"
    FAC = "FAC"
    NORP = "NORP"
    PERSON = "PERSON"
    ORG = "ORG"
    DEMONYM = "DEMONYM"                  # NER's NORP read as a people's name: context
    NAMED_ORG = "NAMED-ORG"              # NER's place entity naming a body after it: context
    PROPAGATED = "PROPAGATED"            # a name placed elsewhere in the text
    LIST = "LIST"                        # a member of a list of places
    GAZETTEER = "GAZETTEER"              # a capitalised run NER left alone, placed by a cue
    ASIDE = "ASIDE"                      # a name and its units in brackets: "Mandje (Djugu, Ituri)"
    CHAIN = "CHAIN"                      # a chain of units after a cue: "in Krasne, Kharkiv."
    PARTY_HOME = "PARTY-HOME"            # a politician's home: "Clyburn, D-S.C."
    DATELINE = "DATELINE"                # "KABUL —"
    JOINED = "JOINED"                    # two entities that are one name: "Jammu and Kashmir"
    NAMED_DISEASE = "NAMED-DISEASE"      # a place name used for a disease: context
    MAYBE = "MAYBE"                      # a known name NER took for a person or body: the resolver decides


class Reason(StrEnum):
    """What made the span a place (or context), where its source says not all."""

    CUE = "cue"                          # a cue word before or after it: "the town of X", "near X"
    DESIGNATOR = "designator"            # a unit word in it: "Kabul International Airport"
    PLACE_NAMED = "place-named"          # it names a body after a place: "Kunduz provincial council"
    TOWN_NAME = "town-name"              # a town's ending: "Gainesville"
    UNIT = "unit"                        # a list's unit, or a unit in brackets
    HEAD = "head"                        # the name before units in brackets
    MAJOR = "major"                      # a major place, capitalised mid-sentence: "shelling hit Donetsk"
    PAIRED = "paired"                    # the second of a pair after a place preposition
    COORDINATED = "coordinated"          # a member of a list of three or more with a place in it


@dataclass(frozen=True, slots=True)
class Rule:
    """Which rule found a span: its ``source``, and what made it a place (``reason``); for a list
    carried along from "the districts of", that cue (``of_cue``); for a maybe, NER's label
    (``entity``). ``part``: the span names a part of a place ("East Texas"), looked up without
    its part words."""

    source: Source
    reason: Reason | None = None
    of_cue: str | None = None
    entity: Source | None = None
    part: bool = False

    @property
    def label(self) -> str:
        """The rule as a span label: "GPE", "PERSON>cue", "LIST>districts of>part", "MAYBE>ORG"."""
        detail = self.reason or self.of_cue or self.entity
        return self.source + (f">{detail}" if detail else "") + (">part" if self.part else "")

    @staticmethod
    @lru_cache(maxsize=256)
    def from_label(label: str) -> Rule:
        """The rule a span label writes (see :attr:`label`)."""
        words = label.split(">")
        part = len(words) > 1 and words[-1] == "part"
        if part:
            words.pop()
        source, detail = Source(words[0]), words[1] if len(words) > 1 else None
        if detail is None:
            return Rule(source, part=part)
        if source is Source.MAYBE:
            return Rule(source, entity=Source(detail), part=part)
        if source is Source.LIST and detail.endswith(" of"):
            return Rule(source, of_cue=detail, part=part)
        return Rule(source, Reason(detail), part=part)
