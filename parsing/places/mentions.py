"""Place mentions: the spans a :class:`~parsing.places.finder.PlaceFinder` left in a Doc, as
plain records with character offsets, the kind their designators and cues hint."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Doc

from parsing.doc import text_of
from parsing.lexicon import DESIGNATORS, LIST_DESIGNATORS, OF_CUES, PlaceKind
from parsing.places.cues import cue_before
from parsing.places.limits import WINDOW
from parsing.places.names import without_designator, without_part_words
from parsing.places.rules import Rule, Source

# Patterns that begin with blanks read a run of them from its start only ("(?<!\s)"): tried at
# every position of a long run, they would read the run once per position. Nor do two blanks'
# quantifiers stand side by side with only optional parts between them (which read a long run
# in every way of splitting it).
#: What joins the names of a list: a comma, "and", "or", ", and".
LIST_JOIN = re.compile(r"(?<!\s)\s*(?:,\s*|(?:,\s*)?(?:and|or)\s*)")
_NEXT_WORD = re.compile(r"(?<!\s)\s*(\w+)")
# the words that join a list's last member to the one before, whether or not that one is known
_AFTER_LIST_MEMBER = re.compile(r"(?:,|\band|\bor|&)\s*$")


class Role(StrEnum):
    """What a mention is to the text."""

    PLACE = "place"          # a place the text names, to map
    CONTEXT = "context"      # refers to one: a demonym, a body named after a place, a disease
    MAYBE = "maybe"          # a known name NER took for a person or body: the resolver decides


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of the text that names a place (role "place"), refers to one ("context"), or
    is a known place name NER took for a person or organisation ("maybe": the resolver
    decides by the article's other places).

    ``name`` is the place name to look up (designator and "the" removed);
    ``label`` is the rule that found it, as a string (:attr:`rule` reads it);
    ``kind_hint`` comes from a designator or cue; ``cue`` says what made a
    non-NER span a place; ``sentence`` is the index of its sentence.
    """

    start: int
    end: int
    text: str
    name: str
    role: Role
    label: str
    kind_hint: PlaceKind | None = None
    cue: str | None = None
    sentence: int = 0

    @property
    def rule(self) -> Rule:
        """The rule that found the mention."""
        return Rule.from_label(self.label)

    def shifted(self, offset: int, *, sentences: int = 0) -> PlaceMention:
        """The mention with its offsets moved by ``offset`` and its sentence number by ``sentences``
        (read from a piece of a text that starts there)."""
        if not offset and not sentences:
            return self
        return replace(self, start=self.start + offset, end=self.end + offset, sentence=self.sentence + sentences)


def mentions(doc: Doc) -> list[PlaceMention]:
    """The place and context spans of a processed doc as plain records."""
    sent_index = {}
    if doc.has_annotation("SENT_START"):
        for k, sent in enumerate(doc.sents):
            sent_index[sent.start] = k
    starts = sorted(sent_index)

    def sentence_of(tok_i: int) -> int:
        pos = bisect.bisect_right(starts, tok_i) - 1
        return sent_index[starts[pos]] if pos >= 0 else 0

    out = []
    for role, key in ((Role.PLACE, "places"), (Role.CONTEXT, "place_context"), (Role.MAYBE, "place_maybe")):
        for span in doc.spans.get(key, []):
            rule = Rule.from_label(span.label_)
            core, kind = without_designator(span)
            after = doc[span.end] if span.end < len(doc) else None
            if kind is None and after is not None and (after.text.islower() or after.text.isupper()):
                # "Hebei province", "Ohaji LGA", "Kunduz and Takhar provinces"
                kind = DESIGNATORS.get(after.lower_) or LIST_DESIGNATORS.get(after.lower_)
            if role is Role.PLACE and kind is None and rule.source is Source.LIST:
                kind = OF_CUES.get(rule.of_cue.removesuffix(" of")) if rule.of_cue else None
            elif role is Role.PLACE and kind is None:
                cue = cue_before(span)
                kind = OF_CUES.get(cue[:-3]) if cue and cue.endswith(" of") else None
            start, end, text, name = span.start_char, span.end_char, span.text, span.text
            if rule.part:
                name = without_part_words(span.text)
                if role is Role.CONTEXT:
                    # "the Northeast Georgia Medical Center": the organisation's toponym is
                    # Georgia; in running text "Northeast Georgia" is a region's name, kept whole
                    start += span.text.find(name)
                    end, text = start + len(name), name
            out.append(PlaceMention(
                start=start, end=end, text=text, name=name,
                role=role, label=span.label_, kind_hint=kind,
                cue=cue_before(span), sentence=sentence_of(span.start),
            ))
    out.sort(key=lambda m: m.start)
    return _listed_kinds(out, text_of(doc))


def _listed_kinds(found: list[PlaceMention], text: str) -> list[PlaceMention]:
    """The kind a plural unit word hints for the last name of a list, given to the names
    listed before it ("Dakota, Otoe and Washington counties"). After a single name the
    word names units inside it ("Indiana counties"), and hints nothing."""
    out = list(found)
    for k in range(len(out) - 1, -1, -1):
        last = out[k]
        after = _NEXT_WORD.match(text, last.end)
        if last.kind_hint is None or not after or after.group(1).lower() not in LIST_DESIGNATORS:
            continue
        j = k
        while j > 0 and out[j - 1].role == last.role and out[j - 1].kind_hint is None \
                and out[j].start - out[j - 1].end <= WINDOW \
                and LIST_JOIN.fullmatch(text[out[j - 1].end:out[j].start]):
            out[j - 1] = replace(out[j - 1], kind_hint=last.kind_hint)
            j -= 1
        if j == k and last.kind_hint == LIST_DESIGNATORS[after.group(1).lower()] \
                and not _after_list_member(text, last.start):
            out[k] = replace(last, kind_hint=None)
    return out


def _after_list_member(text: str, at: int) -> bool:
    """Whether the text before ``at`` ends with what joins a list's members (blanks aside): read
    back from ``at``, not searched for from the text's start (once per list, that is quadratic)."""
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return _AFTER_LIST_MEMBER.search(text, max(0, end - 3), at) is not None
