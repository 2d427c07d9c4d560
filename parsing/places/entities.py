"""NER's entities: which are places (GPE, LOC, and NORP, FAC, ORG, PERSON spans a cue or the
gazetteer places), which name an organisation or a people after a place (context), and the
whole name where NER cut one short ("Goz Beida", "Foz do Iguacu", "Jammu and Kashmir")."""
from __future__ import annotations

from spacy.tokens import Span

from parsing.lexicon import (DEMONYM_ENDINGS, DESIGNATORS, LIST_DESIGNATORS, NAME_CONNECTORS, NORP_PREPOSITIONS,
                             ORG_FOLLOWERS, ORG_WORDS, SETTLEMENT_WORDS, TOWN_ENDINGS, UNIT_NAME_JOINERS, VAGUE)
from parsing.places.cues import after_cue, cue_at, cue_before
from parsing.places.found import Found
from parsing.places.limits import (COUNTRY_SCORE, LISTED_NAMED_SCORE, MAX_NAME_CHARS, STRONG_CUE_SCORE,
                                   WEAK_CUE_SCORE, Known)
from parsing.places.names import (PLACE_LABELS, body_unit, capitalised, extend_designator, known_part, part_of,
                                  strip_the, trim_common_designator, unit_word_inside, without_designator)
from parsing.places.rules import Reason, Rule, Source


def place_entities(found: Found, ents: list[Span]) -> None:
    """NER's NORP entities (a demonym, context; or a town NER mislabelled, "demonstrated in
    Vasteras") and its GPE and LOC ones (places, read on where NER cut the name short, or
    context where they name a body: "the Colfax County Sheriff's Department")."""
    doc, add, places, context = found.doc, found.add, found.places, found.context
    for ent in ents:
        span = strip_the(ent)
        if span is None:
            continue
        if ent.label_ == "NORP":
            cue = cue_at(doc, span.start)
            score = found.known(span.text)
            if span.start and doc[span.start - 1].lower_ in (",", "and", "or") and span.end < len(doc) \
                    and doc[span.end].lower_ in LIST_DESIGNATORS and score >= WEAK_CUE_SCORE:
                add(span, Rule(Source.NORP, Reason.UNIT), places)  # "Harper and Kingman counties": a list's last unit
                continue
            # endings of demonyms (Afghan, Pakistani, Kurdish) need a sizeable town
            if (cue and cue.endswith(" of") and score >= STRONG_CUE_SCORE) or \
                    score >= COUNTRY_SCORE or (cue in NORP_PREPOSITIONS and score >= WEAK_CUE_SCORE
                                          and (score >= LISTED_NAMED_SCORE or not span.text.endswith(
                                              DEMONYM_ENDINGS))):
                add(span, Rule(Source.NORP, Reason.CUE), places)  # "demonstrated in Vasteras": NER's NORP is a town
            else:
                add(span, Rule(Source.DEMONYM), context)
        elif ent.label_ in PLACE_LABELS:
            span = trim_common_designator(span)
            rule = Rule(Source(ent.label_), part=part_of(span, found.known))
            body = unit_word_inside(span, before=ORG_WORDS)
            if body is not None:
                # NER's GPE "the Colfax County Sheriff's Department": the county names a body
                add(doc[span.start:body + 1], Rule(Source.NAMED_ORG), context)
            elif span.end < len(doc) and doc[span.end].lower_ in ORG_FOLLOWERS:
                add(span, Rule(Source.NAMED_ORG), context)  # "Kunduz provincial council"
            elif len(span) == 1 and span[0].lower_ in VAGUE:
                continue
            else:
                add(_extend_connected(extend_designator(_extend_left(span, found.known)), found.known), rule,
                    places)


def other_entities(found: Found, ents: list[Span]) -> None:
    """NER's FAC entities with a designator ("Kabul airport"), and its ORG and PERSON ones that
    a designator, a cue or the gazetteer places; those left go to ``found.later``."""
    doc = found.doc
    for ent in ents:
        span = strip_the(ent)
        if span is None or ent.label_ in PLACE_LABELS or ent.label_ == "NORP":
            continue
        if ent.label_ == "FAC":
            core, kind = without_designator(span)
            if kind and found.known(span.text) >= STRONG_CUE_SCORE:
                found.add(span, Rule(Source.FAC), found.places)
        elif ent.label_ in ("ORG", "PERSON"):
            if not _person_or_org(found, span, ent.label_):
                found.later.append(Span(doc, span.start, span.end, label=ent.label_))


