"""Event mentions: what happened, by whom, where, read from a processed spaCy Doc.

Each sentence is matched against a lexicon of ACLED's event types (see
:data:`TRIGGERS`: verbs and nouns of fighting, capture, shelling, protest...).
Statements of intent ("would soon launch an offensive"), negations and
hypotheticals are not events. Actors are the groups and forces named around
the trigger, the one before it being actor1; places are the sentence's place
mentions minus those that are not where it happened: distance references
("50 kilometers from Kunduz City"), the other side of a border ("crossed
into Tajikistan"), where a meeting about it was held, and places used as
speakers ("Ankara requested"). Containers are left to the resolver
downstream, which knows which place lies in which.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from parsing.doc import entities_in, entity_at, sentence_starts, text_of, trimmed
from parsing.lexicon import (ACTOR_MODIFIER_BREAKS, ADJECTIVE_DETERMINERS, ARMED, AUXILIARIES, CIVILIANS,
                             COMPASS_POINTS, GROUND_TRIGGERS, HARM_ONLY_TRIGGERS, MILITARY, NOT_HAPPENED,
                             NUMBER_WORDS, ORG_PLACE_ENDINGS, OWNED_ABROAD_NOUNS, OWNED_NOUNS, PERSON_NOUNS,
                             POLICE, PROTESTERS, RIOTERS, SPEAKER_VERBS, STATE_ACTION_VERBS, STATE_SPEECH_VERBS,
                             TRIGGERS, ActorKind)
from parsing.places import WINDOW, PlaceMention

# Flatten to (tokens, type, sub-type), longest phrases first so "suicide car bomb" beats "bomb";
# tokens as spaCy splits them ("shoot-out" is shoot, -, out).
_PHRASES = sorted(((tuple(re.findall(r"\w+|[^\w\s]", p)), t, s, rank)
                   for rank, (t, s, ps) in enumerate(TRIGGERS) for p in ps),
                  key=lambda x: (-len(x[0]), x[3]))
# Phrases by their first word, longest first: a sentence is read once, not once per phrase.
_BY_FIRST: dict[str, list] = {}
for _entry in _PHRASES:
    _BY_FIRST.setdefault(_entry[0][0], []).append(_entry)
# The head nouns that name an actor, of every kind.
_ACTOR_HEADS = MILITARY | POLICE | ARMED | CIVILIANS | PROTESTERS | RIOTERS
# The points of the compass as a pattern's alternatives.
_POINTS = "|".join(COMPASS_POINTS)
# A number is read from its first digit only ("(?<!\d,)": not again from each digit after a comma
# of "1,1,1,...", which reads a long run once per comma).
_FATAL = re.compile(
    r"\b(?:at least |some |around |about |nearly |more than |over )?((?<!\d,)\d[\d,]*|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|dozens)\b(?:\s+[\w/-]+){0,5}?\s+"
    r"(?:were |was |have been |had been |are |being )?(?:killed|dead|died|slain|lost their lives)", re.I)
_KILLING = re.compile(r"\bkill(?:ed|ing)\s+(?:at least |some |about |nearly |more than )?(\d[\d,]*|one|two|"
                      r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\b", re.I)
# "50 km (31 miles) north of": linear in the text it reads. A number from its first digit only;
# the brackets' number and unit ("(31 miles)", "(31mi)", "(5.5)") with the digits read once
# (not shared out between the number and the unit in every way); the blanks before "of" in one
# place (not split between two quantifiers).
_DISTANCE_BEFORE = re.compile(
    r"(?<!\d)(\d+(?:\.\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s*"
    r"(?:\(\s*[\d.]++(?:\s+\w+|[^\W\d]\w*|(?<=[\d.]\d))\s*\)\s*)?"
    rf"(?:({_POINTS})\s*)?(?:of|from)\s+(?:the\s+)?$", re.I)
_BORDER_BEFORE = re.compile(r"\b(border|frontier)\b[\w\s-]{0,25}\b(with|into|to)\s+(?:neighbou?ring\s+)?$"
                            r"|\b(crossed|fled|escaped)\s+(?:the border\s+)?into\s+$", re.I)
# "fighters who are from Deir-ez-Zor", "migrant workers from Surat": where people come from,
# not where it happened
_ORIGIN_BEFORE = re.compile(r"\b(?:are|is|were|was|originally|hails?|comes?|came|workers|migrants|labou?rers|"
                            r"people|residents|refugees|pilgrims|students|travell?ers|passengers|villagers|"
                            r"families)\s+from\s+(?:the\s+)?$", re.I)
_MEETING_BEFORE = re.compile(r"\b(meeting|meetings|summit|talks|conference|visit|briefing|forum|session)\b"
                             r"[^.;]{0,60}\b(in|at)\s+(?:the\s+)?$", re.I)
_COMPASS = re.compile(rf"\b({_POINTS})(?:ern)?\b", re.I)
_NEAR_BEFORE = re.compile(r"\b(outskirts|suburbs|vicinity|edge|outside|near|nearby|around|close to|"
                          r"north of|south of|east of|west of)\b[\s\w]{0,12}$", re.I)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as the text names it: what it is (``kind``), and a demonym before it (``adjective``:
    "Afghan")."""

    text: str
    kind: ActorKind
    adjective: str | None = None
    group: str | None = None   # the named group that "militants" are linked to in the text


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event in one sentence, with offsets; places are (start, end) of place mentions."""

    event_type: str
    sub_event_type: str
    trigger: str
    trigger_start: int
    sentence_start: int
    sentence_end: int
    actor1: Actor | None = None
    actor2: Actor | None = None
    places: tuple[tuple[int, int], ...] = ()
    near: tuple[tuple[int, int], ...] = ()   # places the event was only near ("outskirts of X")
    # places named as modifiers ("US forces", "Saudi-led coalition"): a country so named
    # says who acted, not where
    attributive: tuple[tuple[int, int], ...] = ()
    date_texts: tuple[str, ...] = ()   # date phrases, best first (resolved downstream)
    fatalities: int | None = None

    @property
    def date_text(self) -> str | None:
        return self.date_texts[0] if self.date_texts else None

    def shifted(self, offset: int) -> EventMention:
        """The event mention with its offsets, and those of its places, moved by ``offset`` (read from
        a piece of a text that starts there)."""
        if not offset:
            return self
        return replace(self, trigger_start=self.trigger_start + offset,
                       sentence_start=self.sentence_start + offset, sentence_end=self.sentence_end + offset,
                       places=_shifted_spans(self.places, offset), near=_shifted_spans(self.near, offset),
                       attributive=_shifted_spans(self.attributive, offset))


@dataclass(frozen=True, slots=True)
class DistanceCue:
    """'X, about 50 kilometers (north) from Y': where Y is, and how far and which way X lies."""

    sentence_start: int
    km: float
    bearing: str | None
    anchor: tuple[int, int]

    def shifted(self, offset: int) -> DistanceCue:
        """The cue with its offsets moved by ``offset`` (read from a piece of a text that starts there)."""
        if not offset:
            return self
        return replace(self, sentence_start=self.sentence_start + offset,
                       anchor=(self.anchor[0] + offset, self.anchor[1] + offset))


def _shifted_spans(spans: tuple[tuple[int, int], ...], offset: int) -> tuple[tuple[int, int], ...]:
    return tuple((s + offset, e + offset) for s, e in spans)


def _match_trigger(sent: Span):
    # Words inside dates are not triggers ("taken on March 28").
    toks = ["" if t.ent_type_ in ("DATE", "TIME") else t.lower_ for t in sent]
    found, covered = [], 0
    for i, tok in enumerate(toks):
        if i < covered:
            continue  # inside a longer phrase: "grenade" in "rocket-propelled grenade"
        for phrase, etype, sub, rank in _BY_FIRST.get(tok, ()):
            n = len(phrase)
            if tuple(toks[i:i + n]) == phrase:
                found.append((rank, i, n, etype, sub))
                covered = i + n
                break
    return found


def _happened(sent: Span, i: int) -> bool:
    """False where the trigger at sentence token i is intended, hypothetical or denied."""
    # Dates are not modals: "On 29 May 2022, retirees protested".
    window = [t for t in sent[max(0, i - 5):i] if t.ent_type_ not in ("DATE", "TIME") and t.text != "May"]
    # A capitalised word inside the sentence is a name's: "'No Vax' supporters took to the streets".
    if any(t.lower_ in NOT_HAPPENED and not (t.text[:1].isupper() and t.i > sent.start) for t in window):
        return False
    window = [t.lower_ for t in window]
    if "to" in window[-3:]:  # "to retake", "to conduct these attacks"
        return False
    tok = sent[i]
    if tok.text.islower() and tok.text.endswith("ed") and window[-1:] and \
            window[-1] in ADJECTIVE_DETERMINERS:
        return False  # "the captured area": an adjective
    return True


def _actors(sent: Span, groups: set[str], linked: dict[str, str]) -> list[tuple[int, Actor]]:
    """Actors named in a sentence, with their token positions."""
    doc = sent.doc
    # actors as (position, actor), in the order found, and drops of a named group as (None, (j, group))
    out: list[tuple] = []
    taken: set[int] = set()
    for ent in entities_in(sent):
        nxt = [t.lower_ for t in doc[ent.end:min(ent.end + 2, sent.end)]]
        if nxt[:1] and (nxt[0] in SPEAKER_VERBS or nxt[:2] in (["also", "said"], ["also", "says"])):
            continue  # a speaker ("Sadat said", "the Pentagon announced"), not a party to the event
        if ent.label_ == "ORG" and ent[-1].lower_ in ORG_PLACE_ENDINGS:
            continue  # "Kabul International Airport" mislabelled ORG
        if ent.label_ == "ORG" or (ent.label_ == "NORP" and ent.text.lower().rstrip("s") in groups):
            name = ent.text.removesuffix("’s").removesuffix("'s")
            if name.lower().startswith("anti-"):
                out.append((ent.start, Actor(f"{name} forces", ActorKind.MILITARY)))
            else:
                out.append((ent.start, Actor(name, ActorKind.NAMED_GROUP)))
            taken.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in taken or tok.lower_ not in _ACTOR_HEADS:
            continue
        if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in PERSON_NOUNS:
            continue  # "an army officer", "a police spokesman": a person, usually the speaker
        if tok.lower_ in CIVILIANS and tok.lower_ in ("man", "woman", "boy", "girl", "people"):
            kind = ActorKind.CIVILIANS
        elif tok.lower_ in MILITARY:
            kind = ActorKind.MILITARY
        elif tok.lower_ in POLICE:
            kind = ActorKind.POLICE
        elif tok.lower_ in ARMED:
            kind = ActorKind.ARMED_GROUP
        elif tok.lower_ in PROTESTERS:
            kind = ActorKind.PROTESTERS
        elif tok.lower_ in RIOTERS:
            kind = ActorKind.RIOTERS
        else:
            kind = ActorKind.CIVILIANS
        # Words before the head: "Afghan government forces", "Taliban militants".
        j = tok.i - 1
        adjective, group = None, None
        while j >= sent.start and j > tok.i - 4 and (doc[j].is_alpha or "-" in doc[j].text):
            w = doc[j]
            if w.ent_type_ == "NORP" and adjective is None and w.text[:1].isupper():
                if w.text.lower().rstrip("s") in groups:
                    group = w.text
                else:
                    adjective = w.text
            elif w.ent_type_ == "ORG" and w.i in taken:
                group = _ent_text(doc, w.i)
            elif w.lower_ in ACTOR_MODIFIER_BREAKS:
                break
            j -= 1
        if group and kind == ActorKind.ARMED_GROUP:
            # "Taliban militants" is the group's actor, once: not the group named from j on
            out.append((None, (j, group)))
            out.append((tok.i, Actor(group, ActorKind.NAMED_GROUP)))
            continue
        if kind == ActorKind.ARMED_GROUP and group is None:
            group = linked.get(tok.lower_)
        out.append((tok.i, Actor(doc[j + 1:tok.i + 1].text, kind, adjective, group)))
    out = _undropped(out)
    for ent in entities_in(sent):
        if ent.label_ == "GPE" and _acts(doc, ent):
            out.append((ent.start, Actor(ent.text, ActorKind.STATE)))
    out.sort(key=lambda pa: pa[0])
    return out


def _undropped(found: list[tuple]) -> list[tuple[int, Actor]]:
    """The actors of ``found`` in order, less each named group that a drop (j, group) after it
    covers (that group, at position j or later). Read once from the end: dropping from the list
    as the drops come is quadratic in a long sentence."""
    lowest: dict[str, int] = {}
    kept = []
    for p, item in reversed(found):
        if p is None:
            j, group = item
            lowest[group] = min(j, lowest.get(group, j))
        elif not (item.kind == ActorKind.NAMED_GROUP and item.text in lowest and p >= lowest[item.text]):
            kept.append((p, item))
    kept.reverse()
    return kept


def _acts(doc: Doc, ent: Span) -> bool:
    """Whether a place entity is the subject of a verb: a state acting ("Turkey had accepted")."""
    j = ent.end
    while j < len(doc) and j < ent.end + 3 and (doc[j].lower_ in AUXILIARIES or doc[j].is_space):
        j += 1
    return j < len(doc) and doc[j].lower_ in STATE_ACTION_VERBS


def _ent_text(doc: Doc, i: int) -> str:
    ent = entity_at(doc, i)
    return ent.text if ent is not None else doc[i].text


_ONE_KILLED = re.compile(r"\b(an?) [\w-]+(?: [\w-]+)? (?:was|has been) (?:killed|shot dead)", re.I)


def _fatalities(text: str) -> int | None:
    for rx in (_KILLING, _FATAL, _ONE_KILLED):
        m = rx.search(text)
        if m:
            word = m.group(1).lower().replace(",", "")
            if word.isdigit():
                return int(word)
            if word in NUMBER_WORDS:
                return NUMBER_WORDS[word]
    return None


def _excluded(doc: Doc, m: PlaceMention, sent_start: int) -> bool:
    """Whether a place in the event's sentence is not where the event happened."""
    before = text_of(doc)[max(sent_start, m.start - WINDOW):m.start]
    after = text_of(doc)[m.end:m.end + 25].lower().split()
    if _DISTANCE_BEFORE.search(before) or _BORDER_BEFORE.search(before) or _MEETING_BEFORE.search(before) \
            or _ORIGIN_BEFORE.search(before):
        return True
    words = [w.strip(",.") for w in after[:2]]
    if words and (words[0] in STATE_SPEECH_VERBS or (words[0] == "also" and len(words) > 1
                                                  and words[1] in STATE_SPEECH_VERBS)):
        return True  # "Ankara also requested": a place standing for its government
    return False


