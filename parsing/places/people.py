"""People: the names a text uses for people, which are no places on their own ("Matthew D.
Flores ... Flores said", "Tanya Rodriguez ... Tanya", "Kristina said", "coach Ripley"), and the
names NER took for a person or organisation that the resolver may still place ("maybe")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from parsing.doc import capital_starts
from parsing.lexicon import DATELINE_ENDS, PERSON_SPEECH_VERBS, POSSESSIVES, SURNAME_TITLES
from parsing.places.cues import cue_at
from parsing.places.found import Found
from parsing.places.limits import LISTED_NAMED_SCORE, STRONG_CUE_SCORE, Known
from parsing.places.names import capitalised, no_place_name
from parsing.places.rules import Rule, Source


def people_named(doc: Doc, known: Known) -> set[str]:
    """The single words the text uses for people: last names, and first names and speakers the
    gazetteer knows no sizeable place of."""
    return surnames(doc) | _first_names_and_speakers(doc, known)


def surnames(doc: Doc) -> set[str]:
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
    cued = {doc[i].text for i in capital_starts(doc) if doc[i].text in out and cue_at(doc, i) and not (
        i + 1 < len(doc) and doc[i + 1].text in ("'", "'s", "’", "’s"))}
    return out - cued


def _first_names_and_speakers(doc: Doc, known: Known) -> set[str]:
    """Single words the text uses for a person, though the gazetteer knows a small town so
    named: the first name of a person it names in full ("Tanya Rodriguez ... Tanya is his
    wife") and a name that speaks ("Kristina said"). A sizeable place keeps its name:
    "Moscow said" is the government speaking."""
    # (not before a dateline's dash: "DANIELSVILLE - Madison County")
    out = {ent[0].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
           and ent[0].is_alpha and ent[0].text[:1].isupper() and ent[1].text not in DATELINE_ENDS}
    capitals = capital_starts(doc)
    out |= {doc[i].text for i in capitals if i + 1 < len(doc) and doc[i + 1].lower_ in PERSON_SPEECH_VERBS
            and doc[i].is_alpha and (not (i and capitalised(doc[i - 1])) or _named_pair(doc, i))}
    # as for surnames, a place cue before the name anywhere ("gathered in Bemidji") makes it
    # the place NER's PERSON span began with ("Bemidji Knitting for Justice")
    cued = {doc[i].text for i in capitals if doc[i].text in out and cue_at(doc, i)}
    return {name for name in out - cued if known(name) < LISTED_NAMED_SCORE}


def _initialled(ent: Span) -> bool:
    """ "Tyrise M. Bell": a first name, a middle initial and a last name is a person's, whatever
    NER labelled it."""
    return len(ent) == 3 and capitalised(ent[0]) and re.fullmatch(r"[A-Z]\.", ent[1].text) is not None \
        and capitalised(ent[2])


def _named_pair(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a two-word name NER read as a person or organisation ("Brett
    Hartmann said", labelled ORG), not a longer one ("New York", "Bank of America")."""
    tok, first = doc[i], doc[i - 1]
    return tok.ent_type_ in ("PERSON", "ORG") and tok.ent_iob_ == "I" and first.ent_iob_ == "B" \
        and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")


def maybe_places(found: Found) -> list[Span]:
    """Names NER took for a person or organisation that nothing here placed, but that the
    gazetteer knows: the resolver makes them places only where a reading lies close to the
    article's other places ("Dublin operates its own sirens" in a story about Columbus)."""
    doc, later, taken, people = found.doc, found.later, found.taken, found.people
    out = []
    for span in later:
        if span.label_ not in ("PERSON", "ORG") or any(taken[span.start:span.end]) or len(span) > 3:
            continue
        if span.text in people or not all(capitalised(t) for t in span) or no_place_name(span):
            continue
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        before = doc[span.start - 1].lower_.rstrip(".") if span.start else ""
        if after in PERSON_SPEECH_VERBS or after in POSSESSIVES or before in SURNAME_TITLES \
                or found.known(span.text) < STRONG_CUE_SCORE:
            continue  # "Madison said", "Mayor Lincoln": a person
        out.append(Span(doc, span.start, span.end, label=Rule(Source.MAYBE, entity=Source(span.label_)).label))
    return out
