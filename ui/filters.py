"""The dashboard's filters: what the sidebar offers for a store (:func:`choices`, provinces by
label however their articles spell them), and the events a choice of dates, places, types,
actors, claimants and words leaves (:func:`narrow` of the sidebar's :class:`Selection`), from a
loaded frame (:func:`filter_events`) or pushed down into the store (:func:`load_events`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from events.schema import EVENT_COLUMNS, quoted
from events.store import Store
from events.table import empty, typed


def provinces(df: pd.DataFrame) -> dict[str, list[str]]:
    """The provinces of an events table, by label: each province once, however its articles
    spell it ("Kunduz" and "Kondoz" with one GeoNames code), labelled by its commonest
    spelling, with the ``admin1`` values that name it (for :func:`filter_events`). Provinces
    of one label in two countries share it, as a filter by name always did."""
    out: dict[str, list[str]] = {}
    named = df[df["admin1"].notna()]
    if named.empty:
        return out
    codes = named["admin1_code"] if "admin1_code" in named else pd.Series(pd.NA, index=named.index)
    keys = (named["country_code"].fillna("").astype(str) + "|" + codes.fillna("").astype(str)).where(
        codes.notna(), "|" + named["admin1"].astype(str))
    counts = pd.DataFrame({"key": keys.astype(str), "name": named["admin1"].astype(str)}).value_counts()
    spellings: dict[str, list[tuple[int, str]]] = {}
    for (key, name), n in counts.items():
        spellings.setdefault(key, []).append((-n, name))
    for names in spellings.values():
        names.sort()
        label = names[0][1]
        out.setdefault(label, [])
        out[label] += [name for _, name in names if name not in out[label]]
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class Choices:
    """What the sidebar offers for the whole store: provinces by label (see :func:`provinces`)
    and the values of the other filters, sorted."""

    provinces: dict[str, list[str]]
    event_types: list[str]
    actors: list[str]
    claimants: list[str]


def choices(events: pd.DataFrame) -> Choices:
    """The :class:`Choices` of an events table; an actor is either side."""
    def values(*columns: str) -> list[str]:
        return sorted(pd.concat([events[c].dropna() for c in columns]).unique().tolist())

    return Choices(provinces=provinces(events), event_types=values("event_type"),
                   actors=values("actor1", "actor2"), claimants=values("claimant"))


def date_bounds(events: pd.DataFrame) -> tuple[date, date] | None:
    """The first and last days of the dated events, a day apart at least (a range slider needs
    two); None if none is dated."""
    dated = events["event_date"].dropna()
    if dated.empty:
        return None
    first, last = dated.min().date(), dated.max().date()
    if first == last:
        last = first + timedelta(days=1)
    return first, last


@dataclass(frozen=True)
class Selection:
    """What the sidebar chose: province labels (see :func:`provinces`), a date range, event types,
    actors, claimants and a search of the source sentences; what is left empty narrows nothing."""

    provinces: tuple[str, ...] = ()
    dates: tuple[date, date] | None = None
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    text: str = ""


def narrow(events: pd.DataFrame, selection: Selection, *, groups: Mapping[str, list[str]]) -> pd.DataFrame:
    """The events of the whole store ``events`` that ``selection`` leaves; a province label
    stands for every spelling ``groups`` (:attr:`Choices.provinces`) gives it."""
    dates = selection.dates
    # The full range is no filter: undated events stay in view until dates are narrowed.
    if dates and events["event_date"].notna().any() and dates == (events["event_date"].min().date(),
                                                                 events["event_date"].max().date()):
        dates = None
    return filter_events(events, start=dates[0] if dates else None, end=dates[1] if dates else None,
                         admin1=[name for label in selection.provinces for name in groups[label]] or None,
                         event_type=list(selection.event_types) or None, actor=list(selection.actors) or None,
                         claimant=list(selection.claimants) or None, text=selection.text or None)


def filter_events(df: pd.DataFrame, *, start: date | str | None = None, end: date | str | None = None,
                  admin1: Iterable[str] | str | None = None, country: Iterable[str] | str | None = None,
                  event_type: Iterable[str] | str | None = None, actor: Iterable[str] | str | None = None,
                  claimant: Iterable[str] | str | None = None, text: str | None = None) -> pd.DataFrame:
    """Events within ``[start, end]`` (inclusive days) whose admin1, country, type, actor
    (either side) and claimant are among those given, and whose source sentence
    contains ``text`` (case-insensitive). A filter left as None does not narrow."""
    mask = pd.Series(True, index=df.index)
    if start is not None:
        mask &= df["event_date"] >= pd.Timestamp(start)
    if end is not None:
        mask &= df["event_date"] < pd.Timestamp(end) + pd.Timedelta(days=1)
    for column, wanted in (("admin1", admin1), ("country", country), ("event_type", event_type),
                           ("claimant", claimant)):
        wanted = _one_of(wanted)
        if wanted is not None:
            mask &= df[column].isin(wanted).fillna(False)
    actors = _one_of(actor)
    if actors is not None:
        mask &= (df["actor1"].isin(actors) | df["actor2"].isin(actors)).fillna(False)
    if text:
        mask &= df["source_sentence"].str.contains(text, case=False, regex=False).fillna(False)
    return df[mask.astype(bool)].reset_index(drop=True)


def load_events(store: Store, **filters) -> pd.DataFrame:
    """The events table, filtered as :func:`filter_events` does.

    The filters run in SQLite first, so that only matching rows are read
    (a store of a million events loads in seconds only when narrowed), then
    again in pandas so that the result is exactly :func:`filter_events`'s.
    """
    where, params = _sql_filters(**filters)
    names = [c.name for c in EVENT_COLUMNS]
    rows = store.query(f"SELECT {quoted(names)} FROM events" + (f" WHERE {where}" if where else ""),
                       tuple(params))
    df = typed(pd.DataFrame.from_records(rows, columns=names), "events") if rows else empty()
    return filter_events(df, **filters)


def _sql_filters(*, start=None, end=None, admin1=None, country=None, event_type=None, actor=None,
                 claimant=None, text=None) -> tuple[str, list]:
    clauses, params = [], []
    if start is not None:
        clauses.append("event_date >= ?")
        params.append(pd.Timestamp(start).date().isoformat())
    if end is not None:
        clauses.append("event_date < ?")
        params.append((pd.Timestamp(end) + pd.Timedelta(days=1)).date().isoformat())
    for column, wanted in (("admin1", admin1), ("country", country), ("event_type", event_type),
                           ("claimant", claimant)):
        wanted = _one_of(wanted)
        if wanted is not None:
            clauses.append(f"{column} IN ({', '.join('?' * len(wanted))})")
            params += wanted
    actors = _one_of(actor)
    if actors is not None:
        marks = ", ".join("?" * len(actors))
        clauses.append(f"(actor1 IN ({marks}) OR actor2 IN ({marks}))")
        params += actors + actors
    if text and text.isascii():
        # SQLite's lower() folds ASCII only; other text is left to pandas.
        clauses.append("instr(lower(source_sentence), ?) > 0")
        params.append(text.lower())
    return " AND ".join(clauses), params


def _one_of(values: Iterable[str] | str | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    values = list(values)
    return values or None
