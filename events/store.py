"""The event store: one SQLite file (WAL mode) holding articles, places, claims and events.

Each article is written in one transaction, with its places, claims and
events, so a crash never leaves half an article. An article keeps its
given id (else a hash of its content): storing the same article again
changes nothing, and a changed article replaces its own rows. Several
processes may write at once; SQLite serialises them, each waiting up to
``timeout`` seconds for the write lock.
"""
from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import platformdirs

from events.exc import StoreBusyError, StoreError
from events.schema import TABLES, ClaimRow, Event, PlaceRow, quoted
from parsing.articles import Article

ENV_PATH = "SITREP_DB"

_INDEXES = """
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_admin1 ON events(country, admin1);
CREATE INDEX places_article ON places(article_id);
CREATE INDEX claims_article ON claims(article_id);
CREATE UNIQUE INDEX ingest_errors_key ON ingest_errors(input, line, reason);
"""


def _create_table(name: str) -> str:
    cols = ", ".join(f'"{c.name}" {c.sql}' for c in TABLES[name])
    return f"CREATE TABLE {name}({cols});"


#: Schema migrations, in order; ``PRAGMA user_version`` counts those applied. The first
#: creates the tables as :mod:`events.schema` declares them now, so a later ``ADD COLUMN``
#: is skipped where the column is already there.
MIGRATIONS: tuple[str, ...] = (
    "\n".join(_create_table(t) for t in TABLES) + _INDEXES,
    "ALTER TABLE events ADD COLUMN claimant_role TEXT",
    "ALTER TABLE events ADD COLUMN admin1_code TEXT",
)
_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", re.I)


def default_path() -> Path:
    """``$SITREP_DB``, else ``events.sqlite`` in the user data directory."""
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("sitrep")) / "events.sqlite"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@contextmanager
def _errors(path: Path, doing: str) -> Iterator[None]:
    """Any SQLite error in this block as a :class:`StoreError` naming the file."""
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot {doing} ({exc})") from exc


