"""Where a workspace's records live, and the commands that set a database up (issue #17):
`statusdesk db init | migrate | copy --to URL | password URL`. Qt-free; the CLI calls these,
and the Desk opens its store through `open_store`.

A workspace is a folder on this machine (its secrets stay in the keyring, its logs, exports and
local status page in the folder) whose records are either in the folder's SQLite file, the
embedded default, or on a PostgreSQL server shared by a team (`--db postgresql://…`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.secrets import KeyringSecrets
from statusdesk.store import Store
from statusdesk.store.db import WorkspaceError
from statusdesk.workspace import STORE_URL, WorkspacePaths, peek_local_setting

if TYPE_CHECKING:
    from statusdesk.app.changes import ChangeSource
    from statusdesk.store.postgres.pool import PostgresPool


class StoreOpener:
    """How this process opens (more) connections to the workspace's records: SQLite files
    opened as they are needed, or a pool of connections to the team's PostgreSQL server, made
    by the first and closed by `close`."""

    def __init__(self, paths: WorkspacePaths, url: str | None, secrets: KeyringSecrets) -> None:
        self.paths = paths
        self.url = url  # a PostgreSQL database, or None: the folder's SQLite file
        self.secrets = secrets
        self._pool: PostgresPool | None = None
        self._login: tuple[str, str | None] | None = None  # the URL checked, its password
        self._lock = threading.Lock()

    def first(self, *, verify: bool = True, check_every: float | None = None) -> Store:
        """The first connection: checked and migrated (SQLite's integrity check when due)."""
        if self.url is None:
            return Store.open(self.paths.db, verify=verify, check_every=check_every)
        with self._named_by_the_folder():
            return self._postgres(migrate=verify)

    def another(self) -> Store:
        """One more connection, for another thread, once `first` has migrated: on a team desk
        a store over the pool, which asks the server nothing until it is used."""
        if self.url is None:
            return Store.open(self.paths.db, verify=False)
        return self._postgres(migrate=False)

    def open_pool(self) -> StoreOpener:
        """Make a team desk's pool now (connections to the server, the keyring's password):
        from a thread that may wait on the network, before the GUI thread opens its Desk on
        this opener. Nothing for SQLite."""
        if self.url is not None:
            with self._named_by_the_folder():
                self._the_pool()
        return self

    @contextlib.contextmanager
    def _named_by_the_folder(self) -> Iterator[None]:
        """A team database that cannot be opened, when the folder's store.url named it: the
        message also says how to open the folder's own file, or forget the setting, without
        the server (a person who set it once may not remember doing so)."""
        try:
            yield
        except WorkspaceError as error:
            if peek_local_setting(self.paths.db, STORE_URL) != self.url:
                raise
            raise WorkspaceError(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{problem} This folder's store.url setting names that database: `statusdesk "
                    "--db local` opens the folder's own file instead, and `statusdesk --db local "
                    'setting set store.url ""` forgets it.',
                ).format(problem=error.args[0] if error.args else str(error))
            ) from error

    def _postgres(self, *, migrate: bool) -> Store:
        from statusdesk.store.postgres.store import PostgresStore

        return PostgresStore.over(self._the_pool().database(), migrate=migrate, checked=True)

    def _credentials(self) -> tuple[str, str | None]:
        """The URL, checked, and the keyring's password for it: read once."""
        if self._login is None:
            from statusdesk.store.postgres.login import check_url, password_for

            url = check_url(self.url or "")
            self._login = (url, password_for(url, self.secrets))
        return self._login

    def _the_pool(self) -> PostgresPool:
        with self._lock:
            if self._pool is None:
                from statusdesk.store.postgres.pool import PostgresPool

                self._pool = PostgresPool(*self._credentials()).open()
            return self._pool

    def changes(self) -> ChangeSource | None:
        """Where a team desk hears of others' writes (the server's announcements); None for
        SQLite, whose views ask `PRAGMA data_version` (app/changes.py)."""
        if self.url is None:
            return None
        from statusdesk.app.changes import NotifiedChanges

        with self._lock:
            url, password = self._credentials()
        return NotifiedChanges(url, password)

    def close(self) -> None:
        """The pool's connections, once every store taken from it is closed."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def where(self) -> str:
        """The records' place as a person reads it (never with a password)."""
        if self.url is None:
            return str(self.paths.db)
        from statusdesk.store.postgres.database import where

        return where(self.url)


@dataclass(frozen=True)
class Initialised:
    where: str
    migrations: int  # how many versions were applied (0: it was up to date)
    version: int


def initialise(opener: StoreOpener) -> Initialised:
    """`db init` and `db migrate`: bring the records' schema to this statusdesk's version
    (creating it in an empty database). A database from a newer statusdesk is refused."""
    if opener.url is None:
        from statusdesk.store.db import open_database
        from statusdesk.store.schema import MIGRATIONS

        before = _sqlite_version(opener.paths.db)
        conn, _backup = open_database(opener.paths.db)
        conn.close()
        return Initialised(opener.where(), len(MIGRATIONS) - before, len(MIGRATIONS))
    from statusdesk.store.postgres.database import PostgresDatabase
    from statusdesk.store.postgres.login import check_url, password_for
    from statusdesk.store.postgres.schema import MIGRATIONS as POSTGRES
    from statusdesk.store.postgres.store import upgrade

    url = check_url(opener.url)
    database = PostgresDatabase.connect(url, password_for(url, opener.secrets))
    try:
        applied = upgrade(database)
    finally:
        database.close()
    return Initialised(opener.where(), applied, len(POSTGRES))


def _sqlite_version(path: Path) -> int:
    import sqlite3

    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@dataclass(frozen=True)
class Copied:
    to: str
    tables: list[tuple[str, int]]  # each table and its rows, all matching


def copy_to(
    paths: WorkspacePaths,
    url: str,
    secrets: KeyringSecrets,
    progress: Callable[[str, int], None] = lambda table, rows: None,
) -> Copied:
    """`db copy --to URL`: the folder's SQLite workspace into an empty PostgreSQL database,
    compared table by table after (store/postgres/copy.py)."""
    from statusdesk.store.postgres.copy import copy_workspace
    from statusdesk.store.postgres.database import PostgresDatabase, where
    from statusdesk.store.postgres.login import check_url, password_for

    checked_url = check_url(url)
    source = Store.open(paths.db)  # checked and migrated first, as any open does
    target = PostgresDatabase.connect(checked_url, password_for(checked_url, secrets))
    try:
        checks = copy_workspace(source.conn, paths.db, target, progress)
    finally:
        target.close()
        source.close()
    return Copied(where(checked_url), [(check.table, check.rows) for check in checks])


def keep_password(url: str, password: str, secrets: KeyringSecrets) -> str:
    """`db password URL`: the server's password into the keyring; returns whose it is."""
    from statusdesk.store.postgres.database import where
    from statusdesk.store.postgres.login import KEYRING_CHANNEL, check_url

    server = where(check_url(url))
    secrets.set(KEYRING_CHANNEL, server, password)
    return server
