"""From an article to the rows the store keeps: places, claims and events.

Until claims and events are read from the text, every resolved place
mention stands as a provisional event ("Unclassified" / "Place mentioned")
dated by the article, so that the whole path from files to the map works.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from events.geoparse import ResolvedPlace, Resolver, TextAnalysis, analyse_docs
from events.schema import GEO_EXACT, GEO_NEAR, GEO_REGION, TIME_DAY, TIME_MONTH, Event
from parsing.articles import Article

#: Part of every content hash: a new pipeline re-reads articles stored by an older one.
PIPELINE_VERSION = "1"

PROVISIONAL_TYPE, PROVISIONAL_SUB_TYPE = "Unclassified", "Place mentioned"
NO_DATE_FLAG = "no publication date"

_GEO_PRECISION = {"admin2": GEO_NEAR, "admin1": GEO_REGION, "country": GEO_REGION}


@dataclass(frozen=True)
class Analysis:
    """What the pipeline made of one article, ready for :meth:`events.store.Store.put`."""

    article: Article
    content_hash: str
    places: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
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


def place_rows(article: Article, analysis: TextAnalysis) -> list[dict]:
    """The places table's rows for one article."""
    rows = []
    for p in analysis.places:
        s, e = analysis.sentence_of(p)
        rows.append({"start": p.start, "end": p.end, "name": p.name, "resolved_name": p.resolved_name,
                     "kind": p.kind, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid,
                     "country_code": p.country_code, "admin1": p.admin1, "admin2": p.admin2,
                     "confidence": round(p.confidence, 3), "runner_up": p.runner_up,
                     "sentence": article.text[s:e]})
    return rows


def provisional_events(article: Article, analysis: TextAnalysis, *,
                       country_names: Mapping[str, str]) -> list[Event]:
    """One event per resolved place per sentence, dated by the article."""
    out: list[Event] = []
    seen: set[tuple] = set()
    for p in analysis.places:
        if p.lat is None or not p.country_code:  # unresolved, or a world region: no one place
            continue
        s, e = analysis.sentence_of(p)
        key = (s, p.geonameid, p.resolved_name, p.lat, p.lon)
        if key in seen:
            continue
        seen.add(key)
        sentence = article.text[s:e].strip()
        out.append(Event(
            event_id=_event_id(article.id, s, p.start),
            article_id=article.id,
            event_date=article.published.isoformat() if article.published else None,
            time_precision=TIME_DAY if article.published else TIME_MONTH,
            date_flag=None if article.published else NO_DATE_FLAG,
            event_type=PROVISIONAL_TYPE,
            sub_event_type=PROVISIONAL_SUB_TYPE,
            country=country_names.get(p.country_code, p.country_code),
            country_code=p.country_code,
            admin1=p.admin1 if p.kind != "country" else None,
            admin2=p.admin2,
            location=p.resolved_name,
            latitude=p.lat,
            longitude=p.lon,
            geonameid=p.geonameid,
            geo_precision=_GEO_PRECISION.get(p.kind, GEO_EXACT),
            source=article.source,
            notes=sentence,
            claimant=article.source,
            source_sentence=sentence,
            sentence_start=s,
            sentence_end=e,
            url=article.url,
            title=article.title,
            confidence=round(p.confidence, 3),
            corroborations=1,
        ))
    return out


def analyse(articles: list[Article], *, resolver: Resolver, nlp=None) -> list[Analysis]:
    """The rows of each article, in order."""
    names = {cc: p.name for cc, p in resolver.geocoder.countries().items()}
    results = analyse_docs([a.text for a in articles], resolver=resolver, nlp=nlp)
    return [Analysis(article=a, content_hash=content_hash(a), places=place_rows(a, r),
                     events=provisional_events(a, r, country_names=names))
            for a, r in zip(articles, results)]


__all__ = ["Analysis", "ResolvedPlace", "analyse", "content_hash", "place_rows", "provisional_events"]