class Store:
    """Access to an event store file: read and write (created and migrated on open), or
    with ``readonly=True`` read only, never creating, migrating or locking it."""

    def __init__(self, path: Path | str | None = None, *, timeout: float = 60.0, readonly: bool = False):
        self.path = Path(path) if path else default_path()
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.is_file():
                    raise StoreError(f"{self.path}: no such store")
                self._conn = sqlite3.connect(f"file:{quote(str(self.path.resolve()))}?mode=ro", uri=True,
                                             timeout=timeout, isolation_level=None, check_same_thread=False)
                self._check_schema()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                             check_same_thread=False)
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable Sitrep store ({exc})") from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc.strerror or exc})") from exc

    def _check_schema(self) -> None:
        version = self.schema_version
        if version == 0 and not self._conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            raise StoreError(f"{self.path}: an empty file, not a Sitrep store yet")
        if version != len(MIGRATIONS):
            newer = "newer" if version > len(MIGRATIONS) else "older"
            raise StoreError(f"{self.path} was written by a {newer} Sitrep (schema {version}, this one "
                             f"reads {len(MIGRATIONS)})" + ("; open it once for writing to upgrade it, e.g. "
                                                             f"python -m events stats --db {self.path}"
                                                             if newer == "older" else ""))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema -------------------------------------------------------------

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path} was written by a newer Sitrep (schema {version})")
        if version == len(MIGRATIONS):
            return
        with self._write():
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            for script in MIGRATIONS[version:]:
                for statement in script.split(";"):
                    add = _ADD_COLUMN.match(statement.strip())
                    if add and add.group(2) in {r[1] for r in self._conn.execute(
                            f"PRAGMA table_info({add.group(1)})")}:
                        continue
                    if statement.strip():
                        self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")

    @property
    def schema_version(self) -> int:
        with _errors(self.path, "read"):
            return self._conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing --------------------------------------------------------------

    def _write(self):
        return _Transaction(self._conn, self.path)

    def content_hash(self, article_id: str) -> str | None:
        """The stored content hash of an article, None if it is not stored."""
        with _errors(self.path, "read"):
            row = self._conn.execute("SELECT content_hash FROM articles WHERE id = ?",
                                     (article_id,)).fetchone()
        return row[0] if row else None

    def put(self, article: Article, *, content_hash: str, places: Iterable[PlaceRow] = (),
            claims: Iterable[ClaimRow] = (), events: Iterable[Event] = ()) -> str:
        """Store an article with its rows in one transaction.

        Returns "stored" (new), "replaced" (its content changed) or "unchanged".
        """
        with self._write():
            old = self.content_hash(article.id)
            if old == content_hash:
                return "unchanged"
            if old is not None:
                for table in ("places", "claims", "events"):
                    self._conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
            record = {**article.as_dict(), "content_hash": content_hash,
                      "words": len(article.text.split()), "ingested_at": _now()}
            self._insert("articles", [record], replace=True)
            self._insert("places", [{**p.as_dict(), "article_id": article.id} for p in places])
            self._insert("claims", [{**c.as_dict(), "article_id": article.id} for c in claims], replace=True)
            self._insert("events", [e.as_dict() for e in events], replace=True)
            self._conn.execute("DELETE FROM ingest_errors WHERE article_id = ?", (article.id,))
        return "stored" if old is None else "replaced"

    def record_error(self, *, input: str, line: int, reason: str, article_id: str | None = None) -> None:
        """Record why an input (a file, or one line of it) was rejected; once per input, line and reason."""
        with self._write():
            self._insert("ingest_errors", [{"input": input, "line": line, "article_id": article_id,
                                            "reason": reason, "at": _now()}], replace=True)

    def _insert(self, table: str, rows: list[dict], *, replace: bool = False) -> None:
        if not rows:
            return
        names = [c.name for c in TABLES[table]]
        sql = (f"INSERT {'OR REPLACE ' if replace else ''}INTO {table}("
               + quoted(names) + ") VALUES (" + ", ".join("?" * len(names)) + ")")
        self._conn.executemany(sql, [tuple(r.get(n) for n in names) for r in rows])

    # -- reading --------------------------------------------------------------

    def rows(self, table: str, *, order_by: str | None = None, batch: int = 2000) -> Iterator[dict]:
        """Every row of a table as a dict, streamed."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        names = [c.name for c in TABLES[table]]
        sql = f"SELECT {quoted(names)} FROM {table}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        with _errors(self.path, "read"):
            cur = self._conn.execute(sql)
            while chunk := cur.fetchmany(batch):
                for row in chunk:
                    yield dict(zip(names, row))

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Rows of a read-only SQL query (for the table loader and stats)."""
        with _errors(self.path, "read"):
            return self._conn.execute(sql, params).fetchall()

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.query(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}

    def stats(self) -> dict:
        """Counts by table, events by country and admin1, and the events' date range."""
        by_country = self.query(
            "SELECT coalesce(country, '(none)'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC")
        by_admin1 = self.query(
            "SELECT coalesce(country, '(none)'), coalesce(admin1, '(none)'), count(*) FROM events "
            "GROUP BY 1, 2 ORDER BY 3 DESC")
        first, last = self.query("SELECT min(event_date), max(event_date) FROM events")[0]
        return {"path": str(self.path), "schema_version": self.schema_version,
                "counts": self.counts(),
                "events_by_country": dict(by_country),
                "events_by_admin1": [{"country": c, "admin1": a, "events": n} for c, a, n in by_admin1],
                "event_dates": {"first": first, "last": last}}


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn, self.path = conn, path

    def __enter__(self):
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusyError(
                    f"{self.path}: another process is writing and did not finish in time") from exc
            raise StoreError(f"{self.path}: cannot write ({exc})") from exc
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as err:
                self._rollback()
                raise StoreError(f"{self.path}: cannot write ({err})") from err
        else:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: cannot write ({exc})") from exc
        return False

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the transaction is gone already (SQLite rolled it back itself on a full disk)