def propagated(found: Found) -> None:
    """One name, one reading: a name that is a place anywhere in the text is a place wherever
    else it stands alone ("Alexandria" as GPE in one sentence, mislabelled PERSON in the next).
    Only names the gazetteer knows or a strong cue placed ("the town of Thiou"): NER's GPE on an
    unknown name is as often a person ("Pawlenty") or a company, and spreading it would map
    every mention of them."""
    doc, places = found.doc, found.places
    confirmed = {s.text.lower() for s in places}
    cued = {s.text.lower() for s in places if cue_at(doc, s.start, strong_only=True)}
    for span in found.later:
        name = span.text.lower()
        if name in confirmed and (name in cued or found.known(span.text) >= STRONG_CUE_SCORE):
            found.add(span, Rule(Source.PROPAGATED), places)


def _person_or_org(found: Found, span: Span, label: str) -> bool:
    """Whether an ORG or PERSON span is a place (by a designator, a cue, a town's ending) or
    names a body after one (context): added if so."""
    add, places, context, known = found.add, found.places, found.context, found.known
    doc = span.doc
    if label == "ORG" and len(span) >= 2 and span[-1].lower_ == "state" and span.end < len(doc) \
            and capitalised(doc[span.end]) and known(span[:-1].text) >= WEAK_CUE_SCORE:
        # NER's "the Minnesota State" of "the Minnesota State Patrol": a body of the state
        return add(span[:-1], Rule(Source.ORG, Reason.PLACE_NAMED), context)
    core, kind = without_designator(span)
    if kind and known(span.text) >= STRONG_CUE_SCORE:
        return add(span, Rule(Source(label), Reason.DESIGNATOR), places)
    if kind:
        # "Afghanistans Kabul International Airport": the known tail is the place.
        for cut in range(span.start + 1, span.end - 1):
            tail = span.doc[cut:span.end]
            if body_unit(tail):
                break  # "the Laurel County School District": the place, if any, leads (below)
            if known(tail.text) >= STRONG_CUE_SCORE:
                return add(tail, Rule(Source(label), Reason.DESIGNATOR), places)
    cue = cue_before(span)
    need = STRONG_CUE_SCORE if cue and cue.endswith(" of") else WEAK_CUE_SCORE
    if (cue or after_cue(span)) and known(span.text) >= need:
        return add(span, Rule(Source(label), Reason.CUE), places)
    if label == "ORG" and span.end < len(span.doc) and span.doc[span.end].lower_ in ORG_WORDS \
            and known(span.text) >= LISTED_NAMED_SCORE:
        # "the NSW government": NER's ORG is the state
        return add(span, Rule(Source.ORG, Reason.PLACE_NAMED), context)
    if label == "ORG":
        # "Kunduz provincial council": the place leads, organisation words follow.
        for cut in range(span.end - 1, span.start, -1):
            head = span.doc[span.start:cut]
            tail = {t.lower_ for t in span.doc[cut:span.end]}
            if tail & ORG_WORDS and known_part(head.text, known) >= WEAK_CUE_SCORE:
                if len(head) > 1 and head[-1].lower_ == "state" and \
                        known(head[:-1].text) >= WEAK_CUE_SCORE:
                    head = head[:-1]  # "Ohio State University": Ohio
                return add(head, Rule(Source.ORG, Reason.PLACE_NAMED), context)
        # "the University of Georgia", "the Ministry of Health of Uganda": the place ends it
        for cut in range(span.end - 1, span.start + 1, -1):
            if span.doc[cut - 1].lower_ != "of":
                continue
            head = {t.lower_ for t in span.doc[span.start:cut - 1]}
            tail = span.doc[cut:span.end]
            if head & ORG_WORDS and known_part(tail.text, known) >= WEAK_CUE_SCORE:
                return add(tail, Rule(Source.ORG, Reason.PLACE_NAMED), context)
            break
    if len(span) == 1 and span.text.lower().endswith(TOWN_ENDINGS) and not span.text.isupper() \
            and known(span.text) >= WEAK_CUE_SCORE:
        return add(span, Rule(Source(label), Reason.TOWN_NAME), places)  # NER's PERSON "Gainesville"
    # "Douglas County Public Works", NER's ORG or PERSON: no person's name holds "County", so
    # a body named after the county, whatever words follow
    k = unit_word_inside(span)
    if k is not None and known(span.doc[span.start:k + 1].text) >= WEAK_CUE_SCORE:
        return add(span.doc[span.start:k + 1], Rule(Source.ORG, Reason.PLACE_NAMED), context)
    return False


