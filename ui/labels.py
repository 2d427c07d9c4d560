"""Which names the map shows under its tiles, to be read where tiles fail: the event places
(those with the most events first) and the larger towns around them (from the gazetteer), each
name on one line and escaped by :func:`ui.escape.safe`. :mod:`ui.under_tiles` draws them."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ui.escape import safe

#: Labels under the tiles: at most this many event places (those with the most events first) ...
MAX_PLACE_LABELS = 60
#: ... and this many towns: the most populous of each cell of TOWN_CELL degrees holding events,
#: widened by half a cell on each side (at most MAX_TOWN_CELLS cells, the busiest).
MAX_TOWN_LABELS = 120
TOWNS_PER_CELL = 6
TOWN_CELL = 2.0
MAX_TOWN_CELLS = 40


def _one_line(value) -> str:
    """A place name as one line (names cut from articles may hold line breaks); "" for none."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def labels(events: pd.DataFrame, towns: Iterable[tuple] = (), *, max_places: int = MAX_PLACE_LABELS,
           max_towns: int = MAX_TOWN_LABELS) -> list[list]:
    """[lat, lon, name escaped by :func:`safe`, kind] per label, most important first: kind
    "place", an event place (at most ``max_places``, those with the most events first, then
    those a larger town of ``towns`` bears the name of); kind "town", a town of ``towns``
    ((name, lat, lon, population), at most ``max_towns``, most populous first) unless a place
    of its name (diacritics and case aside) or at its point is labelled already."""
    from geo.names import normalize

    located = events.dropna(subset=["latitude", "longitude"])
    counts: Counter = Counter()
    if len(located) and "location" in located:
        for name, lat, lon in zip(located["location"].tolist(), located["latitude"].astype(float).tolist(),
                                  located["longitude"].astype(float).tolist()):
            if text := _one_line(name):
                counts[(text, round(lat, 3), round(lon, 3))] += 1
    towns = sorted(towns, key=lambda t: -(t[3] if len(t) > 3 and t[3] else 0))
    population: dict[str, int] = {}
    for town in towns:
        population.setdefault(normalize(_one_line(town[0])), int(town[3] or 0) if len(town) > 3 else 0)
    out: list[list] = []
    named: set[str] = set()
    spots: set[tuple[float, float]] = set()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -population.get(normalize(kv[0][0]), 0)))
    for (text, lat, lon), _ in ranked:
        key = normalize(text)
        if key not in named:  # one label a name (not again at the province's point, say)
            out.append([lat, lon, safe(text), "place"])
            named.add(key)
            spots.add((round(lat, 1), round(lon, 1)))
            if len(out) >= max_places:
                break
    kept = 0
    for name, lat, lon, *_ in towns:
        text = _one_line(name)
        key = normalize(text)
        if kept >= max_towns or not key or key in named or (round(lat, 1), round(lon, 1)) in spots:
            continue
        out.append([round(float(lat), 4), round(float(lon), 4), safe(text), "town"])
        named.add(key)
        kept += 1
    return out


def town_boxes(events: pd.DataFrame, *, cell: float = TOWN_CELL,
               max_cells: int = MAX_TOWN_CELLS) -> list[tuple[float, float, float, float]]:
    """(south, west, north, east) boxes around the events: each cell of ``cell`` degrees that
    holds events (the ``max_cells`` busiest), widened by half a cell each way."""
    located = events.dropna(subset=["latitude", "longitude"])
    cells = Counter((math.floor(lat / cell), math.floor(lon / cell)) for lat, lon in
                    zip(located["latitude"].astype(float), located["longitude"].astype(float)))
    half = cell / 2
    return [(max(-90.0, y * cell - half), max(-180.0, x * cell - half),
             min(90.0, (y + 1) * cell + half), min(180.0, (x + 1) * cell + half))
            for (y, x), _ in sorted(cells.items(), key=lambda kv: (-kv[1], kv[0]))[:max_cells]]


def towns_near(events: pd.DataFrame, *, gazetteer: Path | None = None,
               limit: int = MAX_TOWN_LABELS) -> list[tuple[str, float, float, int]]:
    """The larger towns around the events, (name, lat, lon, population), from the gazetteer
    (one bounded query, :func:`geo.gazetteer.largest_towns`; callers cache it); [] where there
    is no gazetteer file (it is not built for this)."""
    from geo.exc import GazetteerMissingError
    from geo.gazetteer import largest_towns

    boxes = town_boxes(events)
    if not boxes:
        return []
    try:
        return largest_towns(boxes, path=gazetteer, per_box=TOWNS_PER_CELL, limit=limit)
    except GazetteerMissingError:
        return []
