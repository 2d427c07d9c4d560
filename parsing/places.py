"""Place mentions: what an article names as places, and what only refers to one.

:class:`PlaceFinder` is a spaCy pipeline component. From the NER entities and
the gazetteer it puts spans in ``doc.spans["places"]`` (places to map) and
``doc.spans["place_context"]`` (demonyms such as *Afghan*, organisations named
after a place such as *Kunduz provincial council*). :func:`mentions` turns
them into plain :class:`PlaceMention` records; spaCy objects stay here.

Recovery beyond NER uses the text's own cues: "the town of X", "X Province",
"the districts of X and Y", "X airport", "near X", "outskirts of X", and
PERSON or ORG spans that the gazetteer knows and a cue places.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

import numpy

from spacy.tokens import Doc, Span

# The Doc helpers lived here; other packages still import them from parsing.places.
from parsing.doc import (capital_starts, entities_in, entity_at, sentence_spans, sentence_starts,  # noqa: F401
                         text_of, trimmed)
from parsing.lexicon import (AFTER_CUES, BODY_WORDS, CHAIN_UNIT_WORDS, CUE_MODIFIERS, DATELINE_ENDS, DEMONYM_ENDINGS,
                             DESIGNATORS, DISEASE_BRIDGES, DISEASE_NAMES, DISEASE_WORDS, FACILITY_WORDS,
                             LIST_DESIGNATORS, LOOSE_PREPOSITIONS, NAME_CONNECTORS, NAMING_CUES, NORP_PREPOSITIONS,
                             NOT_PLACES, OF_CUES, ORG_FOLLOWERS, ORG_WORDS, PART_WORDS, PERSON_SPEECH_VERBS,
                             PHRASE_ENDS, POSSESSIVES, RUN_CONNECTORS, SEASONS, SETTLEMENT_WORDS, STRONG_PREPOSITIONS,
                             SURNAME_TITLES, TOWN_ENDINGS, UNIT_HEADS, UNIT_NAME_JOINERS, VAGUE)

#: ``known(name) -> score``: how plausible a place of this name is (0 when the
#: gazetteer has none). A cue such as "the town of" needs less than a bare
#: "in" does.
Known = Callable[[str], float]
#: Least ``known`` score for a span with a strong cue (designator, "town of",
#: "districts of X and Y") and for one with a weak cue ("in", "an X man").
STRONG_CUE_SCORE = 1.0
WEAK_CUE_SCORE = 4.5
# A name NER labelled PERSON or ORG, listed with places, is one if it is about a town of 100,000.
_LISTED_NAMED_SCORE = 6.0
# "in Tehran and Isfahan": the second of a pair NER did not label a place needs a city of a million.
_PAIRED_NAMED_SCORE = 6.5
#: A NORP entity this plausible as a place is a country NER mislabelled ("neighbouring Tajikistan").
COUNTRY_SCORE = 8.5
# A name this likely (a city of about a million, a province, a country) is a place where it stands
# capitalised after a lower-case word, though NER and the cues missed it ("shelling hit Donetsk").
_MAJOR_PLACE_SCORE = 8.0

PLACE_LABELS = {"GPE", "LOC"}
#: No place name is longer (the geocoder's own limit, geo.geocoder.MAX_QUERY_LENGTH): a longer span
#: is never looked up, and a name is not read on past it.
MAX_NAME_CHARS = 200
#: How far the rules read around a place: two places farther apart than this many characters
#: are not related by the words between them ("X in the northern Y Province" is well within), nor
#: a place by a cue before it ("50 km north of"). Reading no farther keeps hostile text (thousands
#: of blanks between two names) cheap.
WINDOW = 80
# Patterns that begin with blanks read a run of them from its start only ("(?<!\s)"): tried at
# every position of a long run, they would read the run once per position. Nor do two blanks'
# quantifiers stand side by side with only optional parts between them (which read a long run
# in every way of splitting it).
#: What joins the names of a list: a comma, "and", "or", ", and".
LIST_JOIN = re.compile(r"(?<!\s)\s*(?:,\s*|(?:,\s*)?(?:and|or)\s*)")
_NEXT_WORD = re.compile(r"(?<!\s)\s*(\w+)")
# the words that join a list's last member to the one before, whether or not that one is known
_AFTER_LIST_MEMBER = re.compile(r"(?:,|\band|\bor|&)\s*$")

# "Ward No. 10", "Camp Nr 3": what follows a numbered part of a town
_NUMBERED = re.compile(r"(?<!\s)\s*(?:No|Nr|Nos)\.?\s*\d")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of the text that names a place (role "place"), refers to one ("context"), or
    is a known place name NER took for a person or organisation ("maybe": the resolver
    decides by the article's other places).

    ``name`` is the place name to look up (designator and "the" removed);
    ``kind_hint`` comes from a designator or cue; ``cue`` says what made a
    non-NER span a place; ``sentence`` is the index of its sentence.
    """

    start: int
    end: int
    text: str
    name: str
    role: str
    label: str
    kind_hint: str | None = None
    cue: str | None = None
    sentence: int = 0


