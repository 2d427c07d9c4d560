"""What the text says between and after names: containment ("X in Y Province", "X, Y",
"X (Z, Y)"), "X near Y", lists ("X, Y and Z") and the words that end an organisation's name."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from geo.names import normalize
from geo.place import Kind
from geoparse.candidates import point, same_spelling
from parsing.places import LIST_JOIN, WINDOW, Source

# --- Word lists: geoparse's own, each used here only (the text's rules read parsing.lexicon's,
# the gazetteer geo.names'). Patterns are built from them, in the order given.

# Unit words of "X district, Y": the place before lies in the unit after. Unlike parsing.lexicon's
# CHAIN_UNIT_WORDS it has parts of a town ("suburb", "quarter"), and no sites ("airport", "port",
# "crossing"), "parish", "regency" or "lga".
_UNIT_GAP_WORDS = {"district", "districts", "province", "provinces", "county", "region", "state", "area",
                   "village", "town", "city", "governorate", "township", "municipality", "locality",
                   "department", "oblast", "neighborhood", "neighbourhood", "suburb", "quarter", "commune",
                   "community"}
# Words that may stand between a place and the unit it lies in: the unit words, and these.
_GAP_WORDS = _UNIT_GAP_WORDS | {
    "the", "limits", "zone", "coded", "to", "as", "a", "an", "outskirts", "part", "northern", "southern",
    "eastern", "western", "central", "countryside", "suburbs", "vicinity", "environs"}
# The gap's tokens that relate the place before to the one after ("X, Y", "X (Y", "X of Y").
_GAP_TOKENS = {",", "(", ")", "of", "in", "near", "-", "and"}
# The unit word after a unit the gazetteer does not know, or one the text gives another name of
# in brackets, before the unit that holds it: "X of Bala Buluk district, Y", "Achin (Spin Ghar) district, Y".
_UNIT_WORDS_BEFORE_HOLDER = ("district", "province", "county", "municipality", "township", "region", "governorate")
# What the text calls a place before "of" or "in" such a unit: "X village of Bala Buluk district, Y".
_PLACE_WORDS_BEFORE_UNIT = ("village", "town", "area", "city", "district")
# What the text calls a place before "near" it: the same words, and "settlement" ("X settlement near Y").
_PLACE_WORDS_BEFORE_NEAR = (*_PLACE_WORDS_BEFORE_UNIT, "settlement")
# Words that put a place near the next: "X, near Y", "X, close to Y".
_NEAR_WORDS = ("near", "close to", "outside")
# Words after a place that make it one side of a border: "near the New York border".
_BORDER_WORDS = ("border", "borders", "frontier", "line", "state line")
# The words that end a newspaper's or broadcaster's name ("the Killeen Daily Herald").
_MASTHEAD_WORDS = ("Times", "News", "Post", "Herald", "Journal", "Tribune", "Gazette", "Daily", "Chronicle", "Press",
                   "Star", "Globe", "Sun", "Observer", "Courier", "Register", "Bulletin", "Telegraph", "Examiner",
                   "Dispatch", "Inquirer", "Independent", "Reporter", "Record")
# A county's unit word after its name inside an organisation's ("the Fulton County Jail").
_COUNTY_WORDS = ("County", "Parish", "Borough")


def _any_of(words) -> str:
    """The words as a pattern's alternatives."""
    return "|".join(words)


# "X, Y", "X in Y", "X (Y": the reading of Y that holds a reading of X ("Atlanta, Georgia" is the
# state; "Tbilisi, Georgia" the country).
HOLDER_GAP = re.compile(r"^\s*(?:,|in|\()\s*$")
_HOLDER_READINGS = 3
# A name listed with names most of whose likeliest readings (this share) are provinces or states
# of one country is one too ("Washington, Pennsylvania and California").
_LISTED_UNIT_SHARE = 0.6
# How large a unit is, to tell which can hold which.
_LEVEL = {Kind.COUNTRY: 0, Kind.ADMIN1: 1, Kind.ADMIN2: 2}
# What may follow the unit of "in X, Y" for it to end the phrase: "in Zarate, Buenos Aires, a group"
# (not ", and": "Cairo, Giza, and Minya" is a list).
# (A run of blanks is read from its start only, as in parsing.places: tried at each of its positions
# a pattern that begins with blanks would read a long run once per position.)
_PHRASE_END = re.compile(r"(?<!\s)\s*(?:$|[.;:)!?]|,\s*(?!and\b|or\b|as well\b)[a-z])")
_ASIDE_OPEN = re.compile(r"[\"'“”‘’]")
# "X (village) of Bala Buluk district, Y", "X in Nawa-e Barakzayi (Nawa) district, Y": an
# intermediate unit the gazetteer does not know, then the unit it lies in.
_UNKNOWN_UNIT_BETWEEN = re.compile(
    rf"^\s*(?:(?:{_any_of(_PLACE_WORDS_BEFORE_UNIT)})\s+)?(?:of|in)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,3}}"
    rf"\s*(?:\([^()]{{1,30}}\)\s*)?(?:{_any_of(_UNIT_WORDS_BEFORE_HOLDER)})\s*,\s*$")
