"""Errors raised by :mod:`parsing`, in one place."""


class ParsingError(Exception):
    """Base class of every error raised by :mod:`parsing`."""


class ArticleError(ParsingError, ValueError):
    """An input that cannot be read as an article (empty, binary, bad JSON, no text)."""


class ModelMissingError(ParsingError, ImportError):
    """The spaCy model is not installed."""
