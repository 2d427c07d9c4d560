"""An ingest in a subprocess, as the dashboard runs one: progress, result, deadline."""
import json
import time

import pytest

from events.exc import JobError
from events.jobs import IngestJob
from events.store import Store

pytestmark = pytest.mark.slow  # each job is a real `python -m events ingest` process


def _wait(job, seconds=180):
    deadline = time.monotonic() + seconds
    while not job.finished():
        assert time.monotonic() < deadline, "the ingest did not end"
        time.sleep(0.1)


def test_jobs_ingest_in_a_subprocess_reports_under_the_users_names(tmp_path, gazetteer_path):
    db = tmp_path / "e.sqlite"
    job = IngestJob.create()
    job.input_path("my articles.jsonl").write_text("\n".join([
        json.dumps({"id": "k1", "text": "Clashes broke out in Kunduz on Monday, officials said."}),
        "[" * 50_000]), encoding="utf-8")
    job.input_path("../../etc/passwd").write_bytes(bytes(range(256)) * 4)
    assert all(p.parent == job.workdir for p in job.inputs)  # a name never leaves the work folder
    job.start(db=db, id_prefix="upload:", replace=False)
    _wait(job)
    result = job.result()
    assert (result["stored"], result["rejected"]) == (1, 2)
    assert [(r["input"], r["line"]) for r in result["rejections"]] == [("my articles.jsonl", 2),
                                                                      ("../../etc/passwd", 0)]
    assert 1 <= job.progress().inputs <= 3  # reported as it went, at most 4 times a second
    with Store(db, readonly=True) as store:
        assert [r["id"] for r in store.rows("articles")] == ["upload:k1"]
    job.cleanup()
    assert not job.workdir.exists()


def test_jobs_an_ingest_over_its_deadline_is_stopped_and_says_so(tmp_path):
    job = IngestJob.create()
    job.input_path("a.txt").write_text("Clashes broke out in Kunduz on Monday, officials said.")
    job.start(db=tmp_path / "e.sqlite", timeout=0.2)  # less than loading the language model takes
    _wait(job, seconds=30)
    with pytest.raises(JobError, match="took longer than 0 s and was stopped"):
        job.result()
    job.cleanup()


def test_jobs_a_store_that_cannot_be_written_is_the_jobs_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    job = IngestJob.create()
    job.input_path("a.txt").write_text("Clashes broke out in Kunduz on Monday.")
    job.start(db=blocker / "e.sqlite")
    _wait(job)
    with pytest.raises(JobError, match="cannot open the store"):
        job.result()
    job.cleanup()
