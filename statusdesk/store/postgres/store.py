"""A workspace on PostgreSQL (issue #17): the same parts as the SQLite store, over
`PostgresDatabase`, and the schema's versions kept in a table of their own.

    store = PostgresStore.open_url("postgresql://desk@db.example/statusdesk")

`open` migrates a database that is behind (`statusdesk db migrate`; an empty database is
initialised, `statusdesk db init`) and refuses one written by a newer statusdesk, as the SQLite
store does. Migrations hold the workspace's write lock, so desks and runners starting together
apply each version once.
"""

from __future__ import annotations

from collections.abc import Sequence

from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.store.db import WorkspaceError
from statusdesk.store.postgres.database import PostgresDatabase, where
from statusdesk.store.postgres.schema import MIGRATIONS
from statusdesk.store.repo import Store

VERSION_TABLE = "statusdesk_schema"


class PostgresStore(Store):
    """One connection to one workspace on PostgreSQL, and the parts over it. Not shared between
    threads: open another."""

    def __init__(self, database: PostgresDatabase) -> None:
        self.database = database
        self.url = database.url
        super().__init__(database)

    @classmethod
    def open_url(
        cls, url: str, *, migrate: bool = True, password: str | None = None
    ) -> PostgresStore:
        """The workspace at `url`, brought to the newest schema unless `migrate` is False (a
        further connection to a workspace this process has opened already); `password` when
        the server asks for one (login.py says where it comes from)."""
        return cls.over(PostgresDatabase.connect(url, password), migrate=migrate)

    @classmethod
    def over(
        cls, database: PostgresDatabase, *, migrate: bool = True, checked: bool = False
    ) -> PostgresStore:
        """The store over a connection already made (one of a pool's); migrated as `open_url`
        says, or — `checked`, a further store of a workspace this process has opened and
        migrated already — not asked anything at all (no round trip per store). Closing the
        store closes the connection, or gives it back to its pool."""
        try:
            if migrate:
                upgrade(database)
            elif not checked:
                refuse_newer(database, schema_version(database))
        except BaseException:
            database.close()
            raise
        return cls(database)


def schema_version(database: PostgresDatabase) -> int:
    """The version a database is at: 0 for an empty one."""
    rows = database.rows(
        "SELECT to_regclass(:table) IS NOT NULL AS present", {"table": VERSION_TABLE}
    )
    if not rows[0]["present"]:
        return 0
    found = database.rows(f"SELECT version FROM {VERSION_TABLE}")
    return int(found[0]["version"]) if found else 0


def refuse_newer(database: PostgresDatabase, version: int, target: int = len(MIGRATIONS)) -> None:
    if version > target:
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The workspace database {server} was written by a newer statusdesk (schema "
                "{version}, this one knows {target}). Upgrade statusdesk to open it.",
            ).format(server=where(database.url), version=version, target=target)
        )


def upgrade(database: PostgresDatabase, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Apply the migrations a database lacks, all in one transaction (PostgreSQL's DDL is
    transactional: a failure leaves the database as it was); returns how many. A database
    already up to date is only read: no lock taken, nothing announced to the other desks, and a
    reader's role may open it."""
    current = schema_version(database)
    refuse_newer(database, current, len(migrations))
    if current == len(migrations):
        return 0
    applied = 0
    with database.transaction():  # the write lock: one process migrates, the others wait
        version = schema_version(database)
        refuse_newer(database, version, len(migrations))
        if version == 0:
            database.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER)")
            database.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
        for number in range(version + 1, len(migrations) + 1):
            # No parameters: psycopg sends the script as one simple query, statements and all.
            database.run_script(migrations[number - 1])
            database.execute(f"UPDATE {VERSION_TABLE} SET version = ?", (number,))
            applied += 1
    return applied
