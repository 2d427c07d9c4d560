"""Claims: who says what, read from a processed spaCy Doc.

The pipeline has no parser (NER only, for speed), so speakers are found with
token patterns around a verb of saying, in the order news writes them:

* "X, ROLE, said (on DAY) that S" and "ROLE X said S" (role before the name);
* "S, X said." / "S, said X." (the speaker after the statement);
* "an Afghan army officer confirmed S" (an anonymous source: a common-noun
  speaker, or "on (the) condition of anonymity" in the sentence);
* "the Taliban ... claims to have S", "the Pentagon announced S" (groups and
  institutions, from ORG/NORP entities and GPEs used as speakers);
* "she added", "Sadat said": pronouns and surnames take the name and role
  last introduced;
* a quotation over several sentences belongs to the speaker named where it
  closes; "S,” General X, spokesman for Y." is a claim with no verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import takewhile

from spacy.tokens import Doc, Span

from parsing.doc import entities_in, entity_at, text_of, trimmed
from parsing.lexicon import (ANONYMOUS_LEADS, ANONYMOUS_NOUNS, CLOSE_QUOTES, OPEN_QUOTES, POSSESSIVES, PRONOUNS,
                             ROLE_WORDS, SAY_VERBS, SKIP_BEFORE_VERB, SOURCE_NOUNS, SOURCE_PHRASE_BREAKS,
                             SOURCE_PHRASE_LEADS, ClaimantKind)

_ANONYMITY = re.compile(r"condition of anonymity|declined to be named|not authori[sz]ed to speak|"
                        r"asked not to be (named|identified)", re.I)


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement and who makes it, with character offsets into the text.

    ``claimant`` is None where no speaker is stated (the outlet then stands
    for it downstream); ``date_text`` is a date phrase next to the verb of
    saying ("on Tuesday"), to be resolved against the publication date.
    """

    claimant: str | None
    role: str | None
    anonymous: bool
    verb: str | None
    statement: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    kind: ClaimantKind = ClaimantKind.PERSON
    date_text: str | None = None

    def shifted(self, offset: int) -> Claim:
        """The claim with its offsets moved by ``offset`` (read from a piece of a text that starts there)."""
        if not offset:
            return self
        return replace(self, start=self.start + offset, end=self.end + offset,
                       sentence_start=self.sentence_start + offset, sentence_end=self.sentence_end + offset)


def _ent_at(doc: Doc, i: int) -> Span | None:
    return entity_at(doc, i) if doc[i].ent_iob_ in ("B", "I") else None


def _strip_article(text: str) -> str:
    text = text.strip(" ,")
    for art in ("the ", "a ", "an ", "another "):
        if text.lower().startswith(art):
            return text[len(art):]
    return text


class _Speakers:
    """Names seen so far in the article, so that "Sadat" and "she" find their full name."""

    def __init__(self):
        self.by_surname: dict[str, tuple[str, str | None]] = {}
        self.last: tuple[str, str | None, str] | None = None

    def full(self, name: str, role: str | None) -> tuple[str, str | None]:
        key = name.split()[-1].lower()
        if len(name.split()) >= 2:
            old = self.by_surname.get(key)
            self.by_surname[key] = (name, role or (old[1] if old else None))
            return self.by_surname[key]
        if key in self.by_surname:
            full, old_role = self.by_surname[key]
            return full, role or old_role
        return name, role


def find_claims(doc: Doc) -> list[Claim]:
    """Claims of a processed doc (sentences and NER entities), in text order."""
    speakers = _Speakers()
    out: list[Claim] = []
    pending_quote: list[Span] = []  # sentences inside an open quotation, awaiting its speaker
    unclaimed: list[Span] = []      # this paragraph's sentences without a speaker so far
    last_end = 0
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        if "\n" in text_of(doc)[last_end:trimmed(sent)[0]]:
            unclaimed = []
        last_end = trimmed(sent)[1]
        claim = _claim_in(sent, speakers)
        if claim is not None and claim.start == claim.sentence_start and not pending_quote:
            # "S1. S2. S3, X said.": the paragraph's unattributed sentences are X's too.
            for inner in unclaimed:
                out.append(_with_statement(claim, inner))
        if claim is not None:
            unclaimed = []
        else:
            unclaimed.append(sent)
        text = sent.text
        opens = sum(text.count(q) for q in OPEN_QUOTES)
        closes = sum(text.count(q) for q in CLOSE_QUOTES)
        if claim is None and (pending_quote or opens > closes) and closes <= opens:
            pending_quote.append(sent)
            continue
        if claim is not None:
            for inner in pending_quote:
                out.append(_with_statement(claim, inner))
            pending_quote = []
            out.append(claim)
            if claim.kind == ClaimantKind.PERSON:
                speakers.last = (claim.claimant, claim.role, ClaimantKind.PERSON)
        else:
            pending_quote = []
    return _inherit_dates(out)


