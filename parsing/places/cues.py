"""Cues: the words around a name that make it a place ("the town of X", "near X", "an X man",
"X district"), and the passes they drive: capitalised runs NER left alone, and lists of places."""
from __future__ import annotations

import bisect

import numpy
from spacy.tokens import Doc, Span

from parsing.doc import capital_starts, sentence_starts
from parsing.lexicon import (AFTER_CUES, CUE_MODIFIERS, DESIGNATORS, LIST_DESIGNATORS, LOOSE_PREPOSITIONS, NAMING_CUES,
                             OF_CUES, RUN_CONNECTORS, SETTLEMENT_WORDS, STRONG_PREPOSITIONS)
from parsing.places.found import Found
from parsing.places.limits import (COUNTRY_SCORE, LISTED_NAMED_SCORE, MAJOR_PLACE_SCORE, PAIRED_NAMED_SCORE,
                                   STRONG_CUE_SCORE, WEAK_CUE_SCORE)
from parsing.places.names import capitalised, without_designator
from parsing.places.rules import Reason, Rule, Source


def cue_at(doc: Doc, i: int, *, strong_only: bool = False) -> str | None:
    """The cue words just before token ``i`` ("town of", "near", "in"), else None.

    ``strong_only`` leaves out "in"/"at", which precede dates and names as often as places.
    """
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in OF_CUES and not (
            i >= 3 and capitalised(doc[i - 2]) and capitalised(doc[i - 3])):
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


def cue_before(span: Span) -> str | None:
    """The cue words just before the span (:func:`cue_at`)."""
    return cue_at(span.doc, span.start)


def after_cue(span: Span) -> bool:
    """Whether the word after the span makes it a place ("an Alexandria man")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in AFTER_CUES


def uncovered_runs(found: Found) -> None:
    """Capitalised runs NER left alone that a cue or designator marks as places."""
    doc, taken, add, places, later = found.doc, found.taken, found.add, found.places, found.later
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
                cue = cue_at(doc, i, strong_only=True)
                if cue and cue.endswith("s of"):
                    listing = cue
            elif not (i > 0 and taken[i - 1]):
                listing = None
            continue
        if not capitalised(tok):
            if tok.lower_ not in (",", "and"):
                listing = None
            continue
        j = i + 1
        while j < n and not taken[j]:
            if capitalised(doc[j]):
                j += 1
                continue
            # connectors, possibly several ("Mazar-i-Sharif"), then a capitalised word
            k = j
            while k < n and k - j < 3 and not taken[k] and doc[k].lower_ in RUN_CONNECTORS:
                k += 1
            if k == j or k >= n or taken[k] or not capitalised(doc[k]):
                break
            j = k + 1
        span = doc[i:j]
        cue = cue_at(doc, i, strong_only=True)
        core, kind = without_designator(span)
        if kind is None and j < n and doc[j].text.islower() and doc[j].lower_ in DESIGNATORS:
            kind = DESIGNATORS[doc[j].lower_]  # "Bilchiragh district"
        if cue is None and i >= 2 and doc[i - 1].text == "," and (
                doc[i - 2].lower_ in DESIGNATORS or i - 1 in place_ends):
            cue = "after a place"  # "Bilchiragh district, Faryab": the unit it lies in
        if cue is None and _in_aside_after_place(doc, i, place_ends) and (
                not span.text.isupper() or found.known(span.text) >= COUNTRY_SCORE):
            # "Mandje mining site (Djugu, Ituri)": the units it lies in; an acronym there
            # is the name's abbreviation ("West Nile virus (WNV)") unless a country's (DRC)
            cue = "after a place"
        weak = None
        if not (cue or kind or listing) and cue_at(doc, i) in ("in", "at") and \
                not (j < n and (doc[j].ent_type_ in ("ORG", "PERSON") or capitalised(doc[j]))):
            weak = cue_at(doc, i)  # "protested in Murcia": a bare "in" needs a likelier place
        need = WEAK_CUE_SCORE if (after_cue(span) or weak) and not (cue or kind or listing) \
            else STRONG_CUE_SCORE
        if cue in NAMING_CUES and len(span) <= 3 and not any(t.ent_type_ in ("PERSON", "ORG", "DATE")
                                                               for t in span):
            need = 0.0  # "the village of Cellardyke": a place, known here or not
        if kind is not None and j < n and doc[j].text.islower() and doc[j].lower_ in SETTLEMENT_WORDS \
                and len(span) <= 3 and not any(t.ent_type_ or t.is_stop for t in span) and \
                (cue or cue_at(doc, i) or i >= 2 and doc[i - 1].lower_ == "of"):
            need = 0.0  # "in the limits of Naish district": a unit the text names, known here or not
        cue = cue or weak
        if j < n and doc[j].like_num and not kind:
            need = max(need, WEAK_CUE_SCORE)  # "east of Highway 12": a road, unless a likely place
        if (cue or kind or listing or after_cue(span)) and len(core) and found.known(span.text) >= need:
            if add(span, Rule(Source.LIST, of_cue=listing) if listing and not cue else Rule(Source.GAZETTEER), places):
                place_ends.add(span.end)
            if cue and cue.endswith("s of"):
                listing = cue
        elif not any(t.ent_type_ for t in span) and not _title_case(doc, i) and (
                _mid_sentence(doc, i) and found.known(span.text) >= MAJOR_PLACE_SCORE
                or doc[i].is_sent_start and j < n and doc[j].is_lower and not span.text.isupper()
                and found.known(span.text) >= COUNTRY_SCORE):
            # "shelling hit Donetsk", "Nigeria reported 782 cases": NER missed a city or a
            # country (one opening a sentence before a lower-case word)
            if add(span, Rule(Source.GAZETTEER, Reason.MAJOR), places):
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


def coordinated(found: Found) -> None:
    """Names in a list of places ("Herat, Kandahar and Mazar-i-Sharif") are places when
    the gazetteer knows them: NER labels list members unevenly (Herat as ORG here).
    Only lists of three or more ("Israel and Hamas" and "Tim and Kristina" are not
    lists of places), or of two before a plural unit word ("Kunduz and Takhar
    provinces"). Not propagated further."""
    doc, add, places, later = found.doc, found.add, found.places, found.later
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
                if not is_place and found.known(span.text) >= STRONG_CUE_SCORE:
                    add(span, Rule(Source.LIST, Reason.DESIGNATOR), places)
            return
        if len(group) == 2 and joined and group[0][1] and not group[1][1]:
            # "in Tehran and Isfahan": a pair after a place preposition, the second a city
            # of about a million ("between Israel and Hamas" is no pair of places)
            (first, _), (second, _) = group
            before = doc[first.start - 1].lower_ if first.start else ""
            if (cue_before(first) in STRONG_PREPOSITIONS or before == "from") and \
                    found.known(second.text) >= PAIRED_NAMED_SCORE:
                add(second, Rule(Source.LIST, Reason.PAIRED), places)
        if len(group) >= 3 and joined and any(is_place for _, is_place in group):
            for span, is_place in group:
                # a name NER took for a person or organisation must be a sizeable place
                need = LISTED_NAMED_SCORE if span.label_ in ("PERSON", "ORG") else WEAK_CUE_SCORE
                if not is_place and found.known(span.text) >= need:
                    add(span, Rule(Source.LIST, Reason.COORDINATED), places)

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
