"""What the geoparser hands on: a place mention with where it is."""
from __future__ import annotations

from dataclasses import dataclass

from geo.place import Kind
from parsing.places import Role


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A place mention with where it is; ``kind`` is :attr:`Kind.UNRESOLVED <geo.place.Kind.UNRESOLVED>`
    when nothing fits."""

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: Kind
    country_code: str | None
    admin1: str | None
    confidence: float
    admin2: str | None = None
    resolved_name: str | None = None
    runner_up: str | None = None
    kind_hint: str | None = None
    sentence: int = 0
    admin1_code: str | None = None
    #: a place, or context: a country or province named inside an organisation's name ("the
    #: Texas Department of Health"), a toponym of the text, never where anything happened
    role: Role = Role.PLACE
    #: for an unresolved name put at a rough point: the known place that point is taken from
    #: (the unit named right after it, or the middle of the article's places)
    estimated_from: str | None = None

    def as_output(self) -> dict:
        """The record of ``python -m events geoparse`` (its fields, in order)."""
        return {"start": self.start, "end": self.end, "name": self.name, "lat": self.lat,
                "lon": self.lon, "geonameid": self.geonameid, "kind": self.kind,
                "country_code": self.country_code, "admin1": self.admin1,
                "confidence": round(self.confidence, 3)}