def _inherit_dates(claims: list[Claim]) -> list[Claim]:
    """A claim with no date of its own takes that of the latest earlier dated claim by the
    same speaker or body ("the Pentagon announced on Monday ... Pentagon Press Secretary
    John Kirby told a briefing")."""
    out: list[Claim] = []
    # the latest dated claim by each name word: the latest sharing any word is the latest of these
    # (not found by reading back through every earlier claim, quadratic in a long text)
    latest: dict[str, tuple[int, str]] = {}
    for k, c in enumerate(claims):
        words = _name_words(c)
        if c.date_text is None:
            found = max((latest[w] for w in words if w in latest), default=None)
            if found is not None:
                c = replace(c, date_text=found[1])
        if c.date_text:
            latest.update(dict.fromkeys(words, (k, c.date_text)))
        out.append(c)
    return out


def _name_words(c: Claim) -> set[str]:
    words = f"{c.claimant or ''} {c.role or ''}".replace("-", " ").split()
    return {w.lower().strip(".,()") for w in words if w[:1].isupper() and len(w) > 2}


def _with_statement(claim: Claim, sent: Span) -> Claim:
    s, e = trimmed(sent)
    return replace(claim, statement=text_of(sent.doc)[s:e], start=s, end=e, sentence_start=s, sentence_end=e)



def _claim_in(sent: Span, speakers: _Speakers) -> Claim | None:
    doc = sent.doc
    # A capitalised verb of saying opens a headline ("Says..."), not a claim, unless mid-sentence.
    verbs = [t for t in sent if t.lower_ in SAY_VERBS and (not t.is_title or t.i > sent.start)]
    anonymous_cue = bool(_ANONYMITY.search(sent.text))
    for v in verbs:
        listener_after = v.lower_ in ("told", "tells")  # "told the council": not the speaker
        found = _speaker_after(sent, v) if _statement_before(sent, v) and not listener_after else None
        if found is None:
            found = _speaker_before(sent, v)
        if found is None and _statement_before(sent, v) and not listener_after:
            found = _speaker_after(sent, v)
        if found is None:
            continue
        name, role, kind, span_start, span_end = found
        if kind == "pronoun":
            if speakers.last is None:
                continue
            name, role, kind = speakers.last
        elif kind == ClaimantKind.PERSON:
            name, role = speakers.full(name, role)
        anonymous = kind == ClaimantKind.SOURCE or (anonymous_cue and kind != ClaimantKind.PERSON)
        after_verb = sum(1 for t in doc[v.i + 1:sent.end] if not (t.is_punct or t.is_space))
        before = span_start > sent.start + 3 and doc[span_start - 1].text in (",", "”", "\"") and (
            after_verb < 6 or v.lower_ in ("told", "tells"))
        if v.i > span_end and not before:  # speaker first: the statement follows the verb
            st = v.i + 1
            while st < sent.end and (doc[st].lower_ in ("that", ",", ":", "on", "in") or doc[st].is_space
                                     or doc[st].ent_type_ in ("DATE", "TIME")):
                st += 1
            stmt = doc[st:sent.end] if st < sent.end else sent
        else:  # "S, X said" or "S, said X": the statement comes first
            first = min(span_start, v.i)
            stmt = doc[sent.start:max(sent.start + 1, first - 1)]
        s, e = trimmed(stmt)
        ss, se = trimmed(sent)
        return Claim(claimant=name, role=role, anonymous=anonymous, verb=v.lower_,
                     statement=text_of(doc)[s:e].strip(" ,“”\"'"), start=s, end=e,
                     sentence_start=ss, sentence_end=se, kind=ClaimantKind.SOURCE if anonymous else kind,
                     date_text=_date_near(sent, v))
    return _quote_attribution(sent, speakers)


