"""The gazetteer record that flows out of :mod:`geo`, and the kinds of place."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of place, as every output and store writes them: the gazetteer's (:data:`KINDS`),
    and the two a mention gets where the gazetteer has no place for it."""

    WORLD_REGION = "world region"          # a continent, a sea, a region of one country or many
    COUNTRY = "country"
    ADMIN1 = "admin1"                      # a province, state, region, oblast
    ADMIN2 = "admin2"                      # a district, county, parish
    POPULATED_PLACE = "populated place"    # a city, town, village
    AIRPORT = "airport"
    PORT = "port or crossing"
    LANDMARK = "landmark"
    # Never a gazetteer record's: what :mod:`geoparse` and :mod:`events` make of a name it lacks.
    UNRESOLVED = "unresolved"              # no reading fits (kept with the text's name)
    ESTIMATED = "estimated"                # put where the text's distance cue says ("50 km north of X")


#: Canonical kinds, most general first: the kinds of the gazetteer's records. Inputs (CSV overlays,
#: GeoNames feature codes) are mapped onto these by :func:`canonical_kind`.
KINDS = (Kind.WORLD_REGION, Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2, Kind.POPULATED_PLACE, Kind.AIRPORT, Kind.PORT,
         Kind.LANDMARK)
#: Sites: places smaller than a town, often just outside one (its airport, its port).
SITE_KINDS = (Kind.AIRPORT, Kind.PORT, Kind.LANDMARK)

_KIND_ALIASES = {
    "world region": Kind.WORLD_REGION,
    "continent": Kind.WORLD_REGION,
    "country": Kind.COUNTRY,
    "nation": Kind.COUNTRY,
    "admin1": Kind.ADMIN1,
    "province": Kind.ADMIN1,
    "state": Kind.ADMIN1,
    "region": Kind.ADMIN1,
    "governorate": Kind.ADMIN1,
    "oblast": Kind.ADMIN1,
    "admin2": Kind.ADMIN2,
    "district": Kind.ADMIN2,
    "county": Kind.ADMIN2,
    "populated place": Kind.POPULATED_PLACE,
    "populated_place": Kind.POPULATED_PLACE,
    "city": Kind.POPULATED_PLACE,
    "town": Kind.POPULATED_PLACE,
    "village": Kind.POPULATED_PLACE,
    "place": Kind.POPULATED_PLACE,
    "airport": Kind.AIRPORT,
    "airfield": Kind.AIRPORT,
    "port or crossing": Kind.PORT,
    "port": Kind.PORT,
    "crossing": Kind.PORT,
    "border crossing": Kind.PORT,
    "border post": Kind.PORT,
    "landmark": Kind.LANDMARK,
    "base": Kind.LANDMARK,
    "camp": Kind.LANDMARK,
}


def canonical_kind(value: str) -> Kind | None:
    """Map a user's or a source's word for a kind onto :data:`KINDS`, else None."""
    return _KIND_ALIASES.get(" ".join(value.lower().replace("_", " ").split()))


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record; ``source`` names where it came from."""

    name: str
    kind: str          # a :class:`Kind` (as read back from the gazetteer's file, the plain string)
    country_code: str
    lat: float
    lon: float
    geonameid: int | None = None
    alternate_names: tuple[str, ...] = field(default=())
    admin1_code: str | None = None
    admin1: str | None = None
    admin2_code: str | None = None
    admin2: str | None = None
    population: int = 0
    source: str = ""

    def as_dict(self) -> dict:
        """A plain dict (alternate names as a list), as kept in ``Location.raw``."""
        d = {f: getattr(self, f) for f in _FIELDS}
        d["alternate_names"] = list(self.alternate_names)
        d["country_code"] = self.country_code or None  # world regions have none
        return d


_FIELDS = tuple(f.name for f in fields(Place))
