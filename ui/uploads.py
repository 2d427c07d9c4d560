"""Articles added from the page: the limits of one submission, the ingest started for it in a
subprocess of its own (:class:`events.jobs.IngestJob`), and what the page says of it."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from events.exc import JobError
from events.jobs import IngestJob
from ui.escape import markdown_literal

#: Limits of one submission (a file is also capped by the server's ``server.maxUploadSize``,
#: set in .streamlit/config.toml).
MAX_SUBMISSION_MB = 50
MAX_FILES = 200
MAX_PASTE_CHARS = 100_000
#: Rejections listed on the page after an upload; the rest are counted.
SHOW_REJECTIONS = 20
#: Uploaded articles' ids live in a namespace of their own, apart from the analyst's corpus.
UPLOAD_PREFIX = "upload:"


@dataclass(frozen=True)
class Refusal:
    """Why a submission is not started: an error (over a limit), or a warning (nothing to add)."""

    message: str
    error: bool = True


def refusal(*, sizes: Sequence[int], pasted: str) -> Refusal | None:
    """Why files of these ``sizes`` (bytes) and the ``pasted`` text cannot be added; None if they can."""
    size = sum(sizes) + len(pasted.encode("utf-8"))
    if not sizes and not pasted.strip():
        return Refusal("Choose files or paste an article first.", error=False)
    if len(pasted) > MAX_PASTE_CHARS:  # the box stops typing there; a client may not
        return Refusal(f"The pasted text has {len(pasted):,} characters, over the limit of {MAX_PASTE_CHARS:,}; "
                       "save it as a file and upload that.")
    if len(sizes) > MAX_FILES or size > MAX_SUBMISSION_MB * 2**20:
        return Refusal(f"{len(sizes)} files of {size / 2**20:.1f} MB in all: over this page's limit of {MAX_FILES} "
                       f"files and {MAX_SUBMISSION_MB} MB a submission. Add them in parts, or use "
                       "python -m events ingest.")
    return None


def start_ingest(db: Path, *, files: Iterable[tuple[str, bytes]], pasted: str, published: date | None,
                 replace: bool) -> IngestJob:
    """An ingest of ``files`` ((name, content) pairs) and the ``pasted`` text into ``db``, started
    in a subprocess; where it cannot start, its work folder is removed and the
    :class:`events.exc.JobError` or :class:`OSError` raised."""
    job = IngestJob.create()
    try:
        for name, content in files:
            job.input_path(name).write_bytes(content)
        if pasted.strip():
            job.input_path("pasted text.txt").write_text(pasted, encoding="utf-8")
        job.start(db=db, published=published, id_prefix=UPLOAD_PREFIX, replace=replace)
    except (JobError, OSError):
        job.cleanup()
        raise
    return job


@dataclass(frozen=True)
class Status:
    """A running ingest's progress bar: how full, and what it says."""

    fraction: float
    text: str


def status(job: IngestJob, *, now: float) -> Status:
    """How far ``job`` has come, at ``now`` (:func:`time.monotonic`)."""
    p = job.progress()
    total = len(job.inputs)
    return Status(min(1.0, p.inputs / max(1, total)) if total > 1 else 0.0,
                  f"Adding articles: {p.inputs:,} read ({p.stored:,} added, {p.rejected:,} rejected), "
                  f"{job.deadline - now:.0f} s left at most")


@dataclass(frozen=True)
class Report:
    """What the page says of a finished ingest: an error, or a summary, the first rejections
    (escaped for Markdown: file names and reasons are the user's) and a count of the rest."""

    error: str | None = None
    summary: str = ""
    rejections: tuple[str, ...] = ()
    more: str | None = None


def report(result: dict) -> Report:
    """The :class:`Report` of an ingest's result (:meth:`events.jobs.IngestJob.result`, or
    ``{"error": ...}``)."""
    if "error" in result:
        return Report(error=f"Could not add the articles: {result['error']}")
    shown = result["rejections"][:SHOW_REJECTIONS]
    lines = []
    for r in shown:
        where = f"{r['input']} line {r['line']}" if r["line"] else r["input"]
        lines.append(markdown_literal(f"{where}: {r['reason']}"))
    more = None
    if result["rejected"] > len(shown):
        more = (f"...and {result['rejected'] - len(shown):,} more rejections (all are in the store: "
                "python -m events export --table ingest_errors)")
    return Report(summary=f"{result['stored'] + result['replaced']:,} added, {result['unchanged']:,} already there, "
                          f"{result['rejected']:,} rejected; {result['events']:,} events.",
                  rejections=tuple(lines), more=more)