# "Achin (Spin Ghar) district, Y": the district's other name, then the unit it lies in.
_ALIAS_BETWEEN = re.compile(rf"^\s*\([^()]{{1,30}}\)\s*(?:{_any_of(_UNIT_WORDS_BEFORE_HOLDER)})\s*,\s*$")
# "X village near Y", "X, close to Y": X lies within NEAR_HINT_KM of Y.
# (Each run of blanks read in one place: "\s*X?\s*,?\s*" reads a long run in every way of splitting it.)
_NEAR_GAP = re.compile(rf"^\s*(?:(?:{_any_of(_PLACE_WORDS_BEFORE_NEAR)})\s*)?(?:,\s*)?(?:{_any_of(_NEAR_WORDS)})"
                       r"\s+(?:the\s+)?$", re.I)
NEAR_HINT_KM = 50.0
_BORDER_AFTER = re.compile(rf"(?<!\s)\s*(?:{_any_of(_BORDER_WORDS)})\b", re.I)
# The rest of a newspaper's or broadcaster's name after the town it is named after.
MASTHEAD = re.compile(rf"(?<!\s)(?:\s+[A-Z][\w.&-]*){{0,2}}\s+(?:{_any_of(_MASTHEAD_WORDS)})\b")
# A county's unit word after its name inside an organisation's ("the Fulton County Jail").
COUNTY_WORD = re.compile(rf"(?<!\s)\s+(?:{_any_of(_COUNTY_WORDS)})\b")

def between(text: str, end: int, start: int) -> str:
    """The text between two mentions; none ("") where they stand more than WINDOW apart: what lies
    between such places relates them in no way (and reading no more keeps hostile gaps cheap)."""
    return text[end:start] if start - end <= WINDOW else ""


def holds(unit, p) -> bool:
    """Whether a country, province or district reading holds a place."""
    if unit.kind == Kind.COUNTRY:
        return p.country_code == unit.country_code and p.kind != Kind.COUNTRY
    if unit.kind == Kind.ADMIN1:
        return p.country_code == unit.country_code and p.admin1_code == unit.admin1_code and p.kind != Kind.ADMIN1
    return unit.kind == Kind.ADMIN2 and p.kind not in (Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2) and \
        (p.country_code, p.admin1_code, p.admin2_code) == (unit.country_code, unit.admin1_code, unit.admin2_code)


def containers(text, places, by_name) -> dict[tuple, tuple[tuple, bool]]:
    """Hints from "X in (the northern) Y Province", "X, Y", "X district of Y", "X (Z, Y)":
    the first unit named right after a place, within a short aside, is where it lies."""
    hints: dict[tuple, tuple[tuple, bool]] = {}
    for k, a in enumerate(places):
        own = by_name.get((normalize(a.name), a.kind_hint))
        if own and own[0].place.kind == Kind.COUNTRY and not own[0].spelling_variant:
            continue  # no unit holds a country ("the US state of Texas")
        end = a.end
        for j, b in enumerate(places[k + 1:k + 4], start=k + 1):
            if b.start - end > WINDOW:
                break
            gap = _ASIDE_OPEN.sub(" ", text[end:b.start].lower())
            if not gap.strip() or gap.strip() == "-":
                end = b.end
                continue  # the next words of one name ("Dawlat Yar"): the unit may follow
            if normalize(b.name) == normalize(a.name):
                # "Wellington (Wellington)", "Hyderabad city (Hyderabad, Sindh)": the unit of
                # the same name is the namesake rule's to read; the one after it is the container
                end = b.end
                continue
            if _UNKNOWN_UNIT_BETWEEN.match(text[end:b.start]) or _ALIAS_BETWEEN.match(text[end:b.start]):
                # "X of Bala Buluk district, Y": a unit unknown here, then Y; "Achin (Spin
                # Ghar) district, Y": the district's other name, then Y
                gap = " of district, "
            raw = gap.replace(",", " , ").replace("(", " ( ").split()
            words = [w for w in raw if w not in _GAP_WORDS]
            # "X district, Y", "X (Z, Y)", "X of Y", "in X, Y." (Y ending the phrase): the text
            # itself says X lies in Y. "Kabul, Kandahar and Herat" is a list.
            strict = any(w in ("(", "of") or w in _UNIT_GAP_WORDS for w in raw) or \
                a.rule.source is Source.ASIDE or (raw == [","] and bool(_PHRASE_END.match(text, b.end))) \
                or (raw == [","] and _country_follows(text, b, places[j + 1:j + 2], by_name))
            if words[:1] == [")"] and words[1:2] in ([","], ["in"], ["of"]):
                words = words[1:]  # "X (Y Z) district, W": a name in brackets lies where X does
            if not words or words[0] not in (",", "(", "in", "of", "near") or \
                    any(w not in _GAP_TOKENS for w in words):
                break
            cands = by_name.get((normalize(b.name), b.kind_hint)) or []
            # a unit by its own name, not a spelling variant ("El Omrane" is not Amran); where the
            # text says outright that X lies in it, every province of that name: "Ludhiana
            # (Punjab)" is in India's Punjab, not in Pakistan's; "Kelaniya, Western" in Sri Lanka's
            found = [c.place for c in (cands if strict else cands[:3])
                     if c.place.kind in (Kind.ADMIN1, Kind.ADMIN2, Kind.COUNTRY)
                     and (not c.spelling_variant or same_spelling(c, normalize(b.name)))
                     # a district holds no province ("Sumatra province in the district of Karo")
                     and _LEVEL[c.place.kind] < _LEVEL.get(a.kind_hint, 3)]
            units = tuple(dict.fromkeys(
                (u.country_code, u.admin1_code if u.kind in (Kind.ADMIN1, Kind.ADMIN2) else None,
                 u.admin2_code if u.kind == Kind.ADMIN2 else None)
                for i, u in enumerate(found) if i == 0 or strict and u.kind == Kind.ADMIN1))
            if not units:
                # an unknown or a town between: the unit may come next ("X of Y district, Z",
                # "X (Z, Y)"), the gap to it measured from here
                end = b.end
                continue
            hints.setdefault((normalize(a.name), a.kind_hint), (units, strict))
            break
    return hints


