"""A team desk's connections (issue #17): kept open in a pool (psycopg_pool) and borrowed
for one statement or one transaction at a time.

A new connection to a server across the network, with its TLS and password exchange, costs
far more than the short tasks the desk and its delivery workers do (bench/team_connections.py:
16x). And a thread holds a connection only while a statement or a transaction runs, never
while it waits on a channel's server: sixteen delivery workers posting to slow webhooks hold
none, so a small pool serves them, and no worker waits on the pool for a connection another
worker keeps while it waits for one too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from statusdesk.store.db import WorkspaceError
from statusdesk.store.postgres.database import PostgresDatabase, describe_postgres_error

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

BORROW_WAIT_S = 30  # a deadline for a free connection (a server at its limit), then a message


class PooledDatabase(PostgresDatabase):
    """The store's database over a pool: each statement (or transaction) on a connection
    borrowed for it and given back, rolled back if anything was left open."""

    def __init__(self, pool: PostgresPool) -> None:
        super().__init__(None, pool.url)
        self._pool = pool

    @contextlib.contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        if self._held is not None:
            yield self._held
            return
        with self._pool.borrow() as conn:
            yield conn

    def close(self) -> None:
        """Nothing held between statements: nothing to give back."""


class PostgresPool:
    def __init__(self, url: str, password: str | None, most: int = 20) -> None:
        from psycopg_pool import ConnectionPool

        self.url = url
        self._password = password
        self._pool: ConnectionPool[Any] = ConnectionPool(
            url,
            kwargs=PostgresDatabase.options(password),
            min_size=1,
            max_size=most,
            open=False,
            name="statusdesk",
        )

    def open(self) -> PostgresPool:
        """Opens the pool once one connection has been made by hand: a server that is down or
        refuses the password is said at once, in its own words, rather than after the pool's
        retries time out."""
        PostgresDatabase.connect(self.url, self._password).close()
        self._pool.open(wait=True, timeout=BORROW_WAIT_S)
        return self

    @contextlib.contextmanager
    def borrow(self) -> Iterator[psycopg.Connection[Any]]:
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            conn = self._pool.getconn(timeout=BORROW_WAIT_S)
        except (PoolTimeout, psycopg.OperationalError) as error:
            raise WorkspaceError(
                describe_postgres_error(error, self.url, self._password or "")
            ) from None
        try:
            yield conn
        finally:
            self._pool.putconn(conn)

    def database(self) -> PooledDatabase:
        """The store's database over this pool."""
        return PooledDatabase(self)

    def close(self) -> None:
        self._pool.close()
