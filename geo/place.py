"""The gazetteer record that flows out of :mod:`geo`."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

#: Canonical kinds, most general first. Inputs (CSV overlays, GeoNames
#: feature codes) are mapped onto these by :func:`canonical_kind`.
KINDS = (
    "world region",
    "country",
    "admin1",
    "admin2",
    "populated place",
    "airport",
    "port or crossing",
    "landmark",
)

_KIND_ALIASES = {
    "world region": "world region",
    "continent": "world region",
    "country": "country",
    "nation": "country",
    "admin1": "admin1",
    "province": "admin1",
    "state": "admin1",
    "region": "admin1",
    "governorate": "admin1",
    "oblast": "admin1",
    "admin2": "admin2",
    "district": "admin2",
    "county": "admin2",
    "populated place": "populated place",
    "populated_place": "populated place",
    "city": "populated place",
    "town": "populated place",
    "village": "populated place",
    "place": "populated place",
    "airport": "airport",
    "airfield": "airport",
    "port or crossing": "port or crossing",
    "port": "port or crossing",
    "crossing": "port or crossing",
    "border crossing": "port or crossing",
    "border post": "port or crossing",
    "landmark": "landmark",
    "base": "landmark",
    "camp": "landmark",
}


def canonical_kind(value: str) -> str | None:
    """Map a user's or a source's word for a kind onto :data:`KINDS`, else None."""
    return _KIND_ALIASES.get(" ".join(value.lower().replace("_", " ").split()))


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record; ``source`` names where it came from."""

    name: str
    kind: str
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
