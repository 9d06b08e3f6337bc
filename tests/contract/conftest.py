"""The store's contract, run against every backend (statusdesk/store/contracts.py).

These tests speak only the Protocols of `statusdesk.store.contracts`: `StoreContract` and its
parts. A `Backend` knows how to make a fresh, migrated workspace and how to open a further
connection to it (for what two processes do at once: racing claims, a second reader). Today
there is one backend, "sqlite".

How a PostgreSQL backend joins: implement the Protocols (say in statusdesk/store/postgres/,
composed by a `PostgresStore` with the same attributes as `Store`), then add one entry to
`BACKENDS` below: a function that creates an empty database (a schema per test, or a
throw-away database from a template on a server named by an environment variable, skipped
with `need(...)` when no server is configured), applies its migrations, and returns a
`Backend` whose `connect()` opens a `PostgresStore` on it and whose `drop()` removes it. Every
test in this folder then runs against both, unchanged. What is SQLite's own (pragmas, WAL,
file modes, migrations with a file backup, `integrity_check`, the "locked" message) is tested
in tests/unit/test_store.py, not here.
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


BACKENDS: dict[str, Callable[[Path], Backend]] = {"sqlite": sqlite_backend}


@pytest.fixture(params=sorted(BACKENDS))
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    made = BACKENDS[request.param](tmp_path)
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
