"""Worker processes: each holds the model and gazetteer, and leaves the other cores alone."""
import os

import pytest

from events.runner import ordered_map


def _blas_threads(_):
    from threadpoolctl import threadpool_info

    return os.getpid(), [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no second worker to contend with")
def test_runner_workers_use_their_share_of_blas_threads(gazetteer_path):
    answers = list(ordered_map(_blas_threads, range(6), jobs=2, gazetteer_path=str(gazetteer_path)))
    assert [pid for pid, _ in answers] != [os.getpid()] * 6  # ran in workers
    share = max(1, (os.cpu_count() or 1) // 2)
    assert all(threads and set(threads) == {share} for _, threads in answers)
