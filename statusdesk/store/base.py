"""The SQLite plumbing every part of the store shares: one connection, one transaction.

Each part (incidents, deliveries, channels, ...) holds the same `SQLiteDatabase`, so a
`transaction()` opened on any of them, or on the `Store` that composes them, makes the writes
of several parts one all-or-nothing unit (an update and its deliveries).
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from statusdesk.store.db import WorkspaceError, describe_sqlite_error

if TYPE_CHECKING:
    import sqlite_utils


def _still_open(conn: sqlite3.Connection) -> bool:
    """Whether `conn` is inside a transaction now. A function, so that a type checker that saw
    `in_transaction` false before a `yield` does not take it as false after."""
    return conn.in_transaction


class SQLiteDatabase:
    """One connection to one workspace database. Not shared between threads: open another."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

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
    """A part of the store over the shared database: the queries read as they did in one
    class (`self._rows`, `self.conn`, `self.transaction()`)."""

    def __init__(self, database: SQLiteDatabase) -> None:
        self._database = database

    @property
    def conn(self) -> sqlite3.Connection:
        return self._database.conn

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        return self._database.transaction()

    def _rows(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        return self._database.rows(sql, params)

    def _insert(self, table: str, record: dict[str, Any]) -> int:
        return self._database.insert(table, record)
