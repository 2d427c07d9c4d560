"""The readings of a name: its gazetteer candidates, and the filters that drop the readings
the name as written cannot be (an acronym, a river, a country's name, a demonym)."""
from __future__ import annotations

import re

from geo.gazetteer import Gazetteer
from geo.geocoder import Candidate, GazetteerGeocoder
from geo.names import normalize
from geo.place import SITE_KINDS, Kind
from parsing.places import PlaceMention, Source

#: How many readings of a name are weighed.
CANDIDATES = 25
# A town that goes by a country's name only as an alternate, this far below the country, is none
# of its readings.
_ALTERNATE_TOWN_GAP = 2.0
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")
# The last word of a river's or creek's name.
_WATER_WORDS = {"river", "creek"}
#: The kinds of place a local story names: towns, counties and sites.
LOCAL_KINDS = (Kind.POPULATED_PLACE, Kind.ADMIN2, *SITE_KINDS)
# Towns and sites: the kinds that are no unit ("Toulouse district" names none of them).
_NO_UNIT_KINDS = (Kind.POPULATED_PLACE, *SITE_KINDS)


def demonym_only(gazetteer: Gazetteer, name: str) -> bool:
    """A demonym that is no country's or province's own name ("Djibouti" is both)."""
    key = normalize(name)
    return bool(key and gazetteer.demonym(key)) and not any(
        m.kind in (Kind.COUNTRY, Kind.ADMIN1) for m, _ in gazetteer.matches(key))


def for_mention(geocoder: GazetteerGeocoder, m: PlaceMention) -> list[Candidate]:
    """The readings of a mention's name, likeliest first, without those it cannot be."""
    try:
        cands = geocoder.candidates(m.name, kind=m.kind_hint, limit=CANDIDATES)
    except ValueError:
        return []
    if _ACRONYM.fullmatch(m.name):
        # "HIV", "DOH", "EU" are no towns Hiv, Doha (by its airport code) or Eu: an acronym
        # names a place that goes by it, written so ("DRC", "U.S.", "UAE"). A dateline of
        # four letters or more writes a town's own name in capitals ("OMAHA --", "XENIA —").
        forms = {m.name, m.name.replace(".", "")}
        if m.rule.source is Source.DATELINE and len(m.name) >= 4:
            forms = {f.upper() for f in forms}
            cands = [c for c in cands if c.place.name.upper() in forms
                     or forms & {a.upper() for a in c.place.alternate_names}]
        else:
            cands = [c for c in cands if c.place.name in forms or forms & set(c.place.alternate_names)]
    last = m.name.rsplit(None, 1)[-1].lower()
    if last in _WATER_WORDS:
        # "the Red River" is the river, no Red River County or Parish (which the gazetteer
        # gives by its name without the unit word)
        cands = [c for c in cands if c.place.kind != Kind.ADMIN2 or normalize(c.place.name).endswith(last)]
    top = cands[0] if cands else None
    if top is not None and top.place.kind == Kind.COUNTRY and not top.spelling_variant:
        # "Iraq" is Iraq, though some language calls Arak so: a town that goes by a
        # country's name only as an alternate, and is far less likely, is not a
        # reading that context can bring back
        cands = [c for c in cands if c.place.kind != Kind.POPULATED_PLACE or c.quality != 1
                 or c.score > top.score - _ALTERNATE_TOWN_GAP]
    return cands


def same_spelling(c: Candidate, key: str) -> bool:
    """A province's or district's spelling variant that differs only in doubled or swapped
    vowels and letters that transliterations fold ("Hiraan" for Hiiraan), of a name long
    enough for that to be no coincidence: as good as the name itself for the country it is
    in and the places it holds. A town's is not: "Chikungunya" is a disease, whatever town
    is spelt like it."""
    return c.spelling_variant and c.place.kind in (Kind.ADMIN1, Kind.ADMIN2) and c.terms[0][1] >= 0.99 \
        and len(key.replace(" ", "")) >= 7


def other_kind(c: Candidate) -> bool:
    """Whether the text calls the place a unit ("Toulouse district", "Nyanza province") and the
    candidate is a town or a site (a world region is what "the Darfur region" means)."""
    return c.place.kind in _NO_UNIT_KINDS and any(
        label.startswith("kind is not") and arg in (Kind.ADMIN1, Kind.ADMIN2) for label, arg, _ in c.terms)


def point(p) -> tuple:
    """A reading as one key however often it is found: its name and where it is."""
    return (p.name, p.lat, p.lon)
