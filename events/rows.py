"""The places and claims tables' rows for one article (:class:`~events.schema.PlaceRow`,
:class:`~events.schema.ClaimRow`), each with a window of the sentence it is read in."""
from __future__ import annotations

import hashlib

from events.analysis import TextAnalysis
from events.schema import ClaimRow, PlaceRow
from parsing.articles import Article
from parsing.dates import resolve as resolve_date

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
