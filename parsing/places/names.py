"""What a name looks like: the token and span tests the passes share, the designator a name
ends with, and the part words before it ("Northeast Georgia")."""
from __future__ import annotations

from spacy.tokens import Span

from parsing.lexicon import BODY_WORDS, DESIGNATORS, NOT_PLACES, PART_WORDS, POSSESSIVES, SEASONS, UNIT_HEADS, VAGUE
from parsing.places.limits import STRONG_CUE_SCORE, WEAK_CUE_SCORE, Known

#: NER's labels for places (GPE: countries, cities, states; LOC: other locations).
PLACE_LABELS = {"GPE", "LOC"}


def capitalised(tok) -> bool:
    """A word that may begin a name: capitalised and no stop word ("The"), or hyphenated ("Al-Qaim")."""
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop or (
        tok.text[:1].isupper() and "-" in tok.text)


def all_caps(tok) -> bool:
    """ "COLUMBUS", "ST.", "N.J.": a word in capitals, two letters or more."""
    letters = [c for c in tok.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def no_place_name(span: Span) -> bool:
    """A date (a name of one, a holiday, a season in a date: "the Summer of 2008"), an
    institution, a word that is no proper name ("meth", "n't") or a capitalised common noun
    alone ("City officials"): no place, whatever a gazetteer says."""
    return span.text.lower() in NOT_PLACES or not span.text[:1].isupper() or (
        len(span) == 1 and span[0].lower_ in VAGUE) or body_unit(span) or (
        len(span) > 1 and span[-1].lower_ == "day") or (
        len(span) == 1 and span[0].lower_ in SEASONS and span[0].ent_type_ == "DATE")


def body_unit(span: Span) -> bool:
    """ "(the Shiloh) School District": a body's unit, named by institution words alone."""
    core, kind = without_designator(span)
    return kind is not None and len(core) > 0 and all(t.lower_ in BODY_WORDS for t in core)


def without_designator(span: Span) -> tuple[Span, str | None]:
    """The span without a trailing designator word, and the kind it hints."""
    last = span[-1].lower_
    if len(span) > 1 and last in DESIGNATORS:
        core = span[:-1]
        if last in ("airport", "airbase") and len(core) > 1 and core[-1].lower_ == "international":
            core = core[:-1]
        return core, DESIGNATORS[last]
    return span, None


def strip_the(span: Span) -> Span | None:
    """The span without "the" and "'s" before it and a possessive after it; None if nothing is left."""
    start = span.start
    while start < span.end and span.doc[start].lower_ in ("the", "'s"):
        start += 1
    end = span.end
    if end - 1 >= start and span.doc[end - 1].text in POSSESSIVES:
        end -= 1
    return span.doc[start:end] if end > start else None


def trim_common_designator(span: Span) -> Span:
    """ "Hebei province" -> "Hebei": a lower-case designator is a common noun after
    the name, not part of it (its kind hint is read from the text after the span)."""
    if len(span) > 1 and span[-1].lower_ in DESIGNATORS and span[-1].text.islower():
        return span[:-1]
    return span


def extend_designator(span: Span) -> Span:
    """The span and a capitalised designator after it ("Takhar Province")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in DESIGNATORS and doc[span.end].text[:1].isupper():
        return doc[span.start:span.end + 1]
    return span


def unit_word_inside(span: Span, *, before=None) -> int | None:
    """The index of the first word inside the span (neither its first nor its last) that ends
    a unit's name, "County" in "Douglas County Public Works"; with ``before``, the first
    followed by one of those words."""
    doc = span.doc
    return next((k for k in range(span.start + 1, span.end - 1) if doc[k].lower_ in UNIT_HEADS
                 and (before is None or doc[k + 1].lower_ in before)), None)


def bracket_pieces(ent: Span) -> list[Span]:
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


def without_part_words(text: str) -> str:
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


def part_of(span: Span, known: Known) -> bool:
    """Whether the span names a part of a place ("Northeast Georgia", "North-Western Sydney")
    that the gazetteer knows only without the part words ("North Carolina", "West Bank" are
    names of their own). The span stays whole, but in an organisation's name (see
    :func:`mentions`); the place looked up is the rest."""
    rest = without_part_words(span.text)
    if rest == span.text:
        return False
    # the whole may be known weakly (East Texas as a spelling of Las Estacas): the part
    # words win where the rest is known better and the whole is no name of its own
    whole, part = known(span.text), known(rest)
    return part >= STRONG_CUE_SCORE and whole < min(WEAK_CUE_SCORE, part)


def known_part(text: str, known: Known) -> float:
    """How well the gazetteer knows a name, or the name without its part words
    ("Northeast Texas" as Texas)."""
    rest = without_part_words(text)
    return max(known(text), known(rest) if rest != text else 0.0)
