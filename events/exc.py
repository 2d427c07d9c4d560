"""Errors raised by :mod:`events`, in one place; each subclasses a built-in."""


class EventsError(Exception):
    """Base class of every error raised by :mod:`events`."""


class StoreError(EventsError, RuntimeError):
    """The event store cannot be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock for longer than we wait."""


class InputError(EventsError, ValueError):
    """An input path or stream cannot be read as articles."""


class ExportError(EventsError, ValueError):
    """An export that cannot be made (unknown table or format, or a format the table lacks)."""


class AnalysisTimeout(EventsError, TimeoutError):
    """One article's analysis ran over its time budget."""


class JobError(EventsError, RuntimeError):
    """An ingest in a subprocess that could not start, failed, or ran over its deadline."""
