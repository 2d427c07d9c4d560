"""Articles in: plain text, HTML and JSON Lines, read into :class:`Article` records.

Article text is untrusted. HTML is reduced to its main text by trafilatura
(scripts and styles are never text); the text an analyst sees is kept as
given apart from line-ending and NUL clean-up, so that the character offsets
of every mention point into it.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from parsing.exc import ArticleError

#: Inputs larger than this are refused rather than parsed (bytes).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Publication dates outside these years are errors in the data, not news (and date
#: arithmetic near year 1 or 9999 overflows).
PUBLISHED_YEARS = (1800, 2200)
#: A given id longer than this is refused (ids name articles in links, tables and the store).
MAX_ID_CHARS = 512


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``id`` is the given id, else a hash of the content; ``path`` and
    ``line`` say where it was read (``line`` for JSON Lines)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    path: str | None = None
    line: int | None = None

    def as_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "title": self.title, "url": self.url,
                "published": self.published.isoformat() if self.published else None,
                "source": self.source, "path": self.path}


def content_id(text: str) -> str:
    """A stable id for an article without one: the hash of its normalised text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha1:" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def clean_text(text: str) -> str:
    """Unify line endings and drop NULs and other C0 controls; offsets follow the result."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t")


def parse_date(value) -> date | None:
    """A date from ``YYYY-MM-DD`` (or a longer ISO timestamp), else None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def plausible_published(day: date | None, *, where: str = "input") -> date | None:
    """``day``, or ArticleError when it lies outside :data:`PUBLISHED_YEARS`."""
    low, high = PUBLISHED_YEARS
    if day is not None and not low <= day.year <= high:
        raise ArticleError(f"{where}: published {day.isoformat()} is not a plausible publication date "
                           f"(years {low}-{high}); correct it or leave it out")
    return day


def json_record(line: str | bytes):
    """The value of one JSON line; ArticleError, saying why, for anything that is not JSON
    we can hold (bad syntax, nesting too deep, a number too long)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ArticleError("not valid JSON here (nested too deeply)") from None
    except ValueError as exc:  # int() of a number of more than sys.get_int_max_str_digits() digits
        raise ArticleError(f"not valid JSON here ({str(exc).split(';')[0]})") from None


def decode(data: bytes, *, name: str = "input") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252.

    Raises :class:`ArticleError` for binary data.
    """
    if not data.strip():
        raise ArticleError(f"{name}: empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{name}: bad UTF-16 ({exc.reason})") from exc
    sample = data[:8192]
    if b"\x00" in sample or _binary_share(sample) > 0.05:
        raise ArticleError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Old Windows newsroom exports are cp1252; it decodes all but 5 byte values.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: neither UTF-8 nor Windows-1252 text") from exc


def _binary_share(sample: bytes) -> float:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(sample))


def from_text(text: str, *, id: str | None = None, title: str | None = None,
              url: str | None = None, published=None, source: str | None = None,
              path: str | None = None) -> Article:
    """An article from plain text; ArticleError when there is no text."""
    text = clean_text(text)
    if not text.strip():
        raise ArticleError(f"{path or id or 'input'}: no text")
    return Article(id=str(id) if id not in (None, "") else content_id(text), text=text,
                   title=title, url=url, source=source, path=path,
                   published=plausible_published(parse_date(published), where=path or str(id or "input")))


def from_html(html: str, *, id: str | None = None, url: str | None = None,
              path: str | None = None) -> Article:
    """An article from an HTML page: main text, title, date and site via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, include_comments=False,
                                      include_tables=False, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ArticleError(f"{path or url or 'html'}: no article text found in the HTML")
    return from_text(text, id=id, title=getattr(doc, "title", None), url=url or getattr(doc, "url", None),
                     published=getattr(doc, "date", None), source=getattr(doc, "sitename", None),
                     path=path)


def from_record(record: dict, *, where: str = "line") -> Article:
    """An article from one JSON Lines record ``{"id", "text", "title", "url", "published", "source"}``."""
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: not a JSON object")
    text = record.get("text")
    rid = record.get("id")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{where}: no text" + (f" (id {rid})" if rid is not None else ""))
    if isinstance(rid, (str, int)) and len(str(rid)) > MAX_ID_CHARS:
        raise ArticleError(f"{where}: id longer than {MAX_ID_CHARS} characters")

    def opt(key):
        v = record.get(key)
        return v if isinstance(v, str) and v.strip() else None
    published = plausible_published(parse_date(opt("published")), where=where)
    return from_text(text, id=rid if isinstance(rid, (str, int)) else None, title=opt("title"),
                     url=opt("url"), published=published, source=opt("source"))


def with_published(article: Article, published: date | None) -> Article:
    """The article with a publication date filled in where it has none."""
    if article.published or published is None:
        return article
    return replace(article, published=published)