def _extend_left(span: Span, known: Known) -> Span:
    """NER's "Beida" of "Goz Beida": the capitalised word before, outside any entity and
    inside the sentence, when the gazetteer knows the whole at least as well."""
    doc, i = span.doc, span.start - 1
    if i < 1 or doc[i].is_sent_start or doc[i].ent_type_ or not (capitalised(doc[i]) and doc[i].is_alpha):
        return span
    whole = doc[i:span.end]
    return whole if known(whole.text) >= max(STRONG_CUE_SCORE, known(span.text)) else span


def _extend_connected(span: Span, known: Known) -> Span:
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
                k + 1 >= len(doc) or not capitalised(doc[k + 1]):
            break
        end = k + 2
        while end < len(doc) and capitalised(doc[end]) and not doc[end].ent_type_ == "DATE" \
                and not too_long(end):
            end += 1
        if too_long(end):
            break  # this end (the run goes on at least this far) and every later one
        ends.append(end)
    for extra in (1, 2):
        if base + extra <= len(doc) and all(capitalised(t) and t.is_alpha and t.ent_type_ != "DATE"
                                            for t in doc[base:base + extra]):
            ends.append(base + extra)
    for end in sorted(set(ends), reverse=True):
        if known(doc[start:end].text) >= STRONG_CUE_SCORE:
            return doc[start:end]
    joined = base
    while joined < len(doc) and joined - base < 6 and (
            capitalised(doc[joined]) or doc[joined].lower_ in UNIT_NAME_JOINERS):
        joined += 1
    if joined > base and joined < len(doc) and doc[joined].text.islower() and \
            doc[joined].lower_ in DESIGNATORS and capitalised(doc[joined - 1]) and (
            any(t.lower_ in UNIT_NAME_JOINERS and t.is_alpha for t in doc[base:joined])
            or (joined - base <= 2 and doc[joined].lower_ in SETTLEMENT_WORDS
                and all(capitalised(t) and t.whitespace_ for t in doc[base - 1:joined - 1]))):
        # "Jalrez I Payan district", "Nad-e Ali district", "Kan Thit village": one
        # name, though unknown here
        return doc[start:joined]
    return doc[start:base] if base < span.end else span


def joined_names(found: Found) -> None:
    """A place and the capitalised words after "and" that the gazetteer knows together as
    a well-known name are that one place, however NER labelled the second part ("Jammu
    and Kashmir", "Trinidad and Tobago" with Tobago an ORG)."""
    doc, places, taken = found.doc, found.places, found.taken
    out: list[Span] = []
    until = -1
    for a in sorted(places, key=lambda s: s.start):
        if a.start < until:
            continue  # the second part of a name joined before
        j = a.end + 1
        if j < len(doc) and doc[a.end].lower_ in ("and", "&"):
            k = j
            while k < len(doc) and k - j < 3 and capitalised(doc[k]):
                k += 1
            k = next((e for e in range(k, j, -1)
                      if found.known(doc[a.start:e].text) >= LISTED_NAMED_SCORE), None)
            if k is not None:
                taken[a.start:k] = [True] * (k - a.start)
                out.append(Span(doc, a.start, k, label=Rule(Source.JOINED).label))
                until = k
                continue
        out.append(a)
    found.places = out
