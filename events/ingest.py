"""Ingest: files, folders and streams of articles into the event store.

Inputs are read one at a time (memory stays flat however many there are);
each article becomes an :class:`~parsing.articles.Article` or a
:class:`Rejection` with its reason. Articles whose content the store already
holds are not read again; the others go through :func:`events.pipeline.analyse`
in worker processes and are written one transaction per article, in input
order. A killed ingest, run again, ends with exactly what a clean run stores.
"""
from __future__ import annotations

import functools
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from events import jsonl
from events.guard import ARTICLE_SECONDS, Failed, attempt, budget, guarded
from events.pipeline import Analysis, analyse, content_hash
from events.runner import looks_english, ordered_map, worker
from events.store import Store
from parsing.articles import (DEFAULT_MAX_BYTES, Article, ArticleError, decode, from_html,
                              from_record, from_text, with_published)

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".ndjson": "jsonl"}
#: A plain-text article's first line is its title when it is at most this long.
_TITLE_MAX = 200


@dataclass(frozen=True)
class Rejection:
    """An input (a file, or one line of a JSON Lines file) that did not become an article."""

    input: str
    line: int
    reason: str
    article_id: str | None = None


#: A summary keeps this many rejections with their reasons (the store's ``ingest_errors``
#: table keeps them all): a file of a million bad lines must not fill the memory.
KEEP_REJECTIONS = 1000


