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

Here the events are built and dated; the modules beside it hold the rest: :mod:`events.rows` (the
places and claims tables' rows), :mod:`events.estimates` (points from distance cues),
:mod:`events.placing` (where an event happened), :mod:`events.merging` (one event per happening)
and :mod:`events.provinces` (the province as the article spells it).
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from events.actors import actor_name
from events.analysis import TextAnalysis, analyse_docs
from events.estimates import with_estimates
from events.merging import Draft, merge
from events.placing import TextIndex, event_places, previous_places, unresolved_places
from events.provinces import bare, name_key, provinces_as_written
from events.rows import claim_rows, place_rows, window
from events.schema import GEO_REGION, TIME_DAY, TIME_MONTH, ClaimRow, Event, PlaceRow
from geo.names import common_name, normalize, split_designator
from geo.place import Kind
from geo.sources import writes_in_latin_script
from geoparse import ResolvedPlace, Resolver
from parsing.articles import Article
from parsing.dates import resolve as resolve_date

#: Part of every content hash: a new pipeline re-reads articles stored by an older one.
PIPELINE_VERSION = "15"

NO_DATE_FLAG = "no publication date"


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


# (The blanks before the number in one place: "\s+(?:the\s+)?(?:past)?\s*" reads a long run in every
# way of splitting it between two quantifiers.)
_OVER_PAST = re.compile(r"\b(?:over|in|during|within)\s+(?:the\s+)?(?:(?:past|last|previous)\s*)?"
                        r"(24|48|72)\s+hours|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(\w+)\s+days", re.I)
# The days of "over the last N days", in words or digits (parsing.lexicon's NUMBER_WORDS count the
# dead, in words only).
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
    with a distance cue are expected already estimated (:func:`~events.estimates.with_estimates`)."""
    by_span = {(p.start, p.end): p for p in analysis.places}
    published = article.published
    outlet = article.source
    drafts: list[Draft] = []
    roles: dict[str, str] = {}
    index = TextIndex.of(analysis)
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
        places = event_places(m, by_span) or previous_places(article, analysis, m, by_span, index) \
            or [(p, None if p.lat is None else GEO_REGION) for p in unresolved_places(m, by_span)[:1]] \
            or [(None, None)]
        for place, precision in places:
            drafts.append(Draft(m, place, precision, [claimant] if claimant else [], dates,
                                (m.sentence_start, m.sentence_end),
                                place.confidence if place is not None else 0.3))
    drafts = merge(drafts, country_of)
    # An article none of whose events can be placed still reports them: they go in the table,
    # not on the map, named by the place the gazetteer lacks if the sentence has one.
    located = [d for d in drafts if d.place is not None and d.place.lat is not None]
    written = provinces_as_written(article.text, analysis, unit_keys) if unit_keys else {}

    def province(p: ResolvedPlace) -> str | None:
        canonical = admin1_name(p) if admin1_name else p.admin1
        spelt = written.get((p.country_code, p.admin1_code))
        if spelt is None or canonical and bare(spelt) == bare(canonical):
            return canonical  # "Al Anbar" for "Anbar": the same name, written in full
        return spelt

    return [_event(article, d, country_names=country_names, country_of=country_of, roles=roles,
                   admin1_name=province)
            for d in located or drafts]


def _location(p: ResolvedPlace, precision: int | None) -> str | None:
    """The place as the article spells it, unless it stands in for an unnamed one (a province
    for a village the gazetteer lacks: its resolved name)."""
    if precision is None:
        return p.name or None
    if p.kind == Kind.UNRESOLVED and p.estimated_from:
        return p.estimated_from  # the known place the text's unknown one was put at
    if precision < GEO_REGION and p.name:
        return split_designator(p.name)[0]
    return p.resolved_name or p.name


_NOWHERE = ResolvedPlace(start=0, end=0, name="", lat=None, lon=None, geonameid=None, kind=Kind.UNRESOLVED,
                         country_code=None, admin1=None, confidence=0.0)


def _event(article: Article, d: Draft, *, country_names, country_of, roles: Mapping[str, str],
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
        admin1=(admin1_name(p) if admin1_name else p.admin1) if p.kind != Kind.COUNTRY else None,
        admin2=p.admin2, admin1_code=p.admin1_code if p.kind != Kind.COUNTRY else None,
        location=_location(p, d.precision), latitude=p.lat, longitude=p.lon, geonameid=p.geonameid,
        geo_precision=d.precision, source=article.source, notes=sentence,
        fatalities=m.fatalities, claimant="; ".join(claimants) or None,
        claimant_role="; ".join(roles.get(c, "") for c in claimants) if any(roles.get(c) for c in claimants)
        else None,
        source_sentence=sentence,
        sentence_start=shown[0], sentence_end=shown[1], url=article.url, title=article.title,
        confidence=round(d.confidence, 3), corroborations=max(1, len(claimants)),
    )


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
        return frozenset(k for k in map(name_key, (*names, *cores)) if k)

    results = [with_estimates(a, r) for a, r in zip(articles, analyse_docs(
        [a.text for a in articles], resolver=resolver, nlp=nlp, with_events=True))]
    return [Analysis(article=a, content_hash=content_hash(a), places=place_rows(a, r),
                     claims=claim_rows(a, r),
                     events=build_events(a, r, country_names=names, country_of=country_of,
                                         admin1_name=admin1_name, unit_keys=unit_keys))
            for a, r in zip(articles, results)]
