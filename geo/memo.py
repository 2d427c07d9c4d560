"""A bounded memo for pure functions, kept in a plain dict.

:func:`functools.lru_cache` keeps a linked-list node per entry (and a list
for a key of several arguments): objects that every full garbage collection
walks. Lookups that cache hundreds of thousands of names spent a quarter of
their time in the collector. A dict of strings holds nothing it tracks.
When full, the older half of the entries goes (first in, first out), which
is as good as least-recently-used for names that news repeats in bursts.
Safe to share between threads: a value may be computed twice, never lost.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper


def memo(maxsize: int) -> Callable[[Callable], Callable]:
    """Decorate a function of hashable positional arguments with a cache of ``maxsize`` entries.

    The wrapper has ``cache_clear()`` and ``cache_len()``.
    """
    if maxsize < 2:
        raise ValueError("maxsize must be at least 2")

    def decorate(func: Callable) -> Callable:
        cache: dict = {}
        get, missing = cache.get, object()

        def wrapper(*args):
            value = get(args, missing)  # not try/except: a raised KeyError costs a miss a microsecond
            if value is not missing:
                return value
            value = func(*args)
            if len(cache) >= maxsize:
                # list() copies the keys in one step, where no other thread can change the dict
                # (the dashboard's sessions share these caches); pop() as another may evict too
                for key in list(cache)[:maxsize // 2]:
                    cache.pop(key, None)
            cache[args] = value
            return value

        wrapper.cache_clear = cache.clear
        wrapper.cache_len = cache.__len__
        return update_wrapper(wrapper, func)

    return decorate
