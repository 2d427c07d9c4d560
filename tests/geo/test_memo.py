"""The bounded memo: answers as the function does, keeps at most maxsize entries, oldest out first."""
import gc

import pytest

from geo.memo import memo


def test_memo_answers_once_per_arguments():
    calls = []

    @memo(8)
    def double(x, y=None):
        calls.append(x)
        return x * 2

    assert [double(1), double(1), double(2, "a"), double(2, "a")] == [2, 2, 4, 4]
    assert calls == [1, 2]
    assert double.__name__ == "double" and double.cache_len() == 2
    double.cache_clear()
    assert double(1) == 2 and calls == [1, 2, 1]


@pytest.mark.parametrize("maxsize", [2, 3, 10])
def test_memo_drops_the_older_half_when_full(maxsize):
    calls = []

    @memo(maxsize)
    def f(x):
        calls.append(x)
        return x

    for x in range(maxsize):
        f(x)
    f(maxsize)  # full: the first maxsize // 2 go
    assert f.cache_len() == maxsize - maxsize // 2 + 1
    calls.clear()
    f(maxsize - 1)
    f(0)
    assert calls == [0]


def test_memo_holds_nothing_the_collector_tracks():
    @memo(100)
    def upper(text):
        return text.upper()

    for word in ("kabul", "kunduz", "taloqan"):
        upper(word)
    cache = next(c.cell_contents for c in upper.__closure__ if isinstance(c.cell_contents, dict))
    gc.collect()
    assert len(cache) == 3 and not gc.is_tracked(cache)


def test_memo_refuses_a_size_too_small_to_halve():
    with pytest.raises(ValueError):
        memo(1)


def test_memo_is_shared_safely_between_threads():
    from concurrent.futures import ThreadPoolExecutor

    @memo(8)  # tiny: every few calls evict, while other threads read and write
    def square(x):
        return x * x

    def work(offset):
        return all(square((offset + i) % 50) == ((offset + i) % 50) ** 2 for i in range(20_000))

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(work, range(8)))
    assert square.cache_len() <= 8 + 7  # over by at most one insert per other thread
