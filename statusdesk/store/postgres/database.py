"""One connection to a workspace on PostgreSQL (psycopg 3), as the store's parts use it: the
`Database` protocol of store/base.py.

Writers take turns, as on SQLite: `transaction()` begins and takes a transaction-level advisory
lock on the workspace before the first statement, so two desks or runners writing at once are
serialised exactly as SQLite's BEGIN IMMEDIATE serialises them, and every read-then-write the
parts do inside a transaction (a claim, a lease's hand-over, a scheduled update's firing) sees
no other writer between its read and its write. Reads outside a transaction run on their own
(autocommit) and never wait for a writer.

Messages name the server as user@host:port/database: a password written in the URL never
reaches an error, a log or the screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from statusdesk import redact
from statusdesk.store.base import Dialect
from statusdesk.store.db import WorkspaceError
from statusdesk.store.postgres.notify import NOTIFY
from statusdesk.store.postgres.placeholders import pyformat

if TYPE_CHECKING:
    import psycopg

# The advisory lock every write transaction takes: one number for "this workspace's writes"
# (a database holds one workspace). Arbitrary but fixed: b"sdsk" read as an integer.
WRITE_LOCK = 0x7364736B
# Sent as one query each (statements without parameters: the simple protocol takes several).
BEGIN_LOCKED = f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})"
NOTIFY_COMMIT = f"{NOTIFY}; COMMIT"


def where(url: str) -> str:
    """`url` as user@host:port/database, without its password or options."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # an unreadable URL: say nothing of it that could be a secret
        return "the PostgreSQL server"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"{user}{parts.get('host') or 'localhost'}{port}/{parts.get('dbname') or ''}"


def describe_postgres_error(error: Exception, url: str, *secrets: str) -> str:
    from statusdesk.core.words import QT_TRANSLATE_NOOP

    for password in (_password(url), *secrets):
        redact.remember(password or None)  # held by this process: redacted wherever it goes
    text = _server_said(error)
    if "password" in text.lower() and "no password supplied" in text.lower():
        return QT_TRANSLATE_NOOP(
            "Problems",
            "{server} asks for a password and none was found. Keep it in the keyring "
            "(statusdesk db password URL) or in ~/.pgpass, then try again.",
        ).format(server=where(url))
    if "ssl error" in text.lower() or "certificate" in text.lower():
        return QT_TRANSLATE_NOOP(
            "Problems",
            "The workspace database {server} could not be used over TLS: {error}. Check that "
            "the URL's sslrootcert names the CA that signed the server's certificate and that "
            "its host is the one the certificate names, then try again; nothing was changed.",
        ).format(server=where(url), error=text)
    return QT_TRANSLATE_NOOP(
        "Problems",
        "The workspace database {server} could not be used: {error}. Check that the server "
        "is up and reachable from here and that the URL names it, then try again; nothing was "
        "changed.",
    ).format(server=where(url), error=text)


def _server_said(error: Exception) -> str:
    """The first line of what the server (or libpq) said, redacted like any text from outside:
    a server may quote what it was sent."""
    said = str(error).splitlines()[0] if str(error) else type(error).__name__
    return redact.redact(said)


def describe_refusal(error: Exception, url: str) -> str:
    """A write the server refused to this desk's role (roles.sql: statusdesk_read, or
    statusdesk_review writing anything but a decision on a review)."""
    from statusdesk.core.words import QT_TRANSLATE_NOOP

    text = _server_said(error)
    return QT_TRANSLATE_NOOP(
        "Problems",
        "{server} refused this change ({error}): the role this desk signs in as may not make "
        "it (a reader's may only read; a reviewer's may only approve or return updates "
        "submitted for review). Nothing was changed. Reading and exporting still work; to "
        "write, sign in as a role in statusdesk_publish (docs/TEAM.md).",
    ).format(server=where(url), error=text)