def _country_follows(text, b, after, by_name) -> bool:
    """Whether "X, Y, Z" names after Y a country Z that holds a province or district Y
    ("Stroud, Ontario, Canada"): an address, not a list."""
    if not after or between(text, b.end, after[0].start).strip() != ",":
        return False
    z = by_name.get((normalize(after[0].name), after[0].kind_hint)) or []
    y = by_name.get((normalize(b.name), b.kind_hint)) or []
    return bool(z) and z[0].place.kind == Kind.COUNTRY and any(
        c.place.kind in (Kind.ADMIN1, Kind.ADMIN2) and c.place.country_code == z[0].place.country_code
        for c in y[:3])


def holders(text: str, places, by_name) -> dict[tuple, set]:
    """For the unit Y of "X, Y", "X in Y", "X (Y", by name key: its readings (as :func:`~geoparse.candidates.point`)
    that hold one of X's likeliest readings, of its own likeliest _HOLDER_READINGS."""
    out: dict[tuple, set] = defaultdict(set)
    for a, b in zip(places, places[1:]):
        if not HOLDER_GAP.match(between(text, a.end, b.start)) or normalize(a.name) == normalize(b.name):
            continue  # "Tacna (Tacna)", "Zacatecas, Zacatecas": the namesake rule's to read
        inner = [c.place for c in by_name.get((normalize(a.name), a.kind_hint), ())[:_HOLDER_READINGS]
                 if not c.spelling_variant]
        key = (normalize(b.name), b.kind_hint)
        for c in by_name.get(key, ())[:_HOLDER_READINGS]:
            if c.place.kind in (Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2) and any(holds(c.place, p) for p in inner):
                out[key].add(point(c.place))
    return out


def listed_among_units(text: str, places, by_name) -> dict[tuple, str]:
    """Names listed ("X, Y and Z") with names most of whose likeliest readings
    (_LISTED_UNIT_SHARE) are provinces or states of one country, by name key: that
    country's code."""
    out: dict[tuple, str] = {}
    run = [places[0]] if places else []
    for a, b in zip(places, places[1:] + [None]):
        if b is not None and LIST_JOIN.fullmatch(between(text, a.end, b.start)):
            run.append(b)
            continue
        keys = [(normalize(m.name), m.kind_hint) for m in run]
        tops = {k: by_name[k][0].place for k in keys if by_name.get(k)}
        # counted once for the run, each name's own top then left out (not counted again per name)
        units = Counter(p.country_code for p in tops.values() if p.kind == Kind.ADMIN1)
        for k in dict.fromkeys(keys):
            own = tops.get(k)
            mine = own.country_code if own is not None and own.kind == Kind.ADMIN1 else None
            others = len(tops) - (own is not None)
            # leaving one out lowers one count: the most among the others is one of the two most
            # (a tie between two never reaches the share)
            country, n = max(((c, n - (c == mine)) for c, n in units.most_common(2)),
                             key=lambda cn: cn[1], default=(None, 0))
            if n and n >= _LISTED_UNIT_SHARE * others:
                out.setdefault(k, country)
        run = [b]
    return out


def near_hints(text: str, places) -> dict[tuple, tuple]:
    """The places the text says a place is near ("X village near Y", "X, near Y"), by name key."""
    out = {}
    for a, b in zip(places, places[1:]):
        if _NEAR_GAP.match(between(text, a.end, b.start)) and normalize(a.name) != normalize(b.name) \
                and not _BORDER_AFTER.match(text, b.end):  # "near the New York border": no town
            out.setdefault((normalize(a.name), a.kind_hint), (normalize(b.name), b.kind_hint))
    return out

