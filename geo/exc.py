"""Errors raised by :mod:`geo`, in one place.

Each subclasses a built-in so callers can catch them generically
(``except ValueError``) or precisely (``except geo.exc.QueryError``).
"""


class GeoError(Exception):
    """Base class of every error raised by :mod:`geo`."""


class QueryError(GeoError, ValueError):
    """A query that cannot be looked up (not text, too long, binary)."""


class GazetteerMissingError(GeoError, FileNotFoundError):
    """The gazetteer file, or the packages it is built from, are missing."""


class GazetteerBuildError(GeoError, RuntimeError):
    """Building or importing into the gazetteer failed."""


class ImportFormatError(GeoError, ValueError):
    """A file given to ``gazetteer import`` is not in a format we read."""


class OverlayError(GeoError, ValueError):
    """A custom places CSV has a bad header or row."""


class ConfigError(GeoError, ValueError):
    """An option is missing or wrong (for example no user agent for an online service)."""


class OnlineGeocoderError(GeoError, ConnectionError):
    """An opt-in online geocoder failed; the cause is chained."""


class OutlinesMissingError(GeoError, FileNotFoundError):
    """The bundled province outlines file is missing."""