def _password(url: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return str(conninfo_to_dict(url).get("password") or "")
    except Exception:
        return ""


_WRITES = frozenset({"INSERT", "UPDATE", "DELETE"})


def _plain(value: Any) -> Any:
    # The schema keeps flags as integers, as SQLite does; psycopg would send a bool as boolean.
    return int(value) if isinstance(value, bool) else value


def _params(params: Iterable[Any] | dict[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
    if isinstance(params, dict):
        return {key: _plain(value) for key, value in params.items()}
    return tuple(_plain(value) for value in params)


class Fetched:
    """What a statement gave, read in full before its connection goes back to a pool: the
    parts read `rowcount`, `description`, `fetchone()`, `fetchall()` or iterate, as on SQLite."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self.description = cursor.description
        self.rowcount = cursor.rowcount
        self._rows: list[Any] = cursor.fetchall() if cursor.description is not None else []
        self._next = 0

    def fetchone(self) -> Any:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list[Any]:
        rest, self._next = self._rows[self._next :], len(self._rows)
        return rest

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PostgresDatabase:
    """One connection, held from `connect` to `close` (the commands that set a database up, a
    listener). The desk's stores borrow theirs from a pool instead (pool.PooledDatabase)."""

    dialect: Dialect = "postgres"

    def __init__(self, conn: psycopg.Connection[Any] | None, url: str) -> None:
        self._conn = conn
        self.url = url
        self._depth = 0
        self._held: psycopg.Connection[Any] | None = None  # a transaction's, while it lasts

    @property
    def conn(self) -> psycopg.Connection[Any]:
        """The connection this database holds (COPY, a script): never a pooled one's."""
        if self._conn is None:
            raise RuntimeError("a pooled database holds no connection of its own")
        return self._conn

    @classmethod
    def connect(cls, url: str, password: str | None = None) -> PostgresDatabase:
        """A connection to `url`; `password` (the keyring's) when the server asks for one."""
        import psycopg

        try:
            conn = psycopg.connect(url, **cls.options(password))
        except psycopg.Error as error:
            raise WorkspaceError(describe_postgres_error(error, url, password or "")) from None
        return cls(conn, url)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    @staticmethod
    def options(password: str | None) -> dict[str, Any]:
        """How every connection is made, pooled or not: autocommit (transactions are ours),
        values bound on the client as SQLite binds them (a value's type is its literal's, so
        "? IS NULL" with None and "? = 'sent'" need no declared types), and the keyring's
        password."""
        import psycopg

        made: dict[str, Any] = {"autocommit": True, "cursor_factory": psycopg.ClientCursor}
        if password:
            made["password"] = password
        return made

    @contextlib.contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        """The connection a statement runs on: the transaction's while one is open, else this
        database's own (a pooled database borrows one for the statement)."""
        yield self._held if self._held is not None else self.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing writes, one writer at a time; nested use joins the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        import psycopg

        with self._connection() as conn:
            try:
                # One round trip each for the start and the end, not two: the writers' lock
                # is held across every round trip of the transaction (bench/team.py).
                conn.execute(BEGIN_LOCKED)
            except psycopg.Error as error:
                _rollback(conn)
                raise WorkspaceError(describe_postgres_error(error, self.url)) from error
            self._depth, self._held = 1, conn
            try:
                yield
                # Every desk listening hears of it once this commits (notify.py: live views).
                conn.execute(NOTIFY_COMMIT)
            except BaseException as error:
                _rollback(conn)
                if isinstance(error, psycopg.OperationalError):
                    raise WorkspaceError(describe_postgres_error(error, self.url)) from error
                raise
            finally:
                self._depth, self._held = 0, None

    def run_script(self, script: str) -> None:
        """Statements without parameters, sent as one (a migration), inside `transaction()`."""
        with self._connection() as conn:
            conn.execute(script)

    @contextlib.contextmanager
    def _statement(self) -> Iterator[psycopg.Connection[Any]]:
        """The connection a statement runs on, and what the server may answer said as the
        desk says it: a write refused to a reader's role, a connection lost or refused."""
        import psycopg

        try:
            with self._connection() as conn:
                yield conn
        except psycopg.errors.InsufficientPrivilege as error:
            raise WorkspaceError(describe_refusal(error, self.url)) from None
        except psycopg.OperationalError as error:
            raise WorkspaceError(describe_postgres_error(error, self.url)) from error

    def execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> Fetched:
        with self._statement() as conn:
            fetched = Fetched(conn.execute(pyformat(sql), _params(params)))
            self._announce_alone(conn, sql)
        return fetched

    def executemany(self, sql: str, rows: Iterable[Iterable[Any] | dict[str, Any]]) -> None:
        with self._statement() as conn, conn.cursor() as cursor:
            cursor.executemany(pyformat(sql), [_params(row) for row in rows])
            self._announce_alone(conn, sql)

    def _announce_alone(self, conn: psycopg.Connection[Any], sql: str) -> None:
        """A write made outside `transaction()` committed on its own: say so, as a transaction's
        commit does (notify.py)."""
        if self._depth == 0 and sql.lstrip().split(None, 1)[0].upper() in _WRITES:
            conn.execute(NOTIFY)

    def rows(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        fetched = self.execute(sql, params)
        if fetched.description is None:
            return []
        names = [column.name for column in fetched.description]
        return [dict(zip(names, row, strict=True)) for row in fetched.fetchall()]

    def tuples(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self.execute(sql, params).fetchall()

    def insert(self, table: str, record: dict[str, Any]) -> int:
        from psycopg import sql

        names = list(record)
        statement = sql.SQL("INSERT INTO {} ({}) VALUES ({}) RETURNING id").format(
            sql.Identifier(table),
            sql.SQL(", ").join(sql.Identifier(name) for name in names),
            sql.SQL(", ").join(sql.Placeholder() for _ in names),
        )
        with self._statement() as conn:
            row = conn.execute(statement, _params(record.values())).fetchone()
            self._announce_alone(conn, "INSERT")
        assert row is not None
        return int(row[0])


def _rollback(conn: psycopg.Connection[Any]) -> None:
    import psycopg

    with contextlib.suppress(psycopg.Error):
        if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            conn.execute("ROLLBACK")