_OWNER_OF = re.compile(r"\b([A-Za-z]+) of (?:the )?$")
_OWNER_SUFFIX = re.compile(r"-(?:led|backed|allied|supported|sponsored|funded|trained|armed|made)\b", re.I)


def _modified(doc: Doc, m: PlaceMention) -> str | None:
    """The noun a place name modifies ("forces" in "US forces" and in "the forces of the US"),
    "-led" for "Saudi-led", else None."""
    after = text_of(doc)[m.end:m.end + 30]
    if _OWNER_SUFFIX.match(after):
        return "-led"
    owner = _OWNER_OF.search(text_of(doc)[max(0, m.start - 30):m.start])
    if owner and owner.group(1).lower() in OWNED_NOUNS | OWNED_ABROAD_NOUNS:
        return owner.group(1).lower()  # "the armed forces of Pakistan", as "Pakistani forces"
    words = after.lower().split()
    return words[0].strip(",.;:'\"") if words and after[:1] == " " else None


def _attributive(doc: Doc, m: PlaceMention) -> bool:
    """Whether the place name says whose the actor is ("US forces", "Afghan officials")."""
    return _modified(doc, m) in OWNED_NOUNS


def _abroad(doc: Doc, m: PlaceMention) -> bool:
    """Whether the place name says whose something is that acts elsewhere ("the US dollar",
    "the Saudi-led coalition", "Israeli airstrikes"): never where the event happened."""
    noun = _modified(doc, m)
    return noun == "-led" or noun in OWNED_ABROAD_NOUNS


