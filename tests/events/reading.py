"""Short texts of our own through the whole pipeline, as ``python -m events ingest`` reads them."""
from datetime import date

from events.pipeline import analyse
from parsing.articles import from_text


def events(resolver, text, published=date(2021, 6, 22)):
    """The events of one article of ``text``, published on ``published`` by "Test Wire"."""
    (a,) = analyse([from_text(text, id="t", published=published, source="Test Wire")], resolver=resolver)
    return a.events
