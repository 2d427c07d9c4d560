"""The per-article guard: a failure or runaway work ends one article, not the run."""
import functools
import os
import re
import threading
import time

import pytest

from events.exc import AnalysisTimeout
from events.guard import PIECE_CHARS, Failed, attempt, budget, guarded, time_limit
from events.runner import ordered_map


def _work(items):
    """Doubles numbers; "spin" loops in Python, "regex" backtracks in C, "boom" raises."""
    out = []
    for item in items:
        if item == "spin":
            while True:
                pass
        if item == "regex":
            re.match(r"(a+)+b", "a" * 64)  # exponential backtracking
        if item == "boom":
            raise KeyError("boom")
        out.append(item * 2)
    return out


def test_guard_time_limit_stops_a_runaway_regex():
    started = time.monotonic()
    with pytest.raises(AnalysisTimeout, match="took too long"):
        with time_limit(0.3):
            _work(["regex"])
    assert time.monotonic() - started < 10


def test_guard_time_limit_is_cleared_after_the_block():
    with time_limit(0.2):
        pass
    time.sleep(0.4)  # no stray alarm fires here


def test_guard_time_limit_outside_the_main_thread_is_no_limit():
    seen = []

    def run():
        with time_limit(0.01):
            time.sleep(0.1)
        seen.append("finished")

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert seen == ["finished"]


def test_guard_one_failing_item_fails_alone_and_the_others_are_kept():
    out = guarded(_work, [1, "boom", 3, "spin", 5], budgets=[0.5] * 5)
    assert out[0] == 2 and out[2] == 6 and out[4] == 10
    assert isinstance(out[1], Failed) and "KeyError" in out[1].reason
    assert isinstance(out[3], Failed) and out[3].reason.startswith("took too long")


def test_guard_attempt_returns_the_value_or_the_reason():
    assert attempt(len, "abc", seconds=1) == 3
    failed = attempt(int, "x", seconds=1, doing="read")
    assert isinstance(failed, Failed) and failed.reason.startswith("could not be read (ValueError")


def test_guard_budget_grows_with_the_pieces_of_a_long_text():
    assert budget("short", seconds=30) == 30
    assert budget("x" * (PIECE_CHARS * 3), seconds=30) == 60
    assert budget("anything", seconds=None) is None


def _guarded_work(chunk, *, seconds):
    return [(os.getpid(), r) for r in guarded(_work, chunk, budgets=[seconds] * len(chunk))]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: worker processes are not used")
def test_guard_runaway_work_in_worker_processes_ends_that_item_only(gazetteer_path):
    chunks = [[1, 2], ["regex", 4], [5, "spin"], ["boom", 8]]
    out = list(ordered_map(functools.partial(_guarded_work, seconds=0.5), chunks, jobs=2,
                           gazetteer_path=str(gazetteer_path)))
    assert {pid for chunk in out for pid, _ in chunk} != {os.getpid()}  # ran in workers
    results = [r for chunk in out for _, r in chunk]
    assert results[0:2] == [2, 4] and results[3] == 8 and results[4] == 10 and results[7] == 16
    assert all(isinstance(results[i], Failed) for i in (2, 5, 6))
    assert "took too long" in results[2].reason and "took too long" in results[5].reason
    assert "KeyError" in results[6].reason
