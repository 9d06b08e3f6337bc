"""The workspace's store: one `Store` composing its parts (incidents, deliveries, channels, ...)
over one connection to its database. Callers pass `now`; nothing here reads a clock.

`Store` is what every caller holds, whichever database is behind it: `SQLiteStore` (here, the
embedded default: `Store.open(path)`) or `PostgresStore` (store/postgres/store.py, a team
desk). The parts' interfaces are the Protocols of store/contracts.py; `Store`'s attributes are
typed by them, so what a caller may use is what any backend provides.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, Dialect, SQLiteDatabase
from statusdesk.store.channels import SQLiteChannels
from statusdesk.store.components import SQLiteComponents
from statusdesk.store.contracts import (
    ChannelStore,
    ComponentStore,
    DeliveryStore,
    DraftStore,
    EventLog,
    IncidentStore,
    LedgerStore,
    PresenceStore,
    ReviewStore,
    ScheduleStore,
    SettingStore,
    StoreContract,
    SubscriberStore,
    ThreadStore,
)
from statusdesk.store.db import integrity_check, open_database
from statusdesk.store.deliveries import SQLiteDeliveries
from statusdesk.store.drafts import SQLiteDrafts
from statusdesk.store.incidents import SQLiteIncidents
from statusdesk.store.ledger import SQLiteLedger
from statusdesk.store.presence import SQLitePresence
from statusdesk.store.reviews import SQLiteReviews
from statusdesk.store.schedule import SQLiteSchedule
from statusdesk.store.settings import SQLiteSettings
from statusdesk.store.subscribers import SQLiteSubscribers
from statusdesk.store.threads import SQLiteThreads

if TYPE_CHECKING:
    import sqlite_utils


class Store:
    """The store's parts over one `Database` (either backend's) and the transaction they
    share. Not shared between threads: open another."""

    def __init__(self, database: Database) -> None:
        self._database = database
        audit = SQLiteAuditLog(database)
        channels = SQLiteChannels(database, audit)
        ledger = SQLiteLedger(database, audit)
        self.audit: EventLog = audit
        self.incidents: IncidentStore = SQLiteIncidents(database, audit)
        self.components: ComponentStore = SQLiteComponents(database, audit)
        self.schedule: ScheduleStore = SQLiteSchedule(database, audit, channels)
        self.deliveries: DeliveryStore = SQLiteDeliveries(database, audit, ledger)
        self.ledger: LedgerStore = ledger
        self.channels: ChannelStore = channels
        self.settings: SettingStore = SQLiteSettings(database, audit)
        self.subscribers: SubscriberStore = SQLiteSubscribers(database, audit)
        self.drafts: DraftStore = SQLiteDrafts(database)
        self.threads: ThreadStore = SQLiteThreads(database)
        self.reviews: ReviewStore = SQLiteReviews(database, audit)
        self.presence: PresenceStore = SQLitePresence(database)

    def close(self) -> None:
        self._database.close()

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """All-or-nothing writes across every part, one writer at a time (SQLite's BEGIN
        IMMEDIATE; PostgreSQL's transaction-level advisory lock). Nested use joins the outer
        transaction."""
        return self._database.transaction()

    @property
    def dialect(self) -> Dialect:
        """ "sqlite" or "postgres": for a read model whose SQL says one thing to each."""
        return self._database.dialect

    def read(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only query written for both backends (a read model's)."""
        return self._database.rows(sql, params)

    def read_tuples(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """Plain row tuples, for the bulk reads where a dict per row costs."""
        return self._database.tuples(sql, params)

    def data_version(self) -> int:
        """A number that changes when another connection has written to the workspace since
        this one last asked, so a view re-reads only then: SQLite's `PRAGMA data_version`
        (SQLiteStore). A team desk on PostgreSQL is told instead (LISTEN/NOTIFY,
        app/changes.NotifiedChanges) and never asks."""
        raise NotImplementedError("a team desk hears of changes: app/changes.NotifiedChanges")

    @staticmethod
    def open(
        path: Path,
        *,
        verify: bool = True,
        check_every: float | None = None,
        prechecked: Callable[[Path], list[str] | None] | None = None,
    ) -> SQLiteStore:
        """The embedded default: the workspace's SQLite file at `path` (SQLiteStore.open)."""
        return SQLiteStore.open(path, verify=verify, check_every=check_every, prechecked=prechecked)


class SQLiteStore(Store):
    """The embedded default: one connection to one workspace's SQLite file, and the parts over
    it. Not shared between threads: open another."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._sqlite = SQLiteDatabase(conn, path)
        super().__init__(self._sqlite)

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection (made on first use)."""
        return self._sqlite.db

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        verify: bool = True,
        check_every: float | None = None,
        prechecked: Callable[[Path], list[str] | None] | None = None,
    ) -> SQLiteStore:
        """Open a workspace database; `verify=False` skips the integrity check and migrations
        for a further connection to a workspace this process has already opened;
        `check_every` runs the integrity check only if none passed that recently (db.check_due);
        `prechecked` gives the answer of a check already run (db.open_database)."""
        conn, _backup = open_database(
            path, verify=verify, check_every=check_every, prechecked=prechecked
        )
        return cls(conn, Path(path))

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: it changes when any other connection (another thread
        or process) has committed to the database since this connection last asked; this
        connection's own writes leave it alone. Cheap: no page of the file is read."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def full_integrity_check(self) -> list[str]:
        """The slow, complete check (run on demand or in the background)."""
        return integrity_check(self.conn)


if TYPE_CHECKING:
    # mypy checks here that the SQLite store is the whole contract (tests/contract/ runs it).
    _: type[StoreContract] = Store
    __: type[StoreContract] = SQLiteStore
