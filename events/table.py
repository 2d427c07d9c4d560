"""The store's tables as pandas DataFrames with one declared schema.

:func:`load` gives the same typed columns (see :mod:`events.schema`) whether
the store holds a million events or none.
"""
from __future__ import annotations

import pandas as pd

from events.schema import EVENT_COLUMNS, TABLES, quoted
from events.store import Store

DTYPES = {c.name: c.dtype for c in EVENT_COLUMNS}


def empty(table: str = "events") -> pd.DataFrame:
    """An empty frame with a table's declared columns and dtypes."""
    return typed(pd.DataFrame({c.name: [] for c in TABLES[table]}), table)


def typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """``df`` with a table's declared columns, in order and of their dtypes, on a fresh index."""
    out = {}
    for c in TABLES[table]:
        col = df[c.name]
        if c.dtype.startswith("datetime64"):
            out[c.name] = pd.to_datetime(col, errors="coerce", format="ISO8601").astype(c.dtype)
        elif c.dtype == "boolean":
            out[c.name] = col.astype("boolean")
        else:
            out[c.name] = col.astype(c.dtype)
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def load(store: Store, table: str = "events") -> pd.DataFrame:
    """Every row of a table as a typed DataFrame (columns in declared order)."""
    names = [c.name for c in TABLES[table]]
    rows = store.query(f"SELECT {quoted(names)} FROM {table}")
    if not rows:
        return empty(table)
    return typed(pd.DataFrame.from_records(rows, columns=names), table)
