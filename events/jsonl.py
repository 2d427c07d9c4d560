"""JSON Lines in: the one reader of ingest, geoparse, evaluate and evaluate-events.

Lines are numbered from 1 as the file has them, blank ones passed over; a line's bytes
are decoded (UTF-8, with or without a BOM, else Windows-1252) and its JSON read, or an
:class:`~parsing.exc.ArticleError` says why not. Reading a line's JSON is apart from
numbering the lines so that worker processes can do it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from parsing.articles import json_record


def numbered(lines: Iterable[bytes | str]) -> Iterator[tuple[int, bytes]]:
    """(line number from 1, line) for each line that is not blank; a line given as text is
    encoded back to UTF-8 (its undecodable bytes as they were read)."""
    for number, raw in enumerate(lines, 1):
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        if raw.strip():
            yield number, raw


def decoded(raw: bytes) -> str:
    """A line's text: UTF-8 (a BOM dropped), else Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def size(n: int) -> str:
    """A size in bytes as the messages give it."""
    return f"{n / 2**20:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def too_large(raw: bytes, max_bytes: int | None) -> str | None:
    """Why a line is not read for its size, or None when it is within ``max_bytes`` (or no cap)."""
    if max_bytes is None or len(raw) <= max_bytes:
        return None
    return f"too large: a line of {size(len(raw))}, over the {size(max_bytes)} cap"


def value(line: bytes | str):
    """The JSON value of one line (bytes decoded as :func:`decoded` does); ArticleError, saying
    why, for a line that is not JSON we can hold."""
    return json_record(decoded(line) if isinstance(line, bytes) else line)
