"""The per-article guard: one article's failure or runaway work ends that article only.

Reading and analysing an article run inside :func:`attempt` (or :func:`guarded` for
a batch): any exception, and any run over the article's time budget, becomes a
:class:`Failed` with its reason, which ingest records as a rejection while the
rest of the run goes on. This is the one place that catches every exception.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from events.exc import AnalysisTimeout

#: Texts longer than this are analysed in pieces cut at paragraph or sentence ends
#: (spaCy's memory grows with the length of one text).
PIECE_CHARS = 100_000
#: The time one article may take, and a third more for each further piece of
#: :data:`PIECE_CHARS` (a 5 MB article is honestly slow, about 90 s; a runaway one is not).
ARTICLE_SECONDS = 30.0


@dataclass(frozen=True)
class Failed:
    """An input whose reading or analysis ended early: it took too long, or raised."""

    reason: str


def budget(text: str, *, seconds: float | None = ARTICLE_SECONDS) -> float | None:
    """The time budget of one text: ``seconds``, and a third of that per further piece
    (None: no limit)."""
    return seconds * (1 + len(text) // PIECE_CHARS / 3) if seconds else None


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`AnalysisTimeout` in this block once ``seconds`` have passed.

    A signal timer, so it stops pure-Python work and regular expressions alike; it
    fires again every second, in case a library swallows the first. Only the main
    thread receives signals: elsewhere (and for ``None``) there is no limit. Not
    to be nested.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise AnalysisTimeout(f"took too long (over {seconds:.0f} s)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def attempt(func: Callable, arg, *, seconds: float | None, doing: str = "analysed"):
    """``func(arg)``, or :class:`Failed` saying why not (an exception, or over ``seconds``)."""
    try:
        with time_limit(seconds):
            return func(arg)
    except AnalysisTimeout as exc:
        return Failed(str(exc))
    except Exception as exc:  # noqa: BLE001 - the per-article guard: one article's failure is its own
        return Failed(f"could not be {doing} ({type(exc).__name__}: {str(exc)[:200]})")


def guarded(func: Callable[[list], list], items: Sequence, *, budgets: Sequence[float | None]) -> list:
    """``func(items)``, one result per item. If that fails or runs over the items' budgets
    together, each item runs again alone within its own budget, and an item that fails
    alone becomes :class:`Failed`: one article never takes down the others."""
    if len(items) > 1:
        total = None if None in budgets else sum(budgets)
        batch = attempt(func, list(items), seconds=total)
        if not isinstance(batch, Failed):
            return list(batch)
    return [_first(attempt(func, [item], seconds=limit)) for item, limit in zip(items, budgets)]


def _first(results):
    return results if isinstance(results, Failed) else results[0]
