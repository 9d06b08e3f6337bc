"""What is PostgreSQL's own in the team desk's store (issue #17), against a real server
(tests/servers/postgres.py): the schema's versions beside SQLite's, migrating once however many
processes start together, the write lock that makes writers take turns as on SQLite, the
append-only event log, placeholders rewritten without touching what is quoted, and messages
that never carry the password. The parts' behaviour is the contract suite's (tests/contract/,
run on both backends)."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statusdesk.store import Store, WorkspaceError
from statusdesk.store.postgres.placeholders import pyformat
from statusdesk.store.postgres.schema import MIGRATIONS as POSTGRES_MIGRATIONS
from statusdesk.store.postgres.store import VERSION_TABLE, PostgresStore, schema_version
from statusdesk.store.schema import MIGRATIONS as SQLITE_MIGRATIONS
from tests.servers.postgres import Postgres

NOW = "2026-12-07T10:00:00Z"


def sqlite_columns(path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(path) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        found = {
            table: [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            for table in tables
        }
    conn.close()
    return found


def postgres_columns(store: PostgresStore) -> dict[str, list[str]]:
    rows = store.database.rows(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name != ? "
        "ORDER BY table_name, ordinal_position",
        (VERSION_TABLE,),
    )
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["table_name"], []).append(row["column_name"])
    return found


def test_both_backends_have_the_same_versions_tables_and_columns(
    postgres_server: Postgres, tmp_path: Path
) -> None:
    assert len(POSTGRES_MIGRATIONS) == len(SQLITE_MIGRATIONS)
    Store.open(tmp_path / "statusdesk.db").close()
    store = PostgresStore.open_url(postgres_server.create_database())
    try:
        assert schema_version(store.database) == len(SQLITE_MIGRATIONS)
        assert postgres_columns(store) == sqlite_columns(tmp_path / "statusdesk.db")
    finally:
        store.close()


def test_an_empty_database_is_initialised_once_however_many_open_it_together(
    postgres_server: Postgres,
) -> None:
    url = postgres_server.create_database()
    opened: list[PostgresStore] = []
    failed: list[BaseException] = []
    start = threading.Barrier(4)

    def open_one() -> None:
        start.wait()
        try:
            opened.append(PostgresStore.open_url(url))
        except BaseException as error:  # reported below, with what it was
            failed.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failed == []
        store = opened[0]
        assert schema_version(store.database) == len(POSTGRES_MIGRATIONS)
        # One site channel: the first migration ran once.
        assert [c.name for c in store.channels.channels()] == ["site"]
    finally:
        for store in opened:
            store.close()


def test_a_database_from_a_newer_statusdesk_is_refused(postgres_server: Postgres) -> None:
    url = postgres_server.create_database()
    store = PostgresStore.open_url(url)
    store.database.execute(f"UPDATE {VERSION_TABLE} SET version = 99")
    store.close()
    with pytest.raises(WorkspaceError, match="newer statusdesk"):
        PostgresStore.open_url(url)
    with pytest.raises(WorkspaceError, match="newer statusdesk"):
        PostgresStore.open_url(url, migrate=False)


def test_a_failing_migration_leaves_the_database_as_it_was(postgres_server: Postgres) -> None:
    from statusdesk.store.postgres.database import PostgresDatabase
    from statusdesk.store.postgres.store import upgrade

    url = postgres_server.create_database()
    PostgresStore.open_url(url).close()
    database = PostgresDatabase.connect(url)
    broken = "CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);"
    try:
        with pytest.raises(Exception, match="nowhere"):
            upgrade(database, (*POSTGRES_MIGRATIONS, broken))
        assert schema_version(database) == len(POSTGRES_MIGRATIONS)
        assert database.rows("SELECT to_regclass('half') IS NULL AS gone")[0]["gone"]
    finally:
        database.close()


def waiting_for_the_write_lock(store: PostgresStore) -> int:
    rows = store.database.rows(
        "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
    )
    return int(rows[0]["n"])


def wait_until(condition: Callable[[], bool], timeout: float = 30) -> bool:
    """Whether `condition` came true within `timeout` seconds (asked every 20 ms)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_writers_take_turns_as_on_sqlite(postgres_server: Postgres) -> None:
    """A transaction on one connection holds the workspace's write lock: another connection's
    transaction waits for it, then sees what it wrote (a read-then-write is never interleaved)."""
    url = postgres_server.create_database()
    first, second = PostgresStore.open_url(url), PostgresStore.open_url(url, migrate=False)
    holding, second_done = threading.Event(), threading.Event()
    seen: list[str | None] = []

    def second_writer() -> None:
        holding.wait()
        with second.transaction():
            seen.append(second.settings.setting("turn"))
            second.settings.set_setting("turn", "second", NOW)
        second_done.set()

    thread = threading.Thread(target=second_writer)
    thread.start()
    try:
        with first.transaction():
            first.settings.set_setting("turn", "first", NOW)
            holding.set()
            # The second writer is blocked on the lock, not merely slow: PostgreSQL says so.
            assert wait_until(lambda: waiting_for_the_write_lock(first) == 1)
            assert not second_done.is_set()
        thread.join(timeout=30)
        assert seen == ["first"]
        assert first.settings.setting("turn") == "second"
    finally:
        holding.set()
        thread.join(timeout=30)
        first.close()
        second.close()


