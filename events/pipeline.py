"""From an article to the rows the store keeps: places, claims and events.

Events come from :mod:`parsing.events` (what happened, by whom, in which
sentence) and are placed here with the resolved places (:mod:`geoparse`):

* one event per place when a sentence lists several; a province or country
  named beside a place inside it is context, not a second event;
* a place the gazetteer lacks is put where the text says it is ("50
  kilometres north of Kunduz City", geo_precision 2), else at the containing
  unit the text names (precision 2 for a district, 3 for a province or
  country), never at a guess elsewhere;
* dates: the event's own date phrase, else the date of its claim ("said on
  Tuesday"), else the publication date; time_precision as ACLED;
* the claimant is the speaker of the sentence's claim, else the outlet;
* one happening reported twice in an article (same type, same actor1, same
  place or none) is one event with all its claimants (``corroborations``);
* an article none of whose events can be placed still has them, without
  coordinates (in the table, not on the map), named by the place the
  gazetteer lacks if the sentence names one.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from events.actors import actor_name
from events.analysis import TextAnalysis, analyse_docs
from events.schema import GEO_EXACT, GEO_NEAR, GEO_REGION, TIME_DAY, TIME_MONTH, ClaimRow, Event, PlaceRow
from geo.geocoder import distance_km
from geo.geometry import BEARINGS, destination
from geo.names import ADMIN1_WORDS, common_name, normalize, skeleton, split_designator
from geo.sources import writes_in_latin_script
from geoparse import ResolvedPlace, Resolver
from parsing.articles import Article
from parsing.dates import resolve as resolve_date

#: Part of every content hash: a new pipeline re-reads articles stored by an older one.
PIPELINE_VERSION = "15"

NO_DATE_FLAG = "no publication date"

# A region inside one country (Darfur, Donbas, an island such as Mindanao) is coded as a province is.
_GEO_PRECISION = {"admin2": GEO_NEAR, "admin1": GEO_REGION, "world region": GEO_REGION, "country": GEO_REGION}
# More specific kinds first: the place an event keeps when reports of it name several.
_SPECIFIC = {"airport": 0, "port or crossing": 0, "landmark": 0, "populated place": 1, "estimated": 1,
             "admin2": 2, "admin1": 3, "world region": 3, "country": 4}


@dataclass(frozen=True)
class Analysis:
    """What the pipeline made of one article, ready for :meth:`events.store.Store.put`."""

    article: Article
    content_hash: str
    places: list[PlaceRow] = field(default_factory=list)
    claims: list[ClaimRow] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def content_hash(article: Article) -> str:
    """A hash of everything that shapes an article's rows (its text and metadata, the pipeline)."""
    h = hashlib.sha1(PIPELINE_VERSION.encode())
    for value in (article.text, article.title, article.url, article.source,
                  article.published.isoformat() if article.published else None):
        h.update(b"\x1f" + (value or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _event_id(article_id: str, *parts) -> str:
    return hashlib.sha1("|".join(map(str, (article_id, *parts))).encode("utf-8", "surrogatepass")
                        ).hexdigest()[:16]


#: A row keeps at most this much of its sentence (and a claim of its statement): the window
#: around its mention. A "sentence" of 100,000 characters without a full stop is no sentence
#: to show, and would be stored again on each of its rows.
MAX_SENTENCE_CHARS = 1000


def window(start: int, end: int, at: int, *, limit: int = MAX_SENTENCE_CHARS) -> tuple[int, int]:
    """``(start, end)``, or the ``limit`` characters of it centred on offset ``at`` where longer."""
    if end - start <= limit:
        return start, end
    first = max(start, min(at - limit // 2, end - limit))
    return first, first + limit


def place_rows(article: Article, analysis: TextAnalysis) -> list[PlaceRow]:
    """The places table's rows for one article."""
    rows = []
    sentences: dict[tuple[int, int], str] = {}  # one string per sentence, however many places it names
    for p in analysis.places:
        s, e = window(*analysis.sentence_of(p), p.start)
        sentence = sentences.get((s, e))
        if sentence is None:
            sentence = sentences[s, e] = article.text[s:e]
        rows.append(PlaceRow(article_id=article.id, start=p.start, end=p.end, name=p.name,
                             resolved_name=p.resolved_name, kind=p.kind, lat=p.lat, lon=p.lon, geonameid=p.geonameid,
                             country_code=p.country_code, admin1=p.admin1, admin2=p.admin2,
                             confidence=round(p.confidence, 3), runner_up=p.runner_up, sentence=sentence))
    return rows


@dataclass
class _Draft:
    """An event being assembled: merged drafts keep every claimant and date."""

    mention: object                 # parsing.events.EventMention
    place: ResolvedPlace | None
    precision: int | None            # None: not placed
    claimants: list[str]
    dates: list[tuple[int, date, int]]   # (explicit: 0/1, day, precision)
    sentence: tuple[int, int]
    confidence: float


def _estimates(article: Article, analysis: TextAnalysis, by_span) -> dict[str, ResolvedPlace]:
    """Points for unresolved names from "N km (direction) from PLACE" in their sentence."""
    out: dict[str, ResolvedPlace] = {}
    # A name's point comes from the first cue (in order) that has one of its mentions before it in
    # its sentence, and from the first such mention. Each name is read once: once it has a point,
    # its mentions are skipped (``alive[i]``: the first mention from the i-th on whose name has
    # none), not read again for every later cue.
    unresolved = sorted((p for p in analysis.places if p.kind == "unresolved"), key=lambda p: p.start)
    starts = [p.start for p in unresolved]
    keys = [split_designator(normalize(p.name))[0] for p in unresolved]
    at_key: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        at_key.setdefault(key, []).append(i)
    alive = list(range(len(unresolved) + 1))

    def next_alive(i: int) -> int:
        root = i
        while alive[root] != root:
            root = alive[root]
        while alive[i] != root:
            alive[i], i = root, alive[i]
        return root

    for cue in analysis.cues:
        anchor = by_span.get(cue.anchor)
        if anchor is None or anchor.lat is None or cue.bearing not in BEARINGS:
            continue
        i = next_alive(bisect.bisect_left(starts, cue.sentence_start))
        while i < len(unresolved) and starts[i] < cue.anchor[0]:
            p = unresolved[i]
            lat, lon = destination(anchor.lat, anchor.lon, BEARINGS[cue.bearing], cue.km)
            out[keys[i]] = replace(
                p, lat=lat, lon=lon, kind="estimated", country_code=anchor.country_code,
                admin1=anchor.admin1, admin1_code=anchor.admin1_code, admin2=None, resolved_name=p.name,
                confidence=0.5, estimated_from=anchor.resolved_name or anchor.name,
                runner_up=f"{cue.km:g} km {cue.bearing} of {anchor.resolved_name}")
            for k in at_key[keys[i]]:
                alive[k] = k + 1
            i = next_alive(i)
    return out


def _with_estimates(article: Article, analysis: TextAnalysis) -> TextAnalysis:
    """The analysis with unresolved places put where the text's distance cues say they are."""
    by_span = {(p.start, p.end): p for p in analysis.places}
    estimates = _estimates(article, analysis, by_span)
    if not estimates:
        return analysis
    places = []
    for p in analysis.places:
        est = estimates.get(split_designator(normalize(p.name))[0]) if p.kind == "unresolved" else None
        places.append(replace(est, start=p.start, end=p.end, name=p.name, sentence=p.sentence)
                      if est is not None else p)
    return replace(analysis, places=places)


_SITE_KINDS = ("airport", "port or crossing", "landmark")
_SITE_KM = 25.0
_REGION_KM = 400.0


def _contains(unit: ResolvedPlace, place: ResolvedPlace) -> bool:
    if unit.kind == "country":
        return place.country_code == unit.country_code and place is not unit
    if unit.kind == "admin1":
        return place.kind != "admin1" and place.country_code == unit.country_code and place.admin1 == unit.admin1
    if unit.kind == "admin2":
        return place.kind not in ("admin1", "admin2", "country") and place.admin2 == unit.admin2 \
            and place.admin1 == unit.admin1
    if unit.kind == "world region" and unit.country_code:
        # a region of one country (Darfur, Mindanao) holds that country's places nearby
        return place is not unit and place.country_code == unit.country_code \
            and place.kind not in ("country", "world region") and None not in (place.lat, unit.lat) \
            and distance_km(unit.lat, unit.lon, place.lat, place.lon) <= _REGION_KM
    if unit.kind == "populated place" and place.kind in _SITE_KINDS:
        # a town holds the airport, port or landmark just outside it ("Kabul" and its airport)
        return place.country_code == unit.country_code and None not in (place.lat, unit.lat) \
            and distance_km(unit.lat, unit.lon, place.lat, place.lon) <= _SITE_KM
    return False


def _contains_another(places: list[ResolvedPlace]) -> list[bool]:
    """For each of the places, whether it contains another of them (:func:`_contains`), found
    through indexes of the others, not by trying every pair (quadratic in a sentence naming
    thousands); the rules by distance are read once per distinct region or town."""
    countries = Counter(q.country_code for q in places)
    in_admin1 = {(q.country_code, q.admin1) for q in places if q.kind != "admin1"}
    in_admin2 = {(q.admin2, q.admin1) for q in places if q.kind not in ("admin1", "admin2", "country")}
    local, sites = defaultdict(list), defaultdict(list)
    for q in places:
        if q.lat is not None and q.kind not in ("country", "world region"):
            local[q.country_code].append(q)
        if q.lat is not None and q.kind in _SITE_KINDS:
            sites[q.country_code].append(q)
    near: dict[tuple, bool] = {}
    out = []
    for p in places:
        if p.kind == "country":
            found = countries[p.country_code] > 1  # (each place is in the list once)
        elif p.kind == "admin1":
            found = (p.country_code, p.admin1) in in_admin1
        elif p.kind == "admin2":
            found = (p.admin2, p.admin1) in in_admin2
        elif p.kind == "world region" and p.country_code or p.kind == "populated place":
            key = (p.kind, p.country_code, p.lat, p.lon)
            if key not in near:
                near[key] = p.lat is not None and any(
                    _contains(p, q) for q in (sites if p.kind == "populated place" else local)[p.country_code])
            found = near[key]
        else:
            found = False
        out.append(found)
    return out


def _event_places(mention, by_span) -> list[tuple[ResolvedPlace, int]]:
    """(place, geo_precision) for each place where the event happened.

    A country named as a modifier ("US forces", "Saudi-led coalition") is where
    the event happened only when the sentence names no other place, even one the
    gazetteer lacks: a riot in an unknown village is not in the country of "the
    US dollar" it was about.
    """
    attributive = {span for span in mention.attributive
                   if getattr(by_span.get(span), "kind", None) == "country"}
    others = tuple(s for s in mention.places if s not in attributive)
    if attributive and others:
        return _event_places(replace(mention, places=others, attributive=()), by_span)
    near = set(mention.near)
    located, unknown = [], []
    for span in mention.places:
        p = by_span.get(span)
        if p is None or p.kind == "world region" and not p.country_code:
            continue  # a continent, a sea or a region of many countries is no event's place
        if p.kind == "estimated":
            located.append((p, GEO_NEAR))
            continue
        if p.kind == "unresolved":
            unknown.append(p)
            continue
        precision = GEO_NEAR if span in near and p.kind not in ("admin1", "country") else \
            _GEO_PRECISION.get(p.kind, GEO_EXACT)
        located.append((p, precision))
    holds = _contains_another([p for p, _ in located])
    specific = [(p, g) for (p, g), held in zip(located, holds) if not held]
    if unknown and specific:
        # A place the gazetteer lacks: coded to the nearest known place or containing unit
        # the text names, never more precisely than "near it".
        return [(p, max(g, GEO_NEAR)) for p, g in specific[:1]]
    return specific


@dataclass(frozen=True)
class _Index:
    """An analysis's sentences, events and places by offset, for the look-ups made per event
    (reading the lists through for each event is quadratic in a long text)."""

    sentence_ends: list[int]
    first_event: dict[int, object]          # the first event of each sentence, by its start
    places: list[ResolvedPlace]             # in text order
    place_starts: list[int]

    @classmethod
    def of(cls, analysis: TextAnalysis) -> "_Index":
        first: dict[int, object] = {}
        for m in analysis.events:
            first.setdefault(m.sentence_start, m)
        places = sorted(analysis.places, key=lambda p: p.start)
        return cls([e for _, e in analysis.sentences], first, places, [p.start for p in places])


def _previous_places(article: Article, analysis: TextAnalysis, mention, by_span, index: _Index):
    """The places of the sentence before, in the same paragraph, for an event that names none
    ("Clashes broke out in X. Two soldiers were killed.")."""
    k = bisect.bisect_right(index.sentence_ends, mention.sentence_start) - 1
    if k < 0:
        return []
    s, e = analysis.sentences[k]
    if "\n" in article.text[e:mention.sentence_start]:
        return []
    # The earlier sentence's own event, if it has one, says which of its places are where it
    # happened ("an attack on Burundi troops in Buurane village": not Burundi).
    reported = index.first_event.get(s)
    if reported is not None:
        return _event_places(replace(mention, places=reported.places, near=reported.near,
                                     attributive=reported.attributive), by_span)
    spans = tuple((p.start, p.end) for p in index.places[bisect.bisect_left(index.place_starts, s):
                                                          bisect.bisect_left(index.place_starts, e)])
    # With no event there to say which, a country beside other places is whose troops or
    # money the sentence spoke of ("an attack on Burundi troops in Buurane village (Jowhar)"):
    # every place may be a modifier, of which _event_places sets aside the countries.
    return _event_places(replace(mention, places=spans, near=(), attributive=spans), by_span)


# (The blanks before the number in one place: "\s+(?:the\s+)?(?:past)?\s*" reads a long run in every
# way of splitting it between two quantifiers.)
_OVER_PAST = re.compile(r"\b(?:over|in|during|within)\s+(?:the\s+)?(?:(?:past|last|previous)\s*)?"
                        r"(24|48|72)\s+hours|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(\w+)\s+days", re.I)
_DAY_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def _reported_span_days(sentence: str) -> int:
    """Days before a report date that the event happened: "Reported on 9 August, over the past
    24 hours, ..." is 8 August; "over the last 3 days" reaches back 2 days (ACLED's convention)."""
    if not re.search(r"\breported\b", sentence, re.I):
        return 0
    m = _OVER_PAST.search(sentence)
    if not m:
        return 0
    if m.group(1):
        return int(m.group(1)) // 24
    return max(0, _DAY_WORDS.get(m.group(2).lower(), 1) - 1)


def _claim_for(mention, claims, by_sentence=None):
    """The claim a mention's trigger is in, else the first claim of its sentence. ``by_sentence``
    (:func:`_claims_by_sentence`) finds them without reading all the article's claims."""
    if by_sentence is not None:
        starts, groups = by_sentence
        k = bisect.bisect_right(starts, mention.trigger_start) - 1
        claims = groups[k] if k >= 0 and mention.trigger_start < groups[k][0].sentence_end else ()
    for c in claims:
        if c.start <= mention.trigger_start < c.end:
            return c
    for c in claims:
        if c.sentence_start <= mention.trigger_start < c.sentence_end:
            return c
    return None


def _claims_by_sentence(claims) -> tuple[list[int], list[list]] | None:
    """The claims grouped by sentence (in their order), with the sentences' starts, where every
    claim lies inside its sentence and the sentences do not overlap (as the claim finder makes
    them); else None, and each look-up reads all claims."""
    groups: dict[tuple[int, int], list] = {}
    for c in claims:
        if not c.sentence_start <= c.start <= c.end <= c.sentence_end:
            return None
        groups.setdefault((c.sentence_start, c.sentence_end), []).append(c)
    bounds = sorted(groups)
    if any(a[1] > b[0] for a, b in zip(bounds, bounds[1:])):
        return None
    return [s for s, _ in bounds], [groups[b] for b in bounds]


def build_events(article: Article, analysis: TextAnalysis, *, country_names: Mapping[str, str],
                 country_of, admin1_name=None, unit_keys=None) -> list[Event]:
    """The events of one analysed article (see the module's docstring); unresolved places
    with a distance cue are expected already estimated (:func:`_with_estimates`)."""
    by_span = {(p.start, p.end): p for p in analysis.places}
    published = article.published
    outlet = article.source
    drafts: list[_Draft] = []
    roles: dict[str, str] = {}
    index = _Index.of(analysis)
    by_sentence = _claims_by_sentence(analysis.claims)
    for m in analysis.events:
        claim = _claim_for(m, analysis.claims, by_sentence)
        claimant = claim.claimant if claim and claim.claimant else outlet
        if claim is not None and claim.role and claimant:
            roles[claimant] = claim.role
        dates = []
        for text in (*m.date_texts, claim.date_text if claim else None):
            found = resolve_date(text, published) if text else None
            if found:
                back = _reported_span_days(article.text[m.sentence_start:m.sentence_end])
                dates.append((1, found.day - timedelta(days=back), found.precision))
                break
        if published:
            dates.append((0, published, TIME_DAY))
        places = _event_places(m, by_span) or _previous_places(article, analysis, m, by_span, index) \
            or [(p, None if p.lat is None else GEO_REGION) for p in _unresolved(m, by_span)[:1]] \
            or [(None, None)]
        for place, precision in places:
            drafts.append(_Draft(m, place, precision, [claimant] if claimant else [], dates,
                                 (m.sentence_start, m.sentence_end),
                                 place.confidence if place is not None else 0.3))
    drafts = _merge(drafts, country_of)
    # An article none of whose events can be placed still reports them: they go in the table,
    # not on the map, named by the place the gazetteer lacks if the sentence has one.
    located = [d for d in drafts if d.place is not None and d.place.lat is not None]
    written = _provinces_as_written(article.text, analysis, unit_keys) if unit_keys else {}

    def province(p: ResolvedPlace) -> str | None:
        canonical = admin1_name(p) if admin1_name else p.admin1
        spelt = written.get((p.country_code, p.admin1_code))
        if spelt is None or canonical and _bare(spelt) == _bare(canonical):
            return canonical  # "Al Anbar" for "Anbar": the same name, written in full
        return spelt

    return [_event(article, d, country_names=country_names, country_of=country_of, roles=roles,
                   admin1_name=province)
            for d in located or drafts]


def _name_key(name: str) -> str:
    """A key that one name's spelling variants share: its skeleton, or all of it if short."""
    key = normalize(name)
    return skeleton(key) or key


def _bare(name: str) -> list[str]:
    """A name's words without articles ("Al Anbar" and "Anbar" are one name)."""
    return [w for w in normalize(name).split() if w not in _ARTICLES]


def _provinces_as_written(text: str, analysis: TextAnalysis, unit_keys) -> dict[tuple, str]:
    """The provinces (admin1 units) the article names, by (country code, admin1 code), spelt as
    the article spells them: an event in Kunduz reported by a text that writes "Kondoz province"
    is coded to "Kondoz", as the reporting names it (and ACLED, whose coders write the province
    as their own gazetteer does, and name it in their descriptions). The province's own mention
    counts first; else a town named like the province that holds it ("Halab" for Aleppo
    governorate), first where it is named as the unit another place lies in ("Tafas city, Dara",
    "(Bab Ezzouar, Alger)"); ``unit_keys(cc, admin1_code)`` gives the province's names as
    :func:`~geo.names.skeleton` keys. An all-capitals dateline is written in title case."""
    own: dict[tuple, str] = {}
    namesake: dict[tuple, str] = {}
    as_unit: dict[tuple, str] = {}
    for p in analysis.places:
        if not p.admin1_code or not p.name or p.kind not in ("admin1", "admin2", "populated place"):
            continue
        name = _without_designator(p.name)
        if not name:
            continue
        name = name.title() if name.isupper() else name
        key = (p.country_code, p.admin1_code)
        if p.kind == "admin1":
            own.setdefault(key, name)
        elif _name_key(name) in unit_keys(*key):
            namesake.setdefault(key, name)
            if text[max(0, p.start - 3):p.start].rstrip().endswith((",", "(")):
                as_unit.setdefault(key, name)
    return namesake | as_unit | own


def _without_designator(name: str) -> str | None:
    """ "Kandahar province" -> "Kandahar"; None for "the Province of Kandahar" (the gazetteer's
    name serves)."""
    words = name.split()
    if len(words) > 2 and words[0].lower() in ADMIN1_WORDS and words[1].lower() == "of":
        return None
    if len(words) > 1 and words[-1].lower() in ADMIN1_WORDS:
        words = words[:-1]
    return " ".join(words)


def _unresolved(mention, by_span) -> list[ResolvedPlace]:
    """The places of the event's sentence that nothing in the gazetteer fits."""
    return [p for span in mention.places if (p := by_span.get(span)) is not None and p.kind == "unresolved"]


def _merge(drafts: list[_Draft], country_of) -> list[_Draft]:
    """One draft per happening: same type and actor1, and the same place or none."""
    groups: dict[tuple, list[_Draft]] = {}
    anonymous: list[tuple[tuple, _Draft]] = []
    for d in drafts:
        kind = (d.mention.event_type, d.mention.sub_event_type)
        # Named without the place's country: reports of one happening may place it differently.
        actor = actor_name(d.mention.actor1, country=None, country_of=country_of)
        if actor is None:
            anonymous.append((kind, d))
        else:
            groups.setdefault((*kind, actor), []).append(d)
    named: dict[tuple, list] = defaultdict(list)  # the groups' keys by kind of event
    for k in groups:
        named[k[:2]].append(k)
    for kind, d in anonymous:
        # No actor named ("Two soldiers were killed"): the same kind of event by the one
        # actor the article names for it, if there is exactly one; else its own group.
        key = named[kind][0] if len(named[kind]) == 1 else (*kind, None)
        if key not in groups:
            named[kind].append(key)
        groups.setdefault(key, []).append(d)
    out = []
    for group in groups.values():
        located = [d for d in group if d.place is not None and d.place.lat is not None]
        spots = {}
        for d in located:
            spots.setdefault(_spot(d.place), d)
        holds = _contains_another([d.place for d in spots.values()])
        specific = [d for d, held in zip(spots.values(), holds) if not held]
        if len(specific) == 1:
            target = specific[0]
            _absorb(target, [d for d in group if d is not target])
            out.append(target)
        else:
            # (drafts are told apart by identity: no two are equal)
            located_ids, specific_ids = {id(d) for d in located}, {id(d) for d in specific}
            merged: dict = {}
            absorbed: dict = defaultdict(list)
            for d in group:
                if id(d) in located_ids and id(d) not in specific_ids:
                    continue
                k = _spot(d.place)
                if k in merged:
                    absorbed[k].append(d)
                else:
                    merged[k] = d
            for k, others in absorbed.items():
                _absorb(merged[k], others)
            out += list(merged.values())
    out.sort(key=lambda d: (d.sentence[0], d.place.start if d.place else 0))
    return out


def _spot(p: ResolvedPlace | None) -> tuple:
    if p is None:
        return ("",)
    # two unknown villages put at one rough point are still two places
    return (p.geonameid, round(p.lat, 2), round(p.lon, 2)) if p.lat is not None and p.kind != "unresolved" \
        else (p.name,)


def _absorb(target: _Draft, others: list[_Draft]) -> None:
    """Merge the drafts ``others`` into ``target``, in order: their claimants and dates, the
    best confidence, the most specific place. (All at once: the claimants seen and the dates are
    not read and copied again for each; a draft's list of dates is shared with its sentence's
    other drafts, so it is replaced, never extended.)"""
    if not others:
        return
    seen = set(target.claimants)
    dates = list(target.dates)
    for other in others:
        for c in other.claimants:
            if c not in seen:
                seen.add(c)
                target.claimants.append(c)
        dates += other.dates
        target.confidence = max(target.confidence, other.confidence)
        if other.place is not None and target.place is not None and \
                _SPECIFIC.get(other.place.kind, 5) < _SPECIFIC.get(target.place.kind, 5):
            target.place, target.precision = other.place, other.precision
    target.dates = dates


def _location(p: ResolvedPlace, precision: int | None) -> str | None:
    """The place as the article spells it, unless it stands in for an unnamed one (a province
    for a village the gazetteer lacks: its resolved name)."""
    if precision is None:
        return p.name or None
    if p.kind == "unresolved" and p.estimated_from:
        return p.estimated_from  # the known place the text's unknown one was put at
    if precision < GEO_REGION and p.name:
        return split_designator(p.name)[0]
    return p.resolved_name or p.name


_ARTICLES = {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "the"}

_NOWHERE = ResolvedPlace(start=0, end=0, name="", lat=None, lon=None, geonameid=None, kind="unresolved",
                         country_code=None, admin1=None, confidence=0.0)


def _event(article: Article, d: _Draft, *, country_names, country_of, roles: Mapping[str, str],
           admin1_name=None) -> Event:
    m, p = d.mention, d.place or _NOWHERE
    explicit = [x for x in d.dates if x[0] == 1]
    chosen = min(explicit, key=lambda x: x[2]) if explicit else (d.dates[0] if d.dates else None)
    country = country_names.get(p.country_code, p.country_code)
    s, e = d.sentence
    shown = window(s, e, m.trigger_start)
    sentence = article.text[shown[0]:shown[1]]
    # Named people before institutions and the outlet: the most specific source first.
    claimants = sorted(d.claimants, key=lambda c: (c == article.source, " " not in c))
    return Event(
        event_id=hashlib.sha1(f"{article.id}|{s}|{p.start}|{m.trigger_start}".encode("utf-8", "surrogatepass")
                              ).hexdigest()[:16],
        article_id=article.id,
        event_date=chosen[1].isoformat() if chosen else None,
        time_precision=chosen[2] if chosen else TIME_MONTH,
        date_flag=None if article.published or explicit else NO_DATE_FLAG,
        event_type=m.event_type, sub_event_type=m.sub_event_type,
        actor1=actor_name(m.actor1, country=country, country_of=country_of),
        actor2=actor_name(m.actor2, country=country, country_of=country_of),
        country=country, country_code=p.country_code,
        admin1=(admin1_name(p) if admin1_name else p.admin1) if p.kind != "country" else None,
        admin2=p.admin2, admin1_code=p.admin1_code if p.kind != "country" else None,
        location=_location(p, d.precision), latitude=p.lat, longitude=p.lon, geonameid=p.geonameid,
        geo_precision=d.precision, source=article.source, notes=sentence,
        fatalities=m.fatalities, claimant="; ".join(claimants) or None,
        claimant_role="; ".join(roles.get(c, "") for c in claimants) if any(roles.get(c) for c in claimants)
        else None,
        source_sentence=sentence,
        sentence_start=shown[0], sentence_end=shown[1], url=article.url, title=article.title,
        confidence=round(d.confidence, 3), corroborations=max(1, len(claimants)),
    )


def claim_rows(article: Article, analysis: TextAnalysis) -> list[ClaimRow]:
    """The claims table's rows for one article."""
    rows = []
    for c in analysis.claims:
        when = resolve_date(c.date_text, article.published) if c.date_text else None
        day = when.day if when else article.published
        rows.append(ClaimRow(
            claim_id=hashlib.sha1(f"{article.id}|{c.start}|{c.claimant}".encode("utf-8", "surrogatepass")
                                  ).hexdigest()[:16],
            article_id=article.id, claimant=c.claimant or article.source, role=c.role, anonymous=c.anonymous,
            verb=c.verb, statement=c.statement[:MAX_SENTENCE_CHARS] if c.statement else c.statement,
            sentence=article.text[slice(*window(c.sentence_start, c.sentence_end, c.start))],
            start=c.start, end=c.end, date=day.isoformat() if day else None))
    return rows


def analyse(articles: list[Article], *, resolver: Resolver, nlp=None) -> list[Analysis]:
    """The rows of each article, in order."""
    gaz = resolver.geocoder.gazetteer
    names = {cc: p.name for cc, p in resolver.geocoder.countries().items()}

    def country_of(word: str) -> str | None:
        key = normalize(word or "")
        cc = gaz.demonym(key) or resolver.geocoder.country_code(word)
        return names.get(cc) if cc else None

    @lru_cache(maxsize=4096)
    def unit_name(cc: str | None, code: str | None, name: str | None) -> str | None:
        unit = gaz.admin_unit(cc, code) if cc and code else None
        if unit is None:
            return name
        return common_name(unit.name, unit.alternate_names, native_latin=writes_in_latin_script(cc),
                           population=unit.population)

    def admin1_name(p: ResolvedPlace) -> str | None:
        """The province as English-language reports (and ACLED) name it: Donetsk, Tripoli."""
        return unit_name(p.country_code, p.admin1_code, p.admin1)

    @lru_cache(maxsize=4096)
    def unit_keys(cc: str | None, code: str | None) -> frozenset[str]:
        unit = gaz.admin_unit(cc, code) if cc and code else None
        names = (unit.name, *unit.alternate_names) if unit else ()
        # "Wellington Region", "Greater Wellington": the unit of the city of Wellington
        cores = [split_designator(normalize(n))[0].removeprefix("greater ") for n in names]
        return frozenset(k for k in map(_name_key, (*names, *cores)) if k)

    results = [_with_estimates(a, r) for a, r in zip(articles, analyse_docs(
        [a.text for a in articles], resolver=resolver, nlp=nlp, with_events=True))]
    return [Analysis(article=a, content_hash=content_hash(a), places=place_rows(a, r),
                     claims=claim_rows(a, r),
                     events=build_events(a, r, country_names=names, country_of=country_of,
                                         admin1_name=admin1_name, unit_keys=unit_keys))
            for a, r in zip(articles, results)]
