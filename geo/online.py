"""Opt-in online geocoding for names the gazetteer lacks. Off by default.

Any geopy geocoder (Nominatim by default) behind geopy's ``RateLimiter``
(at least one second between calls; errors raised, not swallowed), with a
required user agent and a persistent SQLite cache of answers, including
"not found", so that a name is asked at most once.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

import platformdirs
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service

from geo.exc import ConfigError, OnlineGeocoderError
from geo.names import normalize
from geo.place import Kind, Place

ENV_SERVICE = "SITREP_ONLINE_GEOCODER"
ENV_USER_AGENT = "SITREP_USER_AGENT"
ENV_DOMAIN = "SITREP_ONLINE_DOMAIN"
ENV_SCHEME = "SITREP_ONLINE_SCHEME"

_KINDS = {
    "country": Kind.COUNTRY,
    "state": Kind.ADMIN1, "province": Kind.ADMIN1, "region": Kind.ADMIN1,
    "county": Kind.ADMIN2, "district": Kind.ADMIN2, "state_district": Kind.ADMIN2,
    "city": Kind.POPULATED_PLACE, "town": Kind.POPULATED_PLACE, "village": Kind.POPULATED_PLACE,
    "hamlet": Kind.POPULATED_PLACE, "suburb": Kind.POPULATED_PLACE, "municipality": Kind.POPULATED_PLACE,
    "aerodrome": Kind.AIRPORT, "airport": Kind.AIRPORT,
    "border_control": Kind.PORT, "harbour": Kind.PORT, "port": Kind.PORT,
}


def make_provider(name: str, *, user_agent: str, domain: str | None = None,
                  scheme: str | None = None, timeout: float = 10):
    """A geopy geocoder for service ``name`` (e.g. "nominatim"); a user agent is required."""
    if not user_agent or not user_agent.strip():
        raise ConfigError(
            f"the online geocoder {name!r} needs a user agent that identifies you: "
            f"pass --user-agent or set {ENV_USER_AGENT}"
        )
    try:
        cls = get_geocoder_for_service(name)
    except GeopyError as exc:
        raise ConfigError(f"unknown online geocoder {name!r}: {exc}") from exc
    options = {"user_agent": user_agent, "timeout": timeout}
    if domain:
        options["domain"] = domain
    if scheme:
        options["scheme"] = scheme
    try:
        return cls(**options)
    except (TypeError, GeopyError) as exc:
        raise ConfigError(f"cannot set up the online geocoder {name!r}: {exc}") from exc


class OnlineCache:
    """Answers of online geocoders, kept in a SQLite file across runs."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        with self._conn:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS answers(provider TEXT, query TEXT, country TEXT, "
                "answer TEXT, fetched_at TEXT, PRIMARY KEY(provider, query, country))"
            )

    def get(self, provider: str, query: str, country: str | None) -> tuple[bool, Place | None]:
        """(hit, place): a hit with place None is a cached "not found"."""
        with self._lock:
            row = self._conn.execute(
                "SELECT answer FROM answers WHERE provider = ? AND query = ? AND country = ?",
                (provider, normalize(query), country or ""),
            ).fetchone()
        if row is None:
            return False, None
        data = json.loads(row[0])
        if data is None:
            return True, None
        data["alternate_names"] = tuple(data.get("alternate_names") or ())
        return True, Place(**data)

    def put(self, provider: str, query: str, country: str | None, place: Place | None) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (provider, normalize(query), country or "",
                 json.dumps(place.as_dict() if place else None),
                 datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )


def place_from_location(location, *, source: str) -> Place:
    """A gazetteer record from a geopy Location (Nominatim's raw fields where present)."""
    raw = location.raw if isinstance(location.raw, dict) else {}
    address = raw.get("address") or {}
    kind_word = raw.get("addresstype") or raw.get("type") or ""
    name = raw.get("name") or location.address.split(",")[0].strip()
    return Place(
        name=name or location.address,
        kind=_KINDS.get(kind_word, Kind.LANDMARK),
        country_code=(address.get("country_code") or "").upper(),
        lat=float(location.latitude),
        lon=float(location.longitude),
        admin1=address.get("state") or address.get("province") or address.get("region"),
        admin2=address.get("county") or address.get("state_district") or address.get("district"),
        source=source,
    )


class OnlineFallback:
    """Ask an online geocoder, politely: rate-limited, cached, errors raised."""

    def __init__(self, provider, *, cache_path: Path, min_delay_seconds: float = 1.0,
                 provider_name: str | None = None):
        if min_delay_seconds < 1.0:
            raise ConfigError("online geocoders are asked at most once a second (min_delay_seconds >= 1)")
        self.provider = provider
        self.name = provider_name or type(provider).__name__.lower()
        self.cache = OnlineCache(cache_path)
        # RateLimiter would swallow errors and return None by default: a
        # failure must not pass for "not found", nor be cached as one.
        self._limited = RateLimiter(provider.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self.calls = 0

    def geocode(self, query: str, *, country: str | None = None) -> Place | None:
        """The online answer for ``query`` (cached), or None when the service knows none."""
        hit, place = self.cache.get(self.name, query, country)
        if hit:
            return place
        options = {"exactly_one": True}
        if "nominatim" in self.name.lower():
            options["addressdetails"] = True
            if country:
                options["country_codes"] = country.lower()
        self.calls += 1
        try:
            location = self._limited(query, **options)
        except GeopyError as exc:
            raise OnlineGeocoderError(f"{self.name} failed for {query!r}: {exc}") from exc
        place = place_from_location(location, source=f"online:{self.name}") if location else None
        self.cache.put(self.name, query, country, place)
        return place


def from_env(*, cache_path: Path | None = None) -> OnlineFallback | None:
    """The fallback configured by ``SITREP_ONLINE_GEOCODER`` etc., or None (the default)."""
    service = os.environ.get(ENV_SERVICE, "").strip()
    if not service:
        return None
    provider = make_provider(service, user_agent=os.environ.get(ENV_USER_AGENT, ""),
                             domain=os.environ.get(ENV_DOMAIN) or None,
                             scheme=os.environ.get(ENV_SCHEME) or None)
    path = cache_path or Path(platformdirs.user_cache_dir("sitrep")) / "online-cache.sqlite"
    return OnlineFallback(provider, cache_path=path, provider_name=service)