class PlaceFinder:
    """spaCy component: fill ``doc.spans["places"]`` and ``doc.spans["place_context"]``.

    ``known(name)`` scores how plausible a place of that name is; it gates
    every span that NER did not label a place (see :data:`STRONG_CUE_SCORE`).
    """

    def __init__(self, known: Known):
        self._known = known

    def known(self, name: str) -> float:
        """``known(name)``; 0 for a span longer than any place name, which is not looked up."""
        return self._known(name) if len(name) <= MAX_NAME_CHARS else 0.0

    def __call__(self, doc: Doc) -> Doc:
        places: list[Span] = []
        context: list[Span] = []
        taken = [False] * len(doc)
        later: list[Span] = []  # PERSON/ORG spans that no cue placed, for propagation

        people = _surnames(doc) | self._people(doc)

        def add(span: Span, label: str, into: list[Span]) -> bool:
            if span is None or len(span) == 0 or any(taken[span.start:span.end]):
                return False
            if _no_place_name(span):
                return False
            if _NUMBERED.match(text_of(doc), span.end_char):
                return False  # "Ward No. 10", "Camp No 3": a numbered part of a town
            if into is places and len(span) == 1 and span.text in people:
                return False  # "Matthew D. Flores ... Flores said": a person, wherever NER reads a place
            for i in range(span.start, span.end):
                taken[i] = True
            if not label.endswith(">part") and label != "DEMONYM" and self._part_of(span):
                label += ">part"  # "across East Texas": the place looked up is Texas
            into.append(Span(doc, span.start, span.end, label=label))
            return True

        ents = [piece for ent in doc.ents for piece in _bracket_pieces(ent)]
        for ent in ents:
            span = _strip_the(ent)
            if span is None:
                continue
            if ent.label_ == "NORP":
                cue = _cue_at(doc, span.start)
                score = self.known(span.text)
                if span.start and doc[span.start - 1].lower_ in (",", "and", "or") and span.end < len(doc) \
                        and doc[span.end].lower_ in LIST_DESIGNATORS and score >= WEAK_CUE_SCORE:
                    add(span, "NORP>unit", places)  # "Harper and Kingman counties": a list's last unit
                    continue
                # endings of demonyms (Afghan, Pakistani, Kurdish) need a sizeable town
                if (cue and cue.endswith(" of") and score >= STRONG_CUE_SCORE) or \
                        score >= COUNTRY_SCORE or (cue in NORP_PREPOSITIONS and score >= WEAK_CUE_SCORE
                                              and (score >= _LISTED_NAMED_SCORE or not span.text.endswith(
                                                  DEMONYM_ENDINGS))):
                    add(span, "NORP>cue", places)  # "demonstrated in Vasteras": NER's NORP is a town
                else:
                    add(span, "DEMONYM", context)
            elif ent.label_ in PLACE_LABELS:
                span = _trim_common_designator(span)
                label = ent.label_ + (">part" if self._part_of(span) else "")
                body = _unit_word_inside(span, before=ORG_WORDS)
                if body is not None:
                    # NER's GPE "the Colfax County Sheriff's Department": the county names a body
                    add(doc[span.start:body + 1], "NAMED-ORG", context)
                elif span.end < len(doc) and doc[span.end].lower_ in ORG_FOLLOWERS:
                    add(span, "NAMED-ORG", context)  # "Kunduz provincial council"
                elif len(span) == 1 and span[0].lower_ in VAGUE:
                    continue
                else:
                    add(self._extend_connected(_extend_designator(self._extend_left(span))), label, places)
        for ent in ents:
            span = _strip_the(ent)
            if span is None or ent.label_ in PLACE_LABELS or ent.label_ == "NORP":
                continue
            if ent.label_ == "FAC":
                core, kind = _core(span)
                if kind and self.known(span.text) >= STRONG_CUE_SCORE:
                    add(span, "FAC", places)
            elif ent.label_ in ("ORG", "PERSON"):
                if not self._person_or_org(span, ent.label_, add, places, context):
                    later.append(Span(doc, span.start, span.end, label=ent.label_))

        self._uncovered_runs(doc, taken, add, places, later)
        # One name, one reading: a name that is a place anywhere in the text
        # is a place wherever else it stands alone ("Alexandria" as GPE in one
        # sentence, mislabelled PERSON in the next).
        # Only names the gazetteer knows or a strong cue placed ("the town of Thiou"): NER's GPE
        # on an unknown name is as often a person ("Pawlenty") or a company, and spreading it
        # would map every mention of them.
        confirmed = {s.text.lower() for s in places}
        cued = {s.text.lower() for s in places if _cue_at(doc, s.start, strong_only=True)}
        for span in later:
            name = span.text.lower()
            if name in confirmed and (name in cued or self.known(span.text) >= STRONG_CUE_SCORE):
                add(span, "PROPAGATED", places)
        self._coordinated(doc, add, places, later)
        self._units_in_brackets(doc, add, places, context, taken)
        self._comma_chains(doc, add, places, taken)
        self._party_homes(doc, add, places)
        self._datelines(doc, add, places)
        places = self._joined_names(doc, places, taken)
        places = _diseases_to_context(doc, places, context)
        doc.spans["places"] = sorted(places, key=lambda s: s.start)
        doc.spans["place_maybe"] = self._maybe_places(doc, later, taken, people)
        doc.spans["place_context"] = sorted(context, key=lambda s: s.start)
        return doc

    def _people(self, doc: Doc) -> set[str]:
        """Single words the text uses for a person, though the gazetteer knows a small town so
        named: the first name of a person it names in full ("Tanya Rodriguez ... Tanya is his
        wife") and a name that speaks ("Kristina said"). A sizeable place keeps its name:
        "Moscow said" is the government speaking."""
        # (not before a dateline's dash: "DANIELSVILLE - Madison County")
        out = {ent[0].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
               and ent[0].is_alpha and ent[0].text[:1].isupper() and ent[1].text not in DATELINE_ENDS}
        capitals = capital_starts(doc)
        out |= {doc[i].text for i in capitals if i + 1 < len(doc) and doc[i + 1].lower_ in PERSON_SPEECH_VERBS
                and doc[i].is_alpha and (not (i and _capitalised(doc[i - 1])) or _named_pair(doc, i))}
        # as for surnames, a place cue before the name anywhere ("gathered in Bemidji") makes it
        # the place NER's PERSON span began with ("Bemidji Knitting for Justice")
        cued = {doc[i].text for i in capitals if doc[i].text in out and _cue_at(doc, i)}
        return {name for name in out - cued if self.known(name) < _LISTED_NAMED_SCORE}

    def _datelines(self, doc: Doc, add, places) -> None:
        """ "COLUMBUS, Ohio (AP) —", "MIDDLETOWN —", "BEIRUT:": the capitals that open a
        sentence before a dash, colon, comma or bracket name the place a report is filed from."""
        starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
        for i in starts:
            j = i
            while j < len(doc) and j - i < 4 and _all_caps(doc[j]):
                j += 1
            if j == i or j >= len(doc) or doc[j].text not in DATELINE_ENDS:
                continue
            span = doc[i:j]
            if self.known(span.text) >= STRONG_CUE_SCORE:
                add(span, "DATELINE", places)

    def _party_homes(self, doc: Doc, add, places) -> None:
        """ "James Clyburn, D-S.C.", "Ray Miller, D-Columbus": the place after a US party
        initial is the politician's state or town."""
        for p in capital_starts(doc):
            i = p + 2
            if i >= len(doc):
                break
            dash, party = doc[i - 1], doc[p]
            if dash.text != "-" or party.text not in ("D", "R", "I") or party.whitespace_ or dash.whitespace_:
                continue
            j = i
            while j < len(doc) and j - i < 3 and doc[j].text[:1].isupper():
                j += 1
            span = doc[i:j]
            if j > i and self.known(span.text) >= STRONG_CUE_SCORE:
                add(span, "PARTY-HOME", places)

    def _maybe_places(self, doc: Doc, later: list[Span], taken: list[bool], people: set[str]) -> list[Span]:
        """Names NER took for a person or organisation that nothing here placed, but that the
        gazetteer knows: the resolver makes them places only where a reading lies close to the
        article's other places ("Dublin operates its own sirens" in a story about Columbus)."""
        out = []
        for span in later:
            if span.label_ not in ("PERSON", "ORG") or any(taken[span.start:span.end]) or len(span) > 3:
                continue
            if span.text in people or not all(_capitalised(t) for t in span) or _no_place_name(span):
                continue
            after = doc[span.end].lower_ if span.end < len(doc) else ""
            before = doc[span.start - 1].lower_.rstrip(".") if span.start else ""
            if after in PERSON_SPEECH_VERBS or after in POSSESSIVES or before in SURNAME_TITLES \
                    or self.known(span.text) < STRONG_CUE_SCORE:
                continue  # "Madison said", "Mayor Lincoln": a person
            out.append(Span(doc, span.start, span.end, label=f"MAYBE>{span.label_}"))
        return out

    def _known_part(self, text: str) -> float:
        """How well the gazetteer knows a name, or the name without its part words
        ("Northeast Texas" as Texas)."""
        rest = _without_part_words(text)
        return max(self.known(text), self.known(rest) if rest != text else 0.0)

    def _part_of(self, span: Span) -> bool:
        """Whether the span names a part of a place ("Northeast Georgia", "North-Western Sydney")
        that the gazetteer knows only without the part words ("North Carolina", "West Bank" are
        names of their own). The span stays whole, but in an organisation's name (see
        :func:`mentions`); the place looked up is the rest."""
        rest = _without_part_words(span.text)
        if rest == span.text:
            return False
        # the whole may be known weakly (East Texas as a spelling of Las Estacas): the part
        # words win where the rest is known better and the whole is no name of its own
        whole, part = self.known(span.text), self.known(rest)
        return part >= STRONG_CUE_SCORE and whole < min(WEAK_CUE_SCORE, part)

    def _extend_left(self, span: Span) -> Span:
        """NER's "Beida" of "Goz Beida": the capitalised word before, outside any entity and
        inside the sentence, when the gazetteer knows the whole at least as well."""
        doc, i = span.doc, span.start - 1
        if i < 1 or doc[i].is_sent_start or doc[i].ent_type_ or not (_capitalised(doc[i]) and doc[i].is_alpha):
            return span
        whole = doc[i:span.end]
        return whole if self.known(whole.text) >= max(STRONG_CUE_SCORE, self.known(span.text)) else span

    def _extend_connected(self, span: Span) -> Span:
        """NER's "Foz" of "Foz do Iguacu", "Democratic Republic of the" of "Democratic Republic of
        the Congo", "Guinea" of "Guinea-Bissau", "Mashonaland" of "Mashonaland West": the whole
        name when the text goes on with a connector ("of the", a hyphen) or a capitalised word
        and the gazetteer knows the whole. A name NER cut after "of the" is trimmed to the
        words before them."""
        doc, start = span.doc, span.start
        base = span.end
        while base > start + 1 and doc[base - 1].lower_ in ("of", "the"):
            base -= 1
        # ends of the longer names to try; none past MAX_NAME_CHARS, where the chain is no longer
        # read (each name of a long chain read it all: quadratic)
        ends, end = [], base

        def too_long(e: int) -> bool:
            return doc[e - 1].idx + len(doc[e - 1]) - doc[start].idx > MAX_NAME_CHARS

        while end + 1 < len(doc):
            k = end + 1 if doc[end].lower_ == "of" and doc[end + 1].lower_ == "the" else end
            hyphen = doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
            if not (doc[end].text in NAME_CONNECTORS or doc[end].lower_ == "of" or hyphen) or \
                    k + 1 >= len(doc) or not _capitalised(doc[k + 1]):
                break
            end = k + 2
            while end < len(doc) and _capitalised(doc[end]) and not doc[end].ent_type_ == "DATE" \
                    and not too_long(end):
                end += 1
            if too_long(end):
                break  # this end (the run goes on at least this far) and every later one
            ends.append(end)
        for extra in (1, 2):
            if base + extra <= len(doc) and all(_capitalised(t) and t.is_alpha and t.ent_type_ != "DATE"
                                                for t in doc[base:base + extra]):
                ends.append(base + extra)
        for end in sorted(set(ends), reverse=True):
            if self.known(doc[start:end].text) >= STRONG_CUE_SCORE:
                return doc[start:end]
        joined = base
        while joined < len(doc) and joined - base < 6 and (
                _capitalised(doc[joined]) or doc[joined].lower_ in UNIT_NAME_JOINERS):
            joined += 1
        if joined > base and joined < len(doc) and doc[joined].text.islower() and \
                doc[joined].lower_ in DESIGNATORS and _capitalised(doc[joined - 1]) and (
                any(t.lower_ in UNIT_NAME_JOINERS and t.is_alpha for t in doc[base:joined])
                or (joined - base <= 2 and doc[joined].lower_ in SETTLEMENT_WORDS
                    and all(_capitalised(t) and t.whitespace_ for t in doc[base - 1:joined - 1]))):
            # "Jalrez I Payan district", "Nad-e Ali district", "Kan Thit village": one
            # name, though unknown here
            return doc[start:joined]
        return doc[start:base] if base < span.end else span

    def _person_or_org(self, span: Span, label: str, add, places, context) -> bool:
        doc = span.doc
        if label == "ORG" and len(span) >= 2 and span[-1].lower_ == "state" and span.end < len(doc) \
                and _capitalised(doc[span.end]) and self.known(span[:-1].text) >= WEAK_CUE_SCORE:
            # NER's "the Minnesota State" of "the Minnesota State Patrol": a body of the state
            return add(span[:-1], "ORG>place-named", context)
        core, kind = _core(span)
        if kind and self.known(span.text) >= STRONG_CUE_SCORE:
            return add(span, f"{label}>designator", places)
        if kind:
            # "Afghanistans Kabul International Airport": the known tail is the place.
            for cut in range(span.start + 1, span.end - 1):
                tail = span.doc[cut:span.end]
                if _body_unit(tail):
                    break  # "the Laurel County School District": the place, if any, leads (below)
                if self.known(tail.text) >= STRONG_CUE_SCORE:
                    return add(tail, f"{label}>designator", places)
        cue = _cue(span)
        need = STRONG_CUE_SCORE if cue and cue.endswith(" of") else WEAK_CUE_SCORE
        if (cue or _after_cue(span)) and self.known(span.text) >= need:
            return add(span, f"{label}>cue", places)
        if label == "ORG" and span.end < len(span.doc) and span.doc[span.end].lower_ in ORG_WORDS \
                and self.known(span.text) >= _LISTED_NAMED_SCORE:
            return add(span, "ORG>place-named", context)  # "the NSW government": NER's ORG is the state
        if label == "ORG":
            # "Kunduz provincial council": the place leads, organisation words follow.
            for cut in range(span.end - 1, span.start, -1):
                head = span.doc[span.start:cut]
                tail = {t.lower_ for t in span.doc[cut:span.end]}
                if tail & ORG_WORDS and self._known_part(head.text) >= WEAK_CUE_SCORE:
                    if len(head) > 1 and head[-1].lower_ == "state" and \
                            self.known(head[:-1].text) >= WEAK_CUE_SCORE:
                        head = head[:-1]  # "Ohio State University": Ohio
                    return add(head, "ORG>place-named", context)
            # "the University of Georgia", "the Ministry of Health of Uganda": the place ends it
            for cut in range(span.end - 1, span.start + 1, -1):
                if span.doc[cut - 1].lower_ != "of":
                    continue
                head = {t.lower_ for t in span.doc[span.start:cut - 1]}
                tail = span.doc[cut:span.end]
                if head & ORG_WORDS and self._known_part(tail.text) >= WEAK_CUE_SCORE:
                    return add(tail, "ORG>place-named", context)
                break
        if len(span) == 1 and span.text.lower().endswith(TOWN_ENDINGS) and not span.text.isupper() \
                and self.known(span.text) >= WEAK_CUE_SCORE:
            return add(span, f"{label}>town-name", places)  # NER's PERSON "Gainesville"
        # "Douglas County Public Works", NER's ORG or PERSON: no person's name holds "County", so
        # a body named after the county, whatever words follow
        k = _unit_word_inside(span)
        if k is not None and self.known(span.doc[span.start:k + 1].text) >= WEAK_CUE_SCORE:
            return add(span.doc[span.start:k + 1], "ORG>place-named", context)
        return False

    def _joined_names(self, doc: Doc, places: list[Span], taken: list[bool]) -> list[Span]:
        """A place and the capitalised words after "and" that the gazetteer knows together as
        a well-known name are that one place, however NER labelled the second part ("Jammu
        and Kashmir", "Trinidad and Tobago" with Tobago an ORG)."""
        out: list[Span] = []
        until = -1
        for a in sorted(places, key=lambda s: s.start):
            if a.start < until:
                continue  # the second part of a name joined before
            j = a.end + 1
            if j < len(doc) and doc[a.end].lower_ in ("and", "&"):
                k = j
                while k < len(doc) and k - j < 3 and _capitalised(doc[k]):
                    k += 1
                k = next((e for e in range(k, j, -1)
                          if self.known(doc[a.start:e].text) >= _LISTED_NAMED_SCORE), None)
                if k is not None:
                    taken[a.start:k] = [True] * (k - a.start)
                    out.append(Span(doc, a.start, k, label="JOINED"))
                    until = k
                    continue
            out.append(a)
        return out

    def _coordinated(self, doc: Doc, add, places, later) -> None:
        """Names in a list of places ("Herat, Kandahar and Mazar-i-Sharif") are places when
        the gazetteer knows them: NER labels list members unevenly (Herat as ORG here).
        Only lists of three or more ("Israel and Hamas" and "Tim and Kristina" are not
        lists of places), or of two before a plural unit word ("Kunduz and Takhar
        provinces"). Not propagated further."""
        placed = {i for s in places for i in range(s.start, s.end)}
        # a later span that a pass since made a place is in the list once, as that place
        # (and once only: a name can be in ``later`` twice, as NER's span and as a capitalised run)
        unique = {(s.start, s.end): (s, False) for s in later if not placed.intersection(range(s.start, s.end))}
        unique |= {(s.start, s.end): (s, True) for s in places}
        spans = sorted(unique.values(), key=lambda x: x[0].start)
        group: list[tuple[Span, bool]] = []
        joined = False

        def flush():
            last = group[-1][0] if group else None
            if len(group) >= 2 and joined and last.end < len(doc) and doc[last.end].lower_ in LIST_DESIGNATORS:
                # "Kunduz and Takhar provinces", "Dakota, Otoe and Washington counties": the plural
                # unit word says every name of the list is a unit, whatever NER labelled them
                for span, is_place in group:
                    if not is_place and self.known(span.text) >= STRONG_CUE_SCORE:
                        add(span, "LIST>designator", places)
                return
            if len(group) == 2 and joined and group[0][1] and not group[1][1]:
                # "in Tehran and Isfahan": a pair after a place preposition, the second a city
                # of about a million ("between Israel and Hamas" is no pair of places)
                (first, _), (second, _) = group
                before = doc[first.start - 1].lower_ if first.start else ""
                if (_cue(first) in STRONG_PREPOSITIONS or before == "from") and \
                        self.known(second.text) >= _PAIRED_NAMED_SCORE:
                    add(second, "LIST>paired", places)
            if len(group) >= 3 and joined and any(is_place for _, is_place in group):
                for span, is_place in group:
                    # a name NER took for a person or organisation must be a sizeable place
                    need = _LISTED_NAMED_SCORE if span.label_ in ("PERSON", "ORG") else WEAK_CUE_SCORE
                    if not is_place and self.known(span.text) >= need:
                        add(span, "LIST>coordinated", places)

        for span, is_place in spans:
            if group:
                # ("Angola, the Democratic Republic of Congo, and Mozambique")
                between = [t.lower_ for t in doc[group[-1][0].end:span.start] if t.lower_ != "the"]
                if between and all(w in (",", "and", "or") for w in between) and len(between) <= 2:
                    joined = joined or "and" in between or "or" in between
                    group.append((span, is_place))
                    continue
                flush()
            group, joined = [(span, is_place)], False
        flush()

    def _units_in_brackets(self, doc: Doc, add, places, context, taken) -> None:
        """"Ludhiana (Punjab)", "Chimakurthi town (Prakasam, AP)", "Loilen township (Loilen district,
        Shan-South state)": a name, then in brackets the units it lies in, as wire reports and
        event datasets write them. When the last unit is likely a place (a province, a sizeable
        town) and the name before the brackets is known, already a place, or called a town,
        village, district... all are places, however NER labelled them; the gazetteer need not
        know the village or the district: the event is then coded to what it does know."""
        starts = {s.start: s for s in places}
        ends = {s.end: s for s in places}
        # the DEMONYM context spans by their bounds, in order; those taken back leave the context
        # at the end (looked for and removed one at a time, they made this quadratic)
        demonyms: dict[tuple[int, int], list[Span]] = {}
        for c in context:
            if c.label_ == "DEMONYM":
                demonyms.setdefault((c.start, c.end), []).append(c)
        released: set[int] = set()
        text = text_of(doc)
        for at in (i for i, ch in enumerate(text) if ch == "("):
            opening = doc.char_span(at, at + 1)
            b = opening.start if opening is not None else 0
            if b < 1:
                continue
            pieces = self._aside(doc, b)
            if not pieces:
                continue
            head, designated = ends.get(b), False
            if head is None:
                last = b
                if b >= 2 and doc[b - 1].lower_ in CHAIN_UNIT_WORDS and (
                        doc[b - 1].text.islower() or doc[b - 1].text.isupper()):
                    last, designated = b - 1, True  # "Chimakurthi town (Prakasam, AP)", "Ohaji LGA (Imo)"
                h = last
                while h > 0 and _capitalised(doc[h - 1]) and last - h < 4:
                    h -= 1
                # "University of Texas (Austin)": a name that is the tail of a longer one is not it
                # ("the market of Haradh area (...)" is no longer name)
                if h == last or (h > 1 and doc[h - 1].lower_ in RUN_CONNECTORS and _capitalised(doc[h - 2])) \
                        or (h > 0 and doc[h - 1].ent_type_ == "PERSON") or doc[last - 1].ent_type_ == "PERSON":
                    continue
                head = doc[h:last]
                if designated:
                    # NER's NORP for a town it does not know ("Chimakurthi town"); a true demonym
                    # ("a Kurdish town") the resolver still sets aside
                    _release_demonym(head, demonyms, released, taken)
            if head.start not in starts and not ((designated or self.known(head.text) >= STRONG_CUE_SCORE)
                                                  and add(head, "ASIDE>head", places)) and len(pieces) < 2:
                continue  # a chain of units stands alone: "Barangay Zone 1 (Bangued, Abra, ...)"
            for piece in pieces:
                if self.known(piece.text) >= WEAK_CUE_SCORE:
                    # "(Kitaf, Sadah)": NER's NORP for a province; the gazetteer knows no demonym so
                    _release_demonym(piece, demonyms, released, taken)
                if not any(taken[piece.start:piece.end]):
                    add(piece, "ASIDE>unit", places)
        if released:
            context[:] = [c for c in context if id(c) not in released]

    def _comma_chains(self, doc: Doc, add, places, taken) -> None:
        """ "in the direction of Krasne, Kharkiv.", "at Karki, Nakhchivan.", "in the El Retiro
        community, Tame, Arauca department, a leader...": after a place cue, names
        joined by commas of which the last, ending the phrase, is a likely place (a province, a
        sizeable town) are each a place in the next: all are places, however NER labelled them,
        known to the gazetteer or not."""
        n = len(doc)
        resume = 0
        for i in capital_starts(doc):
            if i < resume or not _capitalised(doc[i]) or (i and _capitalised(doc[i - 1])) \
                    or _cue_at(doc, i) is None:
                continue
            names, j = [], i
            while j < n:
                k = j
                while k < n and k - j < 4 and (_capitalised(doc[k]) or (
                        doc[k].lower_ in NAME_CONNECTORS and k > j and k + 1 < n and _capitalised(doc[k + 1]))):
                    k += 1
                if k == j or any(t.ent_type_ in ("DATE", "TIME", "NORP") for t in doc[j:k]):
                    names = []
                    break
                names.append(doc[j:k])
                if k < n and doc[k].text.islower() and doc[k].lower_ in CHAIN_UNIT_WORDS:
                    k += 1  # "Tame, Arauca department"
                if k + 1 < n and doc[k].text == "," and _capitalised(doc[k + 1]):
                    j = k + 1
                    continue
                j = k
                break
            ends_phrase = j >= n or doc[j].text in PHRASE_ENDS or (
                doc[j].text == "," and (j + 1 >= n or not _capitalised(doc[j + 1])))
            if len(names) >= 2 and ends_phrase and self.known(names[-1].text) >= WEAK_CUE_SCORE:
                for name in names:
                    unit_word = name.end < n and doc[name.end].lower_ in CHAIN_UNIT_WORDS
                    if any(taken[name.start:name.end]) or name[-1].lower_ in FACILITY_WORDS or (
                            name.start and doc[name.start - 1].lower_ == "the" and not unit_word):
                        continue  # "the Civil Hospital, Ludhiana": a building in the town, no place
                    add(name, "CHAIN", places)
            resume = max(j, i + 1)

    def _aside(self, doc: Doc, b: int) -> list[Span]:
        """The units named in the brackets opening at token ``b``, largest last, if the last is likely
        a place; a unit word after a name is dropped ("Shwebo district"), an acronym that is no
        country's too ("AP"). [] for brackets holding anything else."""
        pieces, start = [], b + 1
        for i in range(b + 1, min(len(doc), b + 20)):
            t = doc[i]
            if t.text in (",", ")"):
                piece = doc[start:i]
                while len(piece) > 1 and piece[-1].text.islower() and piece[-1].lower_ in CHAIN_UNIT_WORDS:
                    piece = piece[:-1]  # "Shwebo district", "Dongola locality"
                if not len(piece) or not all(_capitalised(x) or x.text == "&" or (
                        k == 0 and len(piece) > 1 and x.is_alpha and x.text[:1].isupper())
                        for k, x in enumerate(piece)):  # "An Najaf": an article may open it
                    return []
                pieces.append(piece)
                start = i + 1
                if t.text == ")":
                    break
            elif not (_capitalised(t) or (t.text.islower() and t.lower_ in CHAIN_UNIT_WORDS) or (
                    t.text == "&" and i > start) or (  # "J&K"
                    i == start and t.is_alpha and t.text[:1].isupper() and i + 1 < len(doc)
                    and _capitalised(doc[i + 1]))):  # "An Najaf"
                return []
        else:
            return []
        # an acronym in brackets abbreviates something ("WNV", "AP"), unless it is a country's ("DRC");
        # the largest unit, last, is read first: most brackets hold no place at all
        kept = []
        for piece in reversed(pieces):
            score = self.known(piece.text) if not kept or piece.text.isupper() else 0.0
            if piece.text.isupper() and score < COUNTRY_SCORE:
                continue
            if not kept and score < WEAK_CUE_SCORE:
                return []
            kept.append(piece)
        return kept[::-1]

    def _uncovered_runs(self, doc: Doc, taken, add, places, later) -> None:
        """Capitalised runs NER left alone that a cue or designator marks as places."""
        n = len(doc)
        listing = None  # carried along "the districts of X, Y and Z"
        starts = {span.start for span in places}
        # where places end, kept up to date as runs are added below (asked per run: "X, Y")
        place_ends = {span.end for span in places}
        # Only capitalised and taken words need reading; of the words between, any but
        # "," and "and" ends a listing: ends[b] - ends[a] counts them in [a, b).
        visit = sorted(set(capital_starts(doc)).union(i for i, t in enumerate(taken) if t))
        joins = [doc.vocab.strings[","], doc.vocab.strings["and"]]
        ends = numpy.concatenate(([0], numpy.cumsum(~numpy.isin(doc.to_array("LOWER"), joins))))
        at = 0  # the next word to read
        for i in visit:
            if i < at:
                continue
            if ends[i] > ends[at]:
                listing = None
            at = i + 1
            tok = doc[i]
            if taken[i]:
                if i in starts:
                    cue = _cue_at(doc, i, strong_only=True)
                    if cue and cue.endswith("s of"):
                        listing = cue
                elif not (i > 0 and taken[i - 1]):
                    listing = None
                continue
            if not _capitalised(tok):
                if tok.lower_ not in (",", "and"):
                    listing = None
                continue
            j = i + 1
            while j < n and not taken[j]:
                if _capitalised(doc[j]):
                    j += 1
                    continue
                # connectors, possibly several ("Mazar-i-Sharif"), then a capitalised word
                k = j
                while k < n and k - j < 3 and not taken[k] and doc[k].lower_ in RUN_CONNECTORS:
                    k += 1
                if k == j or k >= n or taken[k] or not _capitalised(doc[k]):
                    break
                j = k + 1
            span = doc[i:j]
            cue = _cue_at(doc, i, strong_only=True)
            core, kind = _core(span)
            if kind is None and j < n and doc[j].text.islower() and doc[j].lower_ in DESIGNATORS:
                kind = DESIGNATORS[doc[j].lower_]  # "Bilchiragh district"
            if cue is None and i >= 2 and doc[i - 1].text == "," and (
                    doc[i - 2].lower_ in DESIGNATORS or i - 1 in place_ends):
                cue = "after a place"  # "Bilchiragh district, Faryab": the unit it lies in
            if cue is None and _in_aside_after_place(doc, i, place_ends) and (
                    not span.text.isupper() or self.known(span.text) >= COUNTRY_SCORE):
                # "Mandje mining site (Djugu, Ituri)": the units it lies in; an acronym there
                # is the name's abbreviation ("West Nile virus (WNV)") unless a country's (DRC)
                cue = "after a place"
            weak = None
            if not (cue or kind or listing) and _cue_at(doc, i) in ("in", "at") and \
                    not (j < n and (doc[j].ent_type_ in ("ORG", "PERSON") or _capitalised(doc[j]))):
                weak = _cue_at(doc, i)  # "protested in Murcia": a bare "in" needs a likelier place
            need = WEAK_CUE_SCORE if (_after_cue(span) or weak) and not (cue or kind or listing) \
                else STRONG_CUE_SCORE
            if cue in NAMING_CUES and len(span) <= 3 and not any(t.ent_type_ in ("PERSON", "ORG", "DATE")
                                                                   for t in span):
                need = 0.0  # "the village of Cellardyke": a place, known here or not
            if kind is not None and j < n and doc[j].text.islower() and doc[j].lower_ in SETTLEMENT_WORDS \
                    and len(span) <= 3 and not any(t.ent_type_ or t.is_stop for t in span) and \
                    (cue or _cue_at(doc, i) or i >= 2 and doc[i - 1].lower_ == "of"):
                need = 0.0  # "in the limits of Naish district": a unit the text names, known here or not
            cue = cue or weak
            if j < n and doc[j].like_num and not kind:
                need = max(need, WEAK_CUE_SCORE)  # "east of Highway 12": a road, unless a likely place
            if (cue or kind or listing or _after_cue(span)) and len(core) and self.known(span.text) >= need:
                if add(span, f"LIST>{listing}" if listing and not cue else "GAZETTEER", places):
                    place_ends.add(span.end)
                if cue and cue.endswith("s of"):
                    listing = cue
            elif not any(t.ent_type_ for t in span) and not _title_case(doc, i) and (
                    _mid_sentence(doc, i) and self.known(span.text) >= _MAJOR_PLACE_SCORE
                    or doc[i].is_sent_start and j < n and doc[j].is_lower and not span.text.isupper()
                    and self.known(span.text) >= COUNTRY_SCORE):
                # "shelling hit Donetsk", "Nigeria reported 782 cases": NER missed a city or a
                # country (one opening a sentence before a lower-case word)
                if add(span, "GAZETTEER>major", places):
                    place_ends.add(span.end)
            else:
                later.append(span)
            at = j


