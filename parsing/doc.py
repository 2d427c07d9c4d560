"""Doc helpers: what the parsing modules read from a spaCy Doc, looked up rather than rebuilt.

spaCy rebuilds ``Doc.text``, ``doc.ents`` and a token's sentence on every access; these keep
what they read in ``doc.user_data`` (keys ``sitrep_*``), so that a pass per word or per sentence
stays linear in a long text.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Span


def text_of(doc: Doc) -> str:
    """The doc's text, kept in ``doc.user_data``: spaCy rebuilds ``Doc.text`` on every access."""
    text = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.user_data["sitrep_text"] = doc.text
    return text


def capital_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that begin with a capital letter, kept in ``doc.user_data``.

    Every name-finding pass starts at such a token; scanning these alone skips the
    five words in six that cannot begin a name."""
    found = doc.user_data.get("sitrep_capitals")
    if found is None:
        text = text_of(doc)
        found = doc.user_data["sitrep_capitals"] = [
            i for i, at in enumerate(doc.to_array("IDX").tolist()) if text[at].isupper()]
    return found


def _entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """``doc.ents`` and their first tokens, kept in ``doc.user_data``: spaCy makes every entity's
    span anew, reading the whole doc, each time they are asked for (``Span.ents`` too), which read
    once per sentence or per word is quadratic in a long text."""
    found = doc.user_data.get("sitrep_ents")
    if found is None:
        ents = tuple(doc.ents)
        found = doc.user_data["sitrep_ents"] = (ents, [e.start for e in ents])
    return found


def entities_in(span: Span) -> Iterator[Span]:
    """The entities wholly inside a span, in order (``span.ents``, without reading the others)."""
    ents, starts = _entities(span.doc)
    k = bisect.bisect_left(starts, span.start)
    while k < len(ents) and ents[k].end <= span.end:
        yield ents[k]
        k += 1


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity token ``i`` is part of, if any."""
    ents, starts = _entities(doc)
    k = bisect.bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and i < ents[k].end else None


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence ([0] without sentence boundaries), kept in
    ``doc.user_data``: ``Token.sent`` walks the sentence each time it is asked for."""
    found = doc.user_data.get("sitrep_sentence_starts")
    if found is None:
        found = doc.user_data["sitrep_sentence_starts"] = [s.start for s in doc.sents] \
            if doc.has_annotation("SENT_START") else [0]
    return found


def trimmed(span: Span) -> tuple[int, int]:
    """A span's (start, end) character offsets without its surrounding whitespace."""
    text = text_of(span.doc)
    s, e = span.start_char, span.end_char
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of a processed doc's sentences, in order."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(text_of(doc)))]
    return [trimmed(sent) for sent in doc.sents]