@dataclass
class Summary:
    """Counts of what an ingest did; ``rejections`` has the first :data:`KEEP_REJECTIONS`
    reasons, and ``rejected`` counts them all."""

    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = field(default_factory=list)
    #: rejections by the kind of their reason, all of them counted
    kinds: Counter = field(default_factory=Counter)

    def add_rejection(self, item: Rejection) -> None:
        self.rejected += 1
        self.kinds[_reason_kind(item.reason)] += 1
        if len(self.rejections) < KEEP_REJECTIONS:
            self.rejections.append(item)

    @property
    def articles(self) -> int:
        return self.stored + self.replaced + self.unchanged

    def as_dict(self) -> dict:
        return {"stored": self.stored, "replaced": self.replaced, "unchanged": self.unchanged,
                "rejected": self.rejected, "events": self.events, "seconds": round(self.seconds, 2),
                "rejections": [r.__dict__ for r in self.rejections],
                "rejections_not_listed": self.rejected - len(self.rejections)}

    def text(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [f"ingest: {self.stored:,} stored, {self.replaced:,} replaced, {self.unchanged:,} unchanged, "
                 f"{self.rejected:,} rejected; {self.events:,} events; {self.seconds:.1f} s "
                 f"({rate:,.1f} articles/s)"]
        for kind, n in self.kinds.most_common():
            lines.append(f"  rejected {n:,}: {kind}")
        for r in self.rejections[:20]:
            where = f"{r.input}:{r.line}" if r.line else r.input
            lines.append(f"    {where}: {r.reason}")
        if self.rejected > 20:
            lines.append(f"    ... and {self.rejected - 20:,} more (see the ingest_errors table)")
        return "\n".join(lines)


def _reason_kind(reason: str) -> str:
    return reason.split(" (")[0].split(":")[0]


# -- reading inputs ---------------------------------------------------------------


def _title_and_text(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    return first if first and len(first) <= _TITLE_MAX and "\n" in text.strip() else None


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              seconds: float | None = ARTICLE_SECONDS) -> Iterator[Article | Rejection]:
    """The articles of one file (several for JSON Lines), or rejections saying why not;
    reading one article that fails or runs over ``seconds`` is that article's rejection."""
    name = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield Rejection(name, 0, f"unsupported file type {path.suffix or '(none)'!r}; "
                                 "use .txt, .html/.htm or .jsonl")
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejection(name, 0, f"cannot read: {exc.strerror or exc}")
        return
    if kind == "jsonl":
        seen = False
        try:
            with path.open("rb") as f:
                for item in read_jsonl_stream(f, name=name, max_bytes=max_bytes, seconds=seconds):
                    seen = True
                    yield item
        except OSError as exc:
            yield Rejection(name, 0, f"cannot read: {exc.strerror or exc}")
            return
        if not seen:
            yield Rejection(name, 0, "empty: no JSON lines")
        return
    if size > max_bytes:
        yield Rejection(name, 0, f"too large: {jsonl.size(size)}, over the {jsonl.size(max_bytes)} cap")
        return
    item = attempt(functools.partial(_one_file, kind=kind), path, seconds=seconds, doing="read")
    yield Rejection(name, 0, item.reason) if isinstance(item, Failed) else item


def _one_file(path: Path, *, kind: str) -> Article | Rejection:
    name = str(path)
    try:
        text = decode(path.read_bytes(), name=name)
        if kind == "html":
            article = from_html(text, path=name)
        else:
            article = from_text(text, title=_title_and_text(text), path=name)
    except ArticleError as exc:
        return Rejection(name, 0, str(exc).removeprefix(f"{name}: "))
    except OSError as exc:
        return Rejection(name, 0, f"cannot read: {exc.strerror or exc}")
    return _english(article, name, 0)


def _english(article: Article, name: str, line: int) -> Article | Rejection:
    if looks_english(article.text):
        return article
    return Rejection(name, line, "not English (too few common English words)", article_id=article.id)


def read_jsonl_stream(stream, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES,
                      seconds: float | None = ARTICLE_SECONDS) -> Iterator[Article | Rejection]:
    """Articles of a binary JSON Lines stream (read by :mod:`events.jsonl`); a broken line is
    rejected with its number."""
    for number, raw in jsonl.numbered(stream):
        refused = jsonl.too_large(raw, max_bytes)
        if refused:
            yield Rejection(name, number, refused)
            continue
        item = attempt(functools.partial(_jsonl_line, name=name, number=number), raw, seconds=seconds,
                       doing="read")
        yield Rejection(name, number, item.reason) if isinstance(item, Failed) else item


def _jsonl_line(raw: bytes, *, name: str, number: int) -> Article | Rejection:
    if b"\x00" in raw:
        return Rejection(name, number, "binary data, not text")
    rid = None
    try:
        record = jsonl.value(raw)
        rid = record.get("id") if isinstance(record, dict) else None
        article = from_record(record, where=f"line {number}")
    except ArticleError as exc:
        return Rejection(name, number, str(exc).removeprefix(f"line {number}: "),
                         article_id=str(rid)[:200] if rid is not None else None)
    return _english(replace(article, path=name, line=number), name, number)


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                published: date | None = None, stdin=None,
                seconds: float | None = ARTICLE_SECONDS) -> Iterator[Article | Rejection]:
    """Articles (with ``published`` filled in where they carry none) and rejections,
    from files, folders (recursively, in name order) and ``-`` (JSON Lines on stdin)."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            items = read_jsonl_stream(stream, name="<stdin>", max_bytes=max_bytes, seconds=seconds)
        else:
            path = Path(given)
            if path.is_dir():
                items = (item for f in sorted(p for p in path.rglob("*") if p.is_file()
                                              and not any(part.startswith(".") for part in p.parts[len(path.parts):]))
                         for item in read_file(f, max_bytes=max_bytes, seconds=seconds))
            elif path.exists():
                items = read_file(path, max_bytes=max_bytes, seconds=seconds)
            else:
                items = iter([Rejection(given, 0, "no such file or folder")])
        for item in items:
            yield with_published(item, published) if isinstance(item, Article) else item


# -- ingesting ----------------------------------------------------------------------


def _analyse_chunk(articles: list[Article], *, seconds: float | None = ARTICLE_SECONDS
                   ) -> list[Analysis | Failed]:
    resolver, nlp = worker()
    return guarded(lambda some: analyse(some, resolver=resolver, nlp=nlp), articles,
                   budgets=[budget(a.text, seconds=seconds) for a in articles])


def _chunks(items: Iterator, size: int, on_skip: Callable) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        if on_skip(item):
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(paths: Iterable[str], *, store: Store, published: date | None = None,
           jobs: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES, chunk_size: int = 4,
           gazetteer_path: str | None = None, stdin=None, id_prefix: str = "", replace: bool = True,
           article_seconds: float | None = ARTICLE_SECONDS,
           progress: Callable[[Summary], None] | None = None) -> Summary:
    """Read, analyse and store every article of ``paths``; return what happened.

    ``id_prefix`` puts the articles' ids in a namespace of their own (the dashboard's
    uploads); with ``replace=False`` an article whose id the store holds with other
    content is rejected instead of replacing it. Reading or analysing one article that
    fails or runs over its time budget (``article_seconds``, see :func:`events.guard.budget`)
    is that article's rejection; the run goes on.
    """
    summary = Summary()
    started = time.monotonic()

    def tick():
        summary.seconds = time.monotonic() - started
        if progress:
            progress(summary)

    def reject(item: Rejection) -> None:
        summary.add_rejection(item)
        store.record_error(input=item.input, line=item.line, reason=item.reason, article_id=item.article_id)
        tick()

    def handled_here(item) -> bool:
        """Rejections and articles already stored are dealt with without the workers."""
        if isinstance(item, Rejection):
            reject(item)
            return True
        stored = store.content_hash(item.id)
        if stored == content_hash(item):
            summary.unchanged += 1
            tick()
            return True
        if stored is not None and not replace:
            reject(Rejection(item.path or "input", item.line or 0, f"an article with id {item.id!r} is "
                             "already stored with other content; not replaced (ask to replace it)",
                             article_id=item.id))
            return True
        return False

    items = read_inputs(paths, max_bytes=max_bytes, published=published, stdin=stdin, seconds=article_seconds)
    if id_prefix:
        items = (replace_id(item, id_prefix) for item in items)
    sent: deque[list[Article]] = deque()

    def remembered(chunks):
        for chunk in chunks:
            sent.append(chunk)
            yield chunk

    work = functools.partial(_analyse_chunk, seconds=article_seconds)
    for results in ordered_map(work, remembered(_chunks(items, chunk_size, handled_here)), jobs=jobs,
                               gazetteer_path=gazetteer_path):
        for article, a in zip(sent.popleft(), results):
            if isinstance(a, Failed):
                reject(Rejection(article.path or "input", article.line or 0, a.reason, article_id=article.id))
                continue
            outcome = store.put(a.article, content_hash=a.content_hash, places=a.places,
                                claims=a.claims, events=a.events)
            if outcome == "stored":
                summary.stored += 1
            elif outcome == "replaced":
                summary.replaced += 1
            else:
                summary.unchanged += 1
            if outcome != "unchanged":
                summary.events += len(a.events)
            tick()
    summary.seconds = time.monotonic() - started
    return summary


def replace_id(item: Article | Rejection, prefix: str) -> Article | Rejection:
    """The article with its id in the ``prefix`` namespace (a rejection as it is)."""
    if isinstance(item, Article) and not item.id.startswith(prefix):
        return replace(item, id=prefix + item.id)
    return item
