"""Every regular expression of the project takes time linear in its input: hostile or sloppy text
(long runs of blanks, digits, commas, cue words) must not make one run for seconds.

The patterns are collected, not listed: module-level ones (also inside containers and classes)
and literal patterns passed to ``re`` functions anywhere in the code. Each is run with search,
match and fullmatch on runs of LENGTH characters between words of its own. A linear pattern
takes milliseconds on them, a quadratic one seconds, a cubic one hours: BOUND sits far from both.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import random
import re
import signal
import threading
import time

import pytest

PACKAGES = ("parsing", "events", "geo", "geoparse")
LENGTH = 20_000
#: Seconds one call may take (a linear pattern takes about a millisecond here).
BOUND = 1.0
# A call still running after this long is stopped (a cubic pattern would run for hours).
_STOP = 10 * BOUND
# What the runs are made of; the pattern's own words are added, each after a blank.
_UNITS = (" ", "\n", "\t", "\u00a0", " \n", "1", "1,", "1.", "1 ", ",", ", ", " ,", "-", "a-", ".", "(", "'",
          "\u201c", "a", "A", "Aa ", " a", " A", "Aa, ", " and", " or", " near", " the", " of", " in", " said",
          " killed", " km")
# The literal string arguments of these functions are patterns; the flags' position (or None).
_RE_FUNCTIONS = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2,
                 "split": 3, "sub": 4, "subn": 4}


def _modules():
    """Every module of the packages, those of their subpackages (parsing.places.cues) included."""
    for package in PACKAGES:
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            if not info.name.endswith(".__main__"):
                yield importlib.import_module(info.name)


def _literal_patterns(module) -> dict[str, re.Pattern]:
    """Patterns written as literals in calls such as ``re.search(r"\\bx\\b", text, re.I)``."""
    out = {}
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in _RE_FUNCTIONS and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            continue
        at = _RE_FUNCTIONS[node.func.attr]
        flags = [k.value for k in node.keywords if k.arg == "flags"] or node.args[at:at + 1]
        value = eval(compile(ast.Expression(flags[0]), module.__name__, "eval"), vars(module)) if flags else 0
        out[f"{module.__name__}:{node.lineno}"] = re.compile(node.args[0].value, value)
    return out


def _patterns() -> dict[str, re.Pattern]:
    """The project's text patterns by a name that says where they are, each once."""
    found: dict[tuple, tuple[str, re.Pattern]] = {}

    def add(name, value):
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found.setdefault((value.pattern, value.flags), (name, value))

    for module in _modules():
        for name, value in vars(module).items():
            add(f"{module.__name__}.{name}", value)
            if isinstance(value, (list, tuple, set, frozenset)):
                for i, item in enumerate(value):
                    add(f"{module.__name__}.{name}[{i}]", item)
            elif isinstance(value, dict):
                for key, item in value.items():
                    add(f"{module.__name__}.{name}[{key!r}]", item)
            elif inspect.isclass(value) and value.__module__ == module.__name__:
                for key, item in vars(value).items():
                    add(f"{module.__name__}.{name}.{key}", item)
        for name, value in _literal_patterns(module).items():
            add(name, value)
    return dict(found.values())


PATTERNS = _patterns()


def _inputs(name: str, rx: re.Pattern):
    """Runs of LENGTH characters, alone and between words of the pattern's own."""
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", rx.pattern)))
    rnd = random.Random(name)
    picked = rnd.sample(words, min(len(words), 4)) + ["Kunduz"]
    units = _UNITS + tuple(" " + w for w in picked[:3])
    ends = [("", ""), ("", "x")] + [(w, "x") for w in picked] + [(w, picked[(i + 1) % len(picked)])
                                                                for i, w in enumerate(picked)]
    for unit in units:
        run = unit * (LENGTH // len(unit))
        for before, after in ends:
            yield before + run + after


class _Stopped(Exception):
    pass


def _stop(*_):
    raise _Stopped


def _time(call, text: str) -> float:
    """Seconds ``call(text)`` takes; _STOP or more where it had to be stopped."""
    main = threading.current_thread() is threading.main_thread()
    if main:
        previous = signal.signal(signal.SIGALRM, _stop)
        signal.setitimer(signal.ITIMER_REAL, _STOP)
    start = time.perf_counter()
    try:
        call(text)
    except _Stopped:
        pass
    finally:
        if main:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start


def test_patterns_are_collected_from_every_package():
    assert len(PATTERNS) > 50
    assert {name.split(".")[0] for name in PATTERNS} == set(PACKAGES)
    assert "geoparse.cues._NEAR_GAP" in PATTERNS and "parsing.places.LIST_JOIN" in PATTERNS
    assert any(name.startswith("events.pipeline:") for name in PATTERNS)  # re.search(r"\breported\b", ...)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_patterns_take_time_linear_in_hostile_input(name):
    rx = PATTERNS[name]
    worst, slowest = 0.0, None
    for text in _inputs(name, rx):
        for method in (rx.search, rx.match, rx.fullmatch):
            took = _time(method, text)
            if took > worst:
                worst, slowest = took, (method.__name__, text[:12], text[-12:])
            if took > BOUND:
                break
        if worst > BOUND:
            break
    assert worst <= BOUND, f"{name} took {worst:.1f} s on {slowest}"
