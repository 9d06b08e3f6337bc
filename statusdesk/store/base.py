"""The plumbing every part of the store shares: one connection, one transaction.

Each part (incidents, deliveries, channels, ...) holds the same `Database`, so a
`transaction()` opened on any of them, or on the store that composes them, makes the writes of
several parts one all-or-nothing unit (an update and its deliveries). Two databases speak this
protocol: `SQLiteDatabase` here (the embedded default) and `PostgresDatabase`
(store/postgres/database.py, a team desk, issue #17). The parts write their SQL once, with
SQLite's placeholders (`?`, `:name`); where the two dialects differ a part picks its text by
`dialect` ("sqlite" or "postgres").
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from statusdesk.store.db import WorkspaceError, describe_sqlite_error

if TYPE_CHECKING:
    import sqlite_utils


Dialect = Literal["sqlite", "postgres"]


class Cursor(Protocol):
    """What the parts read of an executed statement (sqlite3's and psycopg's cursors both)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Any: ...


class Database(Protocol):
    """One connection to one workspace's database, as the store's parts use it."""

    @property
    def dialect(self) -> Dialect: ...

    def transaction(self) -> contextlib.AbstractContextManager[None]: ...

    def execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Iterable[Any] | dict[str, Any]]) -> None: ...

    def rows(
        self, sql: str, params: Iterable[Any] | dict[str, Any] = ()
    ) -> list[dict[str, Any]]: ...

    def tuples(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]: ...

    def insert(self, table: str, record: dict[str, Any]) -> int: ...

    def close(self) -> None: ...


def _still_open(conn: sqlite3.Connection) -> bool:
    """Whether `conn` is inside a transaction now. A function, so that a type checker that saw
    `in_transaction` false before a `yield` does not take it as false after."""
    return conn.in_transaction


class SQLiteDatabase:
    """One connection to one workspace database. Not shared between threads: open another."""

    dialect: Dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    def execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params if isinstance(params, dict) else tuple(params))

    def executemany(self, sql: str, rows: Iterable[Iterable[Any] | dict[str, Any]]) -> None:
        self.conn.executemany(sql, (r if isinstance(r, dict) else tuple(r) for r in rows))

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, made on first use: importing it costs about
        80 ms, which the window's start-up (reads only) need not pay."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing writes; the write lock is taken up front (BEGIN IMMEDIATE).

        Nested use joins the outer transaction.
        """
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise WorkspaceError(describe_sqlite_error(exc, self.path)) from exc
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            if _still_open(conn):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise WorkspaceError(describe_sqlite_error(exc, self.path)) from exc
            raise

    def rows(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params if isinstance(params, dict) else tuple(params))
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(describe_sqlite_error(exc, self.path)) from exc
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def tuples(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """Plain row tuples, for the bulk reads (an export) where a dict per row costs."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(describe_sqlite_error(exc, self.path)) from exc

    def insert(self, table: str, record: dict[str, Any]) -> int:
        # sqlite-utils quotes names ("update" is a keyword) and nests in our transaction
        # through a savepoint.
        last_pk = self.db.table(table).insert(record).last_pk
        assert isinstance(last_pk, int)
        return last_pk


class SQLitePart:
    """A part of the store over the shared database, whichever it is: the queries read as they
    did in one class (`self._rows`, `self._execute`, `self.transaction()`)."""

    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def _dialect(self) -> Dialect:
        return self._database.dialect

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        return self._database.transaction()

    def _nocase(self, column: str) -> str:
        """`column` compared and ordered whatever its case (an ORDER BY term)."""
        return f"{column} COLLATE NOCASE" if self._dialect == "sqlite" else f"lower({column})"

    def _same_nocase(self, column: str) -> str:
        """ "`column` equals the next `?` whatever its case", in a form each backend's
        case-blind unique index on `column` answers (COLLATE NOCASE; lower())."""
        if self._dialect == "sqlite":
            return f"{column} = ? COLLATE NOCASE"
        return f"lower({column}) = lower(?)"

    def _execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> Cursor:
        return self._database.execute(sql, params)

    def _executemany(self, sql: str, rows: Iterable[Iterable[Any] | dict[str, Any]]) -> None:
        self._database.executemany(sql, rows)

    def _rows(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        return self._database.rows(sql, params)

    def _insert(self, table: str, record: dict[str, Any]) -> int:
        return self._database.insert(table, record)