def _mid_sentence(doc: Doc, i: int) -> bool:
    """Token ``i`` stands inside its sentence after a lower-case word, where capitals mean a name."""
    return i > 0 and not doc[i].is_sent_start and doc[i - 1].is_alpha and doc[i - 1].is_lower


def _title_case(doc: Doc, i: int) -> bool:
    """Most of the other words of token ``i``'s sentence that name nothing are capitalised:
    a headline, where capitals mean nothing."""
    # the sentence's words are counted once (kept in doc.user_data), not once per capitalised word
    counts = doc.user_data.setdefault("sitrep_headline_words", {})
    starts = sentence_starts(doc)
    k = bisect.bisect_right(starts, i) - 1
    if k not in counts:
        words = [t for t in doc[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(doc)] if _plain_word(t)]
        counts[k] = (len(words), sum(t.text[:1].isupper() for t in words))
    n, upper = counts[k]
    if _plain_word(doc[i]):
        n, upper = n - 1, upper - doc[i].text[:1].isupper()
    return n >= 3 and upper > 0.5 * n


def _plain_word(tok) -> bool:
    """A word that names nothing and does not open its sentence (what tells a headline)."""
    return tok.is_alpha and not tok.is_stop and not tok.ent_type_ and not tok.is_sent_start


def _release_demonym(span: Span, demonyms: dict[tuple[int, int], list[Span]], released: set[int],
                     taken: list[bool]) -> None:
    """Take back the DEMONYM context span over exactly ``span``, if any, for a place to have it
    (``demonyms``: those not yet taken back, by their bounds; ``released``: the ids of those taken)."""
    found = demonyms.get((span.start, span.end))
    if found:
        released.add(id(found.pop(0)))
        for i in range(span.start, span.end):
            taken[i] = False


