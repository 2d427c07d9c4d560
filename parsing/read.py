"""Reading texts: the NLP pipeline over each text, giving plain records with character offsets
into the whole text (spaCy's Docs, Spans and Tokens stay in :mod:`parsing`).

A text longer than ``piece_chars`` is read in pieces cut at paragraph or sentence ends (spaCy's
memory grows with the length of one text); the records of a later piece are moved to the whole
text's offsets and sentence numbers by their own ``shifted`` methods.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parsing.claims import Claim, find_claims
from parsing.doc import sentence_spans
from parsing.events import DistanceCue, EventMention, distance_cues, find_events
from parsing.nlp import load
from parsing.places import Known, PlaceFinder, PlaceMention, mentions


@dataclass(frozen=True, slots=True)
class Reading:
    """What one text says, with offsets into the whole text: its place mentions, its sentences as
    (start, end), and (read only when asked for) its claims, event mentions and distance cues."""

    mentions: tuple[PlaceMention, ...]
    sentences: tuple[tuple[int, int], ...]
    claims: tuple[Claim, ...] = ()
    events: tuple[EventMention, ...] = ()
    cues: tuple[DistanceCue, ...] = ()


def read(texts: Sequence[str], *, known: Known, piece_chars: int, nlp=None, batch_size: int = 32,
         with_events: bool = False) -> list[Reading]:
    """A :class:`Reading` of each text, in order; ``known`` scores how plausible a place of a name
    is (:class:`~parsing.places.PlaceFinder`); texts over ``piece_chars`` are read in pieces."""
    nlp = nlp or load()
    finder = PlaceFinder(known)
    flat = [(i, off, piece) for i, text in enumerate(texts) for off, piece in pieces(text, size=piece_chars)]
    found: list[list[PlaceMention]] = [[] for _ in texts]
    sentences: list[list[tuple[int, int]]] = [[] for _ in texts]
    claims: list[list[Claim]] = [[] for _ in texts]
    events: list[list[EventMention]] = [[] for _ in texts]
    cues: list[list[DistanceCue]] = [[] for _ in texts]
    docs = nlp.pipe((piece for _, _, piece in flat), batch_size=batch_size)
    for (i, off, _), doc in zip(flat, docs):
        before = len(sentences[i])  # sentence numbers run on across pieces
        ms = mentions(finder(doc))
        found[i].extend(m.shifted(off, sentences=before) for m in ms)
        sentences[i].extend((s + off, e + off) for s, e in sentence_spans(doc))
        if with_events:
            # (the event rules read the piece's own mentions, at the piece's offsets)
            claims[i].extend(c.shifted(off) for c in find_claims(doc))
            events[i].extend(e.shifted(off) for e in find_events(doc, ms))
            cues[i].extend(c.shifted(off) for c in distance_cues(doc, ms))
    return [Reading(tuple(ms), tuple(ss), tuple(cl), tuple(ev), tuple(cu))
            for ms, ss, cl, ev, cu in zip(found, sentences, claims, events, cues)]


def pieces(text: str, *, size: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) cuts of ``text`` of at most about ``size`` characters, at a line's or a
    sentence's end where one lies in the piece's second half."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = max(text.rfind("\n", start + size // 2, end), text.rfind(". ", start + size // 2, end))
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end

