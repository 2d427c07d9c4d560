"""Articles added from the page: limits checked before anything runs, a job that leaves nothing
behind when it cannot start, and reports whose user-given text stays literal."""
import pytest

from events.exc import JobError
from ui import uploads
from ui.uploads import (
    MAX_FILES,
    MAX_PASTE_CHARS,
    MAX_SUBMISSION_MB,
    SHOW_REJECTIONS,
    refusal,
    report,
)


@pytest.mark.parametrize("sizes, pasted, error, words", [
    ([], "  ", False, "Choose files or paste"),
    ([], "x" * (MAX_PASTE_CHARS + 1), True, "over the limit of 100,000"),
    ([1] * (MAX_FILES + 1), "", True, "201 files"),
    ([MAX_SUBMISSION_MB * 2**20], "x", True, "50.0 MB in all"),
])
def test_uploads_refusal_says_why(sizes, pasted, error, words):
    refused = refusal(sizes=sizes, pasted=pasted)
    assert refused.error is error and words in refused.message


def test_uploads_within_the_limits_are_not_refused():
    assert refusal(sizes=[10] * MAX_FILES, pasted="x" * MAX_PASTE_CHARS) is None
    assert refusal(sizes=[], pasted="Clashes in Ghazni.") is None


def test_uploads_a_job_that_cannot_start_leaves_no_work_folder(tmp_path, monkeypatch):
    made = []
    real_create = uploads.IngestJob.create

    def create():
        made.append(real_create())
        return made[-1]

    def refuse(self, **kwargs):
        raise JobError("cannot start")

    monkeypatch.setattr(uploads.IngestJob, "create", staticmethod(create))
    monkeypatch.setattr(uploads.IngestJob, "start", refuse)
    with pytest.raises(JobError):
        uploads.start_ingest(tmp_path / "e.sqlite", files=[("a.txt", b"Clashes.")], pasted="More clashes.",
                             published=None, replace=False)
    assert len(made[0].inputs) == 2 and not made[0].workdir.exists()


def test_uploads_report_lists_the_first_rejections_literally_and_counts_the_rest():
    rejections = [{"input": f"[link](http://x) {i}.txt", "line": i % 2, "reason": "binary data, not text"}
                  for i in range(SHOW_REJECTIONS + 5)]
    got = report({"stored": 2, "replaced": 1, "unchanged": 4, "rejected": len(rejections), "events": 7,
                  "rejections": rejections})
    assert got.error is None and got.summary == "3 added, 4 already there, 25 rejected; 7 events."
    assert len(got.rejections) == SHOW_REJECTIONS
    assert got.rejections[1] == r"\[link\]\(http\://x\) 1\.txt line 1\: binary data, not text"
    assert got.rejections[0].startswith(r"\[link\]\(http\://x\) 0\.txt\:")  # no line 0
    assert got.more.startswith("...and 5 more rejections")
    assert report({"error": "boom"}) == uploads.Report(error="Could not add the articles: boom")
