"""The store's contract, run against every backend (statusdesk/store/contracts.py).

These tests speak only the Protocols of `statusdesk.store.contracts`: `StoreContract` and its
parts. A `Backend` knows how to make a fresh, migrated workspace and how to open a further
connection to it (for what two processes do at once: racing claims, a second reader). Two
backends: "sqlite", a workspace file in the test's folder, and "postgres", a database of its
own on a real PostgreSQL server the session starts (tests/servers/postgres.py; the
`postgres_server` fixture skips without Debian's postgresql on a laptop and fails in CI), copied
from a template migrated once. Every test in this folder runs against both, unchanged. What is
SQLite's own (pragmas, WAL, file modes, migrations with a file backup, `integrity_check`, the
"locked" message) is tested in tests/unit/test_store.py, PostgreSQL's own (migrations, the
write lock, messages without the password) in tests/unit/test_postgres_store.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from statusdesk.core.model import (
    BilingualText,
    Impact,
    IncidentKind,
    IncidentState,
    UpdateStatus,
)
from statusdesk.store import Store
from statusdesk.store.contracts import StoreContract
from tests.servers.postgres import Postgres

NOW = "2026-11-24T10:00:00Z"
SOON = "2026-11-24T10:05:00Z"
LATER = "2026-11-24T11:00:00Z"


@dataclass
class Backend:
    name: str
    connect: Callable[[], StoreContract]  # one more connection to the same workspace
    opened: list[StoreContract] = field(default_factory=list)

    def another(self) -> StoreContract:
        store = self.connect()
        self.opened.append(store)
        return store

    def close_all(self) -> None:
        for store in self.opened:
            store.close()


def sqlite_backend(tmp_path: Path) -> Backend:
    path = tmp_path / "statusdesk.db"
    Store.open(path).close()  # created and migrated once; every connection after is "another"
    return Backend("sqlite", lambda: Store.open(path, verify=False))


@pytest.fixture(scope="session")
def postgres_template(postgres_server: Postgres) -> str:
    """A database migrated once, which every test's database is copied from (CREATE DATABASE
    … TEMPLATE: a file copy, far faster than migrating each)."""
    from statusdesk.store.postgres.store import PostgresStore

    url = postgres_server.create_database()
    PostgresStore.open_url(url).close()
    return postgres_server.database_name(url)


def postgres_backend(request: pytest.FixtureRequest) -> Backend:
    server: Postgres = request.getfixturevalue("postgres_server")
    template: str = request.getfixturevalue("postgres_template")
    from statusdesk.store.postgres.store import PostgresStore

    url = server.create_database(template)
    return Backend("postgres", lambda: PostgresStore.open_url(url, migrate=False))


BACKENDS: dict[str, Callable[[pytest.FixtureRequest, Path], Backend]] = {
    "sqlite": lambda request, tmp_path: sqlite_backend(tmp_path),
    "postgres": lambda request, tmp_path: postgres_backend(request),
}


@pytest.fixture(params=sorted(BACKENDS))
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    made = BACKENDS[request.param](request, tmp_path)
    try:
        yield made
    finally:
        made.close_all()


@pytest.fixture
def store(backend: Backend) -> StoreContract:
    """A fresh, migrated workspace: one channel (the status page, "site") and nothing else."""
    return backend.another()


def new_incident(
    store: StoreContract,
    title: str = "API outage",
    *,
    kind: IncidentKind = IncidentKind.INCIDENT,
    state: IncidentState = IncidentState.INVESTIGATING,
) -> int:
    return store.incidents.create_incident(
        title=BilingualText(title, "تعطل الواجهة"),
        kind=kind,
        state=state,
        impact=Impact.MAJOR,
        started_at=NOW,
        now=NOW,
    )


def published_update(store: StoreContract, incident_id: int, text: str = "Looking into it") -> int:
    return store.incidents.add_update(
        incident_id=incident_id,
        state=IncidentState.INVESTIGATING,
        body=BilingualText(text, "نبحث في الأمر"),
        author="nadia",
        now=NOW,
        status=UpdateStatus.PUBLISHED,
    )


def site_channel(store: StoreContract) -> int:
    site = store.channels.channel_by_name("site")
    assert site is not None
    return site.id


def one_delivery(store: StoreContract) -> int:
    """A pending delivery of a published update to the site channel."""
    with store.transaction():
        update_id = published_update(store, new_incident(store))
        (delivery_id,) = store.deliveries.create_deliveries(update_id, [site_channel(store)], NOW)
    return delivery_id
