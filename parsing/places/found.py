"""Found: what the passes over one Doc have found so far, and the one way a span is added."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from parsing.doc import text_of
from parsing.places.limits import Known
from parsing.places.names import no_place_name, part_of
from parsing.places.rules import Rule, Source

# "Ward No. 10", "Camp Nr 3": what follows a numbered part of a town (blanks read from a run's
# start only, as parsing.places.mentions explains)
_NUMBERED = re.compile(r"(?<!\s)\s*(?:No|Nr|Nos)\.?\s*\d")


class Found:
    """The spans the passes over one Doc have found: ``places`` and ``context`` (spans labelled
    with the :class:`~parsing.places.rules.Rule` that found them), ``later`` (PERSON/ORG spans and
    capitalised runs no pass has placed yet, for the passes that read the whole text), and
    ``taken``, the tokens inside a span found. A token is in one span at most: the first pass to
    take it keeps it, so the passes' order matters (:class:`~parsing.places.finder.PlaceFinder`
    runs them).

    ``people`` are the single words the text uses for people, never a place on their own.
    """

    def __init__(self, doc: Doc, *, known: Known, people: set[str]):
        self.doc = doc
        self.known = known
        self.people = people
        self.places: list[Span] = []
        self.context: list[Span] = []
        self.later: list[Span] = []  # PERSON/ORG spans that no cue placed, for propagation
        self.taken = [False] * len(doc)

    def add(self, span: Span, rule: Rule, into: list[Span]) -> bool:
        """Add ``span`` to ``into`` (:attr:`places` or :attr:`context`), labelled with the ``rule`` that
        found it, and take its tokens; False, adding nothing, where a token is taken already or the
        span is no place name."""
        doc, taken = self.doc, self.taken
        if span is None or len(span) == 0 or any(taken[span.start:span.end]):
            return False
        if no_place_name(span):
            return False
        if _NUMBERED.match(text_of(doc), span.end_char):
            return False  # "Ward No. 10", "Camp No 3": a numbered part of a town
        if into is self.places and len(span) == 1 and span.text in self.people:
            return False  # "Matthew D. Flores ... Flores said": a person, wherever NER reads a place
        for i in range(span.start, span.end):
            taken[i] = True
        if not rule.part and rule.source is not Source.DEMONYM and part_of(span, self.known):
            rule = replace(rule, part=True)  # "across East Texas": the place looked up is Texas
        into.append(Span(doc, span.start, span.end, label=rule.label))
        return True
