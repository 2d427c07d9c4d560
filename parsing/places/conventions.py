"""News and event-data conventions that place a name: datelines ("KABUL —"), a politician's
home ("Clyburn, D-S.C."), units in brackets ("Mandje (Djugu, Ituri)") and chains of units
("Krasne, Kharkiv."); and the place names that are a disease's ("West Nile virus")."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from parsing.doc import capital_starts, text_of
from parsing.lexicon import (CHAIN_UNIT_WORDS, DATELINE_ENDS, DISEASE_BRIDGES, DISEASE_NAMES, DISEASE_WORDS,
                             FACILITY_WORDS, NAME_CONNECTORS, PHRASE_ENDS, RUN_CONNECTORS)
from parsing.places.cues import cue_at, cue_before
from parsing.places.found import Found
from parsing.places.limits import COUNTRY_SCORE, STRONG_CUE_SCORE, WEAK_CUE_SCORE, Known
from parsing.places.names import all_caps, capitalised
from parsing.places.rules import Reason, Rule, Source


def datelines(found: Found) -> None:
    """ "COLUMBUS, Ohio (AP) —", "MIDDLETOWN —", "BEIRUT:": the capitals that open a
    sentence before a dash, colon, comma or bracket name the place a report is filed from."""
    doc, add, places = found.doc, found.add, found.places
    starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    for i in starts:
        j = i
        while j < len(doc) and j - i < 4 and all_caps(doc[j]):
            j += 1
        if j == i or j >= len(doc) or doc[j].text not in DATELINE_ENDS:
            continue
        span = doc[i:j]
        if found.known(span.text) >= STRONG_CUE_SCORE:
            add(span, Rule(Source.DATELINE), places)


def party_homes(found: Found) -> None:
    """ "James Clyburn, D-S.C.", "Ray Miller, D-Columbus": the place after a US party
    initial is the politician's state or town."""
    doc, add, places = found.doc, found.add, found.places
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
        if j > i and found.known(span.text) >= STRONG_CUE_SCORE:
            add(span, Rule(Source.PARTY_HOME), places)


def units_in_brackets(found: Found) -> None:
    """"Ludhiana (Punjab)", "Chimakurthi town (Prakasam, AP)", "Loilen township (Loilen district,
    Shan-South state)": a name, then in brackets the units it lies in, as wire reports and
    event datasets write them. When the last unit is likely a place (a province, a sizeable
    town) and the name before the brackets is known, already a place, or called a town,
    village, district... all are places, however NER labelled them; the gazetteer need not
    know the village or the district: the event is then coded to what it does know."""
    doc, add, places, context, taken = found.doc, found.add, found.places, found.context, found.taken
    starts = {s.start: s for s in places}
    ends = {s.end: s for s in places}
    # the DEMONYM context spans by their bounds, in order; those taken back leave the context
    # at the end (looked for and removed one at a time, they made this quadratic)
    demonyms: dict[tuple[int, int], list[Span]] = {}
    for c in context:
        if Rule.from_label(c.label_).source is Source.DEMONYM:
            demonyms.setdefault((c.start, c.end), []).append(c)
    released: set[int] = set()
    text = text_of(doc)
    for at in (i for i, ch in enumerate(text) if ch == "("):
        opening = doc.char_span(at, at + 1)
        b = opening.start if opening is not None else 0
        if b < 1:
            continue
        pieces = _aside(doc, b, found.known)
        if not pieces:
            continue
        head, designated = ends.get(b), False
        if head is None:
            last = b
            if b >= 2 and doc[b - 1].lower_ in CHAIN_UNIT_WORDS and (
                    doc[b - 1].text.islower() or doc[b - 1].text.isupper()):
                last, designated = b - 1, True  # "Chimakurthi town (Prakasam, AP)", "Ohaji LGA (Imo)"
            h = last
            while h > 0 and capitalised(doc[h - 1]) and last - h < 4:
                h -= 1
            # "University of Texas (Austin)": a name that is the tail of a longer one is not it
            # ("the market of Haradh area (...)" is no longer name)
            if h == last or (h > 1 and doc[h - 1].lower_ in RUN_CONNECTORS and capitalised(doc[h - 2])) \
                    or (h > 0 and doc[h - 1].ent_type_ == "PERSON") or doc[last - 1].ent_type_ == "PERSON":
                continue
            head = doc[h:last]
            if designated:
                # NER's NORP for a town it does not know ("Chimakurthi town"); a true demonym
                # ("a Kurdish town") the resolver still sets aside
                _release_demonym(head, demonyms, released, taken)
        if head.start not in starts and not ((designated or found.known(head.text) >= STRONG_CUE_SCORE)
                                              and add(head, Rule(Source.ASIDE, Reason.HEAD), places)) \
                and len(pieces) < 2:
            continue  # a chain of units stands alone: "Barangay Zone 1 (Bangued, Abra, ...)"
        for piece in pieces:
            if found.known(piece.text) >= WEAK_CUE_SCORE:
                # "(Kitaf, Sadah)": NER's NORP for a province; the gazetteer knows no demonym so
                _release_demonym(piece, demonyms, released, taken)
            if not any(taken[piece.start:piece.end]):
                add(piece, Rule(Source.ASIDE, Reason.UNIT), places)
    if released:
        context[:] = [c for c in context if id(c) not in released]


