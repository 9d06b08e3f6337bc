"""Live views on a team desk (issue #17): a write on one desk is heard by every other desk on
the same PostgreSQL workspace through LISTEN/NOTIFY, without polling the server; a listener
that loses its connection counts that as a change and listens again."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from tests.servers.postgres import Postgres
from tests.unit.test_postgres_store import wait_until

WAIT_S = 30  # a deadline for a condition on a loaded machine, not an expectation


def open_incident(desk: Desk, title: str) -> int:
    published = desk.publishing.open_incident(
        title=BilingualText(title, "انقطاع"),
        draft=Draft(BilingualText("Looking.", "نبحث."), IncidentState.INVESTIGATING),
        dispatch=False,
    )
    return int(published.incident_id)


def test_a_write_on_one_desk_is_heard_on_another(postgres_server: Postgres, tmp_path: Path) -> None:
    url = postgres_server.create_database()
    with Desk(tmp_path / "a", db=url) as writer, Desk(tmp_path / "b", db=url) as reader:
        heard = threading.Event()
        assert reader.views.when_written(heard.set) is True
        assert reader.context.changes.wait_listening(WAIT_S)  # type: ignore[attr-defined]
        before = reader.views.workspace_version()
        open_incident(writer, "API down")
        assert heard.wait(WAIT_S)
        assert reader.views.workspace_version() != before
        assert [i.title.en for i in reader.views.incidents()] == ["API down"]


def test_a_listener_that_loses_its_connection_counts_a_change_and_listens_again(
    postgres_server: Postgres, tmp_path: Path
) -> None:
    url = postgres_server.create_database()
    database = postgres_server.database_name(url)
    with Desk(tmp_path / "a", db=url) as writer, Desk(tmp_path / "b", db=url) as reader:
        changes = reader.context.changes
        assert changes.wait_listening(WAIT_S)  # type: ignore[attr-defined]
        before = changes.version()
        with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND query LIKE 'LISTEN%%'",
                (database,),
            )
        heard = threading.Event()
        reader.views.when_written(heard.set)
        assert wait_until(lambda: changes.version() != before, WAIT_S)
        assert changes.wait_listening(WAIT_S)  # type: ignore[attr-defined]
        heard.clear()
        open_incident(writer, "Search slow")
        assert heard.wait(WAIT_S)


def test_the_desk_opens_on_the_prefetch_s_pool_without_connecting_again(
    postgres_server: Postgres, tmp_path: Path
) -> None:
    """The app's prefetch (off the GUI thread) makes a team desk's pool; the Desk the GUI
    thread then opens on it connects nothing more: the GUI thread never waits on the server."""
    from statusdesk.app.startup import first_read

    url = postgres_server.create_database()
    database = postgres_server.database_name(url)

    def backends() -> int:
        with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
            row = admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,)
            ).fetchone()
        assert row is not None
        return int(row[0])

    opened = first_read(tmp_path / "desk", db=url)
    assert opened.records is not None
    before = backends()
    with Desk(tmp_path / "desk", checked=True, records=opened.records) as desk:
        assert backends() == before
        assert desk.views.incidents() == []
