"""An ingest in a subprocess of its own: started, polled for progress, ended at a deadline.

The dashboard adds articles this way, so that a slow or hostile upload never holds
up the server (every visitor's page runs in the server's process), a rerun of the
page never cuts an ingest short, and a runaway one is killed at its deadline.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from events.exc import JobError

REPO = Path(__file__).resolve().parents[1]
#: The deadline of an ingest: this long, and ``SECONDS_PER_MB`` more for each megabyte of input.
BASE_SECONDS = 120.0
SECONDS_PER_MB = 30.0


@dataclass(frozen=True)
class Progress:
    """Counts so far, as the ingest reports them."""

    inputs: int = 0
    stored: int = 0
    unchanged: int = 0
    rejected: int = 0


class IngestJob:
    """``python -m events ingest`` over files in a work folder of the job's own.

    Create it with :meth:`create`, put the inputs in :meth:`input_path` names, then
    :meth:`start`; poll :meth:`progress` and :meth:`finished`, read :meth:`result`,
    and :meth:`cleanup` the work folder.
    """

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.inputs: list[Path] = []
        self.names: dict[str, str] = {}   # input path -> the name the user gave it
        self.proc: subprocess.Popen | None = None
        self.started = 0.0
        self.deadline = 0.0
        self.timed_out = False
        self._timer: threading.Timer | None = None

    @classmethod
    def create(cls) -> "IngestJob":
        return cls(Path(tempfile.mkdtemp(prefix="sitrep-ingest-")))

    def input_path(self, name: str) -> Path:
        """A path in the work folder for an input the user calls ``name`` (kept for messages)."""
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in Path(name).name)[-80:] or "input"
        path = self.workdir / f"{len(self.inputs):04d}-{safe}"
        self.inputs.append(path)
        self.names[str(path)] = name
        return path

    def start(self, *, db: Path, published: date | None = None, id_prefix: str = "", replace: bool = True,
              timeout: float | None = None) -> None:
        """Start the ingest of the inputs into ``db``; it is killed after ``timeout`` seconds
        (default: :data:`BASE_SECONDS` and :data:`SECONDS_PER_MB` per megabyte of input)."""
        if not self.inputs:
            raise JobError("nothing to add")
        size = sum(p.stat().st_size for p in self.inputs if p.exists())
        timeout = timeout or BASE_SECONDS + SECONDS_PER_MB * size / 2**20
        args = [sys.executable, "-m", "events", "ingest", *map(str, self.inputs), "--db", str(db),
                "--jobs", "1", "--json", "--progress", "jsonl", "--id-prefix", id_prefix]
        if published:
            args += ["--published", published.isoformat()]
        if not replace:
            args.append("--no-replace")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        with (self.workdir / "stdout.json").open("wb") as out, (self.workdir / "stderr.txt").open("wb") as err:
            self.proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=out, stderr=err,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        self.started = time.monotonic()
        self.deadline = self.started + timeout
        # A timer of the server's, not of the page: the ingest ends even if nobody watches it.
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.timed_out = True
            self.kill()

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # it ended by itself in the meantime
            self.proc.wait()

    def finished(self) -> bool:
        return self.proc is not None and self.proc.poll() is not None

    def progress(self) -> Progress:
        """The latest counts the ingest reported (zeros before the first)."""
        last = Progress()
        for line in self._read("stderr.txt").splitlines():
            if line.startswith("{"):
                try:
                    last = Progress(**{k: int(v) for k, v in json.loads(line).items()
                                       if k in Progress.__dataclass_fields__})
                except (ValueError, TypeError):
                    continue  # a line cut short while being written
        return last

    def result(self) -> dict:
        """The ingest's summary (see :meth:`events.ingest.Summary.as_dict`), each rejection's
        ``input`` given as the user named it; :class:`JobError` if the ingest did not finish."""
        if not self.finished():
            raise JobError("the ingest is still running")
        if self.timed_out:
            raise JobError(f"the ingest took longer than {self.deadline - self.started:.0f} s and was "
                           "stopped; what it had stored stays stored (add fewer files at a time, or use "
                           "python -m events ingest)")
        try:
            summary = json.loads(self._read("stdout.json"))
        except ValueError:
            summary = None
        if self.proc.returncode != 0 or not isinstance(summary, dict):
            lines = [x for x in self._read("stderr.txt").splitlines() if x.strip() and not x.startswith("{")]
            raise JobError(lines[-1] if lines else f"the ingest ended with code {self.proc.returncode}")
        for r in summary.get("rejections", []):
            r["input"] = self.names.get(r.get("input"), r.get("input"))
        return summary

    def cleanup(self) -> None:
        """Stop the ingest if it runs, and remove the work folder."""
        if self._timer:
            self._timer.cancel()
        self.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def _read(self, name: str) -> str:
        try:
            return (self.workdir / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