def _without_part_words(text: str) -> str:
    """ "Northeast Georgia" -> "Georgia", "Shan-South" -> "Shan"; a name of part words only is
    returned whole."""
    words = text.split()
    k = 0
    while k < len(words) - 1 and all(w in PART_WORDS for w in words[k].lower().split("-")):
        k += 1
    head, dash, tail = words[-1].rpartition("-")
    if k == 0 and len(words) == 1 and dash and head and tail.lower() in PART_WORDS:
        return head
    return " ".join(words[k:])


def _names_disease(span: Span) -> bool:
    """Whether the words after the span make it a disease's name ("Ebola virus")."""
    doc, i = span.doc, span.end
    while i < len(doc) and i - span.end < 2 and doc[i].lower_ in DISEASE_BRIDGES:
        i += 1
    return i < len(doc) and doc[i].lower_ in DISEASE_WORDS


def _diseases_to_context(doc: Doc, places: list[Span], context: list[Span]) -> list[Span]:
    """Places whose name the text uses for a disease ("Ebola virus", "West Nile fever"), or that
    news names mostly for one (:data:`DISEASE_NAMES`), become context; so do that name's other
    mentions in the text unless a place cue stands before them: "negative for Ebola" is the
    virus, "an outbreak in Marburg" the town."""
    diseases = {s.text.lower() for s in places if _names_disease(s) or s.text.lower() in DISEASE_NAMES}
    if not diseases:
        return places
    kept = []
    for span in places:
        if span.text.lower() in diseases and (_names_disease(span) or _cue(span) is None):
            context.append(Span(doc, span.start, span.end, label="NAMED-DISEASE"))
        else:
            kept.append(span)
    return kept