def distance_cues(doc: Doc, places: list[PlaceMention]) -> list[DistanceCue]:
    """'N km (direction) of/from PLACE' phrases, with the place they measure from."""
    out = []
    starts = sentence_starts(doc)
    compass: dict[tuple[int, int], str | None] = {}  # by sentence: read once, not once per cue
    for m in places:
        if m.role != "place":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        sent = None
        if span is not None:
            k = bisect.bisect_right(starts, span.start) - 1
            sent = doc[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(doc)]
        s0 = sent.start_char if sent is not None else max(0, m.start - 200)
        hit = _DISTANCE_BEFORE.search(text_of(doc)[max(s0, m.start - WINDOW):m.start])
        if hit:
            direction = hit.group(2).lower().replace("-", "") if hit.group(2) else None
            if direction is None:  # "in the far north of the country, 50 km from X"
                s1 = sent.end_char if sent is not None else m.end + 200
                if (s0, s1) not in compass:
                    found = _COMPASS.search(text_of(doc)[s0:s1])
                    compass[s0, s1] = found.group(1).lower().replace("-", "") if found else None
                direction = compass[s0, s1]
            out.append(DistanceCue(s0, float(hit.group(1)), direction, (m.start, m.end)))
    return out


# Security forces, named groups and states fight; without them, harm done by gunmen is an attack.
_FIGHTING_KINDS = {ActorKind.MILITARY, ActorKind.POLICE, ActorKind.NAMED_GROUP, ActorKind.STATE}
_SECURITY_TARGETS = re.compile(r"\b(checkpoints?|posts?|outposts?|bases?|convoys?|patrols?|positions?|"
                               r"barracks|garrison|troops|soldiers?|police(?:men)?)\b", re.I)
