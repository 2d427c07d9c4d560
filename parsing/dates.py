"""Dates in news text, resolved against the publication date.

Absolute dates are used as written ("On 22 June 2021", "March 28, 2021",
"On May 24 2019", "12-April-2019"); relative ones are resolved against the
publication date ("on Tuesday", "this morning", "last week", "since early
May") with dateparser (``RELATIVE_BASE`` = publication date). Each answer
has ACLED's time precision: 1 the day, 2 the week, 3 the month.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from parsing.lexicon import MONTHS, WEEKDAYS

DAY, WEEK, MONTH = 1, 2, 3

_SAME_DAY = re.compile(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today)\b", re.I)
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b", re.I)
_WEEKISH = re.compile(r"\b(last|this|past|previous) week(end)?\b|\brecent days\b|\bearlier this week\b", re.I)
_FILLER = re.compile(r"^(on|in|at|since|by|as of|as reported on|reported on|during|from|the|around|about|"
                     r"approximately|circa|some time on|sometime on)\s+", re.I)
_VAGUE = re.compile(r"\b(early|mid|late|the end of|the beginning of|the start of)[- ]", re.I)
_NUMERIC = re.compile(r"^\d{1,2} \d{1,2} \d{4}$")
_DMY = re.compile(r"^(\d{1,2})[-/ ]([A-Za-z]+)[-/ ](\d{4})$")


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date and its precision (1 day, 2 week, 3 month)."""

    day: date
    precision: int


def _clean(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:()")
    while True:
        stripped = _FILLER.sub("", text)
        if stripped == text:
            return text
        text = stripped


@lru_cache(maxsize=4096)
def resolve(text: str, published: date | None) -> ResolvedDate | None:
    """The date a phrase means, given the publication date (None when it means none)."""
    try:
        return _resolve(text, published)
    except OverflowError:  # "yesterday" of 0001-01-01: no date, rather than no article
        return None


#: A date phrase longer than this is no date ("on the morning of Tuesday 22 June 2021" is 38):
#: dateparser is slow on long text (1.3 s for 20 kB of "1 1 1 ...").
MAX_PHRASE_CHARS = 100


def _resolve(text: str, published: date | None) -> ResolvedDate | None:
    if len(text) > MAX_PHRASE_CHARS * 4:  # before cleaning, which reads it all
        return None
    text = _clean(text)
    if len(text) > MAX_PHRASE_CHARS:
        return None
    if not text:
        return None
    low = text.lower()
    if published is not None:
        if _SAME_DAY.search(low):
            return ResolvedDate(published, DAY)
        if _YESTERDAY.search(low):
            return ResolvedDate(published - timedelta(days=1), DAY)
        if _WEEKISH.search(low):
            # ACLED codes "last week" to the week's first day with precision 2.
            start = published - timedelta(days=published.weekday() + (7 if "last" in low or "previous" in low
                                                                       or "past" in low else 0))
            return ResolvedDate(start, WEEK)
        if low in WEEKDAYS:
            back = (published.weekday() - WEEKDAYS.index(low)) % 7
            return ResolvedDate(published - timedelta(days=back), DAY)
    m = _DMY.match(text)
    if m and m.group(2).lower()[:3] in [x[:3] for x in MONTHS]:
        month = [x[:3] for x in MONTHS].index(m.group(2).lower()[:3]) + 1
        try:
            return ResolvedDate(date(int(m.group(3)), month, int(m.group(1))), DAY)
        except ValueError:
            return None
    vague = bool(_VAGUE.search(low))
    core = _VAGUE.sub("", low).strip()
    words = core.replace(",", " ").split()
    has_day = any(w.isdigit() and len(w) <= 2 for w in words) or any(
        w.rstrip("stndrh").isdigit() and len(w) <= 4 for w in words)
    month_only = (not has_day) and any(w in MONTHS for w in words)
    if not any(w in MONTHS or w.isdigit() for w in words):
        return None
    if published is None and not re.search(r"\b\d{4}\b", core):
        return None  # "April 26" with no publication date: the year is unknown, never this year
    # "13 05 2019": news outside the US writes numeric dates day first.
    parsed = _dateparser(core, published, order="DMY" if _NUMERIC.match(core) else None)
    if parsed is None:
        return None
    if month_only or vague:
        return ResolvedDate(parsed.replace(day=1), MONTH)
    return ResolvedDate(parsed, DAY)


def _dateparser(text: str, published: date | None, *, order: str | None = None) -> date | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "current_period", "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["month"], "RETURN_AS_TIMEZONE_AWARE": False}
    if order:
        settings["DATE_ORDER"] = order
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    day = found.date()
    # A month named without a year is the latest such month up to the publication date.
    if published is not None and day > published and not re.search(r"\b\d{4}\b", text):
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:
            return None
    return day
