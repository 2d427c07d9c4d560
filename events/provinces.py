"""The province an event is coded to, spelt as the article spells it ("Kondoz", not the
gazetteer's Kunduz), where the article names it."""
from __future__ import annotations

from events.analysis import TextAnalysis
from geo.names import ADMIN1_WORDS, normalize, skeleton
from geo.place import Kind

# Arabic articles and "the": "Al Anbar" and "Anbar" are one name.
_ARTICLES = {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "the"}


def name_key(name: str) -> str:
    """A key that one name's spelling variants share: its skeleton, or all of it if short."""
    key = normalize(name)
    return skeleton(key) or key


def bare(name: str) -> list[str]:
    """A name's words without articles ("Al Anbar" and "Anbar" are one name)."""
    return [w for w in normalize(name).split() if w not in _ARTICLES]


def provinces_as_written(text: str, analysis: TextAnalysis, unit_keys) -> dict[tuple, str]:
    """The provinces (admin1 units) the article names, by (country code, admin1 code), spelt as
    the article spells them: an event in Kunduz reported by a text that writes "Kondoz province"
    is coded to "Kondoz", as the reporting names it (and ACLED, whose coders write the province
    as their own gazetteer does, and name it in their descriptions). The province's own mention
    counts first; else a town named like the province that holds it ("Halab" for Aleppo
    governorate), first where it is named as the unit another place lies in ("Tafas city, Dara",
    "(Bab Ezzouar, Alger)"); ``unit_keys(cc, admin1_code)`` gives the province's names as
    :func:`~geo.names.skeleton` keys. An all-capitals dateline is written in title case."""
    own: dict[tuple, str] = {}
    namesake: dict[tuple, str] = {}
    as_unit: dict[tuple, str] = {}
    for p in analysis.places:
        if not p.admin1_code or not p.name or p.kind not in (Kind.ADMIN1, Kind.ADMIN2, Kind.POPULATED_PLACE):
            continue
        name = _without_designator(p.name)
        if not name:
            continue
        name = name.title() if name.isupper() else name
        key = (p.country_code, p.admin1_code)
        if p.kind == Kind.ADMIN1:
            own.setdefault(key, name)
        elif name_key(name) in unit_keys(*key):
            namesake.setdefault(key, name)
            if text[max(0, p.start - 3):p.start].rstrip().endswith((",", "(")):
                as_unit.setdefault(key, name)
    return namesake | as_unit | own


def _without_designator(name: str) -> str | None:
    """ "Kandahar province" -> "Kandahar"; None for "the Province of Kandahar" (the gazetteer's
    name serves)."""
    words = name.split()
    if len(words) > 2 and words[0].lower() in ADMIN1_WORDS and words[1].lower() == "of":
        return None
    if len(words) > 1 and words[-1].lower() in ADMIN1_WORDS:
        words = words[:-1]
    return " ".join(words)