# Words after a protest that say the authorities stepped in against it (not an arrest the
# protest is about: "demanding the release of activists detained last week").
_INTERVENTION = re.compile(
    r"\b(?:police|security forces|authorities|gendarmes?|soldiers|troops|officers)\b[^.;]{0,60}?"
    r"\b(?:dispers\w*|intervened|removed|evicted|arrested|detained|beat|baton[- ]charged|lathi[- ]charged)\b"
    r"|\b(?:dispersed|evicted|removed)\s+(?:the\s+|all\s+)?(?:protesters|demonstrators|crowds?|them)\b"
    r"|\b\d+\s+(?:people\s+|protesters\s+|demonstrators\s+)?(?:were\s+)?(?:arrested|detained)\b"
    r"|\btear ?gas\b|\bwater cannons?\b|\brubber bullets\b", re.I)


def _acled_conventions(sent: Span, hits, chosen: tuple[str, str], trig: Span, actors) -> tuple[str, str]:
    """ACLED's coding rules over the first-ranked trigger: air strikes with ground fighting are
    an armed clash; gunmen harming people with no security force or group in sight, an attack."""
    etype, sub = chosen
    if sub == "Air/drone strike" and any(
            h[4] == "Armed clash" and sent[h[1]].lower_ in GROUND_TRIGGERS for h in hits):
        return "Battles", "Armed clash"
    if sub == "Armed clash" and trig.text.lower() in HARM_ONLY_TRIGGERS and \
            not any(a.kind in _FIGHTING_KINDS for _, a in actors) and \
            not any(h[4] == "Armed clash" and sent[h[1]].lower_ in GROUND_TRIGGERS - HARM_ONLY_TRIGGERS
                    for h in hits) and \
            not _SECURITY_TARGETS.search(sent.text):
        return "Violence against civilians", "Attack"
    return etype, sub


