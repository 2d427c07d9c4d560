"""Geoparsing JSON Lines in parallel, in order, with memory flat in the input size.

Workers each load the spaCy model and open the gazetteer once; lines are
sent in small chunks with a bounded number in flight, so a corpus of any
size streams through.
"""
from __future__ import annotations

import functools
import multiprocessing as mp
import os
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from events import jsonl
from events.guard import ARTICLE_SECONDS, Failed, budget, guarded
from parsing.exc import ArticleError

#: Below this share of common English words a long text is not English.
_ENGLISH_MIN_SHARE = 0.08
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with he it as at by said from his be are has an "
    "have were its their which been after they this who but not had or would will also".split()
)
_WORD = re.compile(r"[A-Za-z]+")

_worker = None  # (resolver, nlp) in each worker process


@dataclass
class Outcome:
    """What became of one input line: the output record (None for blank lines) and messages."""

    line: int
    record: dict | None
    messages: list[str] = field(default_factory=list)
    words: int = 0


def looks_english(text: str) -> bool:
    """False for a long text with almost none of English's commonest words."""
    words = _WORD.findall(text[:20_000])
    if len(words) < 30:
        return True
    common = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    return common / len(words) >= _ENGLISH_MIN_SHARE


def _init_worker(gazetteer_path: str | None, blas_threads: int | None = None) -> None:
    global _worker
    from geo.gazetteer import Gazetteer
    from geo.geocoder import GazetteerGeocoder
    from geoparse import Resolver
    from parsing.nlp import load

    geocoder = GazetteerGeocoder(Gazetteer.open(gazetteer_path))
    _worker = (Resolver(geocoder), load())
    if blas_threads:
        from threadpoolctl import threadpool_limits

        # numpy's BLAS starts a thread per core in every worker; with a worker
        # per core they contend and NER runs a third slower. (Limited once the
        # model has loaded numpy: threadpoolctl sees only libraries loaded.)
        threadpool_limits(blas_threads, user_api="blas")


def _parse_line(number: int, line: bytes) -> tuple[Outcome, str | None, str | None]:
    """Validate one input line (not blank): (outcome so far, id, text to geoparse or None)."""
    out = Outcome(number, None)
    try:
        record = jsonl.value(line)
    except ArticleError as exc:
        out.record = {"id": None, "places": []}
        out.messages.append(f"line {number}: {exc}; skipped")
        return out, None, None
    if not isinstance(record, dict):
        out.record = {"id": None, "places": []}
        out.messages.append(f"line {number}: not a JSON object; skipped")
        return out, None, None
    rid = record.get("id")
    out.record = {"id": rid, "places": []}
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        out.messages.append(f"line {number} (id {rid}): no text")
        return out, rid, None
    if not looks_english(text):
        out.messages.append(f"line {number} (id {rid}): text does not look like English; no places read")
        return out, rid, None
    return out, rid, text


def _geoparse_chunk(chunk: list[tuple[int, bytes]], *, seconds: float | None = ARTICLE_SECONDS) -> list[Outcome]:
    from events.analysis import geoparse_docs

    resolver, nlp = _worker
    outcomes, jobs = [], []
    for number, line in chunk:
        out, _, text = _parse_line(number, line)
        outcomes.append(out)
        if text is not None:
            jobs.append((out, text))
            out.words = len(text.split())
    if jobs:
        texts = [t for _, t in jobs]
        results = guarded(lambda ts: geoparse_docs(ts, resolver=resolver, nlp=nlp), texts,
                          budgets=[budget(t, seconds=seconds) for t in texts])
        for (out, _), places in zip(jobs, results):
            if isinstance(places, Failed):
                rid = out.record["id"]
                out.messages.append(f"line {out.line}{f' (id {rid})' if rid is not None else ''}: "
                                    f"{places.reason}; no places read")
            else:
                out.record["places"] = [p.as_output() for p in places]
    return outcomes


def numbered_chunks(lines: Iterable[bytes | str], size: int) -> Iterator[list[tuple[int, bytes]]]:
    """Lists of (line number, line), ``size`` at a time, of the lines that are not blank
    (see :func:`events.jsonl.numbered`)."""
    chunk: list[tuple[int, bytes]] = []
    for number, line in jsonl.numbered(lines):
        chunk.append((number, line))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered_map(func, chunks: Iterable, *, jobs: int | None = None,
                gazetteer_path: str | None = None) -> Iterator:
    """``func(chunk)`` for each chunk, in order, in ``jobs`` worker processes that
    each hold a resolver and the spaCy model; at most ``3 * jobs`` chunks in flight."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1:
        _init_worker(gazetteer_path)
        for chunk in chunks:
            yield func(chunk)
        return
    # Build the gazetteer (if needed) once, before workers race for it.
    from geo.gazetteer import ensure

    ensure(gazetteer_path)
    ctx = mp.get_context("forkserver" if sys.platform != "win32" else "spawn")
    blas_threads = max(1, (os.cpu_count() or 1) // jobs)
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(gazetteer_path, blas_threads)) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(func, (chunk,)))
            while len(pending) >= jobs * 3:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def worker():
    """(resolver, nlp) of this worker process."""
    return _worker


def geoparse_lines(lines: Iterable[bytes | str], *, jobs: int | None = None, chunk_size: int = 16,
                   gazetteer_path: str | None = None,
                   article_seconds: float | None = ARTICLE_SECONDS) -> Iterator[Outcome]:
    """Outcomes for JSON Lines input (none for a blank line), in input order, using ``jobs``
    processes; a text that runs over its :func:`budget` gets a message and no places."""
    work = functools.partial(_geoparse_chunk, seconds=article_seconds)
    for outcomes in ordered_map(work, numbered_chunks(lines, chunk_size), jobs=jobs,
                                gazetteer_path=gazetteer_path):
        yield from outcomes