def _statement_before(sent: Span, v) -> bool:
    """Whether the verb closes the sentence's statement ("..., Sadat said.")."""
    before = sent.doc[max(sent.start, v.i - 5):v.i]
    return any(t.text in (",", "”", "\"") for t in before) and v.i - sent.start > 4


def _date_near(sent: Span, v) -> str | None:
    """A date or time entity of the sentence ending just before the verb or starting within four
    words after it, the first in the text (looked for there only, not among all the sentence's)."""
    doc, seen = sent.doc, set()
    for i in range(max(sent.start, v.i - 2), min(sent.end, v.i + 5)):
        ent = entity_at(doc, i)
        if ent is None or ent.start in seen or ent.start < sent.start or ent.end > sent.end:
            continue
        seen.add(ent.start)
        if ent.label_ in ("DATE", "TIME") and (0 < ent.start - v.i <= 4 or 0 <= v.i - ent.end <= 1):
            return ent.text
    return None


def _speaker_before(sent: Span, v):
    """(name, role, kind, start, end) of the speaker left of the verb, else None."""
    doc = sent.doc
    j = v.i - 1
    role = None
    while j >= sent.start:
        tok = doc[j]
        if tok.lower_ in SKIP_BEFORE_VERB - {","} or tok.ent_type_ in ("DATE", "TIME") or tok.is_space:
            j -= 1
            continue
        if tok.text != ",":
            break
        # ", APPOSITIVE," between the speaker and the verb: an adverb, or a role.
        k = j - 1
        while k >= sent.start and doc[k].text != ",":
            k -= 1
        inner = doc[k + 1:j]
        if k < sent.start or not len(inner):
            j -= 1
            continue
        if len(inner) == 1 and inner[0].lower_ in SKIP_BEFORE_VERB | {"meanwhile", "though", "too"}:
            j = k - 1
            continue
        person = next((e for e in entities_in(inner) if e.label_ == "PERSON"), None)
        head = _ent_at(doc, k - 1) if k - 1 >= sent.start else None
        if head is not None and head.label_ == "PERSON":
            return head.text, _strip_article(inner.text), ClaimantKind.PERSON, head.start, j
        if person is not None:
            # "the US ambassador to the UN, Linda Thomas-Greenfield, stressed"
            b = k - 1
            while b >= sent.start and doc[b].text != "," and not doc[b].is_space:
                b -= 1
            role = doc[b + 1:k].text.strip()
            return person.text, _strip_article(role) or None, ClaimantKind.PERSON, b + 1, j
        if head is not None and head.label_ == "ORG":
            return head.text, _strip_article(inner.text), ClaimantKind.GROUP, head.start, j
        j = k - 1
        role = _strip_article(inner.text)
        break
    if j < sent.start:
        return None
    tok = doc[j]
    if tok.lower_ in PRONOUNS:
        return tok.text, None, "pronoun", j, j
    if tok.lower_ == "and":  # "the Taliban ... has launched X, and claims Y": the sentence's subject
        first = _first_named(sent)
        return _named(sent, first) if first is not None and first.start < j else None
    ent = _ent_at(doc, j)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
        name, own_role, kind, s, e = _named(sent, ent)
        return name, own_role or role, kind, s, e
    if tok.lower_ in SOURCE_NOUNS:
        k = j
        while k - 1 >= sent.start and doc[k - 1].is_alpha and \
                doc[k - 1].lower_ not in SOURCE_PHRASE_BREAKS:
            k -= 1
            if doc[k].lower_ in SOURCE_PHRASE_LEADS:
                break
        phrase = doc[k:j + 1].text
        lead = doc[k].lower_
        anonymous = lead in ANONYMOUS_LEADS or tok.lower_ in ANONYMOUS_NOUNS
        kind = ClaimantKind.SOURCE if anonymous else ClaimantKind.GROUP
        return phrase if lead in ("a", "an") else _strip_article(phrase), role, kind, k, j
    return None