def test_the_event_log_is_append_only(postgres_server: Postgres) -> None:
    store = PostgresStore.open_url(postgres_server.create_database())
    try:
        event_id = store.audit.log_event("note", NOW, actor="nadia")
        with pytest.raises(Exception, match="append-only"):
            store.database.execute(
                "UPDATE event SET actor = 'someone else' WHERE id = ?", (event_id,)
            )
        with pytest.raises(Exception, match="append-only"):
            store.database.execute("DELETE FROM event WHERE id = ?", (event_id,))
    finally:
        store.close()


def test_a_server_that_cannot_be_reached_is_named_without_the_password(
    postgres_server: Postgres,
) -> None:
    secret = "s3cret-Pa55word"
    url = f"postgresql://desk:{secret}@127.0.0.1:{postgres_server.port}/no_such_database"
    with pytest.raises(WorkspaceError) as raised:
        PostgresStore.open_url(url)
    message = str(raised.value)
    assert secret not in message
    assert f"desk@127.0.0.1:{postgres_server.port}/no_such_database" in message


def test_placeholders_become_psycopg_s_and_quoted_text_stays() -> None:
    assert pyformat("SELECT * FROM t WHERE a = ? AND b = :bee") == (
        "SELECT * FROM t WHERE a = %s AND b = %(bee)s"
    )
    assert pyformat("SELECT x::bigint, :a::text, 7 % 2") == (
        "SELECT x::bigint, %(a)s::text, 7 %% 2"
    )
    assert pyformat("SELECT '?:x', \"we?ird\" -- is it?\nFROM t") == (
        "SELECT '?:x', \"we?ird\" -- is it?\nFROM t"
    )
    assert pyformat("SELECT 'it''s 100%'") == "SELECT 'it''s 100%%'"


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
)
def test_any_text_in_a_literal_or_a_parameter_reaches_the_server_unchanged(
    postgres_server: Postgres, text: str
) -> None:
    """Whatever a literal or a value holds ('?', ':name', '%', quotes, Arabic, controls), the
    rewriting of placeholders leaves it as it was."""
    from statusdesk.store.postgres.database import PostgresDatabase

    database = PostgresDatabase.connect(postgres_server.url())
    literal = "'" + text.replace("'", "''") + "'"
    try:
        by_position = database.rows(f"SELECT {literal} AS quoted, ? AS bound", (text,))
        by_name = database.rows(f"SELECT {literal} AS quoted, :value AS bound", {"value": text})
    finally:
        database.close()
    assert by_position == by_name == [{"quoted": text, "bound": text}]