def _in_aside_after_place(doc: Doc, i: int, place_ends: set[int]) -> bool:
    """Whether token ``i`` opens or follows a comma inside brackets that come right after a
    place (one of those ending at ``place_ends``): "Abala (Kilbati-Zone 2, Afar)", "Tame (Arauca)"."""
    j = i - 1
    while j >= 0 and i - j <= 8 and doc[j].text not in ("(", ")"):
        if doc[j].text not in (",", "-") and not doc[j].text[:1].isupper() and not doc[j].is_digit:
            return False  # only names, numbers and commas between the bracket and here
        j -= 1
    if j < 0 or doc[j].text != "(" or (j != i - 1 and doc[i - 1].text != ","):
        return False
    return any(j - k in place_ends for k in range(4))


def _all_caps(tok) -> bool:
    """ "COLUMBUS", "ST.", "N.J.": a word in capitals, two letters or more."""
    letters = [c for c in tok.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitalised(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop or (
        tok.text[:1].isupper() and "-" in tok.text)


def _no_place_name(span: Span) -> bool:
    """A date (a name of one, a holiday, a season in a date: "the Summer of 2008"), an
    institution, a word that is no proper name ("meth", "n't") or a capitalised common noun
    alone ("City officials"): no place, whatever a gazetteer says."""
    return span.text.lower() in NOT_PLACES or not span.text[:1].isupper() or (
        len(span) == 1 and span[0].lower_ in VAGUE) or _body_unit(span) or (
        len(span) > 1 and span[-1].lower_ == "day") or (
        len(span) == 1 and span[0].lower_ in SEASONS and span[0].ent_type_ == "DATE")


def _body_unit(span: Span) -> bool:
    """ "(the Shiloh) School District": a body's unit, named by institution words alone."""
    core, kind = _core(span)
    return kind is not None and len(core) > 0 and all(t.lower_ in BODY_WORDS for t in core)


def _initialled(ent: Span) -> bool:
    """ "Tyrise M. Bell": a first name, a middle initial and a last name is a person's, whatever
    NER labelled it."""
    return len(ent) == 3 and _capitalised(ent[0]) and re.fullmatch(r"[A-Z]\.", ent[1].text) is not None \
        and _capitalised(ent[2])


def _named_pair(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a two-word name NER read as a person or organisation ("Brett
    Hartmann said", labelled ORG), not a longer one ("New York", "Bank of America")."""
    tok, first = doc[i], doc[i - 1]
    return tok.ent_type_ in ("PERSON", "ORG") and tok.ent_iob_ == "I" and first.ent_iob_ == "B" \
        and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")


def _surnames(doc: Doc) -> set[str]:
    """Last names of the people a text names: the last word of a PERSON entity of two words or
    more ("Matthew D. Flores"), or a capitalised word after a title ("President Saakashvili"),
    unless a place cue stands before it somewhere in the text."""
    out = set()
    for ent in doc.ents:
        if (ent.label_ == "PERSON" or _initialled(ent)) and len(ent) >= 2 and ent[-1].text[:1].isupper() \
                and ent[-1].is_alpha:
            out.add(ent[-1].text)
    for i in capital_starts(doc):
        if i and doc[i - 1].lower_.rstrip(".") in SURNAME_TITLES and doc[i].is_alpha:
            out.add(doc[i].text)
    # A name the text also puts a place cue before ("in Malakal") is a place after all:
    # NER's "Village Malakal" is no person. A possessive after it ("in Flores' honor")
    # keeps it the person's.
    if not out:
        return out
    cued = {doc[i].text for i in capital_starts(doc) if doc[i].text in out and _cue_at(doc, i) and not (
        i + 1 < len(doc) and doc[i + 1].text in ("'", "'s", "’", "’s"))}
    return out - cued


def _bracket_pieces(ent: Span) -> list[Span]:
    """An entity split at the brackets inside it, at a comma inside a place's, at a spaced dash
    and, for an organisation or facility, at "in"/"at": NER runs "Tacna (Tacna", "Zacatecas,
    Zacatecas", "Sydney - Central" (a town and its district) and "the Teaching Hospital in
    Akure" together."""
    doc, pieces, start = ent.doc, [], ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or doc[i].text in ("(", ")", "[", "]") or (
                # "Zacatecas, Zacatecas", "Taloqan, Takhar": a town and its province
                doc[i].text == "," and ent.label_ in PLACE_LABELS) or (
                doc[i].text in ("-", "–", "—") and i > ent.start and doc[i - 1].whitespace_ and doc[i].whitespace_) or (
                # "the Teaching Hospital in Akure": an institution, then where it is
                ent.label_ in ("ORG", "FAC") and doc[i].lower_ in ("in", "at") and i > ent.start):
            # "Lake Mary - Highway 9": a piece the entity cut from a road number is no place
            if i > start and not (len(pieces) and i < len(doc) and doc[i].like_num):
                pieces.append(Span(doc, start, i, label=ent.label_))
            start = i + 1
    return pieces


def _strip_the(span: Span) -> Span | None:
    start = span.start
    while start < span.end and span.doc[start].lower_ in ("the", "'s"):
        start += 1
    end = span.end
    if end - 1 >= start and span.doc[end - 1].text in POSSESSIVES:
        end -= 1
    return span.doc[start:end] if end > start else None


def _extend_designator(span: Span) -> Span:
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in DESIGNATORS and doc[span.end].text[:1].isupper():
        return doc[span.start:span.end + 1]
    return span


def _unit_word_inside(span: Span, *, before=None) -> int | None:
    """The index of the first word inside the span (neither its first nor its last) that ends
    a unit's name, "County" in "Douglas County Public Works"; with ``before``, the first
    followed by one of those words."""
    doc = span.doc
    return next((k for k in range(span.start + 1, span.end - 1) if doc[k].lower_ in UNIT_HEADS
                 and (before is None or doc[k + 1].lower_ in before)), None)


def _trim_common_designator(span: Span) -> Span:
    """ "Hebei province" -> "Hebei": a lower-case designator is a common noun after
    the name, not part of it (its kind hint is read from the text after the span)."""
    if len(span) > 1 and span[-1].lower_ in DESIGNATORS and span[-1].text.islower():
        return span[:-1]
    return span


def _core(span: Span) -> tuple[Span, str | None]:
    """The span without a trailing designator word, and the kind it hints."""
    last = span[-1].lower_
    if len(span) > 1 and last in DESIGNATORS:
        core = span[:-1]
        if last in ("airport", "airbase") and len(core) > 1 and core[-1].lower_ == "international":
            core = core[:-1]
        return core, DESIGNATORS[last]
    return span, None


def _cue_at(doc: Doc, i: int, *, strong_only: bool = False) -> str | None:
    """The cue words just before token ``i`` ("town of", "near", "in"), else None.

    ``strong_only`` leaves out "in"/"at", which precede dates and names as often as places.
    """
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in OF_CUES and not (
            i >= 3 and _capitalised(doc[i - 2]) and _capitalised(doc[i - 3])):
        # not a unit word that ends another name ("the Rosemary District of Sarasota")
        return f"{doc[i - 2].lower_} of"
    j = i - 1
    while j >= 0 and doc[j].lower_ in CUE_MODIFIERS:
        j -= 1
    if j >= 0 and doc[j].lower_ in STRONG_PREPOSITIONS:
        if strong_only and doc[j].lower_ in LOOSE_PREPOSITIONS:
            return None
        return doc[j].lower_
    return None


def _after_cue(span: Span) -> bool:
    """Whether the word after the span makes it a place ("an Alexandria man")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in AFTER_CUES


def _cue(span: Span) -> str | None:
    return _cue_at(span.doc, span.start)


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
    for role, key in (("place", "places"), ("context", "place_context"), ("maybe", "place_maybe")):
        for span in doc.spans.get(key, []):
            core, kind = _core(span)
            after = doc[span.end] if span.end < len(doc) else None
            if kind is None and after is not None and (after.text.islower() or after.text.isupper()):
                # "Hebei province", "Ohaji LGA", "Kunduz and Takhar provinces"
                kind = DESIGNATORS.get(after.lower_) or LIST_DESIGNATORS.get(after.lower_)
            if role == "place" and kind is None and span.label_.startswith("LIST>"):
                kind = OF_CUES.get(span.label_.removesuffix(">part")[5:-3])
            elif role == "place" and kind is None:
                cue = _cue(span)
                kind = OF_CUES.get(cue[:-3]) if cue and cue.endswith(" of") else None
            start, end, text, name = span.start_char, span.end_char, span.text, span.text
            if span.label_.endswith(">part"):
                name = _without_part_words(span.text)
                if role == "context":
                    # "the Northeast Georgia Medical Center": the organisation's toponym is
                    # Georgia; in running text "Northeast Georgia" is a region's name, kept whole
                    start += span.text.find(name)
                    end, text = start + len(name), name
            out.append(PlaceMention(
                start=start, end=end, text=text, name=name,
                role=role, label=span.label_, kind_hint=kind,
                cue=_cue(span), sentence=sentence_of(span.start),
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


def find_places(texts: Iterable[str], *, known: Known, nlp=None,
                batch_size: int = 32) -> Iterator[list[PlaceMention]]:
    """Place mentions of each text, in order (``nlp.pipe`` in batches)."""
    from parsing.nlp import load

    nlp = nlp or load()
    finder = PlaceFinder(known)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield mentions(finder(doc))