def _first_named(sent: Span) -> Span | None:
    """The sentence's first person, organisation or group entity, found once per sentence (kept in
    ``doc.user_data``), not once per verb."""
    found = sent.doc.user_data.setdefault("sitrep_first_named", {})
    if sent.start not in found:
        found[sent.start] = next((e for e in entities_in(sent) if e.label_ in ("PERSON", "ORG", "NORP")), None)
    return found[sent.start]


def _speaker_before_comma(sent: Span, k: int):
    doc = sent.doc
    j = k - 1
    if j < sent.start:
        return None
    ent = _ent_at(doc, j)
    if ent is not None and ent.label_ in ("PERSON", "ORG"):
        name, role, kind, s, e = _named(sent, ent)
        return name, role, kind, s, e
    return None


def _named(sent: Span, ent: Span):
    """A named speaker, with a role written before the name ("Pentagon Press Secretary John Kirby")."""
    doc = sent.doc
    if ent.label_ == "PERSON":
        role_toks = []
        j = ent.start - 1
        while j >= sent.start and doc[j].is_title and doc[j].text not in (",",) and not (
                doc[j].is_sent_start and (doc[j].is_stop or doc[j].lower_.endswith("ly"))):
            role_toks.append(doc[j].text)
            j -= 1
        role_toks.reverse()
        # "the US ambassador to the UN, Linda Thomas-Greenfield, stressed"
        if not role_toks and j >= sent.start and doc[j].text == ",":
            k = j - 1
            while k >= sent.start and doc[k].text != "," and not (k > sent.start and doc[k].is_sent_start):
                k -= 1
            role = doc[k + 1:j].text.strip()
            if role and len(role.split()) <= 10 and any(w.lower() in ROLE_WORDS for w in role.split()):
                return ent.text, _strip_article(role), ClaimantKind.PERSON, k + 1, ent.end - 1
        return ent.text, " ".join(role_toks) or None, ClaimantKind.PERSON, ent.start - len(role_toks), ent.end - 1
    kind = ClaimantKind.GROUP
    name = ent.text
    if name.endswith(POSSESSIVES):
        name = name[:-2]
    return name, None, kind, ent.start, ent.end - 1


def _speaker_after(sent: Span, v):
    """(name, role, kind, start, end) of a speaker right after the verb ("said Sadat")."""
    doc = sent.doc
    j = v.i + 1
    if j < sent.end:
        ent = _ent_at(doc, j)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return _named(sent, ent)
    # "..., Sadat said." — the speaker right before a sentence-final verb
    j = v.i - 1
    while j >= sent.start and doc[j].lower_ in ("also", "later"):
        j -= 1
    if j >= sent.start:
        ent = _ent_at(doc, j)
        if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            name, role, kind, s, e = _named(sent, ent)
            if ent.label_ in ("ORG", "GPE", "NORP") and len(ent) == 1 and ent.text[:1].isupper() \
                    and ent.start > sent.start and doc[ent.start - 1].text == ",":
                kind = ClaimantKind.PERSON  # "..., Sadat said." NER often labels a lone surname ORG
            return name, role, kind, s, e
        if doc[j].lower_ in PRONOUNS:
            return doc[j].text, None, "pronoun", j, j
    return None


def _quote_attribution(sent: Span, speakers: _Speakers) -> Claim | None:
    """'S,” General X, spokesman for Y.': a quotation closed and attributed without a verb."""
    doc = sent.doc
    for tok in sent:
        if tok.text in CLOSE_QUOTES and tok.i + 1 < sent.end:
            # the first person named within four words after the quotation closes
            ent = next((e for e in takewhile(lambda e: e.start - tok.i <= 4, entities_in(doc[tok.i + 1:sent.end]))
                        if e.label_ == "PERSON"), None)
            if ent is None:
                continue
            name, role, _, _, _ = _named(sent, ent)
            after = doc[ent.end:sent.end].text.strip(" ,.")
            role = " ".join(x for x in (role, after) if x) or None
            name, role = speakers.full(name, role)
            s, _ = trimmed(sent)
            ss, se = trimmed(sent)
            return Claim(claimant=name, role=role, anonymous=False, verb=None,
                         statement=text_of(doc)[s:tok.idx].strip(" ,“”\"'"), start=s, end=tok.idx,
                         sentence_start=ss, sentence_end=se, kind=ClaimantKind.PERSON)
    return None