def find_events(doc: Doc, places: list[PlaceMention]) -> list[EventMention]:
    """Event mentions of a processed doc, one per trigger sentence."""
    groups = {e.text.lower().rstrip("s") for e in doc.ents if e.label_ == "ORG"} | {
        e.text.lower().rstrip("s") for e in doc.ents if e.label_ == "NORP" and "taliban" in e.text.lower()}
    # "the Taliban militant group", "Taliban fighters": which group the text's militants are.
    linked: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ in ("ORG", "NORP") and ent.end < len(doc) and doc[ent.end].lower_ in ARMED | {"militant"}:
            for word in ARMED:
                linked.setdefault(word, ent.text)
    place_list = sorted((m for m in places if m.role == "place"), key=lambda m: m.start)
    place_starts = [m.start for m in place_list]
    out: list[EventMention] = []
    text = text_of(doc)
    sents = [sent for sent in doc.sents if not text[sent.start_char:sent.end_char].isspace()]
    # The paragraph's sentences so far, with their date phrases once read: a sentence without
    # a date takes the latest one's ("On 28 April, fighters attacked a camp. Two soldiers
    # were killed." dates the second sentence too). Read only when needed.
    paragraph: list[list] = []
    # Of the paragraph's sentences before ``read[0]``, the latest with a date phrase had these
    # (``read[1]``): each sentence is read back over once, not once per later sentence.
    read: list = [0, ()]

    def latest_dates() -> tuple[str, ...]:
        for k in range(len(paragraph) - 1, read[0] - 1, -1):
            entry = paragraph[k]
            if entry[1] is None:
                entry[1] = _date_phrases(entry[0], entry[0][:0])
            if entry[1]:
                read[:] = [len(paragraph), entry[1]]
                return entry[1]
        read[0] = len(paragraph)
        return read[1]

    previous_end = 0
    for sent in sents:
        if "\n" in text[previous_end:sent.start_char]:
            paragraph = []
            read[:] = [0, ()]
        previous_end = sent.end_char
        hits = [h for h in _match_trigger(sent) if _happened(sent, h[1])]
        if not hits:
            paragraph.append([sent, None])
            continue
        rank, i, n, etype, sub = min(hits, key=lambda h: (h[0], h[1]))
        trig = sent[i:i + n]
        actors = _actors(sent, groups, linked)
        etype, sub = _acled_conventions(sent, hits, (etype, sub), trig, actors)
        before = [a for p, a in actors if p < trig.start]
        after = [a for p, a in actors if p >= trig.end]
        actor1 = before[-1] if before else (after[0] if after else None)
        actor2 = next((a for a in after if a != actor1), None) or next(
            (a for a in reversed(before[:-1]) if a != actor1), None)
        if " by " in sent.text[trig.end_char - sent.start_char:] and after:
            # "were killed by X": the doer follows
            by_pos = sent.text.find(" by ", trig.end_char - sent.start_char) + sent.start_char
            doers = [a for p, a in actors if doc[p].idx > by_pos]
            if doers:
                actor1, actor2 = doers[0], (before[-1] if before else actor2)
        in_sent = place_list[bisect.bisect_left(place_starts, sent.start_char):
                             bisect.bisect_left(place_starts, sent.end_char)]
        acting = {(doc[p].idx) for p, a in actors if a.kind == ActorKind.STATE}
        kept = [m for m in in_sent if not _excluded(doc, m, sent.start_char) and m.start not in acting
                and not _abroad(doc, m)]
        near = tuple((m.start, m.end) for m in kept
                     if _NEAR_BEFORE.search(text_of(doc)[max(sent.start_char, m.start - 30):m.start]))
        own_dates = _date_phrases(sent, trig)
        date_texts = own_dates or latest_dates()
        paragraph.append([sent, own_dates])
        s, e = trimmed(sent)
        out.append(EventMention(
            event_type=etype, sub_event_type=sub, trigger=trig.text, trigger_start=trig.start_char,
            sentence_start=s, sentence_end=e, actor1=actor1, actor2=actor2,
            places=tuple((m.start, m.end) for m in kept), near=near, date_texts=date_texts,
            attributive=tuple((m.start, m.end) for m in kept if _attributive(doc, m)),
            fatalities=_fatalities(sent.text)))
    starts = [sent.start_char for sent in sents]
    return [_with_intervention(doc, m, sents, starts) for m in out]