def _aside(doc: Doc, b: int, known: Known) -> list[Span]:
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
            if not len(piece) or not all(capitalised(x) or x.text == "&" or (
                    k == 0 and len(piece) > 1 and x.is_alpha and x.text[:1].isupper())
                    for k, x in enumerate(piece)):  # "An Najaf": an article may open it
                return []
            pieces.append(piece)
            start = i + 1
            if t.text == ")":
                break
        elif not (capitalised(t) or (t.text.islower() and t.lower_ in CHAIN_UNIT_WORDS) or (
                t.text == "&" and i > start) or (  # "J&K"
                i == start and t.is_alpha and t.text[:1].isupper() and i + 1 < len(doc)
                and capitalised(doc[i + 1]))):  # "An Najaf"
            return []
    else:
        return []
    # an acronym in brackets abbreviates something ("WNV", "AP"), unless it is a country's ("DRC");
    # the largest unit, last, is read first: most brackets hold no place at all
    kept = []
    for piece in reversed(pieces):
        score = known(piece.text) if not kept or piece.text.isupper() else 0.0
        if piece.text.isupper() and score < COUNTRY_SCORE:
            continue
        if not kept and score < WEAK_CUE_SCORE:
            return []
        kept.append(piece)
    return kept[::-1]


def _release_demonym(span: Span, demonyms: dict[tuple[int, int], list[Span]], released: set[int],
                     taken: list[bool]) -> None:
    """Take back the DEMONYM context span over exactly ``span``, if any, for a place to have it
    (``demonyms``: those not yet taken back, by their bounds; ``released``: the ids of those taken)."""
    found = demonyms.get((span.start, span.end))
    if found:
        released.add(id(found.pop(0)))
        for i in range(span.start, span.end):
            taken[i] = False


def comma_chains(found: Found) -> None:
    """ "in the direction of Krasne, Kharkiv.", "at Karki, Nakhchivan.", "in the El Retiro
    community, Tame, Arauca department, a leader...": after a place cue, names
    joined by commas of which the last, ending the phrase, is a likely place (a province, a
    sizeable town) are each a place in the next: all are places, however NER labelled them,
    known to the gazetteer or not."""
    doc, add, places, taken = found.doc, found.add, found.places, found.taken
    n = len(doc)
    resume = 0
    for i in capital_starts(doc):
        if i < resume or not capitalised(doc[i]) or (i and capitalised(doc[i - 1])) \
                or cue_at(doc, i) is None:
            continue
        names, j = [], i
        while j < n:
            k = j
            while k < n and k - j < 4 and (capitalised(doc[k]) or (
                    doc[k].lower_ in NAME_CONNECTORS and k > j and k + 1 < n and capitalised(doc[k + 1]))):
                k += 1
            if k == j or any(t.ent_type_ in ("DATE", "TIME", "NORP") for t in doc[j:k]):
                names = []
                break
            names.append(doc[j:k])
            if k < n and doc[k].text.islower() and doc[k].lower_ in CHAIN_UNIT_WORDS:
                k += 1  # "Tame, Arauca department"
            if k + 1 < n and doc[k].text == "," and capitalised(doc[k + 1]):
                j = k + 1
                continue
            j = k
            break
        ends_phrase = j >= n or doc[j].text in PHRASE_ENDS or (
            doc[j].text == "," and (j + 1 >= n or not capitalised(doc[j + 1])))
        if len(names) >= 2 and ends_phrase and found.known(names[-1].text) >= WEAK_CUE_SCORE:
            for name in names:
                unit_word = name.end < n and doc[name.end].lower_ in CHAIN_UNIT_WORDS
                if any(taken[name.start:name.end]) or name[-1].lower_ in FACILITY_WORDS or (
                        name.start and doc[name.start - 1].lower_ == "the" and not unit_word):
                    continue  # "the Civil Hospital, Ludhiana": a building in the town, no place
                add(name, Rule(Source.CHAIN), places)
        resume = max(j, i + 1)


def diseases_to_context(found: Found) -> None:
    """Places whose name the text uses for a disease ("Ebola virus", "West Nile fever"), or that
    news names mostly for one (:data:`DISEASE_NAMES`), become context; so do that name's other
    mentions in the text unless a place cue stands before them: "negative for Ebola" is the
    virus, "an outbreak in Marburg" the town."""
    doc, places, context = found.doc, found.places, found.context
    diseases = {s.text.lower() for s in places if _names_disease(s) or s.text.lower() in DISEASE_NAMES}
    if not diseases:
        return
    kept = []
    for span in places:
        if span.text.lower() in diseases and (_names_disease(span) or cue_before(span) is None):
            context.append(Span(doc, span.start, span.end, label=Rule(Source.NAMED_DISEASE).label))
        else:
            kept.append(span)
    found.places = kept


def _names_disease(span: Span) -> bool:
    """Whether the words after the span make it a disease's name ("Ebola virus")."""
    doc, i = span.doc, span.end
    while i < len(doc) and i - span.end < 2 and doc[i].lower_ in DISEASE_BRIDGES:
        i += 1
    return i < len(doc) and doc[i].lower_ in DISEASE_WORDS