def _with_intervention(doc: Doc, m: EventMention, sents: list[Span], starts: list[int]) -> EventMention:
    """A peaceful protest whose sentence or the next in its paragraph says the authorities
    dispersed, removed or arrested the protesters is a protest with intervention (``starts``:
    the sentences' first characters)."""
    if m.sub_event_type != "Peaceful protest":
        return m
    text = text_of(doc)
    end = m.sentence_end
    k = bisect.bisect_left(starts, m.sentence_end)
    following = sents[k] if k < len(sents) else None
    if following is not None and "\n" not in text[m.sentence_end:following.start_char]:
        end = following.end_char
    if _INTERVENTION.search(text[m.trigger_start:end]):
        return replace(m, sub_event_type="Protest with intervention")
    return m


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE_RX = re.compile(
    rf"\b\d{{1,2}}[-/ ]{_MONTH}[-/ ,]+\d{{4}}\b|\b{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b|"
    r"\b\d{1,2} \d{1,2} \d{4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


_YEAR = re.compile(r"\b\d{4}\b")
_DAY_IN = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")


def _date_phrases(sent: Span, trig: Span) -> tuple[str, ...]:
    """Date phrases of a sentence, best first: full dates (with a year) nearest the trigger,
    then the other date phrases nearest it. NER misses forms such as "12-April-2019"."""
    found = [(e.start_char, e.text) for e in entities_in(sent) if e.label_ in ("DATE", "TIME")]
    found += [(sent.start_char + m.start(), m.group(0)) for m in _DATE_RX.finditer(sent.text)]
    seen, out = set(), []
    # a full date first, one with its day before a month ("22 April 2022" over NER's "April 2022")
    for pos, text in sorted(found, key=lambda pt: (not re.search(r"\b\d{4}\b", pt[1]),
                                                   not _DAY_IN.search(_YEAR.sub("", pt[1])),
                                                   abs(pt[0] - trig.start_char))):
        if text not in seen:
            seen.add(text)
            out.append(text)
    return tuple(out)

